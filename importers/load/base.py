"""The generic part of a document's load: the upsert that keeps editors' changes,
validation, bulk inserts of new children, and the report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from taggit.models import Tag

from importers.parse.records import PartialDate, ProfileDocument
from people.models import Person
from portfolio.models import Status
from timeline.models import Organization

from .cache import RunCache
from .history import ImportHistory
from .plan import DocumentPlan, clean_record, fit, is_empty

OUTCOMES = ("created", "updated", "unchanged")

GENERIC_LABELS = frozenset({"here", "link", "this", "click here", "this link", "more", "website"})


class LoadError(ValueError):
    """A document's records could not be saved; nothing of it was written."""


@dataclass
class DocumentReport:
    """What importing one document did (or, in a dry run, would do)."""

    source: str
    family: str = ""
    person: str = ""
    person_url: str = ""
    counts: dict[str, Counter] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    dry_run: bool = False

    def count(self, kind: str, outcome: str) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += 1

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def changed(self) -> bool:
        return any(c["created"] or c["updated"] for c in self.counts.values())

    def totals(self) -> Counter:
        total: Counter = Counter()
        for counter in self.counts.values():
            total.update(counter)
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "family": self.family,
            "person": self.person,
            "person_url": self.person_url,
            "ok": self.ok,
            "error": self.error,
            "dry_run": self.dry_run,
            "counts": {
                kind: {outcome: counter[outcome] for outcome in OUTCOMES}
                for kind, counter in sorted(self.counts.items())
            },
            "warnings": list(self.warnings),
        }


def fingerprint(value: Any) -> str:
    """A short, stable fingerprint of a field value as stored."""
    if isinstance(value, models.Model):
        value = f"{value._meta.label}:{value.pk}"
    elif isinstance(value, dt.date | dt.datetime | dt.time):
        value = value.isoformat()
    elif value is None:
        value = ""
    return hashlib.blake2b(str(value).encode(), digest_size=6).hexdigest()


def _key_part(value: Any) -> Any:
    """A lookup value as a dictionary key: a model instance by its model and pk."""
    if isinstance(value, models.Model):
        return (value._meta.label, value.pk if value.pk is not None else id(value))
    return value


def _date(value: PartialDate | None) -> tuple[dt.date | None, str]:
    if value is None:
        return None, "month"
    return value.to_date(), value.precision


