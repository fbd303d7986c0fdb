"""Markdown profile importers: read -> front matter -> detect family -> parse.

``parse_document`` is pure (no Django, no database, no network, never opens files
a document mentions); ``importers.load`` saves its result.
"""

from __future__ import annotations

from dataclasses import replace

from portfolio.text import invisible_characters, without_invisible

from .detect import detect_family
from .errors import DocumentError
from .export_block import apply_export_block, export_block
from .families import PARSERS
from .frontmatter import split_front_matter
from .hygiene import clean_document
from .read import MAX_BYTES, read_document
from .records import FAMILIES, ProfileDocument

# Transcripts read their own ``portfolio`` block (an interview's person and turns).
TRANSCRIPT_FAMILIES = frozenset({"interview", "hugo-ama"})


def parse_text(text: str, name: str = "", family: str | None = None) -> ProfileDocument:
    """Parse decoded text; ``family`` forces a parser instead of detection."""
    meta, body, fmt = split_front_matter(text, name)
    if family is None:
        family = detect_family(meta, body, fmt, name)
    elif family not in PARSERS:
        raise DocumentError(name, f"unknown family '{family}' (one of: {', '.join(FAMILIES)})")
    if not body.strip() and family != "hugo-blox-author":
        raise DocumentError(name, "the document has front matter but no body")
    doc = PARSERS[family](text, name)
    if (block := export_block(meta)) is not None and family not in TRANSCRIPT_FAMILIES:
        doc = apply_export_block(doc, block)
    return clean_document(doc, text)


def parse_document(
    data: bytes, name: str, family: str | None = None, max_bytes: int = MAX_BYTES
) -> ProfileDocument:
    """Bytes of one document to a ``ProfileDocument``; raises ``DocumentError``."""
    text = read_document(data, name, max_bytes)
    if name.lower().endswith((".yaml", ".yml")):
        # A profile that is all data (Hugo Blox's data/authors/<name>.yaml): front matter.
        text = f"---\n{text.strip()}\n---\n"
    # Invisible characters (zero-width, bidi controls) would hide words from the parser and
    # make lookalike names; they go before it reads anything, with a warning.
    hidden = invisible_characters(text)
    doc = parse_text(without_invisible(text) if hidden else text, name, family)
    if not hidden:
        return doc
    warning = f"invisible characters removed from the document: {', '.join(hidden[:8])}"
    return replace(doc, warnings=(warning, *doc.warnings))


__all__ = [
    "FAMILIES",
    "PARSERS",
    "DocumentError",
    "ProfileDocument",
    "detect_family",
    "parse_document",
    "parse_text",
    "read_document",
    "split_front_matter",
]
