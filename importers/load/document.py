"""Save a parsed ``ProfileDocument``: one transaction per document, idempotent upserts.

Every record is looked up by a natural key (a person by handle, name or slug; a role by
person + organization + title + start; ...). Each field remembers a fingerprint of the value
last imported (``import_fields``), so a re-import applies what changed in the source and
keeps what an editor changed in the admin since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models, transaction
from django.urls import Resolver404, resolve
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from importers.parse.records import PartialDate, ProfileDocument, SectionRecord
from people.models import Person, ProfileSection, SocialLink, link_handle
from portfolio.models import Status
from portfolio.slugs import slugify_name, unique_slug
from publications.models import Interview, Patent, Publication, Question, Talk
from timeline.models import Award, Education, Organization, Project, Role

from .history import ImportHistory

OUTCOMES = ("created", "updated", "unchanged")
# Families that report on a moment of someone's career rather than describe their profile.
ABOUT_A_MOMENT = frozenset({"interview", "hugo-ama"})
GENERIC_LABELS = frozenset({"here", "link", "this", "click here", "this link", "more", "website"})

logger = logging.getLogger(__name__)


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


def _is_empty(value: Any) -> bool:
    return value is None or value == ""


def _date(value: PartialDate | None) -> tuple[dt.date | None, str]:
    if value is None:
        return None, "month"
    return value.to_date(), value.precision


class Loader:
    """Writes one document's records. Use ``document_load``; this holds the state."""

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
        self.tags: dict[str, Tag] = {}
        cache = cache if cache is not None else RunCache()
        self.known_tags = cache.tags
        self.known_organizations = cache.organizations
        self.people = cache.people
        self.person: Person | None = None
        self.linked: dict[tuple[str, int, str], list[models.Model]] = {}
        self.history = ImportHistory(related=self.known_children)

    # -- the generic upsert -------------------------------------------------------------

    def fit(self, model: type[models.Model], name: str, value: Any) -> Any:
        """``value`` cut to the length the model's field allows (from ``_meta``), with a
        warning when it had to be: the database would refuse it whole."""
        if not isinstance(value, str):
            return value
        try:
            limit = model._meta.get_field(name.split("__", 1)[0]).max_length
        except FieldDoesNotExist:
            return value
        if limit and len(value) > limit:
            label = f"{model._meta.verbose_name} {name}"
            self.warn(f"{label} cut to {limit} characters: {value[:60]!r}…")
            return value[:limit]
        return value

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
    ) -> models.Model | None:
        """Create or update one record; returns it, or None when it had to be skipped.

        With ``defer``, a record whose parent was created by this load (so nothing else can
        refer to it yet) is saved later in one bulk insert by ``flush()``.
        """
        lookup, values = self.fitted(model, lookup), self.fitted(model, values)
        obj = instance
        if obj is None and lookup:
            obj = self.find(model, lookup)
        if obj is None:
            obj = model(**lookup, **values)
            obj.import_source = self.source
            if not self._clean(kind, obj, {*lookup, *values}):
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
        if obj.pk is None:
            # The same key twice in one document, the first still waiting for flush():
            # the later values win, as they would for saved records.
            for name, new in values.items():
                if not _is_empty(new):
                    setattr(obj, name, new)
                    obj.import_fields[name] = fingerprint(new)
            obj.import_hash = self._record_hash(obj.import_fields)
            self.report.count(kind, "updated")
            return obj

        state = dict(obj.import_fields or {})
        changed: list[str] = []
        previous: dict[str, Any] = {}
        for name, new in values.items():
            current = getattr(obj, name)
            if _is_empty(new) or fingerprint(current) == fingerprint(new):
                if not _is_empty(new):
                    state[name] = fingerprint(new)
                continue
            untouched = state.get(name) == fingerprint(current)
            if untouched or _is_empty(current):
                previous[name] = current
                setattr(obj, name, new)
                state[name] = fingerprint(new)
                changed.append(name)
            # Otherwise an editor changed the field since it was imported: theirs wins.
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
        record_hash = self._record_hash(state)
        if changed:
            obj.import_fields = state
            obj.import_hash = record_hash
            obj.save()
            self.history.add(obj)
            self.report.count(kind, "updated")
        else:
            self.save_state(obj, state)
            self.report.count(kind, "unchanged")
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
        """Validate before writing. Bad optional values are dropped with a warning;
        a record that stays invalid is skipped with a warning, never half-written."""
        start, end = getattr(obj, "start_date", None), getattr(obj, "end_date", None)
        if start and end and end < start:
            obj.end_date = None
            self.warn(f"{kind} '{obj}': its end is before its start; the end was dropped.")
        # Only the fields the document set are checked: the others hold what the database or
        # an editor put there. Relations were just looked up and uniqueness is what the upsert
        # keys ensure; the database still enforces both, inside the document's transaction.
        exclude = [
            f.name for f in obj._meta.concrete_fields if f.is_relation or f.name not in fields
        ]
        for _attempt in range(3):
            try:
                obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
                return True
            except ValidationError as exc:
                errors = exc.message_dict if hasattr(exc, "error_dict") else {}
                fixed = False
                for name, messages in errors.items():
                    if name == NON_FIELD_ERRORS:
                        if getattr(obj, "end_date", None) is not None:
                            obj.end_date = None
                            fixed = True
                            self.warn(f"{kind} '{obj}': {' '.join(messages)} The end was dropped.")
                        continue
                    model_field = obj._meta.get_field(name)
                    if model_field.blank and not _is_empty(getattr(obj, name)):
                        self.warn(
                            f"{kind} '{obj}': dropped {name} {getattr(obj, name)!r} "
                            f"({' '.join(messages)})"
                        )
                        setattr(obj, name, None if model_field.null else "")
                        fixed = True
                if not fixed:
                    self.warn(f"{kind} '{obj}' was skipped: {exc}")
                    return False
        return False

    def warn(self, message: str) -> None:
        self.report.warnings.append(message)

    # -- the document ---------------------------------------------------------------------

    def load(self, person: Person | None) -> Person:
        person = self.person = self.load_person(person)
        self.report.person = person.name
        self.report.person_url = person.get_absolute_url()
        for step in (
            self.load_links,
            self.load_sections,
            self.load_roles,
            self.load_education,
            self.load_projects,
            self.load_awards,
            self.load_publications,
            self.load_patents,
            self.load_talks,
            self.load_interviews,
            self.load_redirects,
        ):
            step(person)
        self.flush()
        return person

    def load_person(self, person: Person | None) -> Person:
        record = self.doc.person
        if person is not None:
            match = PersonMatch(person)
        else:
            match = match_person(self.doc, self.source, self.people)
        person = match.person
        name = record.name.strip() or (person.name if person else "")
        status = self.status if record.name.strip() else Status.DRAFT
        if not name:
            # Nothing says whose page this is: keep every word under a placeholder draft
            # rather than refuse it; an editor names and publishes it.
            stem = Path(self.source).stem or "document"
            name = f"Unnamed profile ({stem})"
            self.warn(f"no person's name found: imported as the draft '{name}'; rename it")
        values = {
            "name": name,
            "headline": record.headline or self.current_role_headline(),
            "location": record.location,
            "bio": record.bio,
            "email": record.email,
            "website": record.website,
            "status": status,
        }
        if person is not None and self.doc.family in ABOUT_A_MOMENT:
            # An interview says what someone was doing then; it never rewrites their profile.
            values = {"name": name, "status": status}
        elif person is not None and person.import_source not in {"", self.source}:
            values = self.second_document_values(person, values)
        tags = _unique_names((*record.tags, *self.doc.skills))
        if person is None:
            free = match.free_slug and match.free_slug == slugify_name(name)
            values["slug"] = match.free_slug if free else unique_slug(Person, name)
            state = {"name_derived": record.name_is_derived, "tags": sorted(tags)}
            person = self.upsert("person", Person, {}, values, extra_state=state)
        else:
            # A matched person keeps the name they are known by, unless that name was only
            # guessed from a handle (and no editor has fixed it) and this document spells it.
            state = person.import_fields or {}
            guessed = state.get("name_derived") and state.get("name") == fingerprint(person.name)
            if record.name_is_derived or not guessed or not record.name.strip():
                values.pop("name")
            person = self.upsert("person", Person, {}, values, instance=person)
        if person is None:
            raise LoadError("the person's record is invalid")
        derived = record.name_is_derived and person.name == name
        self.save_state(person, {**(person.import_fields or {}), "name_derived": derived})
        self.load_tags(person, tags)
        return person

    def second_document_values(self, person: Person, values: dict[str, Any]) -> dict[str, Any]:
        """Another document of this person's made their profile: this one fills only what
        is empty, or two documents would undo each other at every import. A bio of its
        own becomes a text section, so none of its words is lost."""
        kept = {
            k: v
            for k, v in values.items()
            if k in {"name", "status"} or _is_empty(getattr(person, k))
        }
        bio = values.get("bio", "").strip()
        if "bio" not in kept and bio and bio != person.bio.strip():
            title = Path(self.source).stem.replace("_", " ").replace("-", " ").strip() or "About"
            about = SectionRecord(title=f"About ({title})", kind="text", body=bio)
            self.doc = replace(self.doc, sections=(about, *self.doc.sections))
            self.warn(
                f"{person.name}'s profile comes from {person.import_source}: this document's "
                "bio was kept as a text section and its other fields only fill empty ones"
            )
        return kept

    def current_role_headline(self) -> str:
        """'Machine Learning Engineer at Carted' when a page lists a current role but no
        headline of its own."""
        for role in self.doc.roles:
            if role.end is None and (role.is_current or role.start is not None):
                where = f" at {role.organization}" if role.organization else ""
                return f"{role.title}{where}"
        return ""

    def load_tags(self, obj: models.Model, names: tuple[str, ...] | list[str]) -> None:
        wanted = _unique_names(names)
        if not wanted:
            return
        if (obj._meta.label, obj.pk) in self.created:
            # A record made by this load has no tags yet: tag it in one insert.
            content_type = ContentType.objects.get_for_model(obj)
            TaggedItem.objects.bulk_create(
                TaggedItem(tag=tag, content_type=content_type, object_id=obj.pk)
                for tag in self.tag_objects(wanted)
            )
            self.save_state(obj, {**(obj.import_fields or {}), "tags": sorted(wanted)})
            return
        state = dict(obj.import_fields or {})
        previously = set(state.get("tags", []))
        current = {tag.name.lower() for tag in obj.tags.all()}
        # Tags an editor removed after an import stay removed.
        missing = [n for n in wanted if n.lower() not in current and n not in previously]
        if missing:
            obj.tags.add(*missing)
            self.history.add(obj)
        state["tags"] = sorted(wanted)
        self.save_state(obj, state)

    def tag_objects(self, names: list[str]) -> list[Tag]:
        """Tags by name, case-insensitively, made when missing; looked up once per run."""
        wanted = {name.lower(): name for name in names}
        missing = [key for key in wanted if key not in self.tags and key not in self.known_tags]
        if missing:
            query = models.Q()
            for key in missing:
                query |= models.Q(name__iexact=wanted[key])
            for tag in Tag.objects.filter(query):
                self.tags.setdefault(tag.name.lower(), tag)
        result = []
        for key, name in wanted.items():
            tag = self.tags.get(key) or self.known_tags.get(key)
            if tag is None:
                tag = Tag.objects.create(name=name)  # taggit makes the slug unique
                self.tags[key] = tag
            result.append(tag)
        return result

    def load_links(self, person: Person) -> None:
        known = self._siblings(SocialLink, {"person": person})
        for order, link in enumerate(self.doc.links, start=1):
            url = link.url.strip()
            if link.kind == "email" and not url.startswith("mailto:"):
                url = f"mailto:{url}"
            # "here" or "link" says nothing on a profile: the kind's name says more.
            label = "" if link.label.strip().lower() in GENERIC_LABELS else link.label
            # The same profile written another way (www., a trailing slash) is the same link.
            handle = link_handle(url)
            same = next((k for k in known if handle and link_handle(k.url) == handle), None)
            url = self.fit(SocialLink, "url", url)
            if same is not None and same.url != url:
                continue
            mine = next((k for k in known if k.url == url), None)
            if mine is not None and mine.import_source not in {"", self.source}:
                # Another document of this person's brought the link: its label and place
                # stay theirs, or two documents would undo each other at every import.
                self.report.count("link", "unchanged")
                continue
            self.upsert(
                "link",
                SocialLink,
                {"person": person, "url": url},
                {"kind": link.kind, "label": label, "order": order},
                defer=True,
            )

    def _own_sources(self, current: list[ProfileSection]) -> set[str]:
        """This document's source; and, the first time a document in a folder is imported
        since sources became paths, the bare file name it was known by before."""
        if "/" not in self.source or any(s.import_source == self.source for s in current):
            return {self.source}
        return {self.source, Path(self.source).name}

    def load_sections(self, person: Person) -> None:
        if not self.doc.sections:
            return
        current = list(self._siblings(ProfileSection, {"person": person}))
        mine = self._own_sources(current)
        base = max((s.order for s in current if s.import_source not in mine), default=0)
        seen: Counter = Counter()
        for index, section in enumerate(self.doc.sections, start=1):
            title = self.fit(ProfileSection, "title", section.title.strip())
            key = (title, section.kind)
            seen[key] += 1
            existing = [s for s in current if s.import_source in mine and (s.title, s.kind) == key]
            instance = existing[seen[key] - 1] if len(existing) >= seen[key] else None
            values = {"body": section.body, "order": base + index}
            if instance is None:
                self.upsert(
                    "section",
                    ProfileSection,
                    {},
                    {"person": person, "title": title, "kind": section.kind, **values},
                    defer=True,
                )
            else:
                self.upsert("section", ProfileSection, {}, values, instance=instance)

    def organization(self, name: str | None, url: str = "") -> Organization | None:
        if not name or not name.strip():
            return None
        name = self.fit(Organization, "name", name.strip())
        slug = slugify_name(name, Organization._meta.get_field("slug").max_length) or "organization"
        if slug in self.organizations:
            return self.organizations[slug]
        if slug in self.known_organizations and not url:
            self.organizations[slug] = self.known_organizations[slug]
            return self.organizations[slug]
        matches = Organization.objects.filter(models.Q(slug=slug) | models.Q(name__iexact=name))
        org = min(matches, key=lambda o: (o.slug != slug, o.pk), default=None)
        if org is None:
            org = Organization(name=name, slug=slug, import_source=self.source)
            if url:
                org.url = url
            if not self._clean("organization", org, {"name", "url"}):
                org.url = ""
            org.save()
            self.history.add(org)
            self.report.count("organization", "created")
        elif url and not org.url:
            org.url = url
            try:
                org.full_clean(validate_unique=False)
                org.save(update_fields=["url"])
                self.history.add(org)
            except ValidationError:
                org.url = ""
        self.organizations[slug] = org
        return org

    def load_roles(self, person: Person) -> None:
        for order, role in enumerate(self.doc.roles, start=1):
            org = self.organization(role.organization, role.organization_url)
            start, start_precision = _date(role.start)
            end, end_precision = _date(role.end)
            self.upsert(
                "role",
                Role,
                {
                    "person": person,
                    "organization": org,
                    "title": role.title.strip(),
                    "start_date": start,
                },
                {
                    "kind": role.kind,
                    "start_precision": start_precision,
                    "end_date": end,
                    "end_precision": end_precision,
                    "location": role.location,
                    "summary": role.summary,
                    "highlights": role.highlights,
                    "order": order,
                    "status": self.status,
                },
                defer=True,
            )

    def load_education(self, person: Person) -> None:
        for order, item in enumerate(self.doc.education, start=1):
            institution = self.organization(item.institution, item.institution_url)
            if institution is None:
                self.warn(f"education '{item.degree}' has no institution and was skipped")
                continue
            start, start_precision = _date(item.start)
            end, end_precision = _date(item.end)
            self.upsert(
                "education",
                Education,
                {"person": person, "institution": institution, "degree": item.degree},
                {
                    "start_date": start,
                    "start_precision": start_precision,
                    "end_date": end,
                    "end_precision": end_precision,
                    "summary": item.summary,
                    "order": order,
                    "status": self.status,
                },
                defer=True,
            )

    def load_projects(self, person: Person) -> None:
        for order, item in enumerate(self.doc.projects, start=1):
            start, start_precision = _date(item.start)
            end, end_precision = _date(item.end)
            project = self.upsert(
                "project",
                Project,
                {"person": person, "title": item.title.strip()},
                {
                    "url": item.url,
                    "repository_url": item.repository_url,
                    "start_date": start,
                    "start_precision": start_precision,
                    "end_date": end,
                    "end_precision": end_precision,
                    "status": item.status,
                    "summary": item.summary,
                    "order": order,
                    "visibility": self.status,
                },
            )
            if project is not None:
                self.load_tags(project, item.tags)

    def load_awards(self, person: Person) -> None:
        for item in self.doc.awards:
            date, precision = _date(item.date)
            self.upsert(
                "award",
                Award,
                {"person": person, "title": item.title.strip()},
                {
                    "issuer": item.issuer,
                    "date": date,
                    "date_precision": precision,
                    "url": item.url,
                    "description": item.description,
                    "status": self.status,
                },
                defer=True,
            )

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

    def load_redirects(self, person: Person) -> None:
        if not self.doc.redirects:
            return
        site = Site.objects.get_current()
        target = person.get_absolute_url()
        accepted = []
        for raw in self.doc.redirects:
            if problem := legacy_path_problem(raw):
                self.warn(f"legacy path {raw[:80]!r} was not kept as a redirect: {problem}")
            else:
                accepted.append(raw)
        paths = [p for p in dict.fromkeys(map(normalize_path, accepted)) if p]
        paths = [p for p in paths if p != target]
        known = {r.old_path: r for r in Redirect.objects.filter(site=site, old_path__in=paths)}
        new = [Redirect(site=site, old_path=p, new_path=target) for p in paths if p not in known]
        Redirect.objects.bulk_create(new)
        for path in paths:
            existing = known.get(path)
            if existing is None:
                self.report.count("redirect", "created")
            elif existing.new_path == target:
                self.report.count("redirect", "unchanged")
            else:
                self.warn(
                    f"redirect {path} already points to {existing.new_path}; "
                    f"it was kept there instead of {target}"
                )


