"""Awards: a title, who gave it and when (one record per year when several are named)."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import parse_date_range
from .markup import first_link, plain_text
from .phrases import (
    QUOTED_RE,
    pull_dates,
    strip_seps,
)
from .records import (
    AwardRecord,
    PartialDate,
)

_YEARS = r"(?:19|20)\d\d(?:\s*(?:,\s*(?:and\b|&)?|&|\band\b)\s*(?:19|20)\d\d)+"


_YEAR_LIST_RE = re.compile(rf"\(\s*({_YEARS})\s*\)|\b({_YEARS})\b")


@lru_cache(maxsize=4096)
def parse_award(text: str, *, section: str = "") -> AwardRecord:
    link = first_link(text)
    plain = plain_text(text)
    date = None
    if m := re.match(r"^((?:19|20)\d\d)\s*[:–—-]\s*(.+)$", plain):
        date, plain = parse_date_range(m[1]).start, m[2]  # type: ignore[union-attr]
    notes = []
    if m := _YEAR_LIST_RE.search(plain):
        # "Dean's List, 2011 & 2012": dated by the latest year, the years kept as written.
        years = m[1] or m[2]
        notes.append(years)
        date = date or PartialDate(max(int(y) for y in re.findall(r"\d{4}", years)))
        plain = plain[: m.start()] + " " + plain[m.end() :]
    dates, core, extras = pull_dates(plain)
    if date is None and dates is not None:
        date = dates.start
    if (q := QUOTED_RE.match(core)) and q["before"].strip(" ,"):
        # '1st place, Hackathon — "ProjectName"': the quoted name is what won.
        notes.append(q["title"].strip())
        core = strip_seps(f"{q['before'].strip()} {strip_seps(q['after'])}".strip())
    title, issuer = core, ""
    for sep in (" — ", " – ", ", ", " by ", " from "):
        if sep in core:
            title, issuer = (p.strip() for p in core.split(sep, 1))
            break
    return AwardRecord(
        title=title,
        issuer=issuer,
        date=date,
        url=link.url if link else "",
        description="; ".join([*extras, *notes]),
        section=section,
    )
