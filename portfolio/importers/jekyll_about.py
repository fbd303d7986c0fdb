"""Jekyll "About me" pages: a bio, badge tables of profile links, a timeline of roles."""

from __future__ import annotations

from .frontmatter import split_front_matter
from .pages import apply_page_meta
from .profile import Builder
from .records import ProfileDocument

FAMILY = "jekyll-about"


def parse(text: str, source_name: str = "", family: str = FAMILY) -> ProfileDocument:
    meta, body, _ = split_front_matter(text, source_name)
    b = Builder(family, source_name)
    apply_page_meta(b, meta)
    b.read_page(body)
    return b.build()
