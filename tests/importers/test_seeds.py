"""Parser-level facts from the real documents in shared/seeds (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importers.parse import parse_document
from importers.parse.read import read_document
from tests.importers.helpers import strings as _strings
from tests.importers.helpers import visible_text as _visible_text
from tests.importers.helpers import words as _words

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def _seed_names() -> list[str]:
    if not (SEEDS / "expected").is_dir():
        return []
    return sorted(p.stem for p in (SEEDS / "expected").glob("[0-9]*.json"))


@pytest.fixture(params=_seed_names() or ["absent"])
def seed(request):
    if request.param == "absent":
        pytest.skip("seeds folder absent")
    expected = json.loads((SEEDS / "expected" / f"{request.param}.json").read_text())
    data = (SEEDS / expected["document"]).read_bytes()
    return data, expected, parse_document(data, expected["document"])


def test_family_and_person(seed):
    _, expected, doc = seed
    assert doc.family == expected["family"]
    person = expected["person"]
    if "name" in person:
        assert doc.person.name == person["name"]
    else:
        assert doc.person.name in person["name_any_of"]
    for not_person in expected.get("not_people", []):
        assert doc.person.name != not_person


def test_links(seed):
    _, expected, doc = seed
    for kind, url in expected.get("links", {}).items():
        if kind == "email":
            assert doc.person.email == url
        else:
            assert url in [link.url for link in doc.links if link.kind == kind]


def test_roles(seed):
    _, expected, doc = seed
    roles = expected.get("roles", [])
    assert len(doc.roles) == len(roles)
    for want, got in zip(roles, doc.roles, strict=True):
        orgs = want.get("organization_any_of", [want.get("organization")])
        assert got.organization in orgs
        assert got.title == want["title"]
        assert (got.start.isoformat() if got.start else None) == want["start"]
        assert (got.end.isoformat() if got.end else None) == want["end"]
        if "kind" in want:
            assert got.kind == want["kind"]
        if want["end"] is None and want["start"] is not None:
            assert got.is_current


def test_interviews(seed):
    _, expected, doc = seed
    wanted = expected.get("interviews", [])
    assert len(doc.interviews) == len(wanted)
    for want, got in zip(wanted, doc.interviews, strict=True):
        assert got.kind == want["kind"]
        assert len(got.questions) == want["questions"]
        assert want["title_contains"] in got.title
        assert want["first_question_contains"] in got.questions[0].question
        if "interviewer" in want:
            assert got.interviewer == want["interviewer"]
        if "outlet_contains" in want:
            assert want["outlet_contains"] in got.outlet
        if "highlights_min" in want:
            assert sum(q.is_highlight for q in got.questions) >= want["highlights_min"]
        if "date_any_of" in want:
            assert got.date.isoformat() in want["date_any_of"]


def test_records_and_sections(seed):
    _, expected, doc = seed
    if "patents" in expected:
        assert [p.number for p in doc.patents if p.number] == expected["patents"]["numbers"]
    for title in expected.get("publications", {}).get("titles_contain", []):
        assert any(title in p.title for p in doc.publications), title
    for title in expected.get("projects", {}).get("titles_contain", []):
        assert any(title in p.title for p in doc.projects), title
    if "skills" in expected:
        assert len(doc.skills) >= expected["skills"]["min"]
        assert set(expected["skills"]["include"]) <= set(doc.skills)
    if "redirects" in expected:
        assert list(doc.redirects) == expected["redirects"]
    if "section_titles" in expected:
        titles = [s.title for s in doc.sections]
        assert len(titles) == len(expected["section_titles"])
        for want, got in zip(expected["section_titles"], titles, strict=True):
            assert got.startswith(want)


def test_text_that_must_and_must_not_survive(seed):
    _, expected, doc = seed
    text = "\n".join(_strings(doc))
    for fragment in expected.get("must_render", []):
        assert fragment in text, fragment
    for fragment in expected.get("must_not_render", []):
        assert fragment not in text, fragment


def test_nothing_is_lost(seed):
    data, expected, doc = seed
    source = _words(_visible_text(read_document(data, expected["document"])))
    output = _words("\n".join(_strings(doc)))
    kept = sum(min(n, output[w]) for w, n in source.items())
    coverage = kept / sum(source.values())
    missing = sorted(w for w in source if w not in output)
    assert coverage >= 0.97, (coverage, missing)
