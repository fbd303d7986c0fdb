"""The fallback: the body becomes the bio and text sections, with a warning."""

from __future__ import annotations

from .frontmatter import split_front_matter
from .pages import apply_page_meta
from .profile import Builder
from .records import ProfileDocument

FAMILY = "unknown"


def parse(text: str, source_name: str = "") -> ProfileDocument:
    meta, body, _ = split_front_matter(text, source_name)
    b = Builder(FAMILY, source_name)
    b.warnings.append(
        "document family not recognized: the body was imported as bio and text sections"
    )
    apply_page_meta(b, meta)
    b.read_page(body)
    return b.build()
