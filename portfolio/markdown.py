"""The one markdown renderer: markdown-it-py, then nh3 with an explicit allowlist.

Used for every stored HTML twin, the admin's live preview and the importer, so what an
editor previews is exactly what a visitor sees.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup",
        "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "picture", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height", "align", "loading"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "reversed"},
    "li": {"id"},
    "sup": {"id"},
    "p": {"align"},
    "div": {"align"},
    "h1": {"id", "align"},
    "h2": {"id", "align"},
    "h3": {"id", "align"},
    "h4": {"id", "align"},
    "details": {"open"},
}

# Only the classes the footnote plugin and fenced code blocks produce.
ALLOWED_CLASSES = {
    "code": {f"language-{lang}" for lang in ("python", "bash", "sh", "js", "json", "yaml")},
    "section": {"footnotes"},
}

_EXTERNAL_HREF = re.compile(r'<a ([^>]*?)href="(https?://[^"]*)"')
_SCHEMES = {"http", "https", "mailto"}


def _safe_url(value: str, *, allow_mailto: bool) -> bool:
    value = value.strip()
    if not value:
        return False
    if value.startswith("#"):
        return True
    if value.startswith("//"):
        # Protocol-relative URLs point off-site without saying how; refuse rather than guess.
        return False
    parts = urlsplit(value)
    if not parts.scheme:
        # Same-site paths and relative links; no scheme means no javascript: or data:.
        return ":" not in value.split("/", 1)[0]
    if parts.scheme == "mailto":
        return allow_mailto
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if _safe_url(value, allow_mailto=True) else None
    if tag == "img" and attribute == "src":
        ok = _safe_url(value, allow_mailto=False) and not value.startswith("#")
        # Relative image paths from a source document would resolve against the visitor's
        # page, not the document's folder: only absolute same-site paths and http(s).
        if ok and not urlsplit(value).scheme and not value.startswith("/"):
            return None
        return value if ok else None
    if attribute in {"width", "height"}:
        return value if value.isdigit() or re.fullmatch(r"\d{1,4}%", value) else None
    return value


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    # markdown-it would print a link with a refused URL as literal text, URL and all; let it
    # through instead so nh3 drops the URL and the visitor reads only the link's text.
    md.validateLink = lambda url: True
    md.core.ruler.push("demote_h1", _demote_h1)
    return md


def _demote_h1(state) -> None:
    # Pages own their single h1; a "# Heading" inside content becomes an h2.
    for token in state.tokens:
        if token.type in {"heading_open", "heading_close"} and token.tag == "h1":
            token.tag = "h2"


def sanitize_html(html: str) -> str:
    """Clean HTML with the site's allowlist; external links get rel="noopener nofollow"."""
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes=set(_SCHEMES),
        link_rel=None,
        strip_comments=True,
        allowed_classes={tag: set(classes) for tag, classes in ALLOWED_CLASSES.items()},
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
    )
    return _EXTERNAL_HREF.sub(r'<a \1href="\2" rel="noopener nofollow"', cleaned)


# One line of prose with no markdown or HTML syntax in it renders to one paragraph; skipping
# the parser for it makes imports (thousands of short answers and titles) much faster.
_PLAIN_TEXT = re.compile(r"[\w ,.;:?!'’‘“”\"()/%@$€£–—-]*", re.UNICODE)
_BLOCK_START = re.compile(r"[-+=#>|~`*_]|\d{1,9}[.)](?:\s|$)")


def _is_plain(text: str) -> bool:
    return (
        text == text.strip()
        and _PLAIN_TEXT.fullmatch(text) is not None
        and "_" not in text
        and "![" not in text
        and not _BLOCK_START.match(text)
    )


def render_markdown(text: str | None) -> str:
    """Render markdown to sanitized HTML. Empty input renders to an empty string."""
    if not text or not text.strip():
        return ""
    if _is_plain(text):
        return f"<p>{text}</p>"
    return sanitize_html(_parser().render(text)).strip()
