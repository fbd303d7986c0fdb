"""Interviews whose turns are not labelled: each question is a heading ("### How did you
start?") or a paragraph in bold ("**How did you start?**"), and the answer is the prose
under it. Read from markdown-it's block tokens, and rewritten as labelled turns
(``**Q:** ...`` / ``**A:** ...``) for the transcript parser.

Code fences, quotes and lists are blocks of their own, so a ``Q:`` line inside a code
sample is never a turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..blocks import Item, split_list

_MD = MarkdownIt("commonmark")
# A paragraph's first line in bold, ended by a line break: the question over its answer.
_BOLD_LEAD_RE = re.compile(r"^\s*\*\*(?P<q>[^*\n]+)\*\*\s*(?:<br\s*/?>|\\|\s{2,})?\s*$", re.I)
MIN_QUESTIONS = 3
# A heading or a bold line with a question mark in it: what a question block can be.
_MAYBE_QUESTION_RE = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][\w.-]{1,20}:[ \t]*)?(?:#{1,6}[ \t]|\*\*|__|_(?!_)|\*(?!\*))[^\n]*\?"
)
# "Mara: _What do you do outside work?_": a speaker's name before an italic question.
_SPEAKER_RE = re.compile(r"^[A-Z][\w.-]{1,20}:\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level block of the body: its kind, its lines and its inline text."""

    kind: str  # "heading", "bold", "paragraph", or the token type of anything else
    start: int
    end: int
    text: str = ""
    level: int = 0


def _is_bold_paragraph(inline: Token) -> str:
    """The text of a paragraph that is bold from end to end ("**Why Rust?**<br>"), or ''."""
    children = [
        c
        for c in inline.children or []
        if not (
            c.type in {"softbreak", "hardbreak"} or (c.type == "html_inline" and "br" in c.content)
        )
        and not (c.type == "text" and not c.content.strip())
    ]
    if (
        len(children) < 3
        or children[0].type != "strong_open"
        or children[-1].type != "strong_close"
    ):
        return ""
    depth = 0
    for child in children[:-1]:
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if depth == 0:
            return ""  # "**Name** said ...": bold only in part
    return re.sub(r"\s+", " ", "".join(c.content for c in children if c.type == "text")).strip()


def _is_italic_paragraph(inline: Token) -> str:
    """The text of a paragraph in emphasis from end to end ("_How did you start?_"),
    after a speaker's name if it has one ("Mara: _..._"), or ''."""
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content)]
    if children and children[0].type == "text" and _SPEAKER_RE.fullmatch(children[0].content):
        children = children[1:]
    if len(children) < 3 or children[0].type != "em_open" or children[-1].type != "em_close":
        return ""
    depth = 0
    for child in children[:-1]:
        depth += {"em_open": 1, "em_close": -1}.get(child.type, 0)
        if depth == 0:
            return ""  # "_Tessellate_ is ...": emphasis only in part
    text = "".join(c.content for c in children if c.type in {"text", "code_inline"})
    return re.sub(r"\s+", " ", text).strip()


def blocks(body: str) -> list[Block]:
    """The body's top-level blocks in order, with their line ranges."""
    tokens = _MD.parse(body)
    lines = body.split("\n")
    out: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.level != 0 or token.map is None or token.type.endswith("_close"):
            i += 1
            continue
        start, end = token.map
        if token.type == "heading_open":
            out.append(Block("heading", start, end, tokens[i + 1].content, int(token.tag[1])))
        elif token.type == "paragraph_open":
            bold = _is_bold_paragraph(tokens[i + 1])
            lead = _BOLD_LEAD_RE.match(lines[start]) if not bold and end - start > 1 else None
            italic = "" if bold or lead else _is_italic_paragraph(tokens[i + 1])
            if bold:
                out.append(Block("bold", start, end, bold))
            elif italic:
                out.append(Block("italic", start, end, italic))
            elif lead:
                # "**How did you start?**<br>" and the answer on the next line.
                out.append(Block("bold", start, start + 1, lead["q"].strip()))
                out.append(Block("paragraph", start + 1, end, tokens[i + 1].content))
            else:
                out.append(Block("paragraph", start, end, tokens[i + 1].content))
        else:
            out.append(Block(token.type.removesuffix("_open"), start, end))
        i += 1
    return out


