"""Awards: a title, who gave it and when (one record per year when several are named)."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import parse_date_range
from .markup import find_links, first_link, plain_text
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


_AWARD_WORD = (
    r"(?:Award|Prize|Medal|Fellowship|Scholarship|Grant|Bonus|Honou?r|Trophy|Distinction)s?"
)
_YEARS = r"(?P<years>(?:19|20)\d\d(?:\s*(?:,|&|\band\b)\s*(?:19|20)\d\d)*)"
_RECEIVED_RE = re.compile(
    r"\b(?i:received|won|was awarded|been awarded|awarded|earned|was given|recipient of|"
    r"honou?red with)\s+(?P<list>[^.;!?\n]*?" + _AWARD_WORD + r"[^.;!?\n]*)"
)
# One award of a list: "the X Award (at|from Y) in 2020 and 2021".
_AWARD_ITEM_RE = re.compile(
    r"(?:^|,\s*|\band\s+|&\s*)(?:(?:the|an?)\s+)?(?P<title>[A-Z0-9][^,]*" + _AWARD_WORD + r")"
    r"(?:\s+(?:at|from|by)\s+(?P<at>[A-Z][^,]*?(?=\s+(?:in|for)\s+(?:19|20)\d\d|\s*,|\s*$)))?"
    r"(?:\s+(?:in|for)\s+" + _YEARS + r")?(?=,|$|\s)"
)
_RECOGNIZED_RE = re.compile(
    r"(?:(?P<issuer>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,6})\s+)?"
    r"(?:recogni[sz]ed|named|selected)\s+(?:me|him|her|them|us)?\s*as\s+(?:one\s+of\s+)?"
    r"(?:(?:their|its|the|our)\s+)?(?P<title>[^.;!?\n]{3,60}?)\s+(?:in|for)\s+"
    + _YEARS
    + r"(?:\s+by\s+(?P<by>[A-Z][^.;!?\n]{2,60}))?(?=[.;!?\n]|$)"
)


def _years(text: str | None) -> list[int]:
    return sorted({int(y) for y in re.findall(r"(?:19|20)\d\d", text or "")})


def _award(title: str, issuer: str, years: list[int], url: str) -> AwardRecord:
    return AwardRecord(
        title=title[:1].upper() + title[1:],
        issuer=issuer,
        date=PartialDate(years[-1]) if years else None,
        url=url,
        # "in 2020 and 2021": dated by the latest year, every year kept.
        description=", ".join(map(str, years)) if len(years) > 1 else "",
    )


def awards_in_prose(md: str) -> list[AwardRecord]:
    """Awards a bio mentions in sentences, as an editor transcribing the page would list
    them: "I received the X Award in 2020 and 2021, Y Award in 2021" and "the Z Program
    recognized me as one of their top innovators in 2019". The prose stays in the bio."""
    links = {plain_text(f"[{link.label}]({link.url})"): link.url for link in find_links(md)}
    text = plain_text(md)
    out: list[AwardRecord] = []

    def url_near(title: str, span: str) -> str:
        # The link on the award's name, else one inside its words ("in [2020](...)").
        named = next((url for label, url in links.items() if label and label in title), "")
        return named or next((url for label, url in links.items() if label and label in span), "")

    for m in _RECEIVED_RE.finditer(text):
        for item in _AWARD_ITEM_RE.finditer(m["list"]):
            title = re.sub(r"^(?:the|an?)\s+", "", item["title"].strip())
            if len(title.split()) > 10:
                continue
            issuer = (item["at"] or "").strip()
            out.append(_award(title, issuer, _years(item["years"]), url_near(title, item[0])))
    for m in _RECOGNIZED_RE.finditer(text):
        years = _years(m["years"])
        if not years:
            continue
        issuer = (m["by"] or m["issuer"] or "").strip()
        issuer = re.sub(r"^the\s+", "", issuer).strip()
        out.append(_award(m["title"].strip(), issuer, years, url_near(m["title"], m[0])))
    return out
