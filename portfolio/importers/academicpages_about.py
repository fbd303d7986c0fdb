"""academicpages about pages: ``author_profile`` front matter, setext sections."""

from __future__ import annotations

from . import jekyll_about
from .records import ProfileDocument

FAMILY = "academicpages-about"


def parse(text: str, source_name: str = "") -> ProfileDocument:
    # Same page shape as a Jekyll about page; only the family differs.
    return jekyll_about.parse(text, source_name, family=FAMILY)
