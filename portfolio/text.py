"""Plain text made safe to show and compare: Unicode normalized, invisible characters gone.

A name, title or label is shown as plain text and compared to find who a document is
about, so a character nobody can see must not change either: bidirectional overrides and
isolates (U+202A–U+202E, U+2066–U+2069) can reverse what a reader sees, and zero-width
characters (U+200B, U+FEFF, U+2060, ...) make "Sayak\\u200b Paul" a lookalike of
"Sayak Paul". ``plain_text`` removes them, NFC-normalizes, drops control characters and
folds runs of white space. The zero-width joiner and non-joiner are kept only between two
letters of a script that writes with them (Arabic, Persian, the Indic scripts) and inside
emoji sequences, where they change how a word or symbol is drawn.

Pure Python: the importer's parser uses it too.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional controls: embeddings, overrides, isolates and marks.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero-width and invisible formatting characters (joiners are handled apart).
_INVISIBLE = "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060\u2061\u2062\u2063\u2064\ufeff"
_REMOVED_RE = re.compile(f"[{_BIDI}{_INVISIBLE}\u3164\uffa0]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_JOINER_RE = re.compile("[\u200c\u200d]")
_SPACE_RE = re.compile(r"\s+")

# Where a joiner means something: between letters of these scripts, or in emoji.
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF),  # Arabic, Syriac, Thaana, NKo, Arabic supplements
    (0x0900, 0x0DFF),  # Devanagari to Sinhala
    (0x0F00, 0x109F),  # Tibetan, Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0xA8E0, 0xA8FF),  # Devanagari extended
    (0xFB50, 0xFEFC),  # Arabic presentation forms
)


def _joins(char: str) -> bool:
    code = ord(char)
    if any(low <= code <= high for low, high in _JOINING_SCRIPTS):
        return True
    # Emoji and symbols, and the variation selector that makes a symbol an emoji.
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or code == 0xFE0F


def _keep_joiners(text: str) -> str:
    def replace(match: re.Match) -> str:
        i = match.start()
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        return match[0] if before and after and _joins(before) and _joins(after) else ""

    return _JOINER_RE.sub(replace, text)


def plain_text(value: str, *, multiline: bool = False) -> str:
    """``value`` as it should be stored in a plain-text field (see the module's doc)."""
    if not value:
        return value
    text = unicodedata.normalize("NFC", value)
    text = _REMOVED_RE.sub("", text)
    if _JOINER_RE.search(text):
        text = _keep_joiners(text)
    if multiline:
        lines = (_SPACE_RE.sub(" ", _CONTROL_RE.sub("", line)).strip() for line in text.split("\n"))
        return "\n".join(lines).strip()
    return _SPACE_RE.sub(" ", _CONTROL_RE.sub(" ", text)).strip()


def without_invisible(text: str) -> str:
    """``text`` NFC-normalized without invisible characters, its lines and spaces as they
    were: for a whole document, before it is parsed."""
    if not text:
        return text
    text = _REMOVED_RE.sub("", unicodedata.normalize("NFC", text))
    return _keep_joiners(text) if _JOINER_RE.search(text) else text


def invisible_characters(value: str) -> list[str]:
    """The invisible code points ``plain_text`` removes from ``value``, as ``U+200B``."""
    text = unicodedata.normalize("NFC", value or "")
    found = set(_REMOVED_RE.findall(text))
    found |= {c for c in _CONTROL_RE.findall(text) if not c.isspace()}
    if _JOINER_RE.search(text):
        kept = _keep_joiners(text)
        found |= {j for j in "\u200c\u200d" if text.count(j) > kept.count(j)}
    return sorted(f"U+{ord(c):04X}" for c in found)
