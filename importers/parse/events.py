"""A dated timeline of a life ("2023 Joined Corvid Robotics as a Research Scientist",
"2014 Graduated with an M.Eng. from X", "2012 Awarded the Dean's Prize"): a list whose
items open with a year or a range, each a sentence. Each item is read with the
recognizers for sentences (roles, degrees, awards), dated by its year; items that state
no record (a birth, a summer school) are left to the text, which keeps them all."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .award import awards_in_prose
from .blocks import split_list
from .dates import parse_date_range
from .education import education_in_prose
from .lexicon import INSTITUTION_WORDS, role_kind, titleish
from .markup import find_links, plain_text
from .records import AwardRecord, DateRange, EducationRecord, RoleRecord
from .role import ORG_IN_PROSE, roles_in_passing

_LEADING_DATES_RE = re.compile(
    r"^\s*(?P<dates>(?:19|20)\d\d(?:\s*(?:[–—-]|to)\s*(?:(?:19|20)\d\d|now|present|today))?)"
    r"\s*[:—–-]?\s+(?P<text>\S.*)$",
    re.I,
)
# "Joined [Corvid Robotics](url) as a Research Scientist, now leading ...".
_JOINED_RE = re.compile(
    r"^(?:I\s+)?(?:joined|started at|moved to)\s+(?:the\s+)?"
    + ORG_IN_PROSE
    + r"\s+as\s+(?:an?\s+|the\s+)?(?P<title>[^.,;\n]{2,60}?)(?=[.,;!\n]|\s+(?:and|where|to)\b|$)",
    re.I,
)
# "Started a PhD program at Kinmouth University", "Began my MSc at X".
_STARTED_DEGREE_RE = re.compile(
    r"^(?:I\s+)?(?:started|began|entered|enrolled in)\s+(?:an?\s+|my\s+|the\s+)?"
    r"(?P<degree>(?:PhD|Ph\.D\.|doctoral|master'?s|MSc|M\.Sc\.|MS|MA|MBA|BSc|B\.Sc\.|BA|"
    r"bachelor'?s|undergraduate)[\w .'’-]{0,40}?)"
    r"(?:\s+(?:program(?:me)?|studies|degree))?\s+(?:at|in)\s+(?:the\s+)?"
    r"(?P<institution>[A-Z][^,.;()\n]{2,80}?)(?=[.,;(]|\s+(?:and|with|under)\b|$)",
    re.I,
)
# "Defended my PhD", "Completed my master's": the degree begun earlier ends this year.
_FINISHED_DEGREE_RE = re.compile(
    r"^(?:I\s+)?(?:defended|completed|finished|earned|received)\s+(?:my|the)\s+"
    r"(?P<degree>PhD|Ph\.D\.|doctorate|thesis|dissertation|master'?s|MSc|M\.Sc\.|MBA|BSc|B\.Sc\.)",
    re.I,
)
# "Sakuragawa Institute of Technology (SIT)": a name and the letters it goes by.
_ABBREVIATION_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]+\s+)(?:(?:of|for|and|the|de|der|für|[A-Z][\w'’-]+)\s+){0,8}"
    r"[A-Z][\w'’-]+)\s*\((?:\[)?(?P<abbr>[A-Z]{2,8})(?:\]\([^)]*\))?\)"
)


@dataclass(frozen=True, slots=True)
class Event:
    """One dated item of a timeline: its dates and its sentence (markdown)."""

    dates: DateRange
    text: str


@dataclass(slots=True)
class Timeline:
    roles: list[RoleRecord]
    education: list[EducationRecord]
    awards: list[AwardRecord]


def dated_events(md: str) -> list[Event]:
    """The items of ``md``'s list when most of them open with a year or a range."""
    items, _rest = split_list(md)
    events = []
    for item in items:
        m = _LEADING_DATES_RE.match(plain_text(item.text))
        dates = parse_date_range(m["dates"]) if m else None
        if m and dates is not None:
            # The sentence as written (its links kept), without the dates before it.
            lead = r"^\s*[*_`]*\s*" + re.escape(m["dates"]) + r"\s*[*_`]*\s*[:—–-]?\s*"
            events.append(Event(dates, re.sub(lead, "", item.text, count=1).strip()))
    return events if len(items) >= 3 and len(events) * 10 >= len(items) * 7 else []


