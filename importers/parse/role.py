"""Roles (jobs): one entry of an experience list, a table row or a sub-heading."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import (
    KIND_WORDS,
    looks_like_place,
    role_kind,
)
from .markup import first_link, plain_text
from .phrases import (
    pull_dates,
    split_pair,
    split_place,
)
from .records import (
    DateRange,
    RoleRecord,
)


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
    if not title:
        return None
    kind_text = " ".join([title, *extras])
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
    summary = "\n\n".join(p for p in ["; ".join(notes), summary] if p)
    return RoleRecord(
        title=title,
        organization=org or None,
        organization_url=org_url,
        kind=role_kind(kind_text),
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        is_current=dates.is_current if dates else False,
        location=location,
        summary=summary,
        highlights=highlights,
        section=section,
    )
