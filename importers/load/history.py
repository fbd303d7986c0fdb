"""The version history of one imported document, written in one go at the end of its load.

django-reversion records a version from every save signal: it serialises each object on its
own and queries each followed relation (a person's links, sections and roles) once per save.
An import knows what it wrote and already holds every record's siblings, so it writes the
same revision in two statements: one Revision, then every Version in one executemany. The
versions are those reversion itself would make (``tests/portfolio/test_import_history.py``
compares them), so history, compare, revert and recover in the admin work as for any save.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, models, router
from django.utils import timezone
from django.utils.encoding import force_str, is_protected_type
from reversion.models import Revision, Version
from reversion.revisions import _get_options, post_revision_commit, pre_revision_commit

# The records related to one by a relation's name (a person's "links", a publication's
# "people"), when the import already knows all of them; None sends the question to the database.
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

    def followed(self) -> list[models.Model]:
        """The records and, as reversion does, what each follows (recursively), so that
        reverting the revision restores a person together with their inline records."""
        result: dict[tuple[str, Any], models.Model] = {}
        queue = deque(self.records.values())
        while queue:
            obj = queue.popleft()
            key = (obj._meta.label, obj.pk)
            if key in result or obj.pk is None:
                continue
            result[key] = obj
            for name in _get_options(type(obj)).follow:
                queue.extend(self._follow(obj, name))
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
        rows = []
        for model, objs in by_model.items():
            rows.extend(_version_rows(model, objs, self.related))
        revision = Revision(date_created=timezone.now(), user=user, comment=comment)
        # reversion's signals carry Version objects: made only when someone listens.
        listening = pre_revision_commit.has_listeners() or post_revision_commit.has_listeners()
        versions = [Version(revision=revision, **row) for row in rows] if listening else []
        if listening:
            pre_revision_commit.send(
                sender=reversion.create_revision, revision=revision, versions=versions
            )
        revision.save(using=using)
        _insert_versions(revision, rows, using)
        if listening:
            post_revision_commit.send(
                sender=reversion.create_revision, revision=revision, versions=versions
            )
        self.records.clear()
        return revision


VERSION_COLUMNS = ("content_type", "object_id", "db", "format", "serialized_data", "object_repr")


def _insert_versions(revision: Revision, rows: list[dict[str, Any]], using: str) -> None:
    """Every version in one statement. A plain executemany: bulk_create would spend longer
    preparing these few text columns than the database takes to store them."""
    connection = connections[using]
    quote = connection.ops.quote_name
    names = ("revision", *VERSION_COLUMNS)
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(Version._meta.db_table),
        ", ".join(quote(Version._meta.get_field(name).column) for name in names),
        ", ".join(["%s"] * len(names)),
    )
    params = [
        (revision.pk, row["content_type"].pk, *(row[name] for name in VERSION_COLUMNS[1:]))
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _version_rows(
    model: type[models.Model], objs: list[models.Model], related: Related | None = None
) -> list[dict[str, Any]]:
    """Each object's Version columns, serialised as reversion serialises it."""
    options = _get_options(model)
    content_type = ContentType.objects.get_for_model(model)
    model_db = router.db_for_write(model)
    if options.format == "json" and not options.use_natural_foreign_keys:
        plan = _plan(model, options.fields)
        data = [_json(obj, plan, related) for obj in objs]
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
        {
            "content_type": content_type,
            "object_id": force_str(getattr(obj, options.object_id_field)),
            "db": model_db,
            "format": options.format,
            "serialized_data": serialized,
            "object_repr": force_str(obj),
        }
        for obj, serialized in zip(objs, data, strict=True)
    ]


@dataclass(frozen=True)
class _Plan:
    label: str
    pk: models.Field
    fields: tuple[models.Field, ...]
    many_to_many: tuple[models.Field, ...]


@functools.cache
def _plan(model: type[models.Model], selected: tuple[str, ...] | None) -> _Plan:
    """What Django's serializer writes for a model: its local serialisable fields (of those
    reversion selected), then its many-to-many fields with an automatic link table."""
    concrete = model._meta.concrete_model._meta

    def wanted(field: models.Field) -> bool:
        name = field.attname[:-3] if field.remote_field and not field.many_to_many else None
        return field.serialize and (selected is None or (name or field.attname) in selected)

    return _Plan(
        label=str(model._meta),
        pk=model._meta.pk,
        fields=tuple(f for f in concrete.local_fields if wanted(f)),
        many_to_many=tuple(
            f
            for f in concrete.local_many_to_many
            if wanted(f) and f.remote_field.through._meta.auto_created
        ),
    )


_ENCODER = DjangoJSONEncoder(ensure_ascii=False)


def _value(obj: models.Model, field: models.Field) -> Any:
    value = field.value_from_object(obj)
    return value if is_protected_type(value) else field.value_to_string(obj)


def _json(obj: models.Model, plan: _Plan, related: Related | None) -> str:
    """serialize("json", [obj]) as Django writes it (the tests compare them byte for byte),
    without its per-call set-up, and with many-to-many values the import already knows."""
    fields = {field.name: _value(obj, field) for field in plan.fields}
    for field in plan.many_to_many:
        known = related(obj, field.name) if related else None
        if known is None:
            known = getattr(obj, field.name).select_related(None).only("pk")
        fields[field.name] = [_value(other, other._meta.pk) for other in known]
    dump = {"model": plan.label, "pk": _value(obj, plan.pk), "fields": fields}
    return "[" + _ENCODER.encode(dump) + "]"
