"""Markdown and HTML helpers shared by the parsers (pure text functions).

Liquid removal, a small HTML-to-markdown converter for the HTML people put in
profile pages, heading-based section splitting, list items, links and badges.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from .blocks import block_headings

# -- Liquid -------------------------------------------------------------------

_LIQUID_RAW_RE = re.compile(r"{%-?\s*raw\s*-?%}(.*?){%-?\s*endraw\s*-?%}", re.S)
_LIQUID_TAG_RE = re.compile(r"{%-?.*?-?%}", re.S)
_LIQUID_COMMENT_RE = re.compile(r"{%-?\s*comment\s*-?%}.*?{%-?\s*endcomment\s*-?%}", re.S)
_LIQUID_OUT_RE = re.compile(r"{{-?.*?-?}}", re.S)


_SHORTCODE_RE = re.compile(r"{{[<%]-?\s*(/?)\s*([\w./-]+)([^{}]*?)-?[>%]}}")


# ":musical_score: What is your favourite song?": an emoji written by its name.
_EMOJI_CODE_RE = re.compile(r"(?<![\w:]):[a-z0-9_+-]{2,40}:(?![\w:])")


def _shortcode(m: re.Match[str]) -> str:
    """Hugo shortcodes: a figure becomes an image (caption kept), the others go."""
    closing, name, args = m[1], m[2].lower(), m[3]
    if name == "spoiler":
        # Hugo Blox's collapsible block: its title a paragraph in bold over the text.
        title = re.sub(r"^(?:\*\*|__)|(?:\*\*|__)$", "", attrs(args).get("text", "").strip())
        title = _EMOJI_CODE_RE.sub("", title).strip()
        return "" if closing or not title else f"\n\n**{title}**\n\n"
    if not closing and name in {"figure", "img", "image"}:
        a = attrs(args)
        src = a.get("src", "").strip()
        alt = (a.get("caption") or a.get("alt") or a.get("title") or "").strip()
        if src:
            return f"![{alt}]({src.replace(' ', '%20')})"
        return alt
    return ""


def remove_liquid(text: str) -> str:
    """Drop Liquid tags and outputs (``{{ site.baseurl }}/x.png`` -> ``/x.png``)."""
    if "{" not in text:
        return text
    if "{{<" in text or "{{%" in text:
        text = _SHORTCODE_RE.sub(_shortcode, text)
    raws: list[str] = []

    def keep_raw(m: re.Match[str]) -> str:
        raws.append(m[1])
        return f"\x00RAW{len(raws) - 1}\x00"

    text = _LIQUID_RAW_RE.sub(keep_raw, text)
    text = _LIQUID_COMMENT_RE.sub("", text)
    text = _LIQUID_TAG_RE.sub("", text)
    text = _LIQUID_OUT_RE.sub("", text)
    # "{{site.baseurl}}/images" leaves "/images"; "(/" stays a same-site path.
    for i, raw in enumerate(raws):
        text = text.replace(f"\x00RAW{i}\x00", raw)
    return text


# Kramdown and Pandoc attribute lists: "{: .notice--info}", "{#skills}",
# "{style="text-align: justify;"}", alone on a line or after a heading, image or link.
_ATTR = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+))"""
_ATTR_LIST = rf"\{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}"
_ATTR_LINE_RE = re.compile(rf"(?m)^[ \t]*{_ATTR_LIST}[ \t]*\n?")
_ATTR_AFTER_RE = re.compile(
    rf"(?m)(?<=[^\s{{])[ \t]*{_ATTR_LIST}(?=[ \t]*$|[ \t]*[\[!])|(?<=\)){_ATTR_LIST}"
)


def remove_attribute_lists(text: str) -> str:
    """Kramdown's ``{: .align-left}`` and Pandoc's ``{#id .class}`` style their element;
    they are markup of the old site, never words of the page."""
    if "{" not in text:
        return text
    return _ATTR_AFTER_RE.sub("", _ATTR_LINE_RE.sub("", text))


# -- HTML to markdown ---------------------------------------------------------