def _field_equals(obj: models.Model, name: str, value: Any) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.is_relation:
        return getattr(obj, model_field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value


logger = logging.getLogger(__name__)


class LoaderBase:
    """Writes one document's records; the content apps' mixins add a load step each."""

    def __init__(
        self,
        doc: ProfileDocument,
        report: DocumentReport,
        *,
        publish: bool,
        cache: RunCache | None = None,
    ) -> None:
        self.doc = doc
        self.report = report
        self.publish = publish
        self.source = (doc.source_name or report.source)[-255:]
        self.status = Status.PUBLISHED if publish else Status.DRAFT
        # Objects created during this load: nothing can hang off them yet, so their
        # children need no lookup. And each parent's children, fetched once.
        self.created: set[tuple[str, int]] = set()
        self.children: dict[tuple[str, str, int], list[models.Model]] = {}
        # Organizations this document used; those committed by earlier documents of the
        # same run are shared through known_organizations, saving a query per role.
        self.organizations: dict[str, Organization] = {}
        self.pending: dict[type[models.Model], list[models.Model]] = {}
        # Each record this load wrote, by its model and lookup: a key seen twice is skipped.
        self.upserted: dict[tuple, models.Model] = {}
        self.tags: dict[str, Tag] = {}
        cache = cache if cache is not None else RunCache()
        self.known_tags = cache.tags
        self.known_organizations = cache.organizations
        self.people = cache.people
        self.person: Person | None = None
        self.linked: dict[tuple[str, int, str], list[models.Model]] = {}
        self.history = ImportHistory(related=self.known_children)
        self.plan = DocumentPlan()  # what load() validated before writing

    def fit(self, model: type[models.Model], name: str, value: Any) -> Any:
        """``value`` cut to the length the model's field allows, with a warning."""
        return fit(model, name, value, self.warn)

    def fitted(self, model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
        return {name: self.fit(model, name, value) for name, value in values.items()}

    def upsert(
        self,
        kind: str,
        model: type[models.Model],
        lookup: dict[str, Any],
        values: dict[str, Any],
        *,
        instance: models.Model | None = None,
        defer: bool = False,
        extra_state: dict[str, Any] | None = None,
        checked: frozenset[str] = frozenset(),
    ) -> models.Model | None:
        """Create or update one record; returns it, or None when it had to be skipped.

        With ``defer``, a record whose parent was created by this load (so nothing else can
        refer to it yet) is saved later in one bulk insert by ``flush()``. ``checked``
        names the fields the document's plan validated already (``plan.py``).
        """
        lookup, values = self.fitted(model, lookup), self.fitted(model, values)
        obj = instance
        if obj is None and lookup:
            key = (model, tuple(sorted((k, _key_part(v)) for k, v in lookup.items())))
            if key in self.upserted:
                # The same record twice in one document ("Advised by ..." under two
                # degrees): the first stays, or each import would flip between the two.
                self.warn(f"{kind} '{self.upserted[key]}' appears twice; the first was kept")
                self.report.count(kind, "unchanged")
                return self.upserted[key]
            obj = self.find(model, lookup)
        if obj is None:
            obj = self._create(
                kind, model, lookup, values, defer=defer, extra_state=extra_state, checked=checked
            )
            if obj is not None and lookup:
                self.upserted[key] = obj
            return obj
        if obj.pk is None:
            # The same key twice in one document, the first still waiting for flush():
            # the later values win, as they would for saved records.
            for name, new in values.items():
                if not is_empty(new):
                    setattr(obj, name, new)
                    obj.import_fields[name] = fingerprint(new)
            obj.import_hash = self._record_hash(obj.import_fields)
            self.report.count(kind, "updated")
            return obj
        if lookup and instance is None:
            self.upserted[key] = obj
        return self._update(kind, obj, values)

    def _create(
        self,
        kind: str,
        model: type[models.Model],
        lookup: dict[str, Any],
        values: dict[str, Any],
        *,
        defer: bool,
        extra_state: dict[str, Any] | None,
        checked: frozenset[str],
    ) -> models.Model | None:
        obj = model(**lookup, **values)
        obj.import_source = self.source
        # What the plan validated is not checked again; a field the write phase added is.
        unchecked = {*lookup, *values} - checked
        relations = all(obj._meta.get_field(n).is_relation for n in unchecked)
        if not relations and not self._clean(kind, obj, unchecked | checked):
            return None
        obj.import_fields = {k: fingerprint(getattr(obj, k)) for k in values}
        obj.import_fields.update(extra_state or {})
        obj.import_hash = self._record_hash(obj.import_fields)
        siblings = self._siblings(model, {**lookup, **values})
        if defer and self._parent_is_fresh({**lookup, **values}):
            self.pending.setdefault(model, []).append(obj)
        else:
            obj.save()
            self.created.add((obj._meta.label, obj.pk))
            self.history.add(obj)
        if siblings is not None:
            siblings.append(obj)
        self.report.count(kind, "created")
        return obj

    def _update(self, kind: str, obj: models.Model, values: dict[str, Any]) -> models.Model | None:
        """Apply what changed in the source since the last import; a field an editor
        changed since then keeps the editor's value."""
        state = dict(obj.import_fields or {})
        changed: list[str] = []
        previous: dict[str, Any] = {}
        for name, new in values.items():
            current = getattr(obj, name)
            if is_empty(new) or fingerprint(current) == fingerprint(new):
                if not is_empty(new):
                    state[name] = fingerprint(new)
                continue
            if state.get(name) == fingerprint(current) or is_empty(current):
                previous[name] = current
                setattr(obj, name, new)
                state[name] = fingerprint(new)
                changed.append(name)
        if changed:
            if not self._clean(kind, obj, set(changed)):
                return None
            # A value validation dropped ("about/#contact" as an email) is not a change:
            # the record keeps what it had, and the next import sees the same.
            for name in list(changed):
                if fingerprint(getattr(obj, name)) != state[name]:
                    setattr(obj, name, previous[name])
                    state[name] = fingerprint(previous[name])
                    changed.remove(name)
        if not changed:
            self.save_state(obj, state)
            self.report.count(kind, "unchanged")
            return obj
        obj.import_fields = state
        obj.import_hash = self._record_hash(state)
        obj.save()
        self.history.add(obj)
        self.report.count(kind, "updated")
        return obj

    PARENTS = ("person", "interview")

    def _parent_is_fresh(self, lookup: dict[str, Any]) -> bool:
        return any(
            (lookup[f]._meta.label, lookup[f].pk) in self.created
            for f in self.PARENTS
            if f in lookup
        )

    def flush(self) -> None:
        """Insert deferred records, one statement per model, derived fields filled in."""
        for model, objs in self.pending.items():
            for obj in objs:
                prepare = getattr(obj, "prepare_for_save", None)
                if prepare is not None:
                    prepare()
            model.objects.bulk_create(objs)
            for obj in objs:
                self.history.add(obj)
        self.pending.clear()

    def _siblings(self, model: type[models.Model], lookup: dict[str, Any]) -> list | None:
        """The records of ``model`` under the lookup's parent, fetched once per load."""
        parent_field = next((f for f in self.PARENTS if f in lookup), None)
        if parent_field is None:
            return None
        parent = lookup[parent_field]
        key = (model._meta.label, parent_field, parent.pk)
        if key not in self.children:
            if (parent._meta.label, parent.pk) in self.created:
                self.children[key] = []
            else:
                rows = model.objects.filter(**{parent_field: parent}).order_by("pk")
                self.children[key] = list(rows)
        return self.children[key]

    def known_children(self, obj: models.Model, name: str) -> list[models.Model] | None:
        """The records under ``obj`` by a reverse relation's name ("links"), when this load
        already holds all of them: for the history, which saves them with their parent."""
        try:
            relation = obj._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if relation.many_to_many and not relation.auto_created:
            # A shared record this load created is linked to this load's person only.
            return self.linked.get((obj._meta.label, obj.pk, name))
        if not (relation.one_to_many and relation.auto_created):
            return None
        key = (relation.related_model._meta.label, relation.field.name, obj.pk)
        if key in self.children:
            return self.children[key]
        return [] if (obj._meta.label, obj.pk) in self.created else None

    def find(self, model: type[models.Model], lookup: dict[str, Any]) -> models.Model | None:
        siblings = self._siblings(model, lookup)
        if siblings is None:
            return model.objects.filter(**lookup).order_by("pk").first()
        for obj in siblings:
            if all(_field_equals(obj, name, value) for name, value in lookup.items()):
                return obj
        return None

    def save_state(self, obj: models.Model, state: dict[str, Any]) -> None:
        """Store what was imported, without touching the record's own fields."""
        record_hash = self._record_hash(state)
        if state != (obj.import_fields or {}) or obj.import_hash != record_hash:
            obj.import_fields = state
            obj.import_hash = record_hash
            type(obj).objects.filter(pk=obj.pk).update(import_fields=state, import_hash=record_hash)

    @staticmethod
    def _record_hash(state: dict[str, Any]) -> str:
        """One hash of a record's imported field fingerprints."""
        payload = json.dumps(state, sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()

    def _clean(self, kind: str, obj: models.Model, fields: set[str]) -> bool:
        """Validate before writing: bad optional values are dropped with a warning; a
        record that stays invalid is skipped with a warning, never half-written."""
        return clean_record(kind, obj, fields, self.warn)

    def warn(self, message: str) -> None:
        self.report.warnings.append(message)