def _is_question(text: str) -> bool:
    text = re.sub(r"[\s*_`]+$", "", text)
    return text.endswith("?") and len(text.split()) >= 3


def _questions(found: list[Block]) -> list[Block]:
    """The blocks that ask: headings of one level, or bold paragraphs, most of which end
    in a question mark (the others of that shape are asks too: "Tell us about X.")."""
    best: list[Block] = []
    shapes = [
        ("bold", 0),
        ("italic", 0),
        *{("heading", b.level) for b in found if b.kind == "heading"},
    ]
    for kind, level in shapes:
        same = [b for b in found if b.kind == kind and (kind != "heading" or b.level == level)]
        if kind == "heading":
            same = _asking_groups(same, found)
        asked = [b for b in same if _is_question(b.text)]
        # A bold line with no prose after it is a caption or a heading, not a question;
        # one over an answer asks ("**Tell us about yourself.**"), "?" or not, and an
        # italic remark over an answer ("_That sounds fun!_") is a turn too.
        if kind == "heading":
            chosen = same
        else:
            chosen = [b for b in same if b in asked or _answered(b, found, kind == "italic")]
        support = asked if kind == "heading" else chosen
        if len(asked) < MIN_QUESTIONS or len(support) * 3 < len(same) * 2:
            continue
        if len(chosen) > len(best):
            best = chosen
    return best


def _asking_groups(same: list[Block], found: list[Block]) -> list[Block]:
    """Headings of one level, but for those under a parent heading whose sub-headings
    ask nothing ("## Challenges" over "### Documentation", after "## Q&A"'s questions)."""
    parent: dict[int, int] = {}
    current = -1
    level = same[0].level if same else 0
    for block in found:
        if block.kind == "heading" and block.level < level:
            current = block.start
        elif block in same:
            parent[block.start] = current
    groups: dict[int, list[Block]] = {}
    for block in same:
        groups.setdefault(parent[block.start], []).append(block)
    if len(groups) < 2:
        return same
    return [b for b in same if any(_is_question(o.text) for o in groups[parent[b.start]])]


# A list item that is only a question in bold: "1. __Tell us about yourself.__".
_BOLD_ITEM_RE = re.compile(r"^(?:\*\*|__)(?P<q>[^*_\n][^\n]*?)(?:\*\*|__)$")


def _asks(item: Item) -> re.Match[str] | None:
    """A list item that asks, with its answer nested under it: "1. __Tell us about
    yourself.__" (bold) or "- What's your hacking schedule?" (a question)."""
    if not item.children:
        return None
    text = item.text.strip()
    return _BOLD_ITEM_RE.match(text) or _PLAIN_ASK_RE.match(text)


_PLAIN_ASK_RE = re.compile(r"^(?P<q>[^\n]{8,}\?)$")
# An answer set wholly in emphasis ("- ***Broken Access Control.***"): the words only.
_WHOLE_EMPHASIS_RE = re.compile(r"^\s*(?:[-*+]\s+)?(\*{1,3}|_{1,3})(?P<a>[^*_\n].*?)\1\s*$")


def _answer_text(children: str) -> str:
    items, rest = split_list(children)
    if items and not rest.strip() and all(_WHOLE_EMPHASIS_RE.match(it.text) for it in items):
        return "\n\n".join(_WHOLE_EMPHASIS_RE.match(it.text)["a"].strip() for it in items)
    if not items and (whole := _WHOLE_EMPHASIS_RE.match(children.strip())):
        return whole["a"].strip()
    return children


