"""Who a publication, patent or talk credits, as printed, each name that is someone on this
site paired with them: the pages link those names to their profiles."""

from __future__ import annotations

from dataclasses import dataclass

from people.models import Person
from portfolio.names import name_key, same_person, split_names


@dataclass(frozen=True)
class Credit:
    name: str
    person: Person | None = None


def credited_text(record) -> str:
    """The names as printed: a publication's authors, a patent's inventors, a talk's
    speakers."""
    for field in ("authors", "inventors", "speakers"):
        if hasattr(record, field):
            return getattr(record, field)
    return ""


def credited_people(record) -> list[Person]:
    """The people on this site the record is linked to (from the listing's prefetch)."""
    if hasattr(record, "co_speakers"):
        return [record.person, *record.co_speakers.all()]
    return list(record.people.all())


def _spellings(person: Person) -> list[str]:
    return [person.name, *(alias.name for alias in person.aliases.all())]


def match_credit(name: str, people: list[Person]) -> Person | None:
    """The one of ``people`` a printed name is: their name or an alias, written the same
    way (case, accents and dots aside), else initials that fit ("S. Paul" for Sayak Paul)."""
    key = name_key(name)
    for person in people:
        if any(name_key(spelling) == key for spelling in _spellings(person)):
            return person
    fits = [p for p in people if any(same_person(name, s) for s in _spellings(p))]
    return fits[0] if len(fits) == 1 else None


def credits(record) -> list[Credit]:
    """The record's names in order, with the people on this site among them. Without
    printed names, the linked people themselves (a patent an editor linked to its inventors)."""
    people = credited_people(record)
    names = split_names(credited_text(record))
    if not names:
        return [] if hasattr(record, "co_speakers") else [Credit(p.name, p) for p in people]
    return [Credit(name, match_credit(name, people)) for name in names]
