"""Organization pages: everyone who held a role there."""

from django.shortcuts import get_object_or_404, render

from timeline.models import Organization


def organization(request, slug):
    org = get_object_or_404(Organization.objects.with_people(request.user), slug=slug)
    roles = org.roles.all()
    return render(
        request,
        "timeline/organization.html",
        {
            "organization": org,
            "current": [role for role in roles if role.is_current],
            "alumni": [role for role in roles if not role.is_current],
        },
    )
