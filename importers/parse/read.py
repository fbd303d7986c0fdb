"""Bytes to clean text: size limit, binary refused, BOM, newlines, encoding, mojibake."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

import ftfy

from .errors import DocumentError

MAX_BYTES = 2_000_000
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
# Mojibake is UTF-8 read as Windows-1252: a lead byte shown as Â..ô followed by a
# continuation byte shown as \x80-\xbf or its Windows-1252 letter (€ ™ ’ “ Ÿ ...).
# Lines without such a pair (plain accents: "é", "ü") skip ftfy, the slowest step.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6"
    "\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014"
    "\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(name, f"invalid UTF-16 text ({exc.reason})") from None
    if b"\x00" in data:
        raise DocumentError(name, "binary file (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Legacy editors save Windows-1252; accept it only when it decodes cleanly.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise DocumentError(
            name,
            f"not valid UTF-8 text (byte 0x{data[utf8_error.start]:02x} at offset "
            f"{utf8_error.start}); save the file as UTF-8",
        ) from None


_KANGXI_RE = re.compile("[\u2f00-\u2fd5\u2e80-\u2ef3]")


def read_document(data: bytes, name: str = "", max_bytes: int = MAX_BYTES) -> str:
    """Decode a document's bytes into normalized text (LF newlines, repaired mojibake).

    Raises ``DocumentError`` for oversize, binary, undecodable or empty input.
    """
    if len(data) > max_bytes:
        raise DocumentError(name, f"file is {len(data):,} bytes, over the {max_bytes:,} limit")
    text = _decode(data, name)
    sample = text[:8192]
    controls = len(_CONTROL_RE.findall(sample))
    if sample and controls / len(sample) > 0.01:
        raise DocumentError(name, "binary file (control characters), not a text document")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Repairs UTF-8 read as Windows-1252 ("â€™" -> "’", "ðŸ™‚" -> "🙂"); leaves the
    # rest alone (no quote or ligature "uncurling").
    if _MOJIBAKE_HINT.search(text):
        lines = text.split("\n")
        text = "\n".join(_fix(ln) if _MOJIBAKE_HINT.search(ln) else ln for ln in lines)
    if _KANGXI_RE.search(text):
        # "2019年⾄今": text copied out of a PDF writes 至 as the Kangxi radical ⾄, which
        # looks the same and means nothing to a reader of dates.
        text = _KANGXI_RE.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
    if not text.strip():
        raise DocumentError(name, "the document is empty")
    return text


@lru_cache(maxsize=4096)
def _fix(text: str) -> str:
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
        explain=False,
    )
