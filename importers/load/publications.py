"""Loading the publications app's records of a document: publications and patents
(shared between people), talks and interviews."""

from __future__ import annotations

from typing import Any

from django.db import models

from people.models import Person
from portfolio.slugs import slugify_name, unique_slug
from publications.models import Interview, Patent, Publication, Question, Talk

from .base import (
    LoaderBase,
    _date,
)


class PublicationsLoader(LoaderBase):
    """Publications, patents, talks and interviews."""

    def load_publications(self, person: Person) -> None:
        for item in self.doc.publications:
            date, precision = _date(item.date)
            publication = self.upsert_shared(
                "publication",
                Publication,
                person,
                key=("doi", self.fit(Publication, "doi", item.doi)),
                values={
                    "title": item.title.strip(),
                    "authors": item.authors,
                    "kind": item.kind,
                    "venue": item.venue,
                    "date": date,
                    "date_precision": precision,
                    "url": item.url,
                    "doi": item.doi,
                    "summary": item.summary,
                    "status": self.status,
                },
            )
            if publication is not None:
                self.load_tags(publication, item.tags)

    def load_patents(self, person: Person) -> None:
        for item in self.doc.patents:
            date, precision = _date(item.date)
            self.upsert_shared(
                "patent",
                Patent,
                person,
                key=("number", self.fit(Patent, "number", item.number)),
                values={
                    "title": item.title.strip(),
                    "number": item.number,
                    "url": item.url,
                    "status": item.status,
                    "date": date,
                    "date_precision": precision,
                    "visibility": self.status,
                },
            )

    def upsert_shared(
        self,
        kind: str,
        model: type[models.Model],
        person: Person,
        *,
        key: tuple[str, str],
        values: dict[str, Any],
    ) -> models.Model | None:
        """A record several people share (a paper, a patent): found by its identifier
        (DOI, number) or else its title, updated, and linked to this person."""
        field_name, identifier = key
        lookup = {field_name: identifier} if identifier else {"title__iexact": values["title"]}
        existing = model.objects.filter(**lookup).order_by("pk").first()
        record = self.upsert(kind, model, {}, values, instance=existing)
        if record is not None:
            self.link_person(record, person)
        return record

    def load_talks(self, person: Person) -> None:
        for item in self.doc.talks:
            date, precision = _date(item.date)
            self.upsert(
                "talk",
                Talk,
                {"person": person, "title": item.title.strip(), "date": date},
                {
                    "kind": item.kind,
                    "event": item.event,
                    "location": item.location,
                    "date_precision": precision,
                    "url": item.url,
                    "slides_url": item.slides_url,
                    "video_url": item.video_url,
                    "summary": item.summary,
                    "status": self.status,
                },
                defer=True,
            )

    def load_interviews(self, person: Person) -> None:
        for item in self.doc.interviews:
            title = self.fit(
                Interview, "title", item.title.strip() or f"Interview with {person.name}"
            )
            base_slug = slugify_name(title) or "interview"
            existing = next(
                (
                    known
                    for known in self._siblings(Interview, {"person": person})
                    if known.title.lower() == title.lower()
                ),
                None,
            )
            date, precision = _date(item.date)
            values = {
                "title": title,
                "kind": item.kind,
                "interviewer": item.interviewer,
                "outlet": item.outlet,
                "date": date,
                "date_precision": precision,
                "source_url": item.source_url,
                "intro": item.intro,
                "outro": item.outro,
                "status": self.status,
            }
            if existing is None:
                values = {"person": person, "slug": unique_slug(Interview, base_slug), **values}
            interview = self.upsert("interview", Interview, {}, values, instance=existing)
            if interview is None:
                continue
            for order, question in enumerate(item.questions, start=1):
                self.upsert(
                    "question",
                    Question,
                    {"interview": interview, "order": order},
                    {
                        "asker": question.asker,
                        "question": question.question,
                        "answer": question.answer,
                        "is_highlight": question.is_highlight,
                    },
                    defer=True,
                )
            stale = sum(
                1
                for question in self._siblings(Question, {"interview": interview})
                if question.order > len(item.questions)
            )
            if stale:
                self.warn(
                    f"interview '{title}': {stale} question(s) no longer in the source were kept"
                )

    def link_person(self, record: models.Model, person: Person) -> None:
        """Add the person to a shared record's people, unless already there (a re-import
        must not give the record a new version). A record this load created has nobody yet."""
        people = record._meta.get_field("people")
        row = {
            f"{people.m2m_field_name()}_id": record.pk,
            f"{people.m2m_reverse_field_name()}_id": person.pk,
        }
        through = people.remote_field.through
        fresh = (record._meta.label, record.pk) in self.created
        if fresh or not through.objects.filter(**row).exists():
            # Straight into the link table: no m2m signals, the history records it below.
            through.objects.create(**row)
            self.history.add(record)
            if fresh:
                self.linked.setdefault((record._meta.label, record.pk, "people"), []).append(person)
