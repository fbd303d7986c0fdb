"""Profile pages."""

from django.shortcuts import get_object_or_404, render

from people.models import Person


def detail(request, slug):
    people = Person.objects.visible_to(request.user).with_profile_relations(request.user)
    person = get_object_or_404(people, slug=slug)
    return render(
        request,
        "people/detail.html",
        {"person": person, "sections": person.page_sections()},
    )
