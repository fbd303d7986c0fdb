"""Roles (jobs): one entry of an experience list, a table row or a sub-heading."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .blocks import ITEM_START_RE
from .lexicon import (
    COMPANY_FORM_RE,
    KIND_WORDS,
    ORG_SUFFIX,
    REMOTE_RE,
    looks_like_place,
    role_kind,
    titleish,
)
from .markup import first_link, plain_text
from .phrases import (
    date_line,
    pull_dates,
    split_pair,
    split_place,
)
from .records import (
    DateRange,
    RoleRecord,
)

LEADING_SYMBOLS_RE = re.compile(r"^[^\w(\"“'\[]+")
# "Org · Berlin", "Org | Remote": a place after the organization, split off.
_ORG_PLACE_SEP_RE = re.compile(r"\s+[·•|]\s+|,\s+")
# "Vantaku Systems, Pune. Threat modelling for the card platform.": a sentence after
# the organization says what the work was.
_ORG_SENTENCE_RE = re.compile(r"^(?P<org>[^.]{2,80}?[^\s.A-Z])\.\s+(?P<note>[A-Z].{10,})$")


def split_org_tail(org: str | None) -> tuple[str | None, str, str]:
    """(organization, place, note) from what follows a title: "Org · Berlin" and
    "Org, Pune. Threat modelling ..." keep only the organization's name."""
    if not org:
        return org, "", ""
    note = ""
    if m := _ORG_SENTENCE_RE.match(org):
        org, note = m["org"], m["note"]
    org = re.sub(r"(\s+[·•|])(?:\s*[·•|])+", r"\1", org).strip(" ·•|")
    parts = _ORG_PLACE_SEP_RE.split(org)
    seps = list(_ORG_PLACE_SEP_RE.finditer(org))
    place: list[str] = []
    while len(parts) > 1 and _is_place_part(parts[-1]):
        place.insert(0, parts.pop())
    if not place:
        return org, "", note
    # The organization ends where the separator before the first place part starts.
    head = org[: seps[len(parts) - 1].start()].strip()
    return head or org, ", ".join(place), note


def _is_place_part(text: str) -> bool:
    if ORG_SUFFIX.match(text) or COMPANY_FORM_RE.fullmatch(text):
        return False  # "Acme, Inc.", "Fjord, AS"
    return bool(REMOTE_RE.fullmatch(text)) or looks_like_place(text)


@lru_cache(maxsize=4096)
def parse_role(
    text: str,
    *,
    section: str = "",
    dates: DateRange | None = None,
    require_dates: bool = True,
    highlights: str = "",
    summary: str = "",
) -> RoleRecord | None:
    """A role from "Title, Organization (June 2021 - Present) (on contract)" and kin."""
    link = first_link(text)
    plain = plain_text(text)
    found, core, extras = pull_dates(plain)
    dates = dates or found
    if dates is None and require_dates:
        return None
    core, place = split_place(core)
    title, org = split_pair(core)
    title = LEADING_SYMBOLS_RE.sub("", title)  # "💼 Staff Engineer", "🧪 Intern"
    kind_text = " ".join([title, *extras])
    # "Part-time Developer": the kind is a field of its own, the title is "Developer".
    title = re.sub(r"(?i)^(?:part|full)[- ]time\s+(?=\w)", "", title)
    if not title:
        return None
    org, org_place, org_note = split_org_tail(org)
    place = place or org_place
    location = place
    notes = []
    for extra in extras:
        if re.fullmatch(r"(?i)remote|hybrid|on[- ]site", extra):
            location = ", ".join(p for p in [location, extra] if p)
        elif not location and not KIND_WORDS.match(extra) and looks_like_place(extra):
            # "(Boston, MA)", "(Munich)": where the role was.
            location = extra
        elif not KIND_WORDS.match(extra):
            notes.append(extra)
    org_url = ""
    if link and org and link.label and link.label.strip() in org:
        org_url = link.url
    summary = "\n\n".join(p for p in ["; ".join(notes), org_note, summary] if p)
    start, end = (dates.start, dates.end) if dates else (None, None)
    if dates and end is None and not dates.is_current:
        # "2016: Research Intern", "Summer 2016": a role within one year, not an open one.
        end = start
    return RoleRecord(
        title=title,
        organization=org or None,
        organization_url=org_url,
        kind=role_kind(kind_text),
        start=start,
        end=end,
        is_current=dates.is_current if dates else False,
        location=location,
        summary=summary,
        highlights=highlights,
        section=section,
    )


