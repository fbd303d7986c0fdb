"""Writes that span timeline models: merging duplicate organizations into one."""

from __future__ import annotations

import reversion
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction

from timeline.models import Education, Organization, Role


@transaction.atomic
def organization_merge(keep: Organization, others: list[Organization], *, user=None) -> int:
    """Move every role and education of ``others`` to ``keep`` and delete ``others``.

    What ``keep`` lacks (a URL, a logo) is taken from the others; their pages redirect to
    the kept one. One transaction and one version: all of it happens, or none. Returns the
    number of records moved.
    """
    others = [org for org in others if org.pk != keep.pk]
    if not others:
        return 0
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(f"Merged {', '.join(o.name for o in others)} into {keep.name}")
        moved = 0
        for role in Role.objects.filter(organization__in=others):
            role.organization = keep
            role.save(update_fields=["organization", "updated"])
            moved += 1
        for item in Education.objects.filter(institution__in=others):
            item.institution = keep
            item.save(update_fields=["institution", "updated"])
            moved += 1
        for org in others:
            keep.url = keep.url or org.url
            keep.logo = keep.logo or org.logo
        keep.save()
        site = Site.objects.get_current()
        target = keep.get_absolute_url()
        for org in others:
            old_path = org.get_absolute_url()
            Redirect.objects.filter(site=site, new_path=old_path).update(new_path=target)
            Redirect.objects.update_or_create(
                site=site, old_path=old_path, defaults={"new_path": target}
            )
            org.delete()
    return moved
