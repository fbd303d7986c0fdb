"""Writing parsed documents: validate every record of a document, then save them all
in one transaction, with history."""

from __future__ import annotations

from .base import DocumentReport, LoadError
from .cache import RunCache
from .document import document_load
from .matching import PeopleIndex, find_person

__all__ = [
    "DocumentReport",
    "LoadError",
    "PeopleIndex",
    "RunCache",
    "document_load",
    "find_person",
]
