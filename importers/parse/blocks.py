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
_MD_TABLES = MarkdownIt("commonmark").enable("table").disable("inline")
# A list item's first line: "- x", "* x", "• x", "1. x".
ITEM_START_RE = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")
_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


@dataclass(slots=True)
class Item:
    """A list item: its first paragraph as one line, and the markdown nested under it.
    ``lines`` are that paragraph's lines when the author broke them on purpose (a hard
    break: two spaces, a backslash or ``<br>``), as academic CVs set an entry's fields."""

    text: str
    children: str = ""
    lines: tuple[str, ...] = ()


_HARD_BREAK_RE = re.compile(r"(?:\\|  +|<br\s*/?>)\s*$", re.I)


def _broken_lines(head: list[str]) -> tuple[str, ...]:
    if len(head) < 2 or not all(_HARD_BREAK_RE.search(ln) for ln in head[:-1]):
        return ()
    return tuple(_HARD_BREAK_RE.sub("", ln).strip() for ln in head if ln.strip())


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
        return Item(text, _dedent(lines[para_end:end]), _broken_lines(head))
    return Item(_MARKER_RE.sub("", lines[start], count=1).strip(), _dedent(lines[start + 1 : end]))


@lru_cache(maxsize=256)
def _split(text: str) -> tuple[tuple[tuple[str, str, tuple[str, ...]], ...], str]:
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
    return tuple((i.text, i.children, i.lines) for i in items), re.sub(
        r"\n{3,}", "\n\n", rest
    ).strip("\n")


def split_list(text: str) -> tuple[list[Item], str]:
    """Top-level list items of ``text`` and everything that is not in a list."""
    items, rest = _split(text)
    return [Item(t, c, ln) for t, c, ln in items], rest


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


@dataclass(slots=True)
class Table:
    """A pipe table: its header cells and its rows' cells (markdown, as written)."""

    header: list[str]
    rows: list[list[str]]


def _table_rows(tokens: list[Token], at: int) -> tuple[list[tuple[int, list[str]]], int]:
    """The rows (first line, cells) of the table opening at ``tokens[at]``, and the
    index of its closing token."""
    rows: list[tuple[int, list[str]]] = []
    cells: list[str] = []
    line = 0
    for n in range(at + 1, len(tokens)):
        token = tokens[n]
        if token.type == "table_close":
            return rows, n
        if token.type == "tr_open":
            cells, line = [], (token.map or (0, 0))[0]
        elif token.type == "inline":
            cells.append(token.content.strip())
        elif token.type == "tr_close":
            rows.append((line, cells))
    return rows, len(tokens)


@lru_cache(maxsize=256)
def _tables(text: str) -> tuple[tuple[int, int, tuple[str, ...], tuple[tuple[str, ...], ...]], ...]:
    lines = text.split("\n")
    tokens = _MD_TABLES.parse(text)
    found = []
    for at, token in enumerate(tokens):
        if token.type != "table_open" or token.level != 0 or token.map is None:
            continue
        rows, _close = _table_rows(tokens, at)
        start, end = token.map
        body: list[tuple[str, ...]] = []
        for line, cells in rows[1:]:
            if "|" not in lines[line]:
                # GFM runs a table on to the next blank line; a line with no pipe is
                # text the author wrote after the table.
                end = line
                break
            if any(cells):
                body.append(tuple(cells))
        found.append((start, end, tuple(rows[0][1]) if rows else (), tuple(body)))
    return tuple(found)


def split_tables(text: str) -> list[str | Table]:
    """Text with its top-level pipe tables (a header row, a ``---|---`` rule, rows) taken
    out, in order; the text between them as it was written."""
    if "|" not in text:
        return [text]
    tables = _tables(text)
    if not tables:
        return [text]
    lines = text.split("\n")
    out: list[str | Table] = []
    at = 0
    for start, end, header, rows in tables:
        if start > at:
            out.append("\n".join(lines[at:start]))
        width = len(header)
        out.append(Table(list(header), [list(r) + [""] * (width - len(r)) for r in rows]))
        at = end
    if at < len(lines):
        out.append("\n".join(lines[at:]))
    return out
