"""Hugo Blox (Wowchemy / Academic) author profiles: ``content/authors/<name>/_index.md``.

Almost everything is in the front matter: name, role, organizations, interests,
education courses, social links, email; the body (or ``bio``) is the biography.
"""

from __future__ import annotations

import re
from typing import Any

from people.links import link_kind

from .dates import date_from_value, parse_date_range
from .frontmatter import split_front_matter
from .lexicon import INSTITUTION_WORDS, role_kind, strip_honorific
from .pages import as_list
from .profile import Builder
from .records import (
    AwardRecord,
    EducationRecord,
    ProfileDocument,
    RoleRecord,
    SectionRecord,
)

FAMILY = "hugo-blox-author"
_ICON_KINDS = {
    "envelope": "email",
    "at": "email",
    "at-symbol": "email",
    "email": "email",
    "x": "x",
    "twitter": "x",
    "x-twitter": "x",
    "github": "github",
    "linkedin": "linkedin",
    "google-scholar": "scholar",
    "graduation-cap": "scholar",
    "orcid": "orcid",
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "youtube": "youtube",
    "medium": "medium",
    "globe": "website",
    "link": "website",
    "house": "website",
}
_ICON_LABELS = {
    "envelope": "Email",
    "at": "Email",
    "at-symbol": "Email",
    "x-twitter": "X",
    "twitter": "Twitter",
    "github": "GitHub",
    "linkedin": "LinkedIn",
    "google-scholar": "Google Scholar",
    "graduation-cap": "Google Scholar",
    "orcid": "ORCID",
    "cv": "CV",
    "youtube": "YouTube",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "medium": "Medium",
    "orcid-id": "ORCID",
}
BLOX_KEYS = {
    "organizations",
    "affiliations",
    "social",
    "profiles",
    "interests",
    "user_groups",
    "highlight_name",
    "superuser",
}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _dates(item: dict[str, Any], start_keys: tuple[str, ...], end_keys: tuple[str, ...]) -> Any:
    start = next((date_from_value(item[k]) for k in start_keys if item.get(k)), None)
    end_raw = next((item[k] for k in end_keys if item.get(k)), None)
    written = parse_date_range(end_raw) if isinstance(end_raw, str) else None
    if written is not None and (written.end is not None or written.is_current):
        # "year: 2019 - today": the whole range in the one key.
        return start or written.start, written.end, written.is_current
    if isinstance(end_raw, str) and re.fullmatch(
        r"(?i)\s*(current|present|now|today|ongoing)\s*", end_raw
    ):
        return start, None, True  # "year: Current": studying still
    end = date_from_value(end_raw) if end_raw is not None else None
    current = end_raw is None or bool(
        isinstance(end_raw, str)
        and parse_date_range(f"2000 - {end_raw}") is not None
        and end is None
    )
    return start, end, bool(start) and current


def parse(text: str, source_name: str = "") -> ProfileDocument:
    meta, body, _ = split_front_matter(text, source_name)
    b = Builder(FAMILY, source_name)
    name = meta.get("name")
    if isinstance(name, dict):
        # hugoblox/author/v1: "name: {display: Dr. Alex Johnson, given: Alex, ...}"
        given = " ".join(_text(name.get(k)) for k in ("given", "family") if _text(name.get(k)))
        # The name shown ("吳健雄", "Dr. Alex Johnson" without the title), else given + family.
        name = strip_honorific(_text(name.get("display"))) or given
    b.name = _text(name) or _text(meta.get("title"))
    b.headline = _text(meta.get("role"))
    b.avatar = _text(meta.get("avatar")) or _text(meta.get("image"))
    b.location = _text(meta.get("location"))
    if email := _text(meta.get("email")):
        b.add_link("mailto:" + email.removeprefix("mailto:"), "Email")
    for tag in as_list(meta.get("interests")):
        if _text(tag):
            b.tags.append(_text(tag))
    _read_social(b, meta)
    _read_education(b, meta)
    orgs = _read_organizations(b, meta)
    _read_work(b, meta)
    _read_awards_skills_languages(b, meta)
    # The front matter lists the roles and degrees; the biography's sentences tell of
    # the same ones ("I am a PhD student in the Orrin Lab at Westbrook Tech").
    b.records_listed = bool(b.roles or b.education)
    if bio := _text(meta.get("bio")):
        b.bio.append(bio)
    if body.strip():
        b.read_page(body)
    elif not b.bio:
        b.warnings.append("the profile has no biography")
    if bio:
        # The front matter's short bio tells its facts as the page's prose does.
        b.read_bio_facts(bio)
    _add_sections(b, orgs)
    return b.build()


def _read_social(b: Builder, meta: dict[str, Any]):
    """``social``: icon and link pairs; an envelope is the email."""
    # ``social`` in Wowchemy and older kits, ``profiles`` in Hugo Blox's newer ones.
    # ``links`` in the hugoblox/author/v1 schema (data/authors/*.yaml).
    keys = ("social", "profiles", "links")
    for social in [item for key in keys for item in as_list(meta.get(key))]:
        if not isinstance(social, dict):
            continue
        link = _text(social.get("link") or social.get("url"))
        if re.fullmatch(r"[^@\s/:]+@[^@\s/]+\.\w+", link):
            link = f"mailto:{link}"
        if not re.match(r"(?i)(?:https?://|mailto:)", link):
            # "/#contact", "about/#contact": a page of the old site, which this one lacks.
            continue
        icon = _text(social.get("icon")).lower().split("/")[-1]
        kind = link_kind(link)
        if kind in {"website", "other"} and icon in _ICON_KINDS:
            kind = _ICON_KINDS[icon]
        b.add_link(link, _text(social.get("label")) or _ICON_LABELS.get(icon, icon), kind=kind)
        if kind == "website" and not b.website:
            b.website = link


