"""Which reader a file needs: markdown (the families of ``importers.parse``) or JSON Resume
(``.json``). Each gives a ``ProfileDocument`` for the same loader."""

from __future__ import annotations

import json
from pathlib import Path

from importers.parse import parse_document
from importers.parse.jsonresume import looks_like_json_resume, parse_json_resume
from importers.parse.read import MAX_BYTES
from importers.parse.records import ProfileDocument
from people.models import Person

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".txt")
JSON_EXTENSIONS = (".json",)
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
    return parse_document(data, name, family=family, max_bytes=max_bytes)


def is_importable(path: Path) -> bool:
    """Whether a file found in a folder is a document: markdown files are, a .json
    file when it is a JSON Resume or is named like one (``resume.json``,
    ``ada.resume.json``: then what is wrong with it is reported, not passed over)."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_EXTENSIONS:
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
