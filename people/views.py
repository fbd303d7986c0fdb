"""Profile pages and a profile's exports: CV (as a page and a PDF), JSON Resume, vCard,
BibTeX and markdown."""

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from people.exports import profile_json_ld, vcard
from people.jsonresume import json_resume
from people.markdown_export import legacy_paths, profile_document
from people.models import Person
from people.pdf import PdfUnavailable, render_pdf
from portfolio.context_processors import base_url
from publications import bibtex


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


def cv_pdf(request, slug):
    person = _person(request, slug)
    context = {"person": person, "sections": person.cv_sections()}
    html = render_to_string("people/cv.html", context, request=request)
    try:
        pdf = render_pdf(html, base_url(request))
    except PdfUnavailable as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{person.slug}-cv.pdf"'
    return response


def profile_markdown(request, slug):
    people = Person.objects.visible_to(request.user).for_export(request.user)
    person = get_object_or_404(people, slug=slug)
    text = profile_document(
        person, redirects=legacy_paths([person]).get(person.slug, []), site=settings.SITE_NAME
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{person.slug}.md"'
    return response


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


def _bibtex_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type=bibtex.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def publications_bib(request, slug):
    person = _person(request, slug)
    text = bibtex.bibliography(person.publications.all(), person.patents.all())
    return _bibtex_response(text, f"{person.slug}.bib")


def citation_bib(request, slug, kind, pk):
    """One publication's or patent's entry: the profile's "Cite" link."""
    person = _person(request, slug)
    records = [*person.publications.all(), *person.patents.all()]
    record = next((r for r in records if r._meta.model_name == kind and r.pk == pk), None)
    if record is None:
        raise Http404("No such publication on this profile.")
    text = bibtex.entry_for(record, records)
    return _bibtex_response(text, f"{bibtex.citation_keys(records)[(record._meta.label, pk)]}.bib")
