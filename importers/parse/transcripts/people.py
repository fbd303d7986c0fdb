"""Who is interviewed and who asks, when the title does not say "Interview with X": a
title that is a name or a series' label ("Contributor Spotlight: X", "Meet the
Maintainer: X"), an intro sentence ("we talked with X", "today let's welcome X"),
a description ("Learn about X's journey"), and front matter ``author`` for the one
who asks."""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import CAP, NAME_PARTICLES, NAME_START
from ..markup import plain_text

# A word of a name, or an initial ("J."): a period never joins two sentences' words.
_WORD = rf"{NAME_START}(?:\.|[\w'’\u0300-\u036f-]+)"
NAME = rf"(?-i:{_WORD}(?:\s+(?:{NAME_PARTICLES}\s+)*{_WORD}){{1,3}})"

# "Contributor Spotlight: X", "Meet the Maintainer: X", "Five questions for X",
# "Developer profile — X", "X: a conversation".
_TITLE_RES = (
    re.compile(
        r"(?i)\b(?:spotlight|profile|meet\s+the\s+\w+|maintainer\s+spotlight|q\s*&\s*a|"
        r"questions|interview|showcase)\s*[:|–—-]\s*(?P<name>" + NAME + r")\s*$"
    ),
    re.compile(
        r"(?i)\b(?:five|ten|\d+|a\s+few)\s+questions\s+(?:for|with)\s+(?P<name>" + NAME + r")"
    ),
    # "Meet Ada Quill", "January 2023: Meet Ada Quill".
    re.compile(r"(?i)(?:^|[:|–—-])\s*meet\s+(?P<name>" + NAME + r")\s*$"),
    # "Infosec Bugbounty AMA with Kaito": an AMA or interview names its guest, even by
    # one name.
    re.compile(
        r"(?i)\b(?:AMA|interview|chat|conversation|Q\s*&\s*A)\s+with\s+"
        r"(?P<name>" + NAME + "|" + rf"(?-i:{_WORD})" + r")\s*$"
    ),
    # "NFTs, Urbit IDs, and Communities w/ Kwame Ashby", "A chat with Ada Quill".
    re.compile(r"(?i)(?:\s|^)(?:w/|with|feat\.|ft\.)\s+(?P<name>" + NAME + r")\s*$"),
)
_INTRO_RES = (
    re.compile(
        r"(?i)\b(?:talked|talk|spoke|speak|chatted|chat|sat\s+down|caught\s+up|"
        r"conversation)\s+(?:with|to)\s+(?P<name>" + NAME + r")"
    ),
    re.compile(r"(?i)\b(?:we|I)\s+interview(?:ed)?\s+(?P<name>" + NAME + r")"),
    re.compile(r"(?i)\b(?:let'?s\s+)?welcome\s+(?P<name>" + NAME + r")"),
    re.compile(r"(?i)\bmeet\s+(?P<name>" + NAME + r")"),
    re.compile(r"(?P<name>" + NAME + r")\s+joined\s+(?:me|us)\b"),
    re.compile(r"(?P<name>" + _WORD + r")\s+joined\s+(?:me|us)\b"),  # a first name
    re.compile(r"(?i)^#{1,6}\s+about\s+(?P<name>" + NAME + r")\s*$", re.M),
    re.compile(r"(?i)\babout\s+(?P<name>" + NAME + r")['’]s\b"),
)
_NOT_NAMES = re.compile(
    r"(?i)^(?:the|our|this|sig|team|project|community|release|series|blog|today|everyone)\b"
)


def _candidate(m: re.Match[str] | None) -> str:
    if not m:
        return ""
    name = re.sub(r"['’]s$", "", m["name"].strip()).strip()
    return "" if _NOT_NAMES.match(name) else name


def name_from_title_shape(title: str) -> str:
    """The name a series title gives ("Contributor Spotlight: X"), or the title itself
    when it is a name and nothing else ("Inês Carvalho-Brandt")."""
    for pattern in _TITLE_RES:
        if name := _candidate(pattern.search(title)):
            return name
    if re.fullmatch(NAME, title.strip()) and not _NOT_NAMES.match(title.strip()):
        return title.strip()
    return ""


def name_from_intro(intro_md: str, description: str = "") -> str:
    """The guest an intro or a description introduces, or ''."""
    text = plain_text(intro_md)
    for source in (text, plain_text(description)):
        for pattern in _INTRO_RES:
            if name := _candidate(pattern.search(source)):
                return _completed(name, text)
    return ""


def _completed(name: str, text: str) -> str:
    """ "Thảo" and, earlier in the intro, "Thảo Lindqvist": the full name."""
    if " " in name:
        return name
    m = re.search(rf"(?<!\w){re.escape(name)}(?:\s+{_WORD}){{1,2}}", text)
    return m[0] if m else name


def interviewer_from_meta(meta: dict[str, Any], interviewee: str) -> str:
    """Front matter ``author``: who wrote the post, so who asked, when it is a person's
    name (not a handle such as "dlund") and not the interviewee."""
    extra = meta.get("extra") if isinstance(meta.get("extra"), dict) else {}
    value = (
        meta.get("author")
        or meta.get("author_name")
        or meta.get("authors")
        or meta.get("postauthors")
        or extra.get("author")  # TOML's "[extra] author = ..." (Zola, Hugo themes)
    )
    values = value if isinstance(value, list) else [value]
    names = [n for v in values if (n := _author_name(v))]
    # "postauthors: [the interviewer, the interviewee]": the one who is not interviewed.
    others = [n for n in names if not interviewee or n.casefold() != interviewee.casefold()]
    if len(names) == 1 or (len(others) == 1 and len(names) == 2):
        return others[0] if others else ""
    return ""


def _author_name(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str):
        return ""
    name = re.sub(r"\s*\([^)]*\)\s*", " ", value).strip()
    # "Rhea", "Tunde Bakare": a name as written, capitalized; "dlund" is a handle.
    named = re.fullmatch(NAME, name) or re.fullmatch(rf"(?-i:{_WORD})", name)
    return name if named and re.match(CAP, name) else ""
