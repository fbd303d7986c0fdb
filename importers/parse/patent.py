"""Patents: a number (from the text or a patent office link), a title and a status."""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import find_date_range
from .markup import plain_text
from .phrases import (
    split_title,
    strip_seps,
)
from .records import (
    PatentRecord,
)

_PATENT_NUMBER_RE = re.compile(r"\b((?:US|EP|WO|CN|JP|KR|DE|GB|CA|AU|IN)D?\d{4,}[A-Z]\d?)\b")


_PATENT_HOSTS = (
    "patents.google.com",
    "patft.uspto.gov",
    "ppubs.uspto.gov",
    "freepatentsonline.com",
)


def patent_number(url: str, text: str = "") -> str:
    if m := re.search(r"/patent/([A-Z]{2}[A-Z0-9]+?)(?:/|$|\?|#)", url):
        return m[1]
    if m := _PATENT_NUMBER_RE.search(url) or _PATENT_NUMBER_RE.search(text):
        return m[1]
    return ""


def is_patent(url: str, text: str = "") -> bool:
    host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower()
    return any(host.endswith(h) for h in _PATENT_HOSTS) or bool(patent_number(url, text))


def patent_status(number: str) -> str:
    if re.search(r"(B\d?|S\d?|E\d?|C\d?)$", number) and not re.search(r"\d{11}A\d?$", number):
        return "granted"
    if re.search(r"A\d?$", number):
        return "pending"
    return "filed"


# A number as printed: "US 11,234,567 B2", "US 2023/0123456 A1", "EP 1 234 567 B1".
_WRITTEN_PATENT_RE = re.compile(
    r"\b(?:US|EP|WO|CN|JP|KR|DE|GB|CA|AU|IN)\s?(?:D\s?)?\d[\d,/ ]{3,}\d(?:\s?[A-Z]\d?)?\b"
)


_PATENT_STATUS_WORDS = {
    "granted": "granted",
    "issued": "granted",
    "awarded": "granted",
    "pending": "pending",
    "filed": "filed",
    "applied": "filed",
    "submitted": "filed",
}


_PATENT_STATUS_RE = re.compile(rf"\b({'|'.join(_PATENT_STATUS_WORDS)})\b", re.I)


# What may follow a title: brackets, a last ", part" or a last sentence.
_TRAILING_STATUS_RE = re.compile(
    r"^(.+?)\s*((?:\([^()]*\)\s*)+|,\s*(?:[^,]*\d[^,]*|[^,\w]*\w+)|[.;]\s+[^.;]+\.?)$"
)


_QUOTED_TITLE_RE = re.compile(r"^[\"“](?P<title>[^\"“”]+)[\"”]\s*(?P<rest>.*)$", re.S)


def _patent_title(text: str) -> tuple[str, str, str]:
    """split_title, and a quoted title: '"Title" (granted 2022)'."""
    if m := _QUOTED_TITLE_RE.match(text.strip()):
        return m["title"].strip(), "", strip_seps(m["rest"])
    return split_title(text)


@lru_cache(maxsize=4096)
def parse_patent(text: str, *, section: str = "") -> PatentRecord:
    """A patent from "[Title](https://patents.google.com/patent/US1234567B2)",
    "US 11,234,567 B2 — "Title" (granted 2022)" or "Title, US 2023/0123456 A1 (pending)"."""
    written = ""
    if m := re.match(rf"^\s*({_WRITTEN_PATENT_RE.pattern})\s*(?:[:—–|-]\s*)?(.+)$", text, re.S):
        # The number leads; the title follows it.
        written, text = m[1], m[2]
    title_md, url, rest_md = _patent_title(text)
    title, rest = plain_text(title_md).strip(), plain_text(rest_md).strip()
    if (
        not rest
        and (m := _TRAILING_STATUS_RE.match(title))
        and (
            _PATENT_STATUS_RE.search(m[2])
            or find_date_range(m[2])
            or _WRITTEN_PATENT_RE.search(m[2])
        )
    ):
        # "System and method for X (pending)", "Title, granted 2020": the status and
        # the date were written after the title, without a separator.
        title, rest = m[1].strip(), m[2].strip()
    if not written and (m := _WRITTEN_PATENT_RE.search(rest) or _WRITTEN_PATENT_RE.search(title)):
        written = m[0]
        title, rest = (strip_seps(part.replace(written, " ")) for part in (title, rest))
    # One form for a number however it is printed ("US 11,234,567 B2" is US11234567B2, as
    # in a patent office's link), so the same patent from two documents is one record.
    number = patent_number(url, text) or re.sub(r"[\s,/]", "", written)
    found = find_date_range(rest)
    status = patent_status(number) if number else "filed"
    if word := _PATENT_STATUS_RE.search(rest):
        status = _PATENT_STATUS_WORDS[word[1].lower()]
    return PatentRecord(
        title=title.strip('"“”*_ ').rstrip(".,;") or title,
        number=number,
        url=url,
        status=status,
        date=found[0].start if found else None,
        section=section,
    )
