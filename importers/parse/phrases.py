"""Splitting a one-line entry into its parts: dates and parentheticals, a title and
its organization, a trailing place, a linked title and the rest."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import find_date_range, parse_date_range
from .lexicon import (
    COMPANY_FORM_RE,
    GRADE_RE,
    ORG_SUFFIX,
    SEASON_RE,
    SEPARATORS,
    SUBUNIT_RE,
    looks_like_place,
    titleish,
)
from .markup import plain_text
from .records import (
    DateRange,
    PartialDate,
)


def strip_seps(text: str) -> str:
    return text.strip().strip("-–—|·•,:;").strip()


@lru_cache(maxsize=4096)
def pull_dates(text: str) -> tuple[DateRange | None, str, tuple[str, ...]]:
    """Remove the dates and the other parentheticals from a plain-text entry.

    Returns ``(dates, core text, parentheticals that are not dates)``.
    """
    extras: list[str] = []
    dates: DateRange | None = None

    def paren(m: re.Match[str]) -> str:
        nonlocal dates
        inner = m[1].strip()
        rng = parse_date_range(inner)
        if rng is not None and dates is None:
            dates = rng
            if SEASON_RE.search(inner):
                extras.append(inner)
            return " "
        if rng is None and inner:
            pieces = re.split(r"\s*[,;]\s+", inner)
            ranges = [r for piece in pieces if (r := parse_date_range(piece)) is not None]
            if dates is None and len(ranges) == 1:
                # "(2010 - 2013, part-time while studying)": the dates and a note.
                dates = ranges[0]
                # A term ("Summer 2023") is kept as written, like a lone one.
                extras.extend(
                    p for p in pieces if parse_date_range(p) is None or SEASON_RE.search(p)
                )
                return " "
            extras.append(inner)
            return " "
        return m[0]

    core = re.sub(r"\(([^()]*)\)", paren, text)
    if dates is None and (found := find_date_range(core)):
        dates, (a, b) = found
        if SEASON_RE.search(core[a:b]):
            # "Summer 2023": the date keeps the year, the term is kept as written.
            extras.append(core[a:b].strip())
        core = core[:a] + " " + core[b:]
    core = re.sub(r"\s+", " ", core)
    core = re.sub(r"\s+([,.;:])", r"\1", core)
    core = re.sub(r"([,;])(?:\s*[,;])+", r"\1", core)
    return dates, strip_seps(core), tuple(extras)


@lru_cache(maxsize=4096)
def split_pair(core: str, prefer_org_first: bool = False) -> tuple[str, str | None]:
    """Split "Title, Org", "Title at Org", "Org — Title" into (title, organization)."""
    m = re.match(r"^(.+?)\s+(?:at|@|chez|bei|presso)\s+(.+)$", core)
    if m and not any(sep in m[1] for sep in SEPARATORS[:3]):
        # "Title at Org"; but "Title — Institute at University" parts at the dash.
        return m[1].strip(), m[2].strip()
    for sep in SEPARATORS:
        if sep in core:
            left, right = (p.strip() for p in core.split(sep, 1))
            if titleish(left) > titleish(right):
                return left, right
            if titleish(right) > titleish(left):
                return right, left
            return (right, left) if prefer_org_first or sep != " - " else (left, right)
    if ", " in core:
        parts = core.split(", ")
        cut = len(parts) - 1
        while cut > 1 and ORG_SUFFIX.match(parts[cut]):
            cut -= 1
        left, right = ", ".join(parts[:cut]).strip(), ", ".join(parts[cut:]).strip()
        if titleish(right) and not titleish(left):
            return right, left
        return left, right
    return core, None


PAIR_RE = re.compile(
    "|".join([*map(re.escape, SEPARATORS), ", ", r"\s+(?:at|@|chez|bei|presso)\s+"])
)


def split_place(core: str) -> tuple[str, str]:
    """ "Title, Org, City" -> ("Title, Org", "City"); (core, "") when the last parts are
    not a place, or when taking them would leave no title and organization."""
    parts = core.split(", ")
    best = None
    for cut in range(len(parts) - 1, 0, -1):
        if not looks_like_place(parts[cut]) or GRADE_RE.match(parts[cut]):
            break
        head = ", ".join(parts[:cut])
        pieces = PAIR_RE.split(head)
        prev = pieces[-1].strip()
        if len(pieces) < 2 or not prev or SUBUNIT_RE.search(prev):
            # Nothing left to be the organization, or "Lab, University": the parent follows.
            continue
        named_org = (
            re.search(r"\s(?:at|@)\s", head)
            or COMPANY_FORM_RE.search(prev)
            or re.fullmatch(r"(?i)remote|hybrid|on[- ]site", parts[-1])
        )
        if looks_like_place(prev) and not named_org:
            # "Engineer, Infrastructure, Stripe": the words cannot tell a place from a name.
            continue
        if titleish(prev) and not any(sep in head for sep in SEPARATORS):
            # "Founder, CEO, Berlin": the place would leave no organization.
            continue
        best = (head, ", ".join(parts[cut:]))
    return best or (core, "")


# An emoji or two that decorate a list item ("🎨 [Title](url)"): not the title's words.
LEADING_EMOJI_RE = re.compile(
    r"^(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+\s*)+"
)


def split_title(text: str) -> tuple[str, str, str]:
    """(title markdown, url, rest) for "[Title](url): rest", "**Title** - rest", "Title: rest"."""
    text = LEADING_EMOJI_RE.sub("", text.strip())
    if m := re.match(r"^\[((?:[^\[\]]|\[[^\[\]]*\])++)\]\(\s*([^)\s]+)[^)]*\)\s*(.*)$", text, re.S):
        return m[1].strip(), m[2], strip_seps(m[3]) if m[3].strip()[:1] in "-–—:|," else m[3]
    if m := re.match(r"^(\*\*|__)(.+?)\1\s*(.*)$", text, re.S):
        # "**[Name](url)** - what it is": the link in the bold is the title's.
        linked = re.fullmatch(r"\[([^\[\]]+)\]\(\s*([^)\s]+)[^)]*\)", m[2].strip())
        if linked:
            return linked[1].strip(), linked[2], strip_seps(m[3])
        return m[2].strip(), "", strip_seps(m[3])
    if m := re.match(r"^(?:\*|_)([^*_]+)(?:\*|_)\s*[,.:]?\s*(.*)$", text, re.S):
        return m[1].strip(), "", strip_seps(m[2])
    if m := re.match(r"^([^:.]{2,80}?)(?::\s+|\s+[—–-]\s+)(.+)$", text, re.S):
        return m[1].strip(), "", m[2].strip()
    return text, "", ""


QUOTED_RE = re.compile(r"^(?P<before>.*?)[\"“](?P<title>[^\"“”]{3,}?)[\"”](?P<after>.*)$", re.S)


def title_date(title: str) -> tuple[str, PartialDate | None]:
    """ "Title, 2022" or "Title (2022)" -> ("Title", 2022)."""
    m = re.match(r"^(.*?)[,\s]*\(?((?:19|20)\d\d)\)?\s*$", title)
    if m and m[1].strip() and not re.search(r"(?:[-–—/]|\bto)\s*$", m[1]):
        # (Not the end of a range: "..., 2019-2022" is read as a range.)
        return m[1].strip(), parse_date_range(m[2]).start  # type: ignore[union-attr]
    return title, None


def date_line(text: str) -> tuple[DateRange, str, list[str]] | None:
    """A line that is only dates, perhaps followed by where: "*Jan 2020 – Present* ·
    Berlin" -> (the range, "Jan 2020 – Present", ["Berlin"]); None for any other line."""
    parts = [p.strip() for p in re.split(r"\s+[|·•]\s+", plain_text(text).strip()) if p.strip()]
    if parts and parse_date_range(parts[0]) is None:
        # "Depuis mars 2013 - Paris, Montreuil": the dates, a hyphen, the place.
        head, *place = re.split(r"\s+-\s+(?=[^\d\s])", parts[0], maxsplit=1)
        parts = [head, *place, *parts[1:]]
    if not parts or (dates := parse_date_range(parts[0])) is None:
        return None
    return dates, parts[0], parts[1:]
