"""The admin dashboard's "Recent changes": the latest versions, by anyone, with links."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from reversion.models import Revision

register = template.Library()

LEAD_MODELS = {"person": 0, "interview": 1, "organization": 2}


@register.inclusion_tag("admin/portfolio/recent_changes.html", takes_context=True)
def recent_changes(context, limit: int = 12):
    revisions = (
        Revision.objects.select_related("user")
        .prefetch_related("version_set__content_type")
        .order_by("-date_created")[:limit]
    )
    rows = []
    for revision in revisions:
        items = []
        # The people and interviews a change was about come first, then their records.
        versions = sorted(
            revision.version_set.all(),
            key=lambda v: (LEAD_MODELS.get(v.content_type.model, 9), v.pk),
        )
        for version in versions[:3]:
            ct = version.content_type
            try:
                url = reverse(f"admin:{ct.app_label}_{ct.model}_change", args=[version.object_id])
            except NoReverseMatch:
                url = ""
            items.append({"label": version.object_repr, "url": url, "kind": ct.name})
        rows.append({"revision": revision, "items": items, "more": max(len(versions) - 3, 0)})
    return {"rows": rows}
