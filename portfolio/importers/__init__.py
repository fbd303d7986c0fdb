"""Markdown profile importers: read -> front matter -> detect family -> parse.

``parse_document`` is pure (no database, no network, never opens files a
document mentions); ``portfolio.importers.load`` saves its result.
"""

from __future__ import annotations

from collections.abc import Callable

from . import (
    academicpages_about,
    github_readme,
    hugo_ama,
    hugo_blox,
    hugo_post,
    interview,
    jekyll_about,
    markdown_cv,
    unknown,
)
from .detect import detect_family
from .errors import DocumentError
from .frontmatter import split_front_matter
from .read import MAX_BYTES, read_document
from .records import FAMILIES, ProfileDocument

PARSERS: dict[str, Callable[[str, str], ProfileDocument]] = {
    "jekyll-about": jekyll_about.parse,
    "academicpages-about": academicpages_about.parse,
    "hugo-post": hugo_post.parse,
    "hugo-ama": hugo_ama.parse,
    "hugo-blox-author": hugo_blox.parse,
    "github-readme": github_readme.parse,
    "interview": interview.parse,
    "markdown-cv": markdown_cv.parse,
    "unknown": unknown.parse,
}


def parse_text(text: str, name: str = "", family: str | None = None) -> ProfileDocument:
    """Parse decoded text; ``family`` forces a parser instead of detection."""
    meta, body, fmt = split_front_matter(text, name)
    if family is None:
        family = detect_family(meta, body, fmt, name)
    elif family not in PARSERS:
        raise DocumentError(name, f"unknown family '{family}' (one of: {', '.join(FAMILIES)})")
    if not body.strip() and family != "hugo-blox-author":
        raise DocumentError(name, "the document has front matter but no body")
    return PARSERS[family](text, name)


def parse_document(
    data: bytes, name: str, family: str | None = None, max_bytes: int = MAX_BYTES
) -> ProfileDocument:
    """Bytes of one document to a ``ProfileDocument``; raises ``DocumentError``."""
    return parse_text(read_document(data, name, max_bytes), name, family)


__all__ = [
    "FAMILIES",
    "PARSERS",
    "DocumentError",
    "ProfileDocument",
    "detect_family",
    "parse_document",
    "parse_text",
    "read_document",
    "split_front_matter",
]
