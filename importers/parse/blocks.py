"""Block structure from markdown-it's token stream: a text's top-level list items (each
with what is nested under it) and what is not in a list.

The readers work on the source's own lines, located by the tokens' line maps, so the
markdown inside an item (links, emphasis, HTML, the parser's placeholders) reaches them
exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Only the block structure is read (the source's lines carry the rest): no inline pass.
_MD = MarkdownIt("commonmark").disable("inline")
# A list item's first line: "- x", "* x", "• x", "1. x".
ITEM_START_RE = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")
_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


@dataclass(slots=True)
class Item:
    """A list item: its first paragraph as one line, and the markdown nested under it."""

    text: str
    children: str = ""


def _dedent(lines: list[str]) -> str:
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=0)
    return "\n".join(ln[indent:] for ln in lines).strip("\n")


def _item(tokens: list[Token], at: int, lines: list[str]) -> Item:
    """The list item whose ``list_item_open`` token is ``tokens[at]``."""
    start, end = tokens[at].map or (0, 0)
    first = tokens[at + 1] if at + 1 < len(tokens) else None
    if first is not None and first.type == "paragraph_open" and first.map and first.map[0] == start:
        para_end = first.map[1]
        head = [_MARKER_RE.sub("", lines[start], count=1), *lines[start + 1 : para_end]]
        text = " ".join(part.strip() for part in head if part.strip())
        return Item(text, _dedent(lines[para_end:end]))
    return Item(_MARKER_RE.sub("", lines[start], count=1).strip(), _dedent(lines[start + 1 : end]))


@lru_cache(maxsize=256)
def _split(text: str) -> tuple[tuple[tuple[str, str], ...], str]:
    lines = text.split("\n")
    tokens = _MD.parse(text)
    items: list[Item] = []
    covered: set[int] = set()
    for at, token in enumerate(tokens):
        if token.type != "list_item_open" or token.level != 1 or token.map is None:
            continue
        item = _item(tokens, at, lines)
        if item.text or item.children:  # a lone "-" is no item: it stays as written
            items.append(item)
            covered.update(range(*token.map))
    rest = "\n".join(ln for n, ln in enumerate(lines) if n not in covered)
    return tuple((i.text, i.children) for i in items), re.sub(r"\n{3,}", "\n\n", rest).strip("\n")


def split_list(text: str) -> tuple[list[Item], str]:
    """Top-level list items of ``text`` and everything that is not in a list."""
    items, rest = _split(text)
    return [Item(t, c) for t, c in items], rest


_ATX_TITLE_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


@lru_cache(maxsize=256)
def block_headings(text: str) -> tuple[tuple[int, int, str, int], ...]:
    """The text's top-level headings, ATX ("## Talks") and setext ("Talks" over "-----"),
    as (line index, level, title as written, lines it takes); none inside code, quotes
    or lists."""
    lines = text.split("\n")
    found: list[tuple[int, int, str, int]] = []
    for token in _MD.parse(text):
        if token.type != "heading_open" or token.level != 0 or token.map is None:
            continue
        start, end = token.map
        if token.markup.startswith("#"):
            m = _ATX_TITLE_RE.match(lines[start])
            title = (m[1] or "").strip() if m else lines[start].strip("# \t")
        else:
            title = " ".join(line.strip() for line in lines[start : end - 1])
        if title:
            found.append((start, int(token.tag[1]), title, end - start))
    return tuple(found)
