"""Profile pages and a profile's exports: CV, JSON Resume and vCard."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from people.exports import profile_json_ld, vcard
from people.jsonresume import json_resume
from people.models import Person
from portfolio.context_processors import base_url


def _person(request, slug) -> Person:
    people = Person.objects.visible_to(request.user).with_profile_relations(request.user)
    return get_object_or_404(people, slug=slug)


def detail(request, slug):
    person = _person(request, slug)
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "sections": person.page_sections(),
            "json_ld": profile_json_ld(person, base_url(request)),
        },
    )


def cv(request, slug):
    person = _person(request, slug)
    return render(request, "people/cv.html", {"person": person, "sections": person.cv_sections()})


def resume_json(request, slug):
    people = Person.objects.visible_to(request.user).for_resume(request.user)
    person = get_object_or_404(people, slug=slug)
    return JsonResponse(
        json_resume(person, base_url(request)),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def vcard_file(request, slug):
    person = _person(request, slug)
    response = HttpResponse(
        vcard(person, base_url(request)), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{person.slug}.vcf"'
    return response
