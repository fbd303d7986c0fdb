"""Talks: a title, the event, its place and date, slides and video links."""

from __future__ import annotations

import re
from functools import lru_cache

from people.links import link_kind

from .dates import parse_date_range
from .markup import find_links, first_link, plain_text
from .phrases import (
    QUOTED_RE,
    pull_dates,
    split_title,
    strip_seps,
)
from .records import (
    DateRange,
    TalkRecord,
)

_LEADING_DATE_RE = re.compile(
    r"^\s*(?:\*\*|__)?(?P<date>[^:–—|]{4,30}?)(?:\*\*|__)?\s*(?::|[–—|]|\s-)\s*(?P<rest>.+)$",
    re.S,
)


def leading_date(text: str) -> tuple[DateRange | None, str]:
    """ "2023 — Title" / "**Mar 2024**: news" -> (dates, the rest); (None, text) otherwise."""
    m = _LEADING_DATE_RE.match(text)
    if m and (rng := parse_date_range(plain_text(m["date"]))) is not None:
        return rng, m["rest"].strip()
    return None, text


# "Panel: "Title"", "Keynote — "Title"": the kind of talk, written before its title.
_TALK_LABEL_RE = re.compile(
    r"^[\s*_]*(?P<label>(?:lightning\s+|invited\s+|guest\s+)?(?:talk|keynote|panel(?:ist)?|"
    r"workshop|tutorial|meetup|podcast|ama|webinar|poster|lecture|guest lecture|"
    r"fireside chat))[\s*_]*[:—–|-]?[\s*_]*$",
    re.I,
)


@lru_cache(maxsize=4096)
def parse_talk(text: str, *, section: str = "") -> TalkRecord:
    lead, text = leading_date(text)
    label = ""
    if (q := QUOTED_RE.match(text)) and (m := _TALK_LABEL_RE.match(q["before"])):
        label, text = m["label"], text[len(q["before"]) :]
    if (q := QUOTED_RE.match(text)) and not q["before"].strip(" *_"):
        # '"Title", Event, City' -> the quoted title, then the rest.
        title_md, rest_md = q["title"], strip_seps(q["after"])
        url = link.url if (link := first_link(title_md)) else ""
    else:
        title_md, url, rest_md = split_title(text)
    title = plain_text(title_md).strip('"“”')
    rest = plain_text(rest_md)
    if not url and not rest and ", " in title:
        # "Title, Event, City (2019)"
        found, core, extras = pull_dates(title)
        title, _, rest = core.partition(", ")
        if found:
            rest += f" ({found.start})" if found.start else ""
    dates, core, extras = pull_dates(rest)
    event, _, location = core.partition(", ")
    low = (label + " " + title + " " + core).lower()
    kind = "talk"
    for word in ("workshop", "panel", "meetup", "podcast", "ama"):
        if re.search(rf"\b{word}\b", low) or re.match(word, label.lower()):
            kind = word
            break
    if label and label.lower() != kind:
        # "Keynote", "Panelist": the kind keeps the family, the summary the word.
        extras = (label, *extras)
    slides = video = ""
    for link in find_links(rest_md):
        label = link.label.lower()
        if "slide" in label:
            slides = link.url
        elif "video" in label or link_kind(link.url) == "youtube":
            video = link.url
    if link_kind(url) == "youtube" and not video:
        video = url
    if dates is None:
        dates = lead
    return TalkRecord(
        title=title,
        kind=kind,
        event=event.strip(),
        location=location.strip(),
        date=dates.start if dates else None,
        url=url,
        slides_url=slides,
        video_url=video,
        summary="; ".join(extras),
        section=section,
    )
