"""Plain markdown CVs: ``# Name``, a contact line, then Experience, Education, ... sections."""

from __future__ import annotations

from .frontmatter import split_front_matter
from .pages import apply_page_meta
from .profile import Builder, split_headline
from .records import ProfileDocument

FAMILY = "markdown-cv"


def parse(text: str, source_name: str = "") -> ProfileDocument:
    meta, body, _ = split_front_matter(text, source_name)
    b = Builder(FAMILY, source_name)
    apply_page_meta(b, meta)
    b.read_page(body)
    if b.bio and not b.headline:
        first = b.bio[0].split("\n\n", 1)
        line = first[0].strip()
        # A short first line under the name is the headline ("Staff Engineer · Berlin").
        if len(line) <= 120 and "\n" not in line and not line.startswith(("-", "[", "!")):
            b.headline, location = split_headline(line.strip("*_ "))
            b.location = b.location or location
            b.bio[0] = first[1] if len(first) > 1 else ""
    return b.build()