_TAG_RE = re.compile(
    r"<(/?)(a|img|b|strong|i|em|br|p|div|center|table|thead|tbody|tfoot|tr|td|th|ul|ol|li"
    r"|font|span|sup|sub|small|big|u|h[1-6]|hr|code|pre|blockquote|picture|source"
    r"|details|summary|kbd|s|del|figure|figcaption|section|article|header|footer|nav)"
    r"\b([^>]*?)(/?)>",
    re.I,
)
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_BLOCK = {
    "p",
    "div",
    "center",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "picture",
    "figure",
    "section",
    "article",
    "header",
    "footer",
    "nav",
}
_DROP = {"font", "span", "sup", "sub", "small", "big", "u", "source", "kbd", "figcaption"}


_SCRIPT_RE = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_EMPTY_INLINE_RE = re.compile(r"<(i|span|em|b|strong|a)\b[^>]*>\s*</\1\s*>", re.I)
_ADJACENT_INLINE_RE = re.compile(r"(</(?:span|font|small|sup|sub|b|strong|i|em)\s*>)(<[a-z])", re.I)


def attrs(text: str) -> dict[str, str]:
    return {
        m[1].lower(): html.unescape(m[2] if m[2] is not None else m[3] or m[4] or "")
        for m in _ATTR_RE.finditer(text)
    }


def _entities(text: str) -> str:
    text = text.replace("&nbsp;", " ").replace("&#160;", " ")
    return re.sub(
        r"&(?!lt;|gt;)(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);",
        lambda m: html.unescape(m[0]),
        text,
    )


# Tags written the same way opening and closing: (markdown for the open tag, for the close).
_SAME = {
    "b": ("**", "**"),
    "strong": ("**", "**"),
    "i": ("*", "*"),
    "em": ("*", "*"),
    "s": ("~~", "~~"),
    "del": ("~~", "~~"),
    "code": ("`", "`"),
    "br": ("\n", "\n"),
    "hr": ("\n\n---\n\n", "\n\n---\n\n"),
    "li": ("\n- ", "\n"),
    "td": ("", "\n\n"),
    "th": ("", "\n\n"),
    "summary": ("\n\n**", "**\n\n"),
}


def _tag_markdown(closing: bool, tag: str, attr_text: str, hrefs: list[str]) -> str:
    """What one HTML tag becomes in markdown; ``hrefs`` holds the open links' targets."""
    if tag == "a":
        if closing:
            href = hrefs.pop() if hrefs else ""
            return f"]({href})" if href else "]"
        hrefs.append(attrs(attr_text).get("href", "").strip())
        return "["
    if tag == "img":
        a = attrs(attr_text)
        src = a.get("src", "").strip().replace(" ", "%20")
        return f"![{a.get('alt', '').strip()}]({src})" if src and not closing else ""
    if tag in _SAME:
        return _SAME[tag][closing]
    if tag[0] == "h" and tag[1:].isdigit():
        return "\n\n" if closing else "\n\n" + "#" * int(tag[1]) + " "
    if tag in _BLOCK or tag == "details":
        return "\n\n"
    return ""  # _DROP and the rest: the tag goes, its text stays


