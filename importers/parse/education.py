"""Education: a degree and its institution, with dates."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import (
    GRADE_RE,
    INSTITUTION_WORDS,
    SUBUNIT_RE,
    looks_like_place,
)
from .markup import first_link, plain_text
from .phrases import (
    pull_dates,
    split_pair,
    split_place,
)
from .records import (
    EducationRecord,
    PartialDate,
)


@lru_cache(maxsize=4096)
def parse_education(text: str, *, section: str = "", summary: str = "") -> EducationRecord:
    link = first_link(text)
    dates, core, extras = pull_dates(plain_text(text))
    parts = core.split(", ")
    notes = []
    while len(parts) > 1 and GRADE_RE.match(parts[-1]) and not INSTITUTION_WORDS.search(parts[-1]):
        # "..., GPA 9.1/10", "..., First Class": the grade is a note, not the institution.
        notes.insert(0, parts.pop())
    core, location = split_place(", ".join(parts))
    extras = (*extras, *notes)
    if "; " in core:
        # "PhD, Computer Science; Boğaziçi University": the semicolon parts the two.
        first, second = (part.strip() for part in core.split("; ", 1))
        if not location:
            second, location = _institution_place(second)
    else:
        first, second = split_pair(core, prefer_org_first=" — " in core or " – " in core)
    # split_pair reads (title, org); here the "title" is the degree.
    degree, institution = first, second
    if institution is None:
        degree, institution = "", first
    elif INSTITUTION_WORDS.search(degree) and not INSTITUTION_WORDS.search(institution):
        degree, institution = institution, degree
    if degree and not location and looks_like_place(degree) and not names_a_degree(degree):
        # "Cascade Ridge University | Tacoma, WA, USA | Sep 2019 – Present": a place.
        degree, location = "", degree
    unit, sep, parent = institution.partition(", ")
    if sep and SUBUNIT_RE.search(unit) and INSTITUTION_WORDS.search(parent):
        # "Field Robotics Lab, Instituto Politécnico": the institution; the lab a note.
        institution, extras = parent, (unit, *extras)
    url = link.url if link and link.label and link.label in institution else ""
    start, end = (dates.start, dates.end) if dates else (None, None)
    if dates and end is None and not dates.is_current:
        # A degree with one year ("MSc, Example University, 2016") names its year.
        start, end = None, start
    return EducationRecord(
        institution=institution,
        degree=degree,
        institution_url=url,
        start=start,
        end=end,
        is_current=dates.is_current if dates else False,
        location=location,
        summary="\n\n".join(p for p in ["; ".join(extras), summary] if p),
        section=section,
    )


_DEGREE = (
    r"(?:MA\b|BA\b|MS\b|BS\b|B\.?\s?Sc\.?|B\.?\s?A\.?|B\.?\s?Eng\.?|B\.?\s?Tech\.?|B\.?\s?S\.?|M\.?\s?Sc\.?|"
    r"M\.?\s?Eng\.?|M\.?\s?Tech\.?|M\.?\s?S\.?|M\.?\s?A\.?|MBA|M\.?\s?Phil\.?|Ph\.?\s?D\.?|"
    r"doctorate|master'?s(?:\s+degree)?|bachelor'?s(?:\s+degree)?)"
)
_DEGREE_START_RE = re.compile(
    _DEGREE + r"|(?:associate|diplom|certificate|pre-baccalaureate|postgraduate|graduate|"
    r"undergraduate|high school|minor|major|master|bachelor|licenciatura|laurea|magister|"
    r"doctor|engineer)",
    re.I,
)
# "I graduated (cum laude) with a B.Sc. in Computer Science from X in 2021", "I hold a
# PhD in Physics from X", "earned my master's at X (2016)".
_PROSE_DEGREE_RE = re.compile(
    r"\b(?i:graduated|earned|received|obtained|completed|hold|holds|got|did|finished|"
    r"defended)\b[^.;]{0,40}?\b(?:an?|my|the|his|her|their)\s+"
    r"(?P<degree>" + _DEGREE + r"(?:\s+(?:degree\s+)?(?:in|of)\s+[^\W\d_][\w&'’ -]*?)?)\s+"
    r"(?:from|at)\s+(?:the\s+)?(?P<institution>[A-Z][^,.;()\n]*?)"
    r"(?:\s*\((?P<pyear>(?:19|20)\d\d)\)|\s*\([^)]*\))?(?:\s+in\s+(?P<year>(?:19|20)\d\d))?"
    r"(?=\s*[.,;]|\s+(?:and|where|with|under)\b|$)"
)
# "I am a PhD student at X", "I'm doing a master's at X": studies going on now.
_PROSE_STUDENT_RE = re.compile(
    r"\b(?:am|I'm|I’m|is|currently|and)\s+(?:a|an|doing\s+a|pursuing\s+a)\s+"
    r"(?:(?:part-time|full-time|first-year|second-year|third-year|final-year)\s+)?"
    r"(?P<degree>"
    + _DEGREE
    + r"(?:\s+(?:in|of)\s+[A-Z][\w&'’ -]*?)?)(?:\s+(?:student|candidate))?\s+"
    r"(?:at|in)\s+(?:the\s+)?(?P<institution>[A-Z][^,.;()\n]*?)(?=\s*[.,;(]|\s+(?:and|where|with|under)\b|$)"
)


# "🎓 Studying BSc Software Engineering at Tallinn Polytechnic, class of 2026".
_PROSE_STUDYING_RE = re.compile(
    r"(?i:\b(?:studying|pursuing|doing|reading))\s+(?:(?:for\s+)?(?:an?|my|the)\s+)?"
    r"(?P<degree>" + _DEGREE + r"(?:\s+(?:(?:degree\s+)?(?:in|of)\s+)?[A-Z][\w&'’ -]*?)?)\s+"
    r"(?:at|in)\s+(?:the\s+)?(?P<institution>[A-Z][^,.;()\n]*?)"
    r"(?:,?\s*\(?(?:class of|expected|graduating(?: in)?)\s+(?P<year>(?:19|20)\d\d)\)?)?"
    r"(?=\s*[.,;(]|\s+(?:and|where|with|under)\b|$)"
)


# "I studied Computer Science at the Babeș Technical University (BSc, 2012)", "She
# studied at Aarhus Technical College (BSc in Software Engineering, 2014)".
_PROSE_STUDIED_RE = re.compile(
    r"\b(?:I|[Ss]he|[Hh]e|[Tt]hey)\s+(?:studied|majored in|read)\s+"
    r"(?:(?P<field>[A-Z][\w&'’ -]{1,60}?)\s+)?(?:at|in)\s+(?:the\s+)?"
    r"(?P<institution>[A-Z][^,.;()\n]*?)\s*(?:\((?P<paren>[^()\n]{1,80})\)|"
    r",?\s+(?:graduating\s+)?in\s+(?P<year>(?:19|20)\d\d))?"
    r"(?=\s*[.,;]|\s+(?:and|where|with|under|before|after)\b|$)"
)


def _studied(m: re.Match[str]) -> EducationRecord:
    """ "(BSc, 2012)" after "studied Computer Science at X": "BSc in Computer Science"."""
    field, degree, year = (m["field"] or "").strip(), "", m["year"]
    if m["paren"]:
        for part in re.split(r"\s*[,;]\s*", m["paren"]):
            if re.fullmatch(r"(?:19|20)\d\d", part):
                year = part
            elif re.match(_DEGREE, part, re.I) and not degree:
                degree = part
    if degree and field and field.casefold() not in degree.casefold():
        degree = f"{degree} in {field}"
    return EducationRecord(
        m["institution"].strip(),
        degree=degree or field,
        end=PartialDate(int(year)) if year else None,
    )


def names_a_degree(text: str) -> bool:
    """ "B.S. in Chemical Engineering", "Master's in Security", "PhD": a degree."""
    return bool(_DEGREE_START_RE.match(plain_text(text).strip()))


def education_in_prose(md: str) -> list[EducationRecord]:
    """Degrees a bio mentions in sentences, as an editor would list them; the prose
    stays in the bio."""
    out: list[EducationRecord] = []
    for chunk in _CHUNK_SPLIT_RE.split(md):
        # A link's words are one name ("[Eastbank University of Engineering and Technology]
        # (url)"): they are bound, so "and" inside them ends no institution.
        bound = _MD_LINK_RE.sub(lambda m: m[1].replace(" ", _BOUND), chunk)
        plain = plain_text(bound)
        item = re.sub(r"^(?:[-*+]\s+)?[^\w(]*", "", plain).strip()
        listed = re.match(r"\s*[-*+]\s", chunk) and len(item.split()) <= 30
        starts = listed and re.match(rf"(?:{_DEGREE})(?![a-z])", item, re.I)
        if (
            starts
            and (m := _DEGREE_FROM_RE.match(item))
            and INSTITUTION_WORDS.search(m["institution"])
        ):
            # "🎓 Bachelor's Degree in Software Engineering from Tabarestan Institute (TIT)."
            institution, location = _institution_place(m["institution"].strip(" ."))
            institution = re.sub(r"\s*\([A-Z]{2,8}\)$", "", institution).replace(_BOUND, " ")
            out.append(EducationRecord(institution, degree=m["degree"].strip(), location=location))
            continue
        if starts and (m := _DEGREE_DASH_RE.match(item)):
            # "🎓 **B.S. Computer Science** — Ashgrove University, Ashgrove, SC (May 2026)"
            dates, rest, notes = pull_dates(m["rest"].replace(_BOUND, " "))
            named, *more = re.split(r"\s+[·|•]\s+", rest.strip(" ,;"))
            institution, location = _institution_place(named.strip(" ,;"))
            if INSTITUTION_WORDS.search(institution):
                out.append(
                    EducationRecord(
                        institution,
                        degree=m["degree"].replace(_BOUND, " ").strip(),
                        location=location,
                        start=dates.start if dates and dates.end else None,
                        end=(dates.end or dates.start) if dates else None,
                        summary="; ".join(p for p in (*more, *notes) if p.strip()),
                    )
                )
                continue
        for entry in _degrees_in(plain):
            out.append(
                replace(
                    entry,
                    institution=entry.institution.replace(_BOUND, " "),
                    degree=entry.degree.replace(_BOUND, " "),
                )
            )
    return out


_BOUND = "\u2063"  # an invisible separator: no \s, no word character
# A degree, a dash, then the school and the rest: a listed degree.
_DEGREE_DASH_RE = re.compile(r"(?P<degree>[^—–|]{2,80}?)\s+[—–|]\s+(?P<rest>.+)$")
_MD_LINK_RE = re.compile(r"(?<!!)\[([^\[\]\n]{1,120})\]\([^()\s]*\)")


# Paragraphs and list items: a sentence does not run from one into the next.
_CHUNK_SPLIT_RE = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*+•]|\d{1,3}[.)])\s)")


# "I received my B.Eng. and Ph.D. degrees from Huaxi University in 2013 and 2019,
# respectively": two degrees, one institution, a year each.
_TWO_DEGREES_RE = re.compile(
    r"\b(?i:received|earned|obtained|completed|hold|got)\b[^.;]{0,20}?\b"
    r"(?:my|the|his|her|their)\s+(?P<d1>" + _DEGREE + r")\s+and\s+(?P<d2>" + _DEGREE + r")"
    r"\s+degrees?\s+(?:from|at)\s+(?:the\s+)?(?P<institution>[A-Z][^,.;()\n]*?)"
    r"(?:\s+in\s+(?P<y1>(?:19|20)\d\d)\s+and\s+(?P<y2>(?:19|20)\d\d))?(?=\s*[.,;]|\s+(?:and|under|with)\b|$)"
)
_AND_DEGREE_RE = re.compile(
    r"[^.;]{0,160}?\s+and\s+(?:an?\s+|my\s+|the\s+)?(?P<degree>" + _DEGREE + r"(?:\s+degree)?"
    r"(?:\s+(?:in|of)\s+[A-Z][\w&'’ -]*?)?)\s*(?:,[^,.;]{1,50},\s*)?(?:from|at)\s+(?:the\s+)?"
    r"(?P<institution>[A-Z][^,.;()\n]*?)(?:\s*\((?P<year>(?:19|20)\d\d)\))?"
    r"(?=\s*[.,;(]|\s+(?:and|where|with|under|in)\b|$)",
    re.I,
)


def _degrees_in(text: str) -> list[EducationRecord]:
    out: list[EducationRecord] = []
    for m in _TWO_DEGREES_RE.finditer(text):
        for degree, year in ((m["d1"], m["y1"]), (m["d2"], m["y2"])):
            end = PartialDate(int(year)) if year else None
            out.append(EducationRecord(m["institution"].strip(), degree=degree.strip(), end=end))
    for m in _PROSE_DEGREE_RE.finditer(text):
        written = m["year"] or m["pyear"]
        year = PartialDate(int(written)) if written else None
        out.append(EducationRecord(m["institution"].strip(), degree=m["degree"].strip(), end=year))
        # "... from X and Master's degree, also in Computer Science, from Y": two degrees.
        if more := _AND_DEGREE_RE.match(text, m.end()):
            end = PartialDate(int(more["year"])) if more["year"] else None
            out.append(
                EducationRecord(more["institution"].strip(), degree=more["degree"].strip(), end=end)
            )
    out.extend(_studied(m) for m in _PROSE_STUDIED_RE.finditer(text))
    for m in _PROSE_STUDYING_RE.finditer(text):
        year = PartialDate(int(m["year"])) if m["year"] else None
        out.append(
            EducationRecord(
                m["institution"].strip(), degree=m["degree"].strip(), end=year, is_current=True
            )
        )
    for m in _PROSE_STUDENT_RE.finditer(text):
        out.append(
            EducationRecord(m["institution"].strip(), degree=m["degree"].strip(), is_current=True)
        )
    return out


def education_from_lines(
    lines: tuple[str, ...], *, section: str = "", summary: str = ""
) -> EducationRecord | None:
    """An entry set on lines of its own: "*Harborview University, Singapore*" over
    "**Ph.D., Aug. 2023 – Present**" over "◦ Supervised by Prof. X"; None unless one line
    is dated and another names the institution."""
    dated = [(n, pull_dates(plain_text(ln))) for n, ln in enumerate(lines[:4])]
    at = next((n for n, (dates, _core, _x) in dated if dates is not None), None)
    if at is None:
        return None
    others = [n for n in range(min(len(lines), 4)) if n != at]
    place_at = next((n for n in others if INSTITUTION_WORDS.search(lines[n])), None)
    if place_at is None:
        return None
    dates, core, extras = dated[at][1]
    degree = core.strip(" ,;:-–—/|·")
    named_line, *more = re.split(r"\s+[|·•]\s+", plain_text(lines[place_at]).strip(" ,;"))
    institution, location = _institution_place(named_line)
    extras = (*extras, *more)  # "Northgate State University | GPA: 3.8/4.0"
    if m := _DEGREE_FROM_RE.match(institution):
        # "B.Tech in Computer Science from Sirpur Institute of Technology" over the dates.
        institution, location = _institution_place(m["institution"].strip())
        degree, location = (
            m["degree"].strip(),
            location or (degree if looks_like_place(degree) else ""),
        )
    named = next((n for n in others if n != place_at and names_a_degree(lines[n])), None)
    if named is not None and (not degree or looks_like_place(degree)):
        # "**Ph.D. in Geoinformatics (in progress)**" on a line of its own.
        location = location or (degree if looks_like_place(degree) else "")
        degree = re.sub(r"\s*\((?:in progress|ongoing|current)\)", "", plain_text(lines[named]))
    used = {at, place_at, named}
    notes = [plain_text(ln) for n, ln in enumerate(lines) if n not in used]
    start, end = dates.start, dates.end
    if end is None and not dates.is_current:
        start, end = None, start  # "B.Sc., 2020": the year it was earned
    return EducationRecord(
        institution=institution,
        degree=degree,
        start=start,
        end=end,
        is_current=dates.is_current,
        location=location,
        summary="\n\n".join(p for p in ["; ".join([*extras, *notes]), summary] if p),
        section=section,
    )


_DEGREE_FROM_RE = re.compile(
    r"^(?P<degree>" + _DEGREE + r".{0,80}?)\s+(?:from|at)\s+(?:the\s+)?(?P<institution>.+)$", re.I
)


def _institution_place(text: str) -> tuple[str, str]:
    """ "Harborview Technological University, Singapore" -> the institution, the place;
    "Vasterby University, Vasterby, Sweden" -> "Vasterby University", "Vasterby, Sweden"."""
    parts = text.split(", ")
    cut = len(parts)
    while (
        cut > 1
        and looks_like_place(parts[cut - 1])
        and INSTITUTION_WORDS.search(", ".join(parts[: cut - 1]))
    ):
        cut -= 1
    return ", ".join(parts[:cut]), ", ".join(parts[cut:])
