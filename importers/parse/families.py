"""The family table: which parser reads which family of profile document.

Most families are the generic page parser (``profile.Builder``) with a different
front-matter reader; transcripts (interviews, AMAs) have a parser of their own.
"""

from __future__ import annotations

from collections.abc import Callable

from . import hugo_blox, hugo_post
from .frontmatter import split_front_matter
from .pages import apply_page_meta
from .profile import Builder, split_headline
from .records import ProfileDocument
from .transcripts import parse_transcript

Parser = Callable[[str, str], ProfileDocument]

UNKNOWN_WARNING = "document family not recognized: the body was imported as bio and text sections"


def _cv_headline(b: Builder) -> None:
    """A short first line under a CV's name is its headline ("Staff Engineer · Berlin")."""
    if not b.bio or b.headline:
        return
    first = b.bio[0].split("\n\n", 1)
    line = first[0].strip()
    if len(line) <= 120 and "\n" not in line and not line.startswith(("-", "[", "!")):
        b.headline, location = split_headline(line.strip("*_ "))
        b.location = b.location or location
        b.bio[0] = first[1] if len(first) > 1 else ""


def page_parser(family: str, *, after: Callable[[Builder], None] | None = None) -> Parser:
    """The generic page parser: front matter keys, then the body's sections."""

    def parse(text: str, source_name: str = "") -> ProfileDocument:
        meta, body, _ = split_front_matter(text, source_name)
        b = Builder(family, source_name)
        if family == "unknown":
            b.warnings.append(UNKNOWN_WARNING)
        apply_page_meta(b, meta)
        if family == "github-readme":
            b.add_own_github(body)
        b.read_page(body)
        if after:
            after(b)
        return b.build()

    return parse


def transcript_parser(family: str, kind: str) -> Parser:
    def parse(text: str, source_name: str = "") -> ProfileDocument:
        meta, body, _ = split_front_matter(text, source_name)
        return parse_transcript(meta, body, family=family, kind=kind, source_name=source_name)

    return parse


PARSERS: dict[str, Parser] = {
    "jekyll-about": page_parser("jekyll-about"),
    "academicpages-about": page_parser("academicpages-about"),
    "github-readme": page_parser("github-readme"),
    "markdown-cv": page_parser("markdown-cv", after=_cv_headline),
    "unknown": page_parser("unknown"),
    "hugo-post": hugo_post.parse,
    "hugo-blox-author": hugo_blox.parse,
    "interview": transcript_parser("interview", "interview"),
    "hugo-ama": transcript_parser("hugo-ama", "ama"),
}
