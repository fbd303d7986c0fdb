"""Bytes to clean text: size limit, binary refused, BOM, newlines, encoding, mojibake."""

from __future__ import annotations

import codecs
import re

import ftfy

from .errors import DocumentError

MAX_BYTES = 2_000_000
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
# Mojibake always leaves Latin-1 range characters (Â, Ã, â, ð, ...); text without
# any skips ftfy, which is the slowest step of reading.
_MOJIBAKE_HINT = re.compile("[\u0080-\u00ff]")


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
    if not text.strip():
        raise DocumentError(name, "the document is empty")
    return text


def _fix(text: str) -> str:
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
        explain=False,
    )
