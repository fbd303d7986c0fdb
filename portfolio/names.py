"""People's names as printed in author lists: split a list into names, and compare two
spellings of one name ("S. Paul", "Sayak Paul", "Paul, Sayak"). Pure functions, no Django:
the importers, the exports and the pages all use them."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# "A. Lovelace, C. Babbage and D. Knuth", "A; B", "A & B", "A, B, and C", "A and B".
_LIST_SEPARATOR = re.compile(r"\s*(?:;|&|,\s*and\s+|,|\s+and\s+)\s*", re.IGNORECASE)
_ET_AL = re.compile(r"\s*(?:,\s*)?\bet\.?\s+al\.?\s*$", re.IGNORECASE)
# Marks papers put after names: equal contribution (*, †, ‡), corresponding author, footnotes.
_MARKS = re.compile(r"[*†‡§¶#^\d]+$")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def split_names(text: str) -> list[str]:
    """The names of an author list, in order: "A. Lovelace, C. Babbage and D. Knuth" ->
    ["A. Lovelace", "C. Babbage", "D. Knuth"]. A list that writes every name surname first
    ("Lovelace, A. and Babbage, C.") keeps each name whole."""
    text = _ET_AL.sub("", (text or "").strip())
    if not text:
        return []
    if re.search(r"\s+and\s+", text, re.IGNORECASE) and ";" not in text:
        parts = re.split(r"\s+and\s+", text, flags=re.IGNORECASE)
        if all(_is_surname_first(part) for part in parts):
            return [part.strip() for part in parts]
    names = []
    for part in _LIST_SEPARATOR.split(text):
        part = _MARKS.sub("", part.strip()).strip()
        if part and part.casefold().strip(".") not in _SUFFIXES:
            names.append(part)
        elif part and names:
            names[-1] = f"{names[-1]}, {part}"
    return names


def _is_surname_first(part: str) -> bool:
    """ "Lovelace, Ada" or "Lovelace, A.": one comma with a surname before it."""
    pieces = [p.strip() for p in part.split(",")]
    return len(pieces) == 2 and all(pieces) and " " not in pieces[0].strip()


def join_names(names: list[str]) -> str:
    """The inverse of ``split_names`` for names without commas: "A, B, C"."""
    return ", ".join(name for name in names if name)


def natural_order(name: str) -> str:
    """ "Lovelace, Ada" -> "Ada Lovelace"; a name written the usual way stays as it is."""
    name = (name or "").strip()
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        if last and first and first.casefold().strip(".") not in _SUFFIXES:
            return f"{first} {last}"
    return name


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """What two spellings of one name share: "Łukasz Żółw", "lukasz zolw" and "Zółw, Łukasz"
    -> "lukasz zolw"; "S. Paul" and "S Paul" -> "s paul". Case, accents, dots and word
    order written surname-first are ignored."""
    words = re.findall(r"[a-z0-9]+", anyascii(natural_order(name)).casefold())
    return " ".join(words)


def surname(name: str) -> str:
    """The family name as a citation key starts with: "Ada Lovelace" -> "Lovelace",
    "Lovelace, Ada" -> "Lovelace", "Ludwig van Beethoven" -> "Beethoven"."""
    words = natural_order(name).split()
    while len(words) > 1 and words[-1].casefold().strip(".,") in _SUFFIXES:
        words.pop()
    return words[-1].strip(".,") if words else ""


def initials_key(name: str) -> str:
    """ "Sayak Paul", "S. Paul" and "S Paul" -> "s paul"; "Ada B. Lovelace" -> "a b lovelace"."""
    words = name_key(name).split()
    if not words:
        return ""
    return " ".join([*(word[0] for word in words[:-1]), words[-1]])


def same_person(printed: str, name: str) -> bool:
    """Whether a printed name can be ``name``: the same key, or initials that fit it
    ("S. Paul" is Sayak Paul; "Sayak Paul" is not "Sam Paul")."""
    printed_key, key = name_key(printed), name_key(name)
    if not printed_key or not key:
        return False
    if printed_key == key:
        return True
    words = printed_key.split()
    abbreviated = len(words) > 1 and all(len(word) == 1 for word in words[:-1])
    return abbreviated and initials_key(printed) == initials_key(name)
