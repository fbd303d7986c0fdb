"""The version history of one imported document, written in one go at the end of its load.

django-reversion records a version from every save signal: it serialises each object on its
own and queries each followed relation (a person's links, sections and roles) once per save.
An import knows what it wrote and already holds every record's siblings, so it writes the
same revision in two statements: one Revision, then every Version in one bulk insert. The
versions are those reversion itself would make (``tests/portfolio/test_import_history.py``
compares them), so history, compare, revert and recover in the admin work as for any save.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router
from django.utils import timezone
from django.utils.encoding import force_str
from reversion.models import Revision, Version
from reversion.revisions import _get_options, post_revision_commit, pre_revision_commit

# Children of a record by the name reversion follows ("links"), or None when not known.
Related = Callable[[models.Model, str], Iterable[models.Model] | None]


class ImportHistory:
    """Collects the records one document saved; ``write()`` stores them as one revision."""

    def __init__(self, related: Related | None = None) -> None:
        self.records: dict[tuple[str, Any], models.Model] = {}
        self.related = related

    def add(self, obj: models.Model) -> None:
        """A record this document created or changed (registered models only)."""
        if obj.pk is not None and reversion.is_registered(type(obj)):
            self.records.setdefault((obj._meta.label, obj.pk), obj)

    def __bool__(self) -> bool:
        return bool(self.records)

    def followed(self) -> list[models.Model]:
        """The records and, as reversion does, what each follows (recursively), so that
        reverting the revision restores a person together with their inline records."""
        result: dict[tuple[str, Any], models.Model] = {}
        stack = list(self.records.values())
        while stack:
            obj = stack.pop(0)
            key = (obj._meta.label, obj.pk)
            if key in result or obj.pk is None:
                continue
            result[key] = obj
            for name in _get_options(type(obj)).follow:
                stack.extend(self._follow(obj, name))
        return list(result.values())

    def _follow(self, obj: models.Model, name: str) -> Iterable[models.Model]:
        known = self.related(obj, name) if self.related else None
        if known is not None:
            return known
        try:
            value = getattr(obj, name)
        except models.ObjectDoesNotExist:
            return ()
        if isinstance(value, models.Model):
            return (value,)
        if isinstance(value, models.Manager | models.QuerySet):
            return list(value.all())
        return ()

    def write(self, *, comment: str = "", user=None, using: str | None = None) -> Revision | None:
        """Store the revision; nothing when the document changed nothing."""
        if not self.records:
            return None
        using = using or router.db_for_write(Revision)
        objects = self.followed()
        by_model: dict[type[models.Model], list[models.Model]] = {}
        for obj in objects:
            by_model.setdefault(type(obj), []).append(obj)
        versions = []
        for model, objs in by_model.items():
            versions.extend(_versions(model, objs))
        revision = Revision(date_created=timezone.now(), user=user, comment=comment)
        pre_revision_commit.send(
            sender=reversion.create_revision, revision=revision, versions=versions
        )
        revision.save(using=using)
        for version in versions:
            version.revision = revision
        Version.objects.using(using).bulk_create(versions)
        post_revision_commit.send(
            sender=reversion.create_revision, revision=revision, versions=versions
        )
        self.records.clear()
        return revision


def _versions(model: type[models.Model], objs: list[models.Model]) -> list[Version]:
    """One unsaved Version per object, serialised as reversion does, in one serializer pass."""
    options = _get_options(model)
    content_type = ContentType.objects.get_for_model(model)
    model_db = router.db_for_write(model)
    if options.format == "json":
        # serialize("json", [obj]) is "[" + the python serializer's dict as JSON + "]".
        rows = serializers.serialize(
            "python",
            objs,
            fields=options.fields,
            use_natural_foreign_keys=options.use_natural_foreign_keys,
        )
        data = [
            "[" + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False) + "]" for row in rows
        ]
    else:
        data = [
            serializers.serialize(
                options.format,
                (obj,),
                fields=options.fields,
                use_natural_foreign_keys=options.use_natural_foreign_keys,
            )
            for obj in objs
        ]
    return [
        Version(
            content_type=content_type,
            object_id=force_str(getattr(obj, options.object_id_field)),
            db=model_db,
            format=options.format,
            serialized_data=serialized,
            object_repr=force_str(obj),
        )
        for obj, serialized in zip(objs, data, strict=True)
    ]
