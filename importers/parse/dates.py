"""Dates as people write them in profiles: "June 2021", "Dec, 2016", "2019-Preset".

``parse_partial_date`` reads one date, ``parse_date_range`` a start and an end,
``find_date_range`` looks for a range inside a longer line.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from .records import DateRange, PartialDate

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# The months in the other languages CVs are written in (French, Spanish, German, Italian,
# Portuguese, Dutch), whole or cut short as they are printed.
LOCAL_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "janvier janv enero januar jänner jänn gennaio genn janeiro januari",
            "février fevrier févr fevr febrero februar febbraio fevereiro februari",
            "mars marzo märz maerz mär marzo março marco maart",
            "avril avr abril aprile abr",
            "mai mayo maggio maio mei",
            "juin junio juni giugno junho",
            "juillet juil julio juli luglio julho",
            "août aout agosto augustus",
            "septembre setiembre septiembre settembre setembro",
            "octobre octubre oktober ottobre outubro okt",
            "novembre noviembre novembro",
            "décembre decembre déc dezember dicembre diciembre dezembro dic dez",
        ),
        start=1,
    )
    for name in names.split()
}
_LOCAL_NAMES = "|".join(sorted(map(re.escape, LOCAL_MONTHS), key=len, reverse=True))
_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    rf"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|{_LOCAL_NAMES})\.?"
)
# "Preset" is a real typo in the wild (a GitHub README's "2019-Preset").
# ... and in the languages CVs are written in ("actuellement", "heute", "至今"), and
# "2020-..." left open.
_PRESENT = (
    r"(?:present|preset|presnt|now|current(?:ly)?|today|ongoing|date|till\s+date|to\s+date|"
    r"actuellement|aujourd'hui|aujourd’hui|présent|presente|actualidad|actualmente|atualmente|"
    r"heute|jetzt|oggi|至今|现在|今|\.\.\.|…)"
)
_PRESENT_RE = re.compile(rf"^\s*(?:the\s+)?{_PRESENT}\s*$", re.I)

_YEAR = r"(?:19|20)\d\d"
_SEASONS = r"(?:spring|summer|fall|autumn|winter)"
_DATE = (
    rf"(?:{_YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"  # 2021-06-03
    rf"|{_YEAR}[-/.](?:0?[1-9]|1[0-2])(?!\d)"  # 2021-06
    rf"|(?:0?[1-9]|1[0-2])[/.]{_YEAR}"  # 06/2021
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES},?\s+{_YEAR}"  # 2nd November 2019
    rf"|{_MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"  # November 2, 2019
    rf"|{_MONTH_NAMES},?\s*'?{_YEAR}"  # June 2021, Dec, 2016
    rf"|{_SEASONS}\s+{_YEAR}"  # Fall 2019 (a term: kept to the year)
    rf"|{_YEAR})"
)
_SEP = (
    # "Summer 2023 & Summer 2025": two spells of one role, from the first to the last.
    # ... and "Juin 2011 à Mars 2013", "2019 bis 2021", "2010 hasta 2012", "2010 até 2012".
    r"\s*(?:[-–—‒―~]+|\bto\b|\btill\b|\buntil\b|→|\.\.(?!\.)|至|&|(?<!\w)à(?!\w)|\bau\b|"
    r"\bbis\b|\bhasta\b|(?<!\w)até(?!\w)"
    r"|/(?=\s*(?:(?:19|20)\d\d(?!\d)|actuellement|aujourd|présent|presente|heute|now|present)))\s*"
)
_END = rf"(?:{_DATE}|{_PRESENT})"
_RANGE_RE = re.compile(
    rf"(?<![\w/])(?P<start>{_DATE})(?:{_SEP}(?P<end>{_END}))?(?![\w/])",
    re.I,
)
_SINCE_RE = re.compile(
    rf"(?<!\w)(?:since|from|depuis|dès|seit|ab|desde|dal)\s+(?P<start>{_DATE})(?![\w/])", re.I
)


def is_present(text: str) -> bool:
    """True for words meaning "still ongoing": Present, now, current, today."""
    if text.strip(" ()[]") in {"...", "…"}:
        return True  # "2020-...": left open
    return bool(_PRESENT_RE.match(text.strip(" ()[],.")))


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in LOCAL_MONTHS:
        return LOCAL_MONTHS[word]
    return MONTHS.get(word[:4] if word.startswith("sept") else word[:3])


@lru_cache(maxsize=4096)
def parse_partial_date(text: str) -> PartialDate | None:
    """One date with its precision, or None (also for "Present": see ``is_present``)."""
    text = text.strip().strip("()[],.").strip()
    if not text or is_present(text):
        return None
    try:
        if m := re.fullmatch(rf"({_YEAR})[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?:[T ].*)?", text):
            return PartialDate(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(rf"({_YEAR})[-/.](\d{{1,2}})", text):
            return PartialDate(int(m[1]), int(m[2]))
        if m := re.fullmatch(rf"(\d{{1,2}})[/.]({_YEAR})", text):
            return PartialDate(int(m[2]), int(m[1]))
        if m := re.fullmatch(_YEAR, text):
            return PartialDate(int(text))
        if m := re.fullmatch(
            rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAMES}),?\s+({_YEAR})", text, re.I
        ):
            return PartialDate(int(m[3]), _month(m[2]), int(m[1]))
        if m := re.fullmatch(
            rf"({_MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})", text, re.I
        ):
            return PartialDate(int(m[3]), _month(m[1]), int(m[2]))
        if m := re.fullmatch(rf"({_MONTH_NAMES}),?\s*'?({_YEAR})", text, re.I):
            return PartialDate(int(m[2]), _month(m[1]))
        if m := re.fullmatch(rf"{_SEASONS}\s+({_YEAR})", text, re.I):
            return PartialDate(int(m[1]))
    except ValueError:
        return None
    return None


def _to_range(start_text: str, end_text: str | None) -> DateRange | None:
    start = parse_partial_date(start_text)
    if start is None:
        return None
    if end_text is None:
        return DateRange(start=start)
    if is_present(end_text):
        return DateRange(start=start, is_current=True)
    end = parse_partial_date(end_text)
    if end is None:
        return DateRange(start=start)
    if end.month is None and start.month is not None and end.year == start.year:
        end = None
    if end is not None and end.to_date() < start.to_date():
        return DateRange(start=start)
    return DateRange(start=start, end=end)


_MONTHS_OF_ONE_YEAR_RE = re.compile(
    rf"^(?P<a>{_MONTH_NAMES})\s*(?:[-–—]+|to)\s*(?P<b>{_MONTH_NAMES})\s+(?P<y>{_YEAR})$", re.I
)
# "2012年" is the year 2012.
_CJK_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")


@lru_cache(maxsize=4096)
def parse_date_range(text: str) -> DateRange | None:
    """Parse a whole string as a date or a range; None when it is not one.

    A single date gives a range with only a start (and no end, not current).
    """
    text = _CJK_YEAR_RE.sub(r"\1", text.strip().strip("()[]").strip())
    if not text:
        return None
    # "May — Aug 2025": both months of the one year written last.
    text = _MONTHS_OF_ONE_YEAR_RE.sub(r"\g<a> \g<y> – \g<b> \g<y>", text)
    if m := _SINCE_RE.fullmatch(text):
        return _to_range(m["start"], "present")
    m = _RANGE_RE.fullmatch(text)
    if m is None:
        return None
    return _to_range(m["start"], m["end"])


@lru_cache(maxsize=4096)
def find_date_range(text: str) -> tuple[DateRange, tuple[int, int]] | None:
    """The last date range inside ``text`` and its span (profiles put dates last)."""
    found = None
    text = _CJK_YEAR_RE.sub(lambda m: m[1] + " ", text)  # keeps the spans' lengths
    for m in _RANGE_RE.finditer(text):
        found = m
    since = _SINCE_RE.search(text)
    if since and (found is None or (since.end() >= found.end() and found["end"] is None)):
        # "since 2018" / "from 2019": the start of an open range, the word included.
        rng = _to_range(since["start"], "present")
        if rng is not None:
            return rng, since.span()
    if found is not None:
        rng = _to_range(found["start"], found["end"])
        if rng is not None:
            start, end = found.span()
            # "from 2019 to 2021": the leading word belongs to the range.
            if lead := re.search(
                r"\b(?:from|since|between)\s+$", text[max(0, start - 12) : start], re.I
            ):
                start -= len(lead[0])
            return rng, (start, end)
    if m := _SINCE_RE.search(text):
        rng = _to_range(m["start"], "present")
        if rng is not None:
            return rng, m.span()
    return None


def date_from_value(value: object) -> PartialDate | None:
    """A date from front matter: a date, a datetime, or a string."""
    if isinstance(value, datetime.datetime):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, int) and 1900 <= value <= 2100:
        return PartialDate(value)
    if isinstance(value, str):
        return parse_partial_date(value)
    return None
