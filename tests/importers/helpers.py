"""Loading the project's own sample documents for parser tests."""

from __future__ import annotations

from pathlib import Path

from portfolio.importers import parse_document
from portfolio.importers.records import ProfileDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def parse_fixture(relative: str, family: str | None = None) -> ProfileDocument:
    path = FIXTURES / relative
    return parse_document(path.read_bytes(), str(path), family=family)