def html_to_markdown(text: str) -> str:
    """Turn the common HTML of profile pages into markdown; other text is left as is."""
    if "<" not in text and "&" not in text:
        return text
    # Scripts and styles are code for the old site, never its content; an empty
    # element is an icon font's glyph (<i class="fa-solid fa-file-pdf"></i>).
    text = _SCRIPT_RE.sub("", text)
    if "<table" in text.lower():
        text = _LAYOUT_TABLE_RE.sub(_layout_table, text)
    text = _IFRAME_RE.sub(_iframe_link, text)
    text = _EMPTY_INLINE_RE.sub("", text)
    # "<br/>" at a line's end is that line's hard break, not an empty line more.
    text = _BR_AT_END_RE.sub("  \n", text)
    # "<span>2025</span><span>Joined ...</span>": the cells' words stay apart.
    text = _ADJACENT_INLINE_RE.sub(r"\1 \2", text)
    out: list[str] = []
    hrefs: list[str] = []
    pos = 0
    for m in _TAG_RE.finditer(text):
        chunk = text[pos : m.start()]
        if chunk:
            # Space between tags: a line break, or a blank line (paragraphs stay apart).
            blank = "\n\n" if chunk.count("\n") >= 2 else "\n"
            out.append(blank if not chunk.strip() and "\n" in chunk else chunk)
        pos = m.end()
        out.append(_tag_markdown(m[1] == "/", m[2].lower(), m[3], hrefs))
    tail = text[pos:]
    out.append(tail)
    result = _entities("".join(out))
    # An empty bold ("<b> </b>") goes; two bold paragraphs ("**A**", "**B**") stay apart.
    result = re.sub(r"(?<!\S)\*\*[ \t]*\*\*(?!\S)", "", result)
    result = re.sub(r"(?<!!)\[\s*\]\([^)\s]*\)", "", result)
    result = _dedent_html_lines(result)
    # Trailing blanks go, but for a hard break ("  " before the next line of the same
    # paragraph), which sets an entry's fields on lines of their own.
    result = _TRAILING_BLANKS_RE.sub(lambda m: "  " if m[1] else "", result)
    return re.sub(r"\n{3,}", "\n\n", result)


_LAYOUT_TABLE_RE = re.compile(r"(?is)<table\b[^>]*>(.*?)</table\s*>")
_CELL_RE = re.compile(r"(?is)<td\b[^>]*>(.*?)(?=<td\b|</td\s*>|</tr\s*>|<tr\b|$)")


def _layout_table(m: re.Match[str]) -> str:
    """A table that lays out a CV (no header, one or two cells a row: "<b>Title</b>" and
    its dates, "<i>Org</i>" and its place, a list of what was done; three cells at most):
    each row one line, its cells apart ("Title · Sep 2019 to Jul 2024"), an entry opening
    at each bold row."""
    body = m[1]
    if re.search(r"(?im)<th\b|<h[1-6]\b|^[ \t]*#{1,6}[ \t]", body):
        return m[0]  # a table of data, or columns of sections: not a CV's rows
    rows = [_CELL_RE.findall(row) for row in re.split(r"(?i)<tr\b[^>]*>", body)[1:]]
    if not rows or any(len(cells) > 3 for cells in rows):
        return m[0]
    out: list[str] = []
    for cells in rows:
        texts = [" ".join(c.split()) for c in cells if c.strip()]
        if not texts:
            continue
        if any(re.search(r"(?i)<(?:ul|ol)\b", t) for t in texts):
            out.append("\n" + "\n".join(texts) + "\n")
            continue
        if out and re.match(r"(?i)<(?:b|strong)\b", texts[0]):
            out.append("")  # a bold row opens the next entry
        out.append(" · ".join(texts) + "<br>")
    return "\n\n" + "\n".join(out) + "\n\n"


_IFRAME_RE = re.compile(r"(?is)<iframe\b([^>]*)>.*?</iframe\s*>|<iframe\b([^>]*)/?>")


def _iframe_link(m: re.Match[str]) -> str:
    """An embedded player (a talk's video, a slide deck): a link to what it shows."""
    found = attrs(m[1] or m[2] or "")
    src = found.get("src", "").strip()
    if not src.startswith(("http://", "https://", "//")):
        return ""
    title = found.get("title", "").strip() or "Embedded content"
    return f"[{title}]({'https:' + src if src.startswith('//') else src})"


_BR_AT_END_RE = re.compile(r"[ \t]*<br\s*/?>[ \t]*\n(?=[ \t]*\S)", re.I)
_TRAILING_BLANKS_RE = re.compile(r"(?m)(?:(?<=\S)(  )[ \t]*|[ \t]+)$(?=\n[ \t]*\S)|[ \t]+$")


# A list item's first line ("- x", "1. x", "• x"), for the lines HTML left indented.
_ITEM_RE = re.compile(r"^(\s*)(?:[-*+•‣▪◦]|\d{1,3}[.)])\s+(.*)$")