def _unique_names(names) -> list[str]:
    """Tag names, trimmed, first spelling kept, case-insensitively unique."""
    seen: dict[str, str] = {}
    for name in names:
        name = (name or "").strip()[: Tag._meta.get_field("name").max_length]
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


def _field_equals(obj: models.Model, name: str, value: Any) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.is_relation:
        return getattr(obj, model_field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
SITE_PREFIXES = ("/admin/", "/static/", "/media/", "/people/", "/markdownx/")


def legacy_path_problem(value: str) -> str:
    """Why an imported ``permalink``/``redirect_from``/``aliases`` cannot be a redirect
    ("" when it can): it must be a clean absolute path of at most 200 characters that
    none of the site's own URLs uses."""
    path = (value or "").strip()
    if _CONTROL_RE.search(value or ""):
        return "it holds control characters or a line break"
    if "\\" in path:
        return "it holds a backslash"
    if "://" in path or path.startswith("//") or re.match(r"(?i)^[a-z][a-z0-9+.-]*:", path):
        return "it names a scheme or a host; only paths on this site can redirect"
    if not path.startswith("/"):
        return "it is not an absolute path"
    if len(path) > 200:
        return "it is longer than 200 characters"
    if ".." in path.split("?", 1)[0].split("#", 1)[0].split("/"):
        return "it climbs out of its folder ('..')"
    own = (*SITE_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL)
    if any(path.startswith(prefix) for prefix in own if prefix and prefix.startswith("/")):
        return "the site uses that path itself"
    try:
        resolve(path.split("?", 1)[0])
    except Resolver404:
        return ""
    return "the site uses that path itself"


def normalize_path(value: str) -> str:
    """An old URL or path as django.contrib.redirects stores it: '/about/'."""
    value = (value or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    path = parts.path if parts.scheme or parts.netloc else value.split("#", 1)[0]
    if not path.startswith("/"):
        path = f"/{path}"
    return path[: Redirect._meta.get_field("old_path").max_length]


@dataclass
class RunCache:
    """What the documents of one run share: organizations and tags committed by earlier
    documents (a query saved per role and per tag), and, for large runs, everyone's
    names and handles loaded once."""

    organizations: dict[str, Organization] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    people: PeopleIndex | None = None

    def remember(self, loader: Loader, doc: ProfileDocument) -> None:
        """A committed document's organizations, tags and person, for the next ones."""
        self.organizations.update(loader.organizations)
        self.tags.update(loader.tags)
        if self.people is not None and loader.person is not None:
            person = loader.person
            self.people.add(
                person.pk,
                name=person.name,
                slug=person.slug,
                email=person.email,
                handles=_document_handles(doc),
            )


@dataclass(frozen=True)
class PersonMatch:
    """Who a document is about, and the slug a new person of that name may take unasked
    (the lookup already saw that nobody has it)."""

    person: Person | None
    free_slug: str = ""


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


def _document_handles(doc: ProfileDocument) -> set[str]:
    handles = {link_handle(link.url) for link in doc.links}
    if doc.person.email:
        handles.add(link_handle(f"mailto:{doc.person.email}"))
    handles.discard("")
    return handles


def match_person(
    doc: ProfileDocument, source: str = "", index: PeopleIndex | None = None
) -> PersonMatch:
    record = doc.person
    handles = _document_handles(doc)
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

    return PersonMatch(
        _best_candidate([pk for pk, _slug in rows], handles, emails, name), free_slug
    )


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
    return PersonMatch(person, free_slug)


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


def document_load(
    doc: ProfileDocument,
    *,
    source: str = "",
    publish: bool = False,
    person: Person | None = None,
    dry_run: bool = False,
    cache: RunCache | None = None,
    user=None,
    history: bool = True,
) -> DocumentReport:
    """Save one parsed document in one transaction and report what changed.

    A dry run does all the work, reports it, and rolls it back. Any failure rolls the
    whole document back and is reported as the document's error. ``cache`` carries
    what earlier documents of the same run committed. With
    ``history`` (the default) the document's changes are one version in the records' history;
    without it a large seed import runs about twice as fast.
    """
    report = DocumentReport(source=source or doc.source_name, family=doc.family, dry_run=dry_run)
    report.warnings.extend(doc.warnings)
    cache = cache if cache is not None else RunCache()
    loader = Loader(doc, report, publish=publish, cache=cache)
    try:
        with transaction.atomic():
            # The import writes its own history, below; saves inside it must not also land
            # in a revision someone else has open.
            with reversion.create_revision(manage_manually=True, atomic=False):
                loader.load(person)
            if dry_run:
                transaction.set_rollback(True)
            elif history:
                # One version per document, saying who imported what, for history and undo.
                loader.history.write(comment=f"Imported from {Path(report.source).name}", user=user)
    except LoadError as exc:
        report.error = str(exc)
    except ValidationError as exc:
        report.error = f"invalid record: {'; '.join(exc.messages)}"
    except DatabaseError as exc:
        report.error = f"the database refused a record: {exc}"
    except Exception as exc:  # a bug must not stop the other documents of the run
        logger.exception("importing %s failed", report.source)
        report.error = f"unexpected error ({exc.__class__.__name__}: {exc})"
    if report.error:
        report.counts.clear()  # nothing of it was written
    elif not dry_run:
        cache.remember(loader, doc)  # committed now: later documents may reuse it
    return report
