"""Rewrite ``KNOWN_GAPS`` in test_outside_documents.py from what the parser does now:
every outside document whose facts do not all hold, with the first of its misses.

    python tests/importers/update_known_gaps.py

Run it after teaching the parser a shape (the strict xfails of the documents it fixed
fail until they leave the list) or after adding documents; then read the diff: a document
that newly appears in the list is a regression.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.importers.test_outside_documents import (  # noqa: E402 (the project root first)
    DOCUMENTS,
    document_problems,
)

TEST = ROOT / "tests" / "importers" / "test_outside_documents.py"
# Short enough that a line of wide characters stays within the line length.
REASON_CHARS = 76


def main() -> None:
    entries = []
    for relative in DOCUMENTS:
        if problems := document_problems(relative):
            reason = "; ".join(problems)[:REASON_CHARS]
            entries.append(f"    {relative!r}: (\n        {reason!r}\n    ),")
    text = TEST.read_text()
    start = text.index("KNOWN_GAPS: dict[str, str] = {")
    end = text.index("\n}\n", start)
    TEST.write_text(
        text[:start] + "KNOWN_GAPS: dict[str, str] = {\n" + "\n".join(entries) + text[end:]
    )
    print(f"{len(entries)} of {len(DOCUMENTS)} documents listed")


if __name__ == "__main__":
    main()