def _read_organizations(b: Builder, meta: dict[str, Any]) -> list[dict[str, Any]]:
    """``organizations`` and ``role``: the current role at the first organization."""
    orgs = [
        o if isinstance(o, dict) else {"name": o}
        # "affiliations" in the hugoblox/author/v1 schema (data/authors/*.yaml).
        for o in [*as_list(meta.get("organizations")), *as_list(meta.get("affiliations"))]
        if isinstance(o, dict) or _text(o)
    ]
    role_title = _text(meta.get("role"))
    org = orgs[0] if orgs else {}
    title, at, named = role_title.partition(" @ ")
    if at and named.strip().casefold() == _text(org.get("name")).casefold():
        role_title = title.strip()  # "role: SDE @ Sendwise", Sendwise the organization
    if role_title:
        b.roles.append(
            RoleRecord(
                title=role_title,
                kind=role_kind(role_title),
                organization=_text(org.get("name")) or None,
                organization_url=_text(org.get("url")),
                is_current=True,
            )
        )
    return orgs


def _read_work(b: Builder, meta: dict[str, Any]):
    """``experience`` / ``work``: newer Hugo Blox profiles list a whole career."""
    # Newer Hugo Blox profiles list a whole career.
    for item in as_list(meta.get("experience") or meta.get("work")):
        if not isinstance(item, dict):
            continue
        title = _text(item.get("title") or item.get("position") or item.get("role"))
        if not title:
            continue
        start, end, current = _dates(
            item, ("date_start", "start", "startDate"), ("date_end", "end", "endDate")
        )
        org = _text(
            item.get("company")
            or item.get("company_name")
            or item.get("organization")
            or item.get("org")  # the hugoblox/author/v1 schema
            or item.get("name")
        )
        # The headline role ("role" + first organization) is this entry, now dated; or,
        # worded as a tagline ("ML Engineer and Researcher"), the current job there.
        b.roles = [
            r
            for r in b.roles
            if not (
                r.start is None
                and r.organization in (None, org)
                and (r.title == title or (current and org and r.organization == org))
            )
        ]
        b.roles.append(
            RoleRecord(
                title=title,
                kind=role_kind(" ".join([title, _text(item.get("type"))])),
                organization=org or None,
                organization_url=_text(
                    item.get("company_url") or item.get("org_url") or item.get("url")
                ),
                summary=_text(item.get("description") or item.get("summary")),
                start=start,
                end=end,
                is_current=current,
                location=_text(item.get("location")),
            )
        )


def _read_education(b: Builder, meta: dict[str, Any]):
    """``education.courses`` (older kits) or an ``education`` list (newer ones)."""
    education = meta.get("education")
    courses = education.get("courses") if isinstance(education, dict) else education
    for course in as_list(courses):
        if not isinstance(course, dict):
            continue
        institution = _text(course.get("institution") or course.get("school"))
        degree = _text(course.get("course") or course.get("degree") or course.get("area"))
        if not institution and not degree:
            continue
        start, end, current = _dates(course, ("date_start", "start"), ("year", "date_end", "end"))
        if not institution and INSTITUTION_WORDS.search(degree):
            institution, degree = degree, ""  # "course: Example University"
        b.education.append(
            EducationRecord(
                # No school named: the last pass keeps the degree as text (hygiene.py).
                institution=institution,
                degree=degree,
                start=start,
                end=end,
                is_current=current,  # "year: 2019 - today": studying still
                summary=_text(course.get("summary") or course.get("description")),
            )
        )


def _read_awards_skills_languages(b: Builder, meta: dict[str, Any]):
    """``awards``, ``skills`` groups and spoken ``languages``."""
    for award in as_list(meta.get("awards")):
        if isinstance(award, dict) and _text(award.get("title")):
            b.awards.append(
                AwardRecord(
                    title=_text(award.get("title")),
                    issuer=_text(award.get("awarder") or award.get("issuer")),
                    date=date_from_value(award.get("date")),
                    url=_text(award.get("url")),
                    description=_text(award.get("summary")),
                )
            )
    for skill_group in as_list(meta.get("skills")):
        if isinstance(skill_group, dict):
            for item in as_list(skill_group.get("items")):
                if isinstance(item, dict):
                    b.add_skill(_text(item.get("name") or item.get("label")))
        elif _text(skill_group):
            b.add_skill(_text(skill_group))
    for language in as_list(meta.get("languages")):
        # Spoken languages of the profile: tags of the person.
        name = _text(language.get("name")) if isinstance(language, dict) else _text(language)
        if name and name not in b.tags:
            b.tags.append(name)


def _add_sections(b: Builder, orgs: list[dict[str, Any]]) -> None:
    """Sections for what the front matter held, so the page shows it."""
    if b.education and not any(s.kind == "education" for s in b.sections):
        b.sections.append(SectionRecord(title="Education", kind="education"))
    if b.roles and not any(s.kind == "roles" for s in b.sections):
        b.sections.insert(0, SectionRecord(title="Experience", kind="roles"))
    # Organizations no role names (the role goes with the first): affiliations, as text.
    named = {(r.organization or "").casefold() for r in b.roles}
    others = [
        f"- [{name}]({url})" if url.startswith(("http://", "https://")) else f"- {name}"
        for org in orgs
        if (name := _text(org.get("name"))) and name.casefold() not in named
        for url in [_text(org.get("url"))]
    ]
    if others:
        at = next((i + 1 for i, s in enumerate(b.sections) if s.kind == "roles"), 0)
        b.sections.insert(at, SectionRecord(title="Affiliations", body="\n".join(others)))
    if b.tags and not b.skills:
        b.sections.append(SectionRecord(title="Interests", kind="skills"))