def _dedent_html_lines(text: str) -> str:
    """Lines indented by the HTML around them start at the margin again; a list nested
    under a markdown list item keeps its indentation (it holds that item's details)."""
    lines = text.split("\n")
    in_list = False
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if stripped != line and (
            re.match(r"\[|!\[|\*\*|#", stripped) or (stripped.startswith("- ") and not in_list)
        ):
            lines[i] = stripped
        if line.strip():
            in_list = bool(_ITEM_RE.match(line)) or (in_list and line[:1] in " \t")
    return "\n".join(lines)


def strip_tags(text: str) -> str:
    return _entities(re.sub(r"<[^>]+>", "", text))


# -- <details> blocks ----------------------------------------------------------

_DETAILS_OPEN_RE = re.compile(r"<details\b[^>]*>", re.I)
_DETAILS_ANY_RE = re.compile(r"<(/?)details\b[^>]*>", re.I)
_SUMMARY_RE = re.compile(r"\A\s*<summary\b[^>]*>(.*?)</summary>", re.I | re.S)


@dataclass(frozen=True, slots=True)
class Details:
    summary: str
    body: str


def _top_details(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, summary, inner markdown) of each top-level ``<details>`` block."""
    pos = 0
    while m := _DETAILS_OPEN_RE.search(text, pos):
        depth, end, inner_end = 1, len(text), len(text)
        for t in _DETAILS_ANY_RE.finditer(text, m.end()):
            depth += -1 if t[1] else 1
            if depth == 0:
                inner_end, end = t.start(), t.end()
                break
        inner = text[m.end() : inner_end]
        summary = ""
        if s := _SUMMARY_RE.match(inner):
            # "<span>Title @ Org</span><span>Mascot<br>May 2026 - Present</span>": the
            # parts stay apart.
            parts = _ADJACENT_INLINE_RE.sub(r"\1 \2", re.sub(r"(?i)<br\s*/?>", " · ", s[1]))
            summary = re.sub(r"\s+", " ", strip_tags(parts)).strip()
            inner = inner[s.end() :]
        yield m.start(), end, summary, inner
        pos = end


def extract_details(text: str) -> tuple[str, list[Details]]:
    """Replace each top-level ``<details>`` block by a ``\\x00D{n}\\x00`` line."""
    found: list[Details] = []
    out: list[str] = []
    pos = 0
    for start, end, summary, inner in _top_details(text):
        out.append(text[pos:start])
        out.append(f"\n\n\x00D{len(found)}\x00\n\n")
        found.append(Details(summary, dedent_block(inner)))
        pos = end
    out.append(text[pos:])
    return "".join(out), found


def unwrap_details(text: str, is_container: Callable[[str, str], bool]) -> str:
    """A ``<details>`` block that holds a page of its own ("Full Resume (click to expand)"
    over headings and more blocks): its summary as a bold line and its content, in place,
    so the page is read as if it were not folded."""
    if "<details" not in text.lower():
        return text
    out: list[str] = []
    pos = 0
    for start, end, summary, inner in _top_details(text):
        if is_container(summary, inner):
            out += [text[pos:start], f"\n\n**{summary}**\n\n" if summary else "\n\n"]
            out.append(dedent_block(inner) + "\n\n")
            pos = end
    out.append(text[pos:])
    return "".join(out)


DETAILS_TOKEN_RE = re.compile(r"\x00D(\d+)\x00")


def dedent_block(text: str) -> str:
    lines = text.split("\n")
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents, default=0)
    return "\n".join(ln[cut:] if ln.strip() else "" for ln in lines).strip("\n")


# -- Sections -------------------------------------------------------------------


_HTML_ONLY_RE = re.compile(
    r"<!--.*?-->|</?(?:div|p|center|span|section|header)\b[^>]*>", re.S | re.I
)
_HTML_HEADING_RE = re.compile(r"(?mi)^[ \t]*<h([1-6])\b[^>]*>(.*?)</h\1>[ \t]*$")


def html_headings(text: str) -> str:
    """``<h2 align="center">Title</h2>`` on a line of its own -> ``## Title``."""
    if "<h" not in text and "<H" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        title = re.sub(r"\s+", " ", html_to_markdown(m[2])).strip()
        return f"\n{'#' * int(m[1])} {title}\n" if title else ""

    return _HTML_HEADING_RE.sub(repl, text)


