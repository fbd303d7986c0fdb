"""Interview and AMA pages."""

from django.shortcuts import get_object_or_404, render

from people.models import Person
from portfolio.context_processors import base_url
from publications.exports import interview_json_ld
from publications.models import Interview


def interview(request, slug):
    interviews = Interview.objects.for_page(request.user)
    if not request.user.is_staff:
        interviews = interviews.filter(person__in=Person.objects.published())
    item = get_object_or_404(interviews, slug=slug)
    return render(
        request,
        "publications/interview.html",
        {"interview": item, "json_ld": interview_json_ld(item, base_url(request))},
    )
