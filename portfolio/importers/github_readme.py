"""GitHub profile READMEs: centered HTML, shields.io badges, ``<details>`` per role."""

from __future__ import annotations

from .frontmatter import split_front_matter
from .pages import apply_page_meta
from .profile import Builder
from .records import ProfileDocument

FAMILY = "github-readme"


def parse(text: str, source_name: str = "") -> ProfileDocument:
    meta, body, _ = split_front_matter(text, source_name)
    b = Builder(FAMILY, source_name)
    apply_page_meta(b, meta)
    b.read_page(body)
    return b.build()
