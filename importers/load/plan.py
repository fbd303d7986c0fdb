"""The first phase of a document's load: every record it holds, turned into model field
values and validated (``full_clean``) before anything is written.

``plan_document`` reads no table and writes nothing. What it returns is what the write
phase saves: values cut to the lengths the models allow (from ``_meta``), optional values
that fail validation dropped with a warning, records that stay invalid left out with a
warning. The write phase then only decides, against the database, whether each planned
record is new, changed or unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models

from importers.parse.records import ProfileDocument

Warn = Callable[[str], None]


def is_empty(value: Any) -> bool:
    return value is None or value == ""


def publish_values(record: Any, status: str, field: str = "status") -> dict[str, Any]:
    """A record's publication fields: the import's ``status``, or the record's own state
    where its document states one (this site's markdown export does)."""
    state = getattr(record, "state", None)
    if state is None:
        return {field: status}
    return {field: state.status, "published_at": state.published_at, "expires_at": state.expires_at}


def fit(model: type[models.Model], name: str, value: Any, warn: Warn) -> Any:
    """``value`` cut to the length the model's field allows (from ``_meta``), with a
    warning when it had to be: the database would refuse it whole."""
    if not isinstance(value, str):
        return value
    try:
        limit = model._meta.get_field(name.split("__", 1)[0]).max_length
    except FieldDoesNotExist:
        return value
    if limit and len(value) > limit:
        warn(f"{model._meta.verbose_name} {name} cut to {limit} characters: {value[:60]!r}…")
        return value[:limit]
    return value


def clean_record(kind: str, obj: models.Model, fields: set[str], warn: Warn) -> bool:
    """Validate ``fields`` of ``obj``. Bad optional values are dropped with a warning;
    False when the record stays invalid (the caller leaves it out, never half-written)."""
    start, end = getattr(obj, "start_date", None), getattr(obj, "end_date", None)
    if start and end and end < start:
        obj.end_date = None
        warn(f"{kind} '{obj}': its end is before its start; the end was dropped.")
    # Only the given fields are checked: the others hold what the database or an editor put
    # there. Relations are looked up by the write phase and uniqueness is what the upsert
    # keys ensure; the database still enforces both, inside the document's transaction.
    exclude = [f.name for f in obj._meta.concrete_fields if f.is_relation or f.name not in fields]
    for _attempt in range(3):
        try:
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
            return True
        except ValidationError as exc:
            if not _drop_invalid(kind, obj, exc, warn):
                warn(f"{kind} '{obj}' was skipped: {exc}")
                return False
    return False


def _drop_invalid(kind: str, obj: models.Model, exc: ValidationError, warn: Warn) -> bool:
    """Empty each optional field ``exc`` names; False when nothing could be dropped."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {}
    fixed = False
    for name, messages in errors.items():
        if name == NON_FIELD_ERRORS:
            if getattr(obj, "end_date", None) is not None:
                obj.end_date = None
                fixed = True
                warn(f"{kind} '{obj}': {' '.join(messages)} The end was dropped.")
            continue
        model_field = obj._meta.get_field(name)
        if model_field.blank and not is_empty(getattr(obj, name)):
            warn(f"{kind} '{obj}': dropped {name} {getattr(obj, name)!r} ({' '.join(messages)})")
            setattr(obj, name, None if model_field.null else "")
            fixed = True
    return fixed


@dataclass(frozen=True)
class Row:
    """One planned record: its natural-key fields, its other fields (both validated), the
    parse record it came from, and the rows under it (an interview's questions)."""

    record: Any
    key: dict[str, Any]
    values: dict[str, Any]
    children: tuple[Row, ...] = ()

    @property
    def fields(self) -> frozenset[str]:
        """The fields this plan validated, which the write phase need not check again."""
        return frozenset({*self.key, *self.values})


# How one kind of parse record becomes model fields: (key, values), or a reason to leave
# it out. ``order`` counts from 1 in the document's order; ``status`` is the import's.
Fields = Callable[[Any, int, str, Warn], "tuple[dict[str, Any], dict[str, Any]] | str"]


@dataclass(frozen=True)
class Kind:
    """A kind of record a document holds and how it is planned."""

    name: str
    model: type[models.Model]
    records: Callable[[ProfileDocument], Sequence[Any]]
    fields: Fields
    # Fields left out of validation while empty: the write phase fills them in
    # (an interview named after its person).
    filled_later: tuple[str, ...] = ()
    children: Kind | None = None
    child_records: Callable[[Any], Sequence[Any]] | None = None


@dataclass
class DocumentPlan:
    """Everything a document will write, validated."""

    person: dict[str, Any] | None = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> list[Row]:
        return self.rows.get(kind, [])


def plan_row(kind: Kind, record: Any, order: int, status: str, warn: Warn) -> Row | None:
    """One record as validated field values, or None (with a warning) when it cannot be
    saved."""
    made = kind.fields(record, order, status, warn)
    if isinstance(made, str):
        warn(made)
        return None
    key, values = made
    key = {name: fit(kind.model, name, value, warn) for name, value in key.items()}
    values = {name: fit(kind.model, name, value, warn) for name, value in values.items()}
    names = {*key, *values} - {n for n in kind.filled_later if is_empty({**key, **values}[n])}
    obj = kind.model(**key, **values)
    if not clean_record(kind.name, obj, names, warn):
        return None
    key = {name: getattr(obj, name) for name in key}
    values = {name: getattr(obj, name) for name in values}
    children: tuple[Row, ...] = ()
    if kind.children is not None and kind.child_records is not None:
        planned = (
            plan_row(kind.children, child, n, status, warn)
            for n, child in enumerate(kind.child_records(record), start=1)
        )
        children = tuple(row for row in planned if row is not None)
    return Row(record, key, values, children)


def plan_document(
    doc: ProfileDocument,
    kinds: Sequence[Kind],
    person: Kind,
    *,
    status: str,
    warn: Warn,
) -> DocumentPlan:
    """Validate every record of ``doc`` before the write phase touches the database."""
    plan = DocumentPlan()
    row = plan_row(person, doc.person, 1, status, warn)
    plan.person = row.values if row is not None else None
    for kind in kinds:
        rows = (
            plan_row(kind, record, order, status, warn)
            for order, record in enumerate(kind.records(doc), start=1)
        )
        plan.rows[kind.name] = [r for r in rows if r is not None]
    return plan
