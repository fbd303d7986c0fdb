"""How much of the outside documents the importer keeps: facts held and documents fully
imported, over tests/fixtures/outside/ (each NAME.md beside its NAME.json of facts).

    python bench/import_fidelity.py [-v]

Weights: a role counts as 4 facts (organization, title, start, end), an education entry as
3, an interview as 5; every other expected fact as 1. With -v, each document's misses.
Not a test: tests/importers/test_outside_documents.py is the test.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.importers.helpers import FIXTURES  # noqa: E402 (the project root goes first)
from tests.importers.test_outside_documents import DOCUMENTS, document_problems  # noqa: E402

WEIGHTS = {"roles": 4, "education": 3, "interviews": 5}
MISSING_ALL = (
    (re.compile(r"(\d+) roles, wanted (\d+)"), 4),
    (re.compile(r"(\d+) education entries, wanted (\d+)"), 3),
    (re.compile(r"(\d+) interviews, wanted (\d+)"), 5),
)


def expected_facts(want: dict) -> int:
    n = 2 + len(want.get("links", {}))
    n += sum(WEIGHTS[k] * len(want.get(k, [])) for k in WEIGHTS)
    for kind in ("projects", "publications", "talks"):
        n += sum(len(v) for v in want.get(kind, {}).values() if isinstance(v, list))
    n += len(want.get("awards", [])) + len(want.get("organizations", []))
    n += sum(len(want.get(k, {}).get("include", [])) for k in ("tags", "skills"))
    n += ("section_titles" in want) + len(want.get("redirects", []))
    n += sum(len(want.get(k, [])) for k in ("must_render", "must_not_render", "not_people"))
    return n


def missed_facts(problems: list[str]) -> int:
    missed = 0
    for problem in problems:
        for pattern, weight in MISSING_ALL:
            if m := pattern.match(problem):
                missed += weight * int(m[2])
                break
        else:
            missed += 1
    return missed


def main() -> None:
    verbose = "-v" in sys.argv
    total = held = complete = 0
    for relative in DOCUMENTS:
        want = json.loads((FIXTURES / relative).with_suffix(".json").read_text())
        problems = document_problems(relative)
        facts = expected_facts(want)
        total += facts
        held += facts - min(facts, missed_facts(problems))
        complete += not problems
        if verbose and problems:
            print(f"{relative}: " + "; ".join(problems))
    print(f"facts held: {held}/{total} = {held / total:.1%}")
    print(f"documents fully imported: {complete}/{len(DOCUMENTS)}")


if __name__ == "__main__":
    main()
