"""Which person a document is about: by their handles on other sites, their email,
their name, or what the same document made last time."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.text import slugify

from importers.parse.records import ProfileDocument
from people.models import Person, SocialLink, link_handle
from portfolio.slugs import slugify_name


@dataclass(frozen=True)
class PersonMatch:
    """Who a document is about, and the slug a new person of that name may take unasked
    (the lookup already saw that nobody has it)."""

    person: Person | None
    free_slug: str = ""
    # Found by name (or slug) alone: no profile handle and no email of theirs agreed.
    by_name_only: bool = False


class PeopleIndex:
    """Everyone's names, slugs, emails and profile handles, loaded once when a run has many
    documents, and kept up to date as the run adds people. A document that matches none
    of them is about someone new and needs no lookup; one that does fetches its candidates
    by id. Names compare casefolded, so the index errs towards finding candidates; who the
    person is, among them, is decided as without it."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = {}

    @classmethod
    def load(cls) -> PeopleIndex:
        index = cls()
        people = Person.objects.order_by().values_list("pk", "name", "slug", "email")
        for pk, name, slug, email in people:
            index.add(pk, name=name, slug=slug, email=email)
        links = SocialLink.objects.exclude(handle="").order_by()
        for person_id, handle in links.values_list("person_id", "handle"):
            index.ids.setdefault(f"handle:{handle}", set()).add(person_id)
        return index

    def add(self, pk: int, *, name: str = "", slug: str = "", email: str = "", handles=()) -> None:
        keys = [f"handle:{handle}" for handle in handles if handle]
        if name:
            keys.append(f"name:{name.casefold()}")
        if slug:
            keys.append(f"slug:{slug}")
        if email:
            keys.append(f"email:{email}")
        for key in keys:
            self.ids.setdefault(key, set()).add(pk)

    def owner(self, handles: set[str]) -> int | None:
        """The first person with one of these profile handles, as the database would say."""
        return min((pk for h in handles for pk in self.ids.get(f"handle:{h}", ())), default=None)

    def candidates(self, *, emails: set[str], name: str, slugs: set[str]) -> set[int]:
        keys = [f"email:{e}" for e in emails] + [f"slug:{s}" for s in slugs if s]
        if name:
            keys.append(f"name:{name.casefold()}")
        return {pk for key in keys for pk in self.ids.get(key, ())}

    def has_slug(self, slug: str) -> bool:
        return bool(self.ids.get(f"slug:{slug}"))


def find_person(doc: ProfileDocument, source: str = "") -> Person | None:
    """The person a document is about, if already known: by profile handle, email or name."""
    return match_person(doc, source).person


def document_handles(doc: ProfileDocument) -> set[str]:
    handles = {link_handle(link.url) for link in doc.links}
    if doc.person.email:
        handles.add(link_handle(f"mailto:{doc.person.email}"))
    handles.discard("")
    return handles


def match_person(
    doc: ProfileDocument, source: str = "", index: PeopleIndex | None = None
) -> PersonMatch:
    record = doc.person
    handles = document_handles(doc)
    emails = {h.removeprefix("email:") for h in handles if h.startswith("email:")}
    name = record.name.strip()
    slug = slugify_name(name)
    if index is not None and (name or emails):
        found = _match_from_index(index, handles, emails, name, slug)
        if found is not None:
            return found
    if handles:
        # Ids first, unordered (the default order joins people): most documents of a first
        # import match nobody, and a narrow query is cheap to build.
        owners = SocialLink.objects.filter(handle__in=handles).order_by()
        owner = min(owners.values_list("person_id", flat=True), default=None)
        if owner is not None:
            return PersonMatch(Person.objects.get(pk=owner))
    if not name and not emails:
        # A document that names nobody is matched to what it made last time.
        if not source:
            return PersonMatch(None)
        return PersonMatch(Person.objects.filter(import_source=source).order_by("pk").first())
    query = models.Q(email__in=emails) if emails else models.Q()
    if name:
        # slugify(name): the slug such a person got before slugs kept letters ("ukasz-zow").
        query |= models.Q(name__iexact=name) | models.Q(slug=slugify(name)) | models.Q(slug=slug)
    rows = list(Person.objects.filter(query).order_by().values_list("pk", "slug"))
    free_slug = slug if slug and slug not in {row_slug for _pk, row_slug in rows} else ""
    if not rows:
        return PersonMatch(None, free_slug)

    person = _best_candidate([pk for pk, _slug in rows], handles, emails, name)
    return _by_name(person, free_slug, emails)


def _match_from_index(
    index: PeopleIndex, handles: set[str], emails: set[str], name: str, slug: str
) -> PersonMatch | None:
    """The match by the run's index; None when the database must be asked (a person the
    index names has been deleted since it was loaded)."""
    if (owner := index.owner(handles)) is not None:
        person = Person.objects.filter(pk=owner).first()
        return PersonMatch(person) if person is not None else None
    pks = index.candidates(emails=emails, name=name, slugs={slug, slugify(name)})
    free_slug = "" if not slug or index.has_slug(slug) else slug
    if not pks:
        return PersonMatch(None, free_slug)
    person = _best_candidate(sorted(pks), handles, emails, name)
    if person is None and not Person.objects.filter(pk__in=pks).exists():
        return None
    return _by_name(person, free_slug, emails)


def _by_name(person: Person | None, free_slug: str, emails: set[str]) -> PersonMatch:
    """A match among candidates, saying whether only the name made it."""
    by_email = person is not None and person.email.lower() in emails
    return PersonMatch(person, free_slug, by_name_only=person is not None and not by_email)


def _best_candidate(
    pks: list[int], handles: set[str], emails: set[str], name: str
) -> Person | None:
    """Among people found by email, name or slug: the one whose email, then name, match
    best, unless their profiles on some site say they are someone else."""

    def rank(person: Person) -> tuple:
        return (person.email.lower() not in emails, person.name.lower() != name.lower(), person.pk)

    candidates = Person.objects.filter(pk__in=pks).prefetch_related("links")
    return next(
        (p for p in sorted(candidates, key=rank) if not _handles_conflict(p, handles)), None
    )


def _handles_conflict(person: Person, handles: set[str]) -> bool:
    """Two "Ada Quill"s are different people when their profiles on one site differ
    (linkedin:ada-quill-1 and linkedin:ada-quill-2). Emails never conflict: people have
    several."""
    theirs = {link.handle for link in person.links.all() if link.handle}
    for handle in handles:
        kind = handle.split(":", 1)[0]
        if kind == "email":
            continue
        same_site = {h for h in theirs if h.startswith(f"{kind}:")}
        if same_site and handle not in same_site:
            return True
    return False
