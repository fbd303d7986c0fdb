"""Generic Hugo posts: front matter (title, date, author, tags) and a markdown body.

A post that is really a transcript is read as an interview; otherwise it becomes
a post-kind publication of its author, and its body text sections.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from .dates import date_from_value
from .frontmatter import split_front_matter
from .markup import plain_text
from .pages import apply_page_meta, as_list
from .profile import Builder
from .records import ProfileDocument, PublicationRecord, SectionRecord
from .transcripts import looks_like_transcript, parse_transcript

FAMILY = "hugo-post"
_ABOUT_TITLE_RE = re.compile(
    r"(?i)^\W*(about(\s+(me|us|myself))?|who\s*am\s*i|whoami|hi|hello)\W*$"
)


def _is_about_page(title: str, source_name: str) -> bool:
    stem = PurePosixPath(source_name.replace("\\", "/")).stem.lower()
    return bool(_ABOUT_TITLE_RE.match(title)) or stem in {"about", "about-me", "about_me"}


def parse(text: str, source_name: str = "") -> ProfileDocument:
    meta, body, _ = split_front_matter(text, source_name)
    if looks_like_transcript(body):
        return parse_transcript(
            meta, body, family=FAMILY, kind="interview", source_name=source_name
        )
    b = Builder(FAMILY, source_name)
    authors = [a for a in as_list(meta.get("authors") or meta.get("author")) if isinstance(a, str)]
    if authors:
        b.name = authors[0].strip()
    title = str(meta.get("title") or "").strip()
    if _is_about_page(title, source_name):
        # A theme's about page is the author's profile, not a post of theirs.
        apply_page_meta(b, {k: v for k, v in meta.items() if k not in {"author", "authors"}})
        b.read_page(body)
        return b.build()
    # A post's description and subtitle say what the post is about, not who wrote it.
    about_post = {"author", "authors", "title", "description", "subtitle"}
    apply_page_meta(b, {k: v for k, v in meta.items() if k not in about_post})
    before = len(b.sections)
    b.read_page(body, preamble_is_bio=False)
    intro = ""
    if len(b.sections) > before and b.sections[before].title == "Introduction":
        intro = b.sections[before].body
        b.sections[before] = SectionRecord(title=title or "Introduction", body=intro)
    summary = (
        str(meta.get("summary") or meta.get("description") or meta.get("subtitle") or "")
        or plain_text(intro.split("\n\n")[0])[:500]
    )
    b.publications.insert(
        0,
        PublicationRecord(
            title=title,
            authors=", ".join(authors),
            kind="post",
            date=date_from_value(meta.get("date")),
            url=str(meta.get("canonical") or meta.get("url") or ""),
            summary=summary,
            tags=tuple(str(t) for t in as_list(meta.get("tags")) if isinstance(t, str)),
        ),
    )
    if not authors:
        b.warnings.append("the post names no author")
    return b.build()