@dataclass(slots=True)
class RawSection:
    title: str
    level: int
    body: str
    lines: list[str] = field(default_factory=list)


def clean_heading(title: str) -> str:
    """Heading text without markdown emphasis, trailing ':' or closing hashes."""
    title = html_to_markdown(title)
    title = re.sub(r"[*_`]{1,3}(.+?)[*_`]{1,3}", r"\1", title)
    title = re.sub(r"\[([^\[\]]*)\]\([^)\s]*\)", r"\1", title)
    return title.strip().rstrip(":").strip()


def split_sections(text: str, *, find_title: bool = True) -> tuple[str, list[RawSection], str]:
    """Split markdown at its top heading level.

    Returns ``(preamble, sections, doc_title)``: when the document opens with a
    lone top-level heading (``# Name``), that heading is the document title and
    the split happens one level down (unless ``find_title`` is false).
    """
    lines = text.split("\n")
    headings = block_headings(text)
    doc_title = ""
    if headings:
        top = min(h[1] for h in headings)
        tops = [h for h in headings if h[1] == top]
        if (
            find_title
            and len(tops) == 1
            and tops[0] is headings[0]
            and (len(headings) > 1 or top == 1)
        ):
            first = headings[0]
            preamble_before = "\n".join(lines[: first[0]])
            if not _HTML_ONLY_RE.sub("", preamble_before).strip():
                doc_title = clean_heading(first[2])
                lines = lines[first[0] + first[3] :]
                rest = "\n".join(lines)
                pre, sections, _ = split_sections(rest, find_title=False)
                return pre, sections, doc_title
        cut = [h for h in headings if h[1] == top]
    else:
        cut = []
    if not cut:
        return text.strip("\n"), [], doc_title
    preamble = "\n".join(lines[: cut[0][0]]).strip("\n")
    sections = []
    for n, (i, level, title, used) in enumerate(cut):
        end = cut[n + 1][0] if n + 1 < len(cut) else len(lines)
        body = "\n".join(lines[i + used : end]).strip("\n")
        sections.append(RawSection(clean_heading(title), level, body))
    return preamble, sections, doc_title


# -- Lists ----------------------------------------------------------------------

# -- Links ----------------------------------------------------------------------

_MD_LINK_RE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)"
)
_AUTOLINK_RE = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str
    is_image: bool = False


def find_links(text: str) -> list[Link]:
    links = [Link(m[2].strip(), m[3], bool(m[1])) for m in _MD_LINK_RE.finditer(text)]
    links += [Link("", m[1]) for m in _AUTOLINK_RE.finditer(text)]
    return links


def first_link(text: str) -> Link | None:
    for m in _MD_LINK_RE.finditer(text):
        if not m[1]:
            return Link(m[2].strip(), m[3])
    return None


