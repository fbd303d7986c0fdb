"""Writing parsed documents: validate every record of a document, then save them all
in one transaction, with history."""

from __future__ import annotations

from .document import DocumentReport, LoadError, PeopleIndex, RunCache, document_load, find_person

__all__ = [
    "DocumentReport",
    "LoadError",
    "PeopleIndex",
    "RunCache",
    "document_load",
    "find_person",
]
