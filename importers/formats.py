"""Which reader a file needs: markdown (the families of ``importers.parse``), JSON Resume
(``.json``) or BibTeX (``.bib``). Each gives a ``ProfileDocument`` for the same loader."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from importers.parse import DocumentError, parse_document
from importers.parse.bibtex import parse_bibtex
from importers.parse.jsonresume import looks_like_json_resume, parse_json_resume
from importers.parse.read import MAX_BYTES
from importers.parse.records import PersonRecord, ProfileDocument
from people.models import Person

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".txt")
JSON_EXTENSIONS = (".json",)
BIBTEX_EXTENSIONS = (".bib",)
# The JSON files of a folder that are no resume (tests' facts, a package.json) are passed over.
SNIFF_BYTES = 2_000_000


def parse_file(
    data: bytes,
    name: str,
    *,
    family: str | None = None,
    max_bytes: int = MAX_BYTES,
    person: Person | None = None,
) -> ProfileDocument:
    """One file's bytes to a document, by its extension; raises ``DocumentError``."""
    suffix = Path(name).suffix.lower()
    if suffix in JSON_EXTENSIONS:
        return parse_json_resume(data, name, max_bytes)
    if suffix in BIBTEX_EXTENSIONS:
        if person is None:
            raise DocumentError(
                name,
                "a BibTeX file names no person: say whose publications these are with "
                "--person SLUG (in the admin, choose the person)",
            )
        # The co-authors on this site among each entry's authors are linked by the loader.
        return replace(parse_bibtex(data, name, max_bytes), person=PersonRecord(name=person.name))
    return parse_document(data, name, family=family, max_bytes=max_bytes)


def is_importable(path: Path) -> bool:
    """Whether a file found in a folder is a document: markdown and .bib files are, a .json
    file when it is a JSON Resume or is named like one (``resume.json``,
    ``ada.resume.json``: then what is wrong with it is reported, not passed over)."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_EXTENSIONS or suffix in BIBTEX_EXTENSIONS:
        return True
    if suffix not in JSON_EXTENSIONS:
        return False
    stem = path.stem.lower()
    if stem == "resume" or stem.endswith((".resume", "-resume", "_resume")):
        return True
    try:
        if path.stat().st_size > SNIFF_BYTES:
            return False
        return looks_like_json_resume(json.loads(path.read_bytes().decode("utf-8-sig")))
    except (OSError, ValueError, RecursionError):
        return False