_HARD_BREAK_RE = re.compile(r"(?:\\|  +|<br\s*/?>)\s*$", re.I)


def _blocks(md: str) -> list[tuple[str, list[str]]]:
    """("entry", lines) for paragraphs, ("list", lines) for lists: a list may interrupt
    a paragraph (CommonMark), so a paragraph ends at its first item line."""
    out: list[tuple[str, list[str]]] = []
    for para in re.split(r"\n[ \t]*\n", md.strip("\n")):
        lines = para.split("\n")
        cut = next((i for i, ln in enumerate(lines) if ITEM_START_RE.match(ln)), len(lines))
        if lines[:cut]:
            out.append(("entry", lines[:cut]))
        if lines[cut:]:
            if out and out[-1][0] == "list" and not lines[:cut]:
                out[-1][1].extend(["", *lines[cut:]])
            else:
                out.append(("list", lines[cut:]))
    return out


def entry_role(lines: list[str], section: str = "") -> RoleRecord | None:
    """One role from a paragraph: "**Org** — Title (2019–present)" on one line, or
    a title, an organization and a line of dates on lines of their own (academic CVs)."""
    lines = [_HARD_BREAK_RE.sub("", ln).strip() for ln in lines if ln.strip()]
    if not lines or any(ln.startswith((">", "|", "#", "<")) for ln in lines):
        return None
    if len(lines) == 1:
        return parse_role(lines[0], section=section)
    if len(lines) > 6:
        return None
    found = next(((i, d) for i, ln in enumerate(lines) if (d := date_line(ln))), None)
    if found is None or found[0] == 0 or found[0] > 2:
        role = parse_role(lines[0], section=section) if len(lines) <= 3 else None
        return role and replace(role, summary="\n".join(lines[1:]))
    at, (dates, _written, place) = found
    named = [plain_text(ln).strip() for ln in lines[:at]]
    text = ", ".join(named)
    if len(named) == 2 and titleish(named[1]) > titleish(named[0]):
        text = ", ".join(reversed(named))
    role = parse_role(text, section=section, dates=dates, require_dates=False)
    if role is None:
        return None
    summary = "\n".join(lines[at + 1 :])
    return replace(
        role,
        location=role.location or ", ".join(place),
        summary="\n\n".join(p for p in [role.summary, summary] if p),
    )


def roles_with_bullets(md: str, section: str = "") -> tuple[list[RoleRecord], str] | None:
    """Paragraphs that each name a dated role, each followed by its bullets (the
    highlights) and prose (the summary). None unless the text opens with such a
    paragraph, so list-only sections are read item by item."""
    roles: list[RoleRecord] = []
    for kind, lines in _blocks(md):
        role = entry_role(lines, section) if kind == "entry" else None
        if role is not None:
            roles.append(role)
        elif not roles:
            return None
        elif kind == "list":
            bullets = "\n".join(lines).strip("\n")
            highlights = "\n".join(p for p in [roles[-1].highlights, bullets] if p)
            roles[-1] = replace(roles[-1], highlights=highlights)
        else:
            prose = "\n".join(lines).strip()
            roles[-1] = replace(
                roles[-1], summary="\n\n".join(p for p in [roles[-1].summary, prose] if p)
            )
    return (roles, "") if roles else None
