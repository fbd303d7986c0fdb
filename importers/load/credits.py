"""Linking co-authors: the people on this site a document's publications, patents and talks
name among their authors, inventors or speakers (by name or alias) are linked to them, as
the document's own person is.

Each record remembers whom the import linked (``import_fields["credited"]``), so a link an
editor removed in the admin stays removed at the next import, as removed tags do.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from people.models import Person, PersonAlias
from portfolio.names import name_key, split_names

from .base import LoaderBase

# Which text names the record's people, and the relation that links them.
CREDITED = {
    "publication": ("authors", "people"),
    "patent": ("inventors", "people"),
    "talk": ("speakers", "co_speakers"),
}


class CreditsLoader(LoaderBase):
    """Collects the credited records as they are upserted; links them once all are saved."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.credited: list[tuple[str, models.Model, dict[str, Any]]] = []

    def upsert(self, kind, model, lookup, values, **kwargs):
        record = super().upsert(kind, model, lookup, values, **kwargs)
        if record is not None and kind in CREDITED:
            self.credited.append((kind, record, values))
        return record

    def flush(self) -> None:
        super().flush()
        self.load_talk_tags()
        self.link_credits()

    def load_talk_tags(self) -> None:
        """A talk's tags, where its document states them (JSON Resume): once it is saved."""
        tagged = {id(row.values): row.record for row in self.plan["talk"]}
        for kind, record, values in self.credited:
            tags = getattr(tagged.get(id(values)), "tags", ())
            if kind == "talk" and tags:
                self.load_tags(record, tags)

    def link_credits(self) -> None:
        named = [
            (kind, record, split_names(values.get(CREDITED[kind][0]) or ""))
            for kind, record, values in self.credited
        ]
        named = [item for item in named if item[2]]
        if not named:
            return
        index = self.name_index()
        for kind, record, names in named:
            found: dict[int, str] = {}
            for name in names:
                pks = index.get(name_key(name), set())
                if len(pks) > 1:
                    self.warn(f"{kind} '{record}': '{name}' names {len(pks)} people; linked none")
                elif pks:
                    found.setdefault(next(iter(pks)), name)
            found.pop(self.person.pk, None)
            self.link(kind, record, sorted(found))

    def name_index(self) -> dict[str, set[int]]:
        """Every person's name and alias, compared as ``name_key`` compares them."""
        index: dict[str, set[int]] = {}
        for pk, name in Person.objects.order_by().values_list("pk", "name"):
            index.setdefault(name_key(name), set()).add(pk)
        for pk, key in PersonAlias.objects.order_by().values_list("person_id", "key"):
            index.setdefault(key, set()).add(pk)
        return index

    def link(self, kind: str, record: models.Model, wanted: list[int]) -> None:
        relation = record._meta.get_field(CREDITED[kind][1])
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        state = dict(record.import_fields or {})
        before = set(state.get("credited", []))
        linked = set(
            through.objects.filter(**{f"{source}_id": record.pk}).values_list(
                f"{target}_id", flat=True
            )
        )
        # Linked already, or linked by an earlier import and unlinked by an editor since.
        new = [pk for pk in wanted if pk not in linked and pk not in before]
        if new:
            through.objects.bulk_create(
                through(**{f"{source}_id": record.pk, f"{target}_id": pk}) for pk in new
            )
            known = self.linked.get((record._meta.label, record.pk, relation.name))
            if known is not None:
                # The history of a record this load created reads its people from here.
                known.extend(Person.objects.filter(pk__in=new).order_by("pk"))
            self.history.add(record)
        for pk in wanted:
            self.report.count("credit", "created" if pk in new else "unchanged")
        state["credited"] = sorted(set(wanted) | before)
        self.save_state(record, state)
