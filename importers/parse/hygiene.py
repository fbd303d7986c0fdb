"""The last pass over a parsed document: plain-text fields keep no markup, and markdown
fields keep no image that only the old site had.

A name, title, organization, headline, tag or label is plain text: HTML in it
(``Wilhelmina <script>x</script> Okafor``, ``"><svg onload=...>``) is removed and the
words kept, with a warning. Raw HTML belongs only in markdown fields, which the site
sanitizes when it renders them. An image a markdown field references by a relative
path (``/assets/me.jpg``) is not on this site: it becomes its alt text (or, without
one, its file name in italics), with a warning, so a page never shows a broken image
or a section left empty.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from portfolio.text import invisible_characters, plain_text

from .records import (
    AwardRecord,
    EducationRecord,
    InterviewRecord,
    LinkRecord,
    PatentRecord,
    PersonRecord,
    ProfileDocument,
    ProjectRecord,
    PublicationRecord,
    QuestionRecord,
    RoleRecord,
    SectionRecord,
    TalkRecord,
)

# Which fields of each record are plain text, and which are markdown.
PLAIN: dict[type, tuple[str, ...]] = {
    PersonRecord: ("name", "headline", "location", "tags", "handles"),
    LinkRecord: ("label",),
    RoleRecord: ("title", "organization", "location"),
    EducationRecord: ("institution", "degree", "location"),
    ProjectRecord: ("title", "tags"),
    AwardRecord: ("title", "issuer"),
    PublicationRecord: ("title", "authors", "venue", "tags"),
    PatentRecord: ("title", "number"),
    TalkRecord: ("title", "event", "location"),
    InterviewRecord: ("title", "interviewee", "interviewer", "outlet"),
    QuestionRecord: ("asker",),
    SectionRecord: ("title",),
}
MARKDOWN: dict[type, tuple[str, ...]] = {
    PersonRecord: ("bio",),
    RoleRecord: ("summary", "highlights"),
    EducationRecord: ("summary",),
    ProjectRecord: ("summary",),
    AwardRecord: ("description",),
    PublicationRecord: ("summary",),
    TalkRecord: ("summary",),
    InterviewRecord: ("intro", "outro"),
    QuestionRecord: ("question", "answer"),
    SectionRecord: ("body",),
}

_CODE_ELEMENT_RE = re.compile(r"<(script|style|iframe|object|svg)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG_RE = re.compile(r"<!--.*?-->|</?[a-zA-Z][^<>]*>?|<!?[a-zA-Z/][^<>]*$", re.S)
_MD_IMAGE_RE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_IMAGE_RE = re.compile(r"<img\b[^>]*>", re.I)
_ATTR_RE = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def plain(text: str) -> str:
    """Text without markup: elements that hold code go whole, other tags go and their
    words stay; stray quotes and angle brackets of broken tags go too."""
    if "<" not in text and ">" not in text:
        return text
    out = _CODE_ELEMENT_RE.sub(" ", text)
    out = _TAG_RE.sub(" ", out)
    out = re.sub(r"^[\s\"'>]+|[\s\"'<]+$", "", out.replace("<", " ").replace(">", " "))
    return re.sub(r"\s+", " ", out).strip()


# Alt text that names the image's place on the page, not what it shows: decoration.
LAYOUT_ALT_RE = re.compile(
    r"(?i)(?:(?:left|right|center|centre)[-_ ]?(?:aligned|align)[-_ ]?(?:image|img)?|"
    r"image|img|logo|icon|picture|photo|alt|alt text)"
)


def _is_here(src: str) -> bool:
    """An image this site can show: on the web (http(s)) or among its own uploads."""
    return bool(re.match(r"(?i)https?://", src)) or src.startswith("/media/")


def without_missing_images(md: str, *, named: bool = False) -> tuple[str, list[str]]:
    """(markdown, the images replaced): an image only the old site had becomes its alt
    text; one without (decoration, in HTML's terms) goes, unless it was all the field
    held: then its file name stands in for it, so no section is left empty."""
    missing: list[str] = []
    before = md

    def _stand_in(alt: str, src: str) -> str:
        if alt.strip() and not LAYOUT_ALT_RE.fullmatch(alt.strip()):
            return alt.strip()
        name = PurePosixPath(src.split("?", 1)[0]).name
        return f"*{name}*" if name and named else ""

    def markdown_image(m: re.Match[str]) -> str:
        if _is_here(m["src"]):
            return m[0]
        missing.append(m["src"])
        return _stand_in(m["alt"], m["src"])

    def html_image(m: re.Match[str]) -> str:
        attrs = {a[1].lower(): a[2] or a[3] or a[4] or "" for a in _ATTR_RE.finditer(m[0])}
        if _is_here(attrs.get("src", "")):
            return m[0]
        missing.append(attrs.get("src", ""))
        return _stand_in(attrs.get("alt", ""), attrs.get("src", ""))

    if "![" in md:
        md = _MD_IMAGE_RE.sub(markdown_image, md)
    if "<img" in md.lower():
        md = _HTML_IMAGE_RE.sub(html_image, md)
    if missing and not named and before.strip() and not md.strip(" \n[]()"):
        return without_missing_images(before, named=True)
    if missing:
        md = re.sub(r"\n{3,}", "\n\n", md).strip("\n")
    return md, missing


def _clean_value(value: Any, warnings: list[str], where: str) -> Any:
    if isinstance(value, str):
        cleaned = plain(value)
        if cleaned != value.strip() and cleaned != value:
            warnings.append(f"{where}: markup removed from {value[:60]!r} (kept {cleaned!r})")
        if hidden := invisible_characters(cleaned):
            warnings.append(f"{where}: invisible characters {', '.join(hidden)} removed")
        shown = plain_text(cleaned)
        return shown if shown != value.strip() else value
    if isinstance(value, tuple):
        return tuple(v for v in (_clean_value(v, warnings, where) for v in value) if v != "")
    return value


def _clean_record(record: Any, warnings: list[str]) -> Any:
    kind = type(record)
    changes: dict[str, Any] = {}
    for name in PLAIN.get(kind, ()):
        value = getattr(record, name)
        if value is None:
            continue
        cleaned = _clean_value(value, warnings, f"{kind.__name__.removesuffix('Record')} {name}")
        if cleaned != value:
            changes[name] = cleaned if cleaned != "" or name != "organization" else None
    for name in MARKDOWN.get(kind, ()):
        md, missing = without_missing_images(getattr(record, name))
        if missing:
            changes[name] = md
            shown = ", ".join(src or "(no source)" for src in missing[:3])
            warnings.append(
                f"image(s) {shown} are not on this site: their alt text is shown instead; "
                "upload them to show them"
            )
    for f in fields(record):
        value = changes.get(f.name, getattr(record, f.name))
        if isinstance(value, tuple) and value and is_dataclass(value[0]):
            changes[f.name] = tuple(_clean_record(item, warnings) for item in value)
    return replace(record, **changes) if changes else record


def _schoolless_as_text(doc: ProfileDocument) -> ProfileDocument:
    """Education entries that name no school: no record can hold them (a degree belongs
    to an institution), so each becomes a line of its section's text, words kept."""
    lost = [e for e in doc.education if not (e.institution or "").strip()]
    if not lost:
        return doc
    sections = list(doc.sections)
    for entry in lost:
        dates = " – ".join(str(d) for d in (entry.start, entry.end) if d is not None)
        line = "- " + ", ".join(p for p in (entry.degree, entry.location, dates) if p)
        if entry.summary:
            line += "\n" + "\n".join(f"  {ln}" if ln else ln for ln in entry.summary.split("\n"))
        at = next(
            (
                i
                for i, s in enumerate(sections)
                if s.kind == "education" and (s.title == entry.section or not entry.section)
            ),
            None,
        )
        if at is None:
            sections.append(SectionRecord(title=entry.section or "Education", body=line))
        else:
            body = sections[at].body
            sections[at] = replace(sections[at], body=f"{body}\n{line}".strip())
    kept = tuple(e for e in doc.education if e not in lost)
    return replace(doc, education=kept, sections=tuple(sections))


def clean_document(doc: ProfileDocument, source: str = "") -> ProfileDocument:
    """The document with plain fields plain and unreachable images replaced; sections
    that held nothing but such an image are dropped. Every change is a warning, and so
    are the scripts of ``source`` (the document's text) that the parser left out."""
    warnings: list[str] = []
    doc = _schoolless_as_text(doc)
    if scripts := len(re.findall(r"<script\b", source, re.I)):
        warnings.append(
            f"{scripts} <script> element(s) removed: code of the old site, never content"
        )
    changes: dict[str, Any] = {"person": _clean_record(doc.person, warnings)}
    for f in fields(doc):
        value = getattr(doc, f.name)
        if isinstance(value, tuple) and value and is_dataclass(value[0]):
            changes[f.name] = tuple(_clean_record(item, warnings) for item in value)
    changes["skills"] = _clean_value(doc.skills, warnings, "skill")
    sections = []
    for before, after in zip(doc.sections, changes.get("sections", ()), strict=True):
        if after.kind == "text" and before.body.strip() and not after.body.strip():
            warnings.append(f"section '{after.title}' held only an image this site lacks: dropped")
            continue
        sections.append(after)
    changes["sections"] = tuple(sections)
    if not warnings:
        return doc
    return replace(doc, **changes, warnings=(*doc.warnings, *dict.fromkeys(warnings)))
