"""Which family a document belongs to, from its front matter and its structure."""

from __future__ import annotations

import re
from typing import Any

from .blocks import block_headings
from .hugo_blox import BLOX_KEYS
from .markup import remove_liquid
from .profile import heading_kind
from .transcripts import looks_like_ama, looks_like_transcript

_README_HINTS = re.compile(
    r"<details\b|img\.shields\.io|<p\s+align=|github-readme-stats|komarev\.com|<img\b", re.I
)
# Front matter only Hugo pages carry (Hugo's own keys and its themes' page options).
_HUGO_KEYS = {
    "date",
    "draft",
    "lastmod",
    "weight",
    "menu",
    "aliases",
    "slug",
    "showdate",
    "showauthor",
    "showreadingtime",
    "showtableofcontents",
    "showwordcount",
    "sharinglinks",
    "toc",
    "series",
    "publishdate",
    "expirydate",
}
_CV_KINDS = {"roles", "education", "publications", "skills", "talks", "awards", "patents"}


def _is_blox_author(meta: dict[str, Any], source_name: str) -> bool:
    path = source_name.replace("\\", "/")
    if re.search(r"(?:^|/)authors/[^/]+/_index\.md$", path):
        return True  # (content/authors/_index.md is the list of authors, no profile)
    if str(meta.get("schema", "")).startswith("hugoblox/author"):
        return True  # data/authors/<name>.yaml
    # al-folio pages say "social: true"; Hugo Blox lists social links and organizations.
    keys = {
        key
        for key in BLOX_KEYS & meta.keys()
        if isinstance(meta[key], list | dict) or key in {"highlight_name", "superuser"}
    }
    if not keys:
        return False
    page_like = "layout" in meta or "permalink" in meta
    return not page_like or len(keys) >= 2


def detect_family(meta: dict[str, Any], body: str, fmt: str = "", source_name: str = "") -> str:
    """One of ``FAMILIES``; "unknown" when nothing fits."""
    # Read as the parsers will: Hugo's collapsible blocks as questions, Liquid gone.
    body = remove_liquid(body)
    if looks_like_ama(meta, body):
        return "hugo-ama"
    if _is_blox_author(meta, source_name):
        return "hugo-blox-author"
    if looks_like_transcript(body):
        return "interview"
    if fmt == "toml":
        return "hugo-post"  # TOML front matter is Hugo's; Jekyll reads only YAML
    if str(meta.get("layout", "")).strip().lower() in {"cv", "resume", "curriculum-vitae"}:
        return "markdown-cv"  # a Jekyll page laid out as a CV (elipapa's markdown-cv)
    if "author_profile" in meta or "redirect_from" in meta:
        return "academicpages-about"
    if "layout" in meta or "permalink" in meta:
        return "jekyll-about"
    if fmt == "toml" or {k.lower() for k in meta} & _HUGO_KEYS:
        return "hugo-post"
    hints = {h.lower() for h in _README_HINTS.findall(body[:200_000])}
    hint = bool(hints)
    named = source_name.lower().endswith("readme.md")
    # The headings at every level: a CV nests its sections under "## Title" as often.
    cv_kinds = {heading_kind(title) for _at, _level, title, _n in block_headings(body)} & _CV_KINDS
    # A picture alone (a CV's headshot) is no README's sign; a badge or a widget is.
    weak = hints == {"<img"} and len(cv_kinds) >= 2
    if (named or (hint and not weak)) and not fmt:
        # A README has no front matter: a page that has one belongs to a site.
        return "github-readme"
    if len(cv_kinds) >= 2:
        return "markdown-cv"
    if fmt:
        return "jekyll-about"
    return "unknown"
