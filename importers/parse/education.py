"""Education: a degree and its institution, with dates."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import (
    GRADE_RE,
    INSTITUTION_WORDS,
)
from .markup import first_link, plain_text
from .phrases import (
    pull_dates,
    split_pair,
    split_place,
)
from .records import (
    EducationRecord,
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
    first, second = split_pair(core, prefer_org_first=" — " in core or " – " in core)
    # split_pair reads (title, org); here the "title" is the degree.
    degree, institution = first, second
    if institution is None:
        degree, institution = "", first
    elif INSTITUTION_WORDS.search(degree) and not INSTITUTION_WORDS.search(institution):
        degree, institution = institution, degree
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
