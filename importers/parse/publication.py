"""Publications: a citation (authors, title, venue, year, DOI) or a linked title."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .dates import find_date_range
from .markup import first_link, plain_text
from .phrases import (
    split_title,
    strip_seps,
    title_date,
)
from .records import (
    PartialDate,
    PublicationRecord,
)

_DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>)\]]+)")


_BARE_URL_RE = re.compile(r"(?<![(<\[\w])(https?://[^\s<>()\[\]]+[^\s<>()\[\].,;])")


_LINK_RE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*+)\]\(\s*<?([^)\s>]+)>?[^)]*\)")


_NAME_PARTICLES = frozenset(
    re.findall(r"\w+", "and et al van von de der den da di du le la del dos y ten ter bin ibn")
)


# "Boateng, K., & Mensah, A. (2023). Title. Venue" (APA and kin): the year follows the authors.
_YEAR_AFTER_AUTHORS_RE = re.compile(
    r"^(?P<authors>[^()]+?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?(?:,\s*[^()]*)?\)[.,:]?\s+(?P<rest>.+)$",
    re.S,
)


# A title set off by single emphasis or quotes: "*Title*", "_Title_", '"Title"'.
_TITLE_SPAN_RE = re.compile(
    r"(?<![*\w])\*(?!\*)(?P<a>[^*]+?)(?<!\s)\*(?![*\w])"
    r"|(?<![_\w])_(?!_)(?P<b>[^_]+?)(?<!\s)_(?![_\w])"
    r"|[\"“](?P<c>[^\"“”]+)[\"”]"
)


def _looks_like_authors(text: str) -> bool:
    """ "E. Harrow, P. Nguyen", "Boateng, K., & Mensah, A.", "L. Ben-David et al."."""
    plain = plain_text(text).strip(" .,;:")
    if not plain or len(plain) > 400:
        return False
    tokens = re.findall(r"[^\s,;&]+", plain)
    if not all(t[:1].isupper() or t.lower().strip(".") in _NAME_PARTICLES for t in tokens):
        return False
    if re.search(r"\b[A-Z]\.|\bet al\b", plain):
        return True
    names = [n for n in re.split(r",|&|\band\b", plain) if n.strip()]
    return len(names) > 1 and all(len(n.split()) <= 4 for n in names)


def _authors_text(text: str) -> str:
    authors = plain_text(text).strip(" ,;:")
    if authors.endswith(".") and not re.search(r"(?:\b[A-Z]|\bal)\.$", authors):
        authors = authors[:-1]
    return authors


def _span_title(m: re.Match[str]) -> str:
    return plain_text(m["a"] or m["b"] or m["c"]).strip().rstrip(".,")


def _citation(text: str) -> tuple[str, str, PartialDate | None, str] | None:
    """(authors, title, year, the markdown after the title) of a line that starts with
    its authors, or None."""
    if (m := _YEAR_AFTER_AUTHORS_RE.match(text)) and _looks_like_authors(m["authors"]):
        rest = m["rest"].strip()
        year = PartialDate(int(m["year"]))
        span = _TITLE_SPAN_RE.search(rest)
        if span and span.start() == 0:
            # A book: "*Title*. Publisher."
            return _authors_text(m["authors"]), _span_title(span), year, rest[span.end() :]
        if span:
            # An article: "Title. *Journal*, 12(3), 45-67." The set-off part is the venue.
            title = plain_text(rest[: span.start()]).strip().rstrip(".,")
            return _authors_text(m["authors"]), title, year, rest[span.start() :]
        if cut := re.search(r"(?<=[.?!])\s+(?=\S)", rest):
            title = plain_text(rest[: cut.start()]).strip().rstrip(".,")
            return _authors_text(m["authors"]), title, year, rest[cut.end() :]
        return _authors_text(m["authors"]), plain_text(rest).rstrip(".,"), year, ""
    span = next((m for m in _TITLE_SPAN_RE.finditer(text) if not m["c"]), None)
    if span and span.start() > 0 and _looks_like_authors(text[: span.start()]):
        # "E. Harrow, P. Nguyen. *Title*. Venue, 2021."
        return _authors_text(text[: span.start()]), _span_title(span), None, text[span.end() :]
    return None


def _citation_tail(text: str) -> tuple[str, PartialDate | None, str, str]:
    """(venue, date, url, notes) from what follows a title: "CVPR 2025. [[pdf]](url)"."""
    links = [(plain_text(m[1]).strip("[] "), m[2]) for m in _LINK_RE.finditer(text)]
    tail = plain_text(_LINK_RE.sub(" ", text))
    notes = [f"[{label}]({url})" if label else url for label, url in links]
    date = None
    if found := find_date_range(tail):
        date = found[0].start
        tail = tail[: found[1][0]] + " " + tail[found[1][1] :]
    # "(oral)", "(to appear)": a note; "19(3)" is a volume and its issue, "(PACMPL)" a name.
    note_re = re.compile(
        r"(?<![\w)])\s*\(((?:[a-z]|(?i:oral|spotlight|best|invited|accepted|in press))[^()]*)\)"
    )
    notes[:0] = [note.strip() for note in note_re.findall(tail)]
    tail = note_re.sub(" ", tail)
    tail = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", tail))
    tail = re.sub(r"([,.;:])(?:\s*[,.;:])+", r"\1", tail).strip(" ,.;:-–—|")
    return tail, date, links[0][1] if links else "", " · ".join(notes)


@lru_cache(maxsize=4096)
def parse_publication(text: str, *, kind: str, section: str = "") -> PublicationRecord:
    authors = venue = ""
    url = ""
    bare = ""
    if m := _BARE_URL_RE.search(text):
        # A bare URL after the citation is its link, not part of the venue.
        bare = m[1]
        text = (text[: m.start()] + text[m.end() :]).strip()
    if cited := _citation(text):
        authors, title, date, after = cited
        venue, found, url, summary = _citation_tail(after)
        url = url or (link.url if (link := first_link(text)) else "") or bare
        doi = d[1].rstrip(".") if (d := _DOI_RE.search(url) or _DOI_RE.search(text)) else ""
        if len(venue) > 120:
            venue, summary = "", "\n\n".join(p for p in [venue, summary] if p)
        return PublicationRecord(
            title=title,
            authors=authors,
            kind=kind,
            venue=venue,
            date=date or found,
            url=url,
            doi=doi,
            summary=summary,
            section=section,
        )
    if m := re.search(r"[\"“](.+?)[\"”]", text):
        # Citation style: Authors. "Title." Venue, 2020.
        title = plain_text(m[1]).rstrip(".,")
        authors = plain_text(text[: m.start()]).strip(" .,")
        after = text[m.end() :]
        link = first_link(after) or first_link(text)
        url = link.url if link else ""
        rest = plain_text(re.sub(r"\[[^\[\]]*\]\([^)\s]*\)", "", after)).strip(" .,")
    else:
        title_md, url, rest_md = split_title(text)
        title = plain_text(title_md)
        rest = plain_text(rest_md)
    title, date = title_date(title)
    if date is None and (found := find_date_range(rest)):
        date = found[0].start
        rest = strip_seps(rest[: found[1][0]] + rest[found[1][1] :])
    if rest and not venue:
        venue = rest if len(rest) <= 120 else ""
    url = url or bare
    doi = ""
    if d := _DOI_RE.search(url) or _DOI_RE.search(text):
        doi = d[1].rstrip(".")
    summary = "" if venue == rest else rest
    return PublicationRecord(
        title=title,
        authors=authors,
        kind=kind,
        venue=venue,
        date=date,
        url=url,
        doi=doi,
        summary=summary,
        section=section,
    )


# "* **Venue:** Example Conference (ECIE), 2021.", "* **Excerpt:** ...": a publication's
# fields, one a sub-bullet (academicpages' publication lists).
_FIELD_LINE_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>venue|journal|conference|published in|"
    r"publisher|booktitle|excerpt|abstract|summary|authors?|year|date)(?:\*\*|__)?\s*:"
    r"\s*(?:\*\*|__)?\s*(?P<value>.+?)\s*$",
    re.I,
)


def has_fields(children: str) -> bool:
    return any(_FIELD_LINE_RE.match(line) for line in children.split("\n"))


def with_fields(record: PublicationRecord, children: str) -> PublicationRecord:
    """The record with what its labelled sub-lines say: venue, date, authors, summary, and
    a link ("[Paper Link](https://doi.org/...)") when it had none."""
    changes: dict[str, object] = {}
    for line in children.split("\n"):
        if not (m := _FIELD_LINE_RE.match(line)):
            continue
        key, value = m["key"].lower(), plain_text(m["value"]).strip().rstrip(".")
        if key in {"venue", "journal", "conference", "published in", "publisher", "booktitle"}:
            dates = find_date_range(value)
            venue = re.sub(r",?\s*(?:19|20)\d\d\s*$", "", value).strip(" ,")
            changes.setdefault("venue", venue)
            if dates and not record.date:
                changes.setdefault("date", dates[0].start)
        elif key in {"excerpt", "abstract", "summary"}:
            changes.setdefault("summary", value)
        elif key.startswith("author") and not record.authors:
            changes.setdefault("authors", value)
        elif key in {"year", "date"} and not record.date and (dates := find_date_range(value)):
            changes.setdefault("date", dates[0].start)
    if not record.url and (link := first_link(children)):
        changes["url"] = link.url
        if d := _DOI_RE.search(link.url):
            changes["doi"] = d[1].rstrip(".")
    if record.venue:
        changes.pop("venue", None)
    return replace(record, **changes) if changes else record
