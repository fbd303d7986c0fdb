"""Hugo AMA posts: front matter, an intro, a legend (``S: Name``), ``**P1:**``/``**S:**`` turns."""

from __future__ import annotations

from .frontmatter import split_front_matter
from .records import ProfileDocument
from .transcript import parse_transcript

FAMILY = "hugo-ama"


def parse(text: str, source_name: str = "") -> ProfileDocument:
    meta, body, _ = split_front_matter(text, source_name)
    return parse_transcript(meta, body, family=FAMILY, kind="ama", source_name=source_name)
