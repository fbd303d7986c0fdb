"""Loading the people app's records of a document: the person, their links, sections,
tags and legacy paths."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import models
from django.urls import Resolver404, resolve
from taggit.models import Tag, TaggedItem

from importers.parse.records import SectionRecord
from people.models import Person, ProfileSection, SocialLink, link_handle
from portfolio.models import Status
from portfolio.slugs import slugify_name, unique_slug

from .base import (
    GENERIC_LABELS,
    LoaderBase,
    LoadError,
    fingerprint,
    is_empty,
)
from .matching import PersonMatch, document_handles, match_person
from .plan import Kind, Warn, plan_row, publish_values

# Families that report on a moment of someone's career rather than describe their profile.
ABOUT_A_MOMENT = frozenset({"interview", "hugo-ama"})


def _unique_names(names) -> list[str]:
    """Tag names, trimmed, first spelling kept, case-insensitively unique."""
    seen: dict[str, str] = {}
    for name in names:
        name = (name or "").strip()[: Tag._meta.get_field("name").max_length]
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


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


def _person_fields(record, order: int, status: str, warn: Warn):
    return {}, {
        "name": record.name.strip(),
        "headline": record.headline,
        "location": record.location,
        "bio": record.bio,
        "email": record.email,
        "website": record.website,
    }


def _link_fields(link, order: int, status: str, warn: Warn):
    url = link.url.strip()
    if link.kind == "email" and not url.startswith("mailto:"):
        url = f"mailto:{url}"
    # "here" or "link" says nothing on a profile: the kind's name says more.
    label = "" if link.label.strip().lower() in GENERIC_LABELS else link.label
    return {"url": url}, {"kind": link.kind, "label": label, "order": order}


def _section_fields(section, order: int, status: str, warn: Warn):
    # The order is checked here; the write phase places it after other documents' sections.
    values = {"title": section.title.strip(), "kind": section.kind, "body": section.body}
    return {}, {**values, "order": order}


def _redirect_fields(raw: str, order: int, status: str, warn: Warn):
    if problem := legacy_path_problem(raw):
        return f"legacy path {raw[:80]!r} was not kept as a redirect: {problem}"
    return {"old_path": normalize_path(raw)}, {}


PERSON = Kind("person", Person, lambda doc: (doc.person,), _person_fields, filled_later=("name",))
SECTION = Kind("section", ProfileSection, lambda doc: doc.sections, _section_fields)

PEOPLE_KINDS = (
    Kind("link", SocialLink, lambda doc: doc.links, _link_fields),
    SECTION,
    Kind("redirect", Redirect, lambda doc: doc.redirects, _redirect_fields),
)


class PeopleLoader(LoaderBase):
    """The person and what hangs off them in the people app."""

    def load_person(self, person: Person | None) -> Person:
        record = self.doc.person
        if person is not None:
            match = PersonMatch(person)
        else:
            match = match_person(self.doc, self.source, self.people)
        person = match.person
        name = self.plan.person["name"] or (person.name if person else "")
        status = self.status if record.name.strip() else Status.DRAFT
        publication = publish_values(record, status) if record.name.strip() else {}
        if not name:
            # Nothing says whose page this is: keep every word under a placeholder draft
            # rather than refuse it; an editor names and publishes it.
            stem = Path(self.source).stem or "document"
            name = f"Unnamed profile ({stem})"
            self.warn(f"no person's name found: imported as the draft '{name}'; rename it")
        planned = self.plan.person
        values = {
            **planned,
            "name": name,
            "headline": planned["headline"] or self.current_role_headline(),
            "status": status,
            **publication,
        }
        if person is not None and self.doc.family in ABOUT_A_MOMENT:
            # An interview says what someone was doing then; it never rewrites their profile.
            values = {"name": name, "status": status}
        elif person is not None and person.import_source not in {"", self.source}:
            values = self.second_document_values(person, values)
        elif person is not None and match.by_name_only and self.lookalike(person):
            self.warn(
                f"this document matched {person.name} (published) by name alone and shares "
                "none of their profile links: their fields were not overwritten"
            )
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
            if k in {"name", "status"} or is_empty(getattr(person, k))
        }
        bio = values.get("bio", "").strip()
        if "bio" not in kept and bio and bio != person.bio.strip():
            title = Path(self.source).stem.replace("_", " ").replace("-", " ").strip() or "About"
            about = SectionRecord(title=f"About ({title})", kind="text", body=bio)
            row = plan_row(SECTION, about, 0, self.status, self.warn)
            self.plan.rows["section"] = [*([row] if row else []), *self.plan["section"]]
            origin = person.import_source or "the admin"
            self.warn(
                f"{person.name}'s profile comes from {origin}: this document's "
                "bio was kept as a text section and its other fields only fill empty ones"
            )
        return kept

    def lookalike(self, person: Person) -> bool:
        """Whether a published person this document matched by name alone may be someone
        else: the document is not what made them and no profile link of theirs is in it."""
        if not person.is_published or person.import_source == self.source:
            return False
        theirs = {link.handle for link in person.links.all() if link.handle}
        return not theirs & document_handles(self.doc)

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
        for row in self.plan["link"]:
            url = row.key["url"]
            # The same profile written another way (www., a trailing slash) is the same link.
            handle = link_handle(url)
            same = next((k for k in known if handle and link_handle(k.url) == handle), None)
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
                {"person": person, **row.key},
                row.values,
                defer=True,
                checked=row.fields,
            )

    def _own_sources(self, current: list[ProfileSection]) -> set[str]:
        """This document's source; and, the first time a document in a folder is imported
        since sources became paths, the bare file name it was known by before."""
        if "/" not in self.source or any(s.import_source == self.source for s in current):
            return {self.source}
        return {self.source, Path(self.source).name}

    def load_sections(self, person: Person) -> None:
        if not self.plan["section"]:
            return
        current = list(self._siblings(ProfileSection, {"person": person}))
        mine = self._own_sources(current)
        base = max((s.order for s in current if s.import_source not in mine), default=0)
        seen: Counter = Counter()
        for index, row in enumerate(self.plan["section"], start=1):
            title, kind, body = row.values["title"], row.values["kind"], row.values["body"]
            key = (title, kind)
            seen[key] += 1
            existing = [s for s in current if s.import_source in mine and (s.title, s.kind) == key]
            instance = existing[seen[key] - 1] if len(existing) >= seen[key] else None
            values = {"body": body, "order": base + index}
            if instance is None:
                self.upsert(
                    "section",
                    ProfileSection,
                    {},
                    {"person": person, "title": title, "kind": kind, **values},
                    defer=True,
                    checked=row.fields,
                )
            else:
                self.upsert("section", ProfileSection, {}, values, instance=instance)

    def load_redirects(self, person: Person) -> None:
        if not self.plan["redirect"]:
            return
        site = Site.objects.get_current()
        target = person.get_absolute_url()
        planned = (row.key["old_path"] for row in self.plan["redirect"])
        paths = [p for p in dict.fromkeys(planned) if p]
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
