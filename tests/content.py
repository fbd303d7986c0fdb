"""The site's content as plain data, to compare two databases record by record: each model's
rows as dicts of their fields, relations named by natural key (a slug, a name), rows
sorted, so two imports of the same documents compare equal whatever ids they got."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.apps import apps
from django.db import models

# The content an import writes, and what it hangs on.
CONTENT_MODELS = (
    "people.Person",
    "people.SocialLink",
    "people.ProfileSection",
    "timeline.Organization",
    "timeline.Role",
    "timeline.Education",
    "timeline.Project",
    "timeline.Award",
    "publications.Publication",
    "publications.Patent",
    "publications.Talk",
    "publications.Interview",
    "publications.Question",
    "redirects.Redirect",
    "taggit.Tag",
)
# What differs between two databases holding the same content: keys, clocks and the
# importer's bookkeeping (which document, which fingerprint).
BOOKKEEPING = frozenset(
    {"id", "created", "updated", "import_source", "import_hash", "import_fields"}
)


def natural_key(obj: models.Model | None) -> Any:
    if obj is None:
        return None
    if hasattr(obj, "interview_id") and obj._meta.label == "publications.Question":
        return f"{obj.interview.slug}#{obj.order}"
    for name in ("slug", "old_path"):
        if hasattr(obj, name):
            return getattr(obj, name)
    return str(obj)


def _value(obj: models.Model, field: models.Field) -> Any:
    if field.is_relation:
        return natural_key(getattr(obj, field.name))
    value = getattr(obj, field.attname)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def row(obj: models.Model) -> dict[str, Any]:
    """One record's fields, its many-to-many relations and its tags."""
    data = {f.name: _value(obj, f) for f in obj._meta.concrete_fields if f.name not in BOOKKEEPING}
    for field in obj._meta.many_to_many:
        data[field.name] = sorted(natural_key(o) for o in getattr(obj, field.name).all())
    if hasattr(obj, "tags") and obj._meta.label != "taggit.Tag":
        data["tags"] = sorted(tag.name for tag in obj.tags.all())
    return data


def content_snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every content record, by model label."""
    snapshot = {}
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        rows = [row(obj) for obj in model._default_manager.all()]
        snapshot[label] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return snapshot


def delete_content() -> None:
    """An empty site again: every content record and its history gone."""
    from django.contrib.redirects.models import Redirect
    from reversion.models import Revision
    from taggit.models import Tag

    from people.models import Person
    from publications.models import Patent, Publication
    from timeline.models import Organization

    for model in (Person, Publication, Patent, Organization, Redirect, Tag, Revision):
        model._default_manager.all().delete()


def differences(before: dict, after: dict) -> str:
    """What two snapshots disagree on, row by row, for an assertion's message."""
    lines = []
    for label in sorted(set(before) | set(after)):
        old = [json.dumps(r, sort_keys=True, default=str) for r in before.get(label, [])]
        new = [json.dumps(r, sort_keys=True, default=str) for r in after.get(label, [])]
        lines += [f"{label} lost: {r}" for r in old if r not in new]
        lines += [f"{label} gained: {r}" for r in new if r not in old]
    return "\n".join(lines)