@lru_cache(maxsize=4096)
def plain_text(text: str) -> str:
    """Markdown to plain text: links keep their labels, images and markup go."""
    text = _MD_LINK_RE.sub(lambda m: "" if m[1] else m[2], text)
    text = _MD_LINK_RE.sub(lambda m: "" if m[1] else m[2], text)
    text = strip_tags(text)
    text = re.sub(r"(\*\*|__|~~|`)", "", text)
    text = re.sub(r"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# -- Badges -----------------------------------------------------------------------

_SHIELD_RE = re.compile(r"img\.shields\.io/badge/([^?\"')>\n]+)", re.I)


@dataclass(frozen=True, slots=True)
class Badge:
    label: str
    message: str
    logo: str = ""


def _shield_part(text: str) -> str:
    text = unquote(text.replace("--", "\x01").replace("__", "\x02").replace("_", " "))
    return text.replace("\x01", "-").replace("\x02", "_").strip()


@lru_cache(maxsize=4096)
def shield_badge(url: str) -> Badge | None:
    """Label and message of a shields.io static badge URL (``/badge/<label>-<msg>-<color>``)."""
    m = _SHIELD_RE.search(url)
    if not m:
        return None
    path = re.sub(r"\.(svg|png)$", "", m[1], flags=re.I)
    parts = re.split(r"(?<!-)-(?!-)", path)
    if len(parts) == 1 and (m2 := re.match(r"^(.+)--(\w*)$", path)):
        # "NumPy--important": a label, an empty message and a colour.
        parts = [m2[1], "", m2[2]]
    logo = ""
    if q := re.search(r"[?&]logo=([^&\"')\n]+)", url):
        logo = unquote(q[1].replace("+", " ")).strip()
    label, message = parts[0], "-".join(parts[1:-1]) if len(parts) >= 3 else ""
    return Badge(_shield_part(label).strip(" -"), _shield_part(message), logo)


# -- Reference-style links ----------------------------------------------------------

_REF_DEF_RE = re.compile(
    r"""^ {0,3}\[(?P<label>[^\]\n]{1,100})\]:[ \t]*<?(?P<url>[^\s>]+)>?"""
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$""",
    re.M,
)
_REF_USE_RE = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\[\]\n]*)\](?:\[(?P<label>[^\[\]\n]*)\])?(?![(:])"
)


def inline_references(text: str) -> str:
    """``[text][ref]``, ``[text][]`` and ``[ref]`` with a ``[ref]: url`` line elsewhere,
    written as inline links (as CommonMark resolves them); the definition lines go."""
    if "]:" not in text:
        return text
    refs = {m["label"].strip().casefold(): m["url"] for m in _REF_DEF_RE.finditer(text)}
    if not refs:
        return text

    def use(m: re.Match[str]) -> str:
        label = (m["label"] or m["text"]).strip().casefold()
        if m["label"] is None and m["bang"] == "" and label not in refs:
            return m[0]
        url = refs.get(label)
        return f"{m['bang']}[{m['text']}]({url})" if url else m[0]

    body = _REF_USE_RE.sub(use, _REF_DEF_RE.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", body)


# -- Definition lists (pandoc, PHP Markdown Extra) -----------------------------------------

_DEFINITION_RE = re.compile(r"(?m)^(?P<term>[^\s:>|#*\-][^\n]{0,120})\n:[ \t]+(?P<text>\S[^\n]*)$")


def definition_items(text: str, is_date: Callable[[str], bool]) -> str:
    """Pandoc's definition lists ("2019-present" then ":   **Org**, Title") written as the
    list items the section readers know: "- **Org**, Title (2019-present)" when the term
    is a date, "- term: text" otherwise. What is indented under a definition stays
    indented, so it belongs to the item."""
    if "\n:" not in text:
        return text

    def item(m: re.Match[str]) -> str:
        term, body = m["term"].strip(), m["text"].strip()
        return f"- {body} ({term})" if is_date(term) else f"- {term}: {body}"

    return _DEFINITION_RE.sub(item, text)


_DATE_LINE_RE = re.compile(r"^[ \t]*[`*_]*(?P<date>[^`*_\n]{4,40}?)[`*_]*[ \t]*\\?[ \t]*$")
_BLOCK_START = ("-", "*", "+", "#", ">", "|", "<", "`")


def dated_lines_as_items(text: str, is_date: Callable[[str], bool]) -> str:
    """ "`2011-2014`" on a line of its own over the entry it dates (elipapa's markdown-cv,
    many academic CVs) as a list item, "- entry (2011-2014)"; what follows the entry up
    to the next dated line or heading is indented under it, so it stays the entry's."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    inside = False
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _DATE_LINE_RE.match(line)
        entry = lines[i + 1].strip() if i + 1 < len(lines) else ""
        opens = i == 0 or not lines[i - 1].strip()  # a paragraph's first line, not its third
        if (
            opens
            and m
            and entry
            and not entry.startswith(_BLOCK_START[:6])
            and is_date(m["date"].strip())
        ):
            out.append(f"- {entry} ({m['date'].strip()})")
            inside, i = True, i + 2
            continue
        if (inside and line.lstrip().startswith("#")) or (inside and _is_setext(lines, i)):
            inside = False
        out.append(f"    {line}" if inside and line.strip() else line)
        i += 1
    return "\n".join(out)


def _is_setext(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and bool(re.fullmatch(r" {0,3}(=+|-+)\s*", lines[i + 1]))
