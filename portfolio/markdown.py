"""The one markdown renderer: markdown-it-py, then nh3 with an explicit allowlist.

Used for every stored HTML twin, the admin's live preview and the importer, so what an
editor previews is exactly what a visitor sees.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

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

# Content's ids are renamed so they never clash with the page's own (see sanitize_html).
ID_PREFIX = "user-content-"

# Only the classes the footnote plugin and fenced code blocks produce.
ALLOWED_CLASSES = {
    "code": {f"language-{lang}" for lang in ("python", "bash", "sh", "js", "json", "yaml")},
    "section": {"footnotes"},
}

_EXTERNAL_HREF = re.compile(r'<a ([^>]*?)href="(https?://[^"]*)"')
_SCHEMES = {"http", "https", "mailto"}
# The attributes whose values browsers load or follow; a guard in the tests keeps every other
# URL attribute (srcset, cite, poster, ...) out of ALLOWED_ATTRIBUTES.
URL_ATTRIBUTES = frozenset({"href", "src"})

# How a browser reads an attribute's URL (the WHATWG URL Standard), entities already decoded
# by the HTML parser: C0 controls and spaces around it are dropped, tabs and newlines anywhere
# in it removed, and in http(s) URLs and in paths (which resolve against the https page) a
# backslash before the query is a slash. "\\evil.example", "/\evil.example", "/\t/evil"
# and "\x01//evil" all lead to another host.
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_PATH = re.compile(r"[^?#]*")


def _as_browsers_read(value: str) -> str:
    """A URL as browsers read it: the same link, spelled the way they resolve it."""
    url = _TAB_OR_NEWLINE.sub("", value.strip(_C0_OR_SPACE))
    scheme = _SCHEME.match(url)
    if scheme:
        url = scheme.group().lower() + url[scheme.end() :]
        if url[: scheme.end() - 1] not in {"http", "https"}:
            return url
    path = _PATH.match(url).group()
    return path.replace("\\", "/") + url[len(path) :]


def _safe_url(value: str, *, allow_mailto: bool) -> str | None:
    """The URL, spelled as browsers read it, when it is http(s), mailto, a fragment or a path
    on this site; None for anything else."""
    url = _as_browsers_read(value)
    if not url:
        return None
    scheme = _SCHEME.match(url)
    if scheme is None:
        # Two leading slashes (or backslashes, or one of each) name another host without a
        # scheme; anything else without a scheme stays on this site.
        return None if url.startswith("//") else url
    if scheme.group() == "mailto:":
        return url if allow_mailto else None
    if scheme.group() in {"http:", "https:"} and urlsplit(url).netloc:
        return url
    return None


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in URL_ATTRIBUTES:
        url = _safe_url(value, allow_mailto=tag == "a")
        if url is None or tag != "img":
            return url
        # Relative image paths from a source document would resolve against the visitor's
        # page, not the document's folder: only absolute same-site paths and http(s).
        return url if url.startswith("/") or _SCHEME.match(url) else None
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
    """Clean HTML with the site's allowlist; external links get rel="noopener nofollow".

    Every id gets ID_PREFIX, as GitHub does, so content can never take an id the page itself
    uses (the skip link's #main, an interview's #q3), and in-page links to the content's own
    ids follow them (footnotes keep working, without JavaScript).
    """
    ids: set[str] = set()
    fragments: set[str] = set()

    def check(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "id":
            ids.add(value)
            return ID_PREFIX + value if value else None
        value = _filter_attribute(tag, attribute, value)
        if attribute == "href" and value and value.startswith("#"):
            fragments.add(value[1:])
        return value

    cleaned = _clean(html, check)
    # Browsers match a fragment to an id as written, then percent-decoded.
    targets = {fragment for fragment in fragments if {fragment, unquote(fragment)} & ids}
    if targets:
        # A link can come before its target (a footnote reference does), so the links are
        # renamed in a second pass, once every id is known. Links to the page's own anchors
        # ("#q3" with no q3 in the content) are left as they are.
        def follow(tag: str, attribute: str, value: str) -> str:
            if attribute == "href" and value.startswith("#") and value[1:] in targets:
                return "#" + ID_PREFIX + value[1:]
            return value

        cleaned = _clean(cleaned, follow)
    return _EXTERNAL_HREF.sub(r'<a \1href="\2" rel="noopener nofollow"', cleaned)


def _clean(html: str, attribute_filter) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=attribute_filter,
        url_schemes=set(_SCHEMES),
        link_rel=None,
        strip_comments=True,
        allowed_classes={tag: set(classes) for tag, classes in ALLOWED_CLASSES.items()},
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
    )


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