def read_timeline(events: list[Event], section: str = "") -> Timeline:
    """The records a timeline's events state, in the order they are written."""
    timeline = Timeline([], [], [])
    names = abbreviations("\n".join(e.text for e in events))
    finished: list[tuple[str, DateRange]] = []
    for event in events:
        if m := _FINISHED_DEGREE_RE.match(plain_text(event.text)):
            finished.append((m["degree"], event.dates))
        else:
            _read_event(event, timeline, names, section)
    # A timeline runs either way in time: "Defended my PhD" may stand above its start.
    for degree, dates in finished:
        _close_degree(timeline.education, degree, dates)
    return timeline


def abbreviations(text: str) -> dict[str, str]:
    """ "Sakuragawa Institute of Technology (SIT)" -> {"SIT": "Sakuragawa Institute of
    Technology"}, when the letters are the name's initials."""
    found: dict[str, str] = {}
    for m in _ABBREVIATION_RE.finditer(plain_text(text) if "](" in text else text):
        initials = "".join(w[0] for w in m["name"].split() if w[0].isupper())
        if initials.endswith(m["abbr"]) and len(m["abbr"]) >= 2:
            words = m["name"].split()
            # The name is as long as the letters say: "at Sakuragawa Institute of ..."
            while words and "".join(w[0] for w in words if w[0].isupper()) != m["abbr"]:
                words.pop(0)
            if words:
                found[m["abbr"]] = " ".join(words)
    return found


def _read_event(event: Event, timeline: Timeline, names: dict[str, str], section: str) -> None:
    text, dates = event.text, event.dates
    plain = plain_text(text)
    if role := _event_role(text, plain, dates, section):
        timeline.roles.append(role)
        return
    if m := _STARTED_DEGREE_RE.match(plain):
        institution = names.get(m["institution"].strip(), m["institution"].strip())
        timeline.education.append(
            EducationRecord(
                institution, degree=m["degree"].strip(), start=dates.start, is_current=True
            )
        )
        return
    for degree in education_in_prose(text):
        institution = names.get(degree.institution, degree.institution)
        timeline.education.append(
            replace(degree, institution=institution, end=degree.end or dates.end or dates.start)
        )
        return
    for award in awards_in_prose(text if re.match(r"(?i)\s*(?:I|we)\s", plain) else f"I {text}"):
        timeline.awards.append(replace(award, date=award.date or dates.start, section=section))


def _event_role(text: str, plain: str, dates: DateRange, section: str) -> RoleRecord | None:
    if m := _JOINED_RE.match(plain):
        title = m["title"].strip()
        if not titleish(title):
            return None
        links = find_links(text)
        org = plain_text(m["org"]).strip()
        url = next((lk.url for lk in links if lk.label.strip() == org), "")
        # "2023 Joined X as Y": it began that year, and goes on unless a range ends it.
        ended = dates.end if dates.end or dates.is_current else None
        return RoleRecord(
            title=title,
            organization=org,
            organization_url=url,
            kind=role_kind(title),
            start=dates.start,
            end=ended,
            is_current=ended is None,
            section=section,
        )
    roles = roles_in_passing(f"- {text}", section)
    if not roles:
        return None
    role = roles[0]
    if INSTITUTION_WORDS.search(role.title):
        return None
    # "2020 PhD Research Intern at Oriel Labs": a role within that year.
    end = dates.end or (None if dates.is_current else dates.start)
    return replace(role, start=dates.start, end=end, is_current=dates.is_current)


def _close_degree(education: list[EducationRecord], degree: str, dates: DateRange) -> None:
    doctoral = re.match(r"(?i)ph\.?d|doctor|thesis|dissertation", degree)
    for n in range(len(education) - 1, -1, -1):
        entry = education[n]
        same = bool(re.match(r"(?i)ph\.?d|doctor", entry.degree)) if doctoral else True
        if entry.is_current and entry.end is None and same:
            education[n] = replace(entry, end=dates.end or dates.start, is_current=False)
            return
