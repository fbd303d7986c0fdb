"""Loading the publications app's records of a document: publications and patents
(shared between people), talks and interviews."""

from __future__ import annotations

from django.db import models

from people.models import Person
from portfolio.slugs import slugify_name, unique_slug
from publications.models import Interview, Patent, Publication, Question, Talk

from .base import (
    LoaderBase,
    _date,
)
from .plan import Kind, Row, Warn, publish_values


def _stated(item, *names: str) -> dict:
    """Fields only some parsers' records carry (``importers.parse.credited``)."""
    return {name: getattr(item, name) for name in names if hasattr(item, name)}


def _publication_fields(item, order: int, status: str, warn: Warn):
    date, precision = _date(item.date)
    return {}, {
        "title": item.title.strip(),
        "authors": item.authors,
        "kind": item.kind,
        "venue": item.venue,
        "date": date,
        "date_precision": precision,
        "url": item.url,
        "doi": item.doi,
        "summary": item.summary,
        **publish_values(item, status),
    }


def _patent_fields(item, order: int, status: str, warn: Warn):
    date, precision = _date(item.date)
    return {}, {
        "title": item.title.strip(),
        "number": item.number,
        "url": item.url,
        "status": item.status,
        "date": date,
        "date_precision": precision,
        **publish_values(item, status, "visibility"),
        **_stated(item, "inventors"),
    }


def _talk_fields(item, order: int, status: str, warn: Warn):
    date, precision = _date(item.date)
    return {"title": item.title.strip(), "date": date}, {
        "kind": item.kind,
        "event": item.event,
        "location": item.location,
        "date_precision": precision,
        "url": item.url,
        "slides_url": item.slides_url,
        "video_url": item.video_url,
        "summary": item.summary,
        **publish_values(item, status),
        **_stated(item, "speakers", "time"),
    }


def _question_fields(question, order: int, status: str, warn: Warn):
    return {"order": order}, {
        "asker": question.asker,
        "question": question.question,
        "answer": question.answer,
        "is_highlight": question.is_highlight,
    }


def _interview_fields(item, order: int, status: str, warn: Warn):
    date, precision = _date(item.date)
    return {}, {
        "title": item.title.strip(),
        "kind": item.kind,
        "interviewer": item.interviewer,
        "outlet": item.outlet,
        "date": date,
        "date_precision": precision,
        "source_url": item.source_url,
        "intro": item.intro,
        "outro": item.outro,
        "status": status,
    }


QUESTION = Kind("question", Question, lambda doc: (), _question_fields)

PUBLICATIONS_KINDS = (
    Kind("publication", Publication, lambda doc: doc.publications, _publication_fields),
    Kind("patent", Patent, lambda doc: doc.patents, _patent_fields),
    Kind("talk", Talk, lambda doc: doc.talks, _talk_fields),
    Kind(
        "interview",
        Interview,
        lambda doc: doc.interviews,
        _interview_fields,
        # An interview without a title is named after its person, once they are known.
        filled_later=("title",),
        children=QUESTION,
        child_records=lambda interview: interview.questions,
    ),
)


class PublicationsLoader(LoaderBase):
    """Publications, patents, talks and interviews."""

    def load_publications(self, person: Person) -> None:
        for row in self.plan["publication"]:
            publication = self.upsert_shared("publication", Publication, person, "doi", row)
            if publication is not None:
                self.load_tags(publication, row.record.tags)

    def load_patents(self, person: Person) -> None:
        for row in self.plan["patent"]:
            self.upsert_shared("patent", Patent, person, "number", row)

    def upsert_shared(
        self, kind: str, model: type[models.Model], person: Person, identifier: str, row: Row
    ) -> models.Model | None:
        """A record several people share (a paper, a patent): found by its identifier
        (DOI, number) or else its title, updated, and linked to this person."""
        values = row.values
        if values[identifier]:
            lookup = {identifier: values[identifier]}
        else:
            lookup = {"title__iexact": values["title"]}
        existing = model.objects.filter(**lookup).order_by("pk").first()
        record = self.upsert(kind, model, {}, values, instance=existing, checked=row.fields)
        if record is not None:
            self.link_person(record, person)
        return record

    def load_talks(self, person: Person) -> None:
        for row in self.plan["talk"]:
            self.upsert(
                "talk",
                Talk,
                {"person": person, **row.key},
                row.values,
                defer=True,
                checked=row.fields,
            )

    def load_interviews(self, person: Person) -> None:
        for row in self.plan["interview"]:
            values = dict(row.values)
            title = values["title"] or self.fit(Interview, "title", f"Interview with {person.name}")
            values["title"] = title
            existing = next(
                (
                    known
                    for known in self._siblings(Interview, {"person": person})
                    if known.title.lower() == title.lower()
                ),
                None,
            )
            if existing is None:
                slug = unique_slug(Interview, slugify_name(title) or "interview")
                values = {"person": person, "slug": slug, **values}
            interview = self.upsert(
                "interview", Interview, {}, values, instance=existing, checked=row.fields
            )
            if interview is not None:
                self.load_questions(interview, row.children, len(row.record.questions))

    def load_questions(self, interview: Interview, rows: tuple[Row, ...], asked: int) -> None:
        for row in rows:
            self.upsert(
                "question",
                Question,
                {"interview": interview, **row.key},
                row.values,
                defer=True,
                checked=row.fields,
            )
        stale = sum(
            1
            for question in self._siblings(Question, {"interview": interview})
            if question.order > asked
        )
        if stale:
            self.warn(
                f"interview '{interview.title}': {stale} question(s) no longer in the source "
                "were kept"
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