def _flatten_question_lists(body: str) -> str:
    """Questions set as list items, each over its indented answer ("1. __Tell us about
    yourself.__", "- What's your setup?" over "- ***Burp and Notepad++***"), in one list
    or in many: the questions as headings and the answers as the prose under them."""
    if "1." not in body and "- " not in body:
        return body
    lines = body.split("\n")
    lists = []
    for token in _MD.parse(body):
        if (
            token.level == 0
            and token.map
            and token.type in {"ordered_list_open", "bullet_list_open"}
        ):
            start, end = token.map
            items, rest = split_list("\n".join(lines[start:end]))
            lists.append((start, end, items, rest))
    asking = [
        (s, e, pairs)
        for s, e, items, rest in lists
        if not rest.strip() and (pairs := _pairs(items))
    ]
    asked = sum(len(pairs) for _s, _e, pairs in asking)
    if asked < MIN_QUESTIONS or asked * 3 < sum(len(it) for _s, _e, it, _r in lists) * 2:
        return body
    out: list[str] = []
    cursor = 0
    for start, end, pairs in asking:
        out.extend(lines[cursor:start])
        for question, answer in pairs:
            # A heading of the deepest level: each is an ask, "?" or not ("Tell us ...").
            out.extend([f"###### {question}", "", _answer_text(answer), ""])
        cursor = end
    return "\n".join([*out, *lines[cursor:]])


def _pairs(items: list[Item]) -> list[tuple[str, str]]:
    """(question, answer) of each item of a list of questions; [] when it is not one.
    "- Q1) ...?", "- Q2) ...?", "- Q3) ...?" with the three answers numbered under the
    last: each answer to its question."""
    if items and all(_asks(it) for it in items):
        return [(_asks(it)["q"].strip(), it.children) for it in items]
    asked = [_PLAIN_ASK_RE.match(it.text.strip()) for it in items]
    if len(items) < 2 or not all(asked) or any(it.children for it in items[:-1]):
        return []
    answers, rest = split_list(items[-1].children)
    if len(answers) != len(items) or rest.strip():
        return []
    return [(m["q"].strip(), a.text) for m, a in zip(asked, answers, strict=True) if m]


_ASK_RE = re.compile(
    r"(?i)^(?:please\s+)?(?:tell|describe|share|talk|give|explain|introduce|walk|name|list|"
    r"pick|finish)\b"
)


def _answered(block: Block, found: list[Block], remark: bool = False) -> bool:
    """A bold line that asks without a question mark ("Tell us about yourself."): an
    imperative, over a paragraph that answers it; with ``remark``, any line over one."""
    at = found.index(block)
    answered = at + 1 < len(found) and found[at + 1].kind == "paragraph"
    if remark:
        return answered
    return answered and bool(_ASK_RE.match(block.text)) and not block.text.endswith("!")


@lru_cache(maxsize=64)
def as_labelled_turns(body: str) -> str | None:
    """The body with its question blocks labelled ``**Q:**`` and the prose under each
    labelled ``**A:**``; None when the body is not an interview of this shape."""
    body = _flatten_question_lists(body)
    if len(_MAYBE_QUESTION_RE.findall(body)) < MIN_QUESTIONS:
        return None  # too few lines that could ask: no need to parse
    found = blocks(body)
    questions = _questions(found)
    if not questions:
        return None
    lines = body.split("\n")
    starts = {q.start: q for q in questions}
    out: list[str] = []
    answering = False
    labelled = False  # the question was said by name ("Mara: _..._"), so is its answer
    cursor = 0
    for block in found:
        if block.start < cursor:
            continue
        if block.start in starts:
            out.extend(lines[cursor : block.start])
            # "### Q: How do you start?": the heading's own label is not the question's.
            asked = re.sub(r"(?i)^(?:q|question)\s*[:.]\s+", "", block.text)
            out.append(f"**Q:** {asked}")
            out.append("")
            cursor = block.end
            answering = False
            labelled = block.kind == "italic" and bool(_SPEAKER_RE.match(lines[block.start]))
            continue
        if out and not answering and any(q.start < block.start for q in questions):
            out.extend(lines[cursor : block.start])
            first = lines[block.start : block.end]
            if block.kind == "paragraph" and first:
                said = _SPEAKER_RE.sub("", first[0], count=1) if labelled else first[0]
                first = [f"**A:** {said}", *first[1:]]
                answering = True
            elif first and block.kind in {"heading", "bullet_list", "ordered_list", "blockquote"}:
                # An answer that opens with a sub-question, a list or a quote.
                first = ["**A:**", "", *first]
                answering = True
            out.extend(first)
            cursor = block.end
    out.extend(lines[cursor:])
    return "\n".join(out)
