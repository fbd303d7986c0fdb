"""Loading the project's own sample documents for parser tests, and the word counts
the "nothing is lost" tests compare."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import fields, is_dataclass
from pathlib import Path

from importers.parse import parse_document
from importers.parse.frontmatter import split_front_matter
from importers.parse.hygiene import LAYOUT_ALT_RE
from importers.parse.markup import remove_attribute_lists, remove_liquid
from importers.parse.records import EducationRecord, PartialDate, ProfileDocument, RoleRecord

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def parse_fixture(relative: str, family: str | None = None) -> ProfileDocument:
    path = FIXTURES / relative
    return parse_document(path.read_bytes(), str(path), family=family)


def strings(value) -> list[str]:
    """Every text the records carry; dates and flags as a reader would see them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, PartialDate):
        day = value.to_date()
        words = [str(value.year)]
        if value.month:
            words += [day.strftime("%B"), day.strftime("%b")]
        if value.day:
            words.append(str(value.day))
        # As written in the source too ("2014-02-01"), which the page may show.
        return [" ".join([*words, value.isoformat()])]
    if isinstance(value, EducationRecord) and value.is_current:
        return ["present", *_dataclass_strings(value)]  # "2023 – Present", as a role
    if isinstance(value, RoleRecord) and value.is_current:
        return ["present", value.kind, *_dataclass_strings(value)]
    if is_dataclass(value):
        return _dataclass_strings(value)
    if isinstance(value, tuple | list):
        return [s for item in value for s in strings(item)]
    return []


def _dataclass_strings(value) -> list[str]:
    return [s for f in fields(value) for s in strings(getattr(value, f.name))]


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text))


def visible_text(raw: str) -> str:
    _, body, _ = split_front_matter(raw)
    # Kramdown's "{: .notice}" and Pandoc's "{#id}" style an element; a page never shows them.
    body = remove_attribute_lists(remove_liquid(body))
    # An image's alt that names its place ("left-aligned-image") says nothing to a reader.
    body = re.sub(
        r"!\[([^\]]*)\]\([^)]*\)",
        lambda m: "" if LAYOUT_ALT_RE.fullmatch(m[1].strip()) else m[0],
        body,
    )
    body = re.sub(r"\]\([^)]*\)", "]", body)  # link targets are not visible words
    # Nor are reference definitions ("[gh]: https://...", the "[//]: # (note)" comments),
    # nor the labels of reference links ("[Ada][gh]").
    body = re.sub(r"(?m)^ {0,3}\[[^\]\n]+\]:.*$", "", body)
    body = re.sub(r"\]\[[^\]\n]*\]", "]", body)
    body = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", body)  # code, not text
    body = re.sub(r"<[^>]+>", " ", body)  # tags and their attributes neither
    return html.unescape(body.replace("&nbsp;", " "))  # "&#x1f4c8;" reads as 📈
