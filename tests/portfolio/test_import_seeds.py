"""Every fact in shared/seeds/expected holds after importing the seeds, and again after a
second import that changes nothing. Skipped only when the seeds folder is absent."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import call_command

from importers.parse.frontmatter import split_front_matter
from importers.parse.markup import remove_liquid
from importers.parse.read import read_document
from people.models import Person
from portfolio.markdown import render_markdown
from publications.models import Interview, Patent, Publication
from timeline.models import Project, Role

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
EXPECTED = sorted((SEEDS / "expected").glob("[0-9]*.json")) if SEEDS.is_dir() else []

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not EXPECTED, reason="shared/seeds folder absent"),
]


def _import(*args: str) -> dict:
    out = StringIO()
    call_command(
        "import_markdown", *sorted(str(p) for p in SEEDS.glob("*.txt")), *args, stdout=out,
        stderr=StringIO(), format="json", publish=True,
    )  # fmt: skip
    return json.loads(out.getvalue())


@pytest.fixture
def imported(db):
    return _import()


def _person(expected: dict) -> Person:
    facts = expected["person"]
    names = facts.get("name_any_of") or [facts["name"]]
    matches = [p for p in Person.objects.all() if p.name in names]
    assert len(matches) == 1, (names, list(Person.objects.values_list("name", flat=True)))
    return matches[0]


def _visible_text(client, person: Person) -> str:
    pages = [person.get_absolute_url()]
    pages += [i.get_absolute_url() for i in person.interviews.all()]
    text = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text.append(response.content.decode())
    return "\n".join(text)


def _words(markup: str) -> Counter:
    body = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", " ", markup)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return Counter(w.lower() for w in re.findall(r"\w+", text))


def _date_matches(value, precision: str, expected: str | None) -> bool:
    if expected is None:
        return value is None
    if value is None:
        return False
    shown = {"year": value.strftime("%Y"), "month": value.strftime("%Y-%m")}.get(
        precision, value.isoformat()
    )
    return shown == expected


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_every_expected_fact_holds(imported, client, path):
    expected = json.loads(path.read_text())
    person = _person(expected)

    for kind, url in expected.get("links", {}).items():
        wanted = f"mailto:{url}" if kind == "email" else url
        assert person.links.filter(kind=kind, url__iexact=wanted).exists(), (kind, url)

    roles = list(person.roles.select_related("organization"))
    for fact in expected.get("roles", []):
        orgs = fact.get("organization_any_of") or [fact["organization"]]
        found = [
            r
            for r in roles
            if r.title == fact["title"]
            and (r.organization.name if r.organization else None) in orgs
            and _date_matches(r.start_date, r.start_precision, fact["start"])
            and _date_matches(r.end_date, r.end_precision, fact["end"])
            and r.kind == fact.get("kind", r.kind)
        ]
        assert found, (fact, [(str(r), r.start_date, r.end_date, r.kind) for r in roles])

    for old_path in expected.get("redirects", []):
        assert Redirect.objects.get(old_path=old_path).new_path == person.get_absolute_url()

    titles = list(person.sections.values_list("title", flat=True))
    for title in expected.get("section_titles", []):
        assert any(t == title or t.startswith(f"{title} ") for t in titles), (title, titles)

    for fact in expected.get("interviews", []):
        interviews = [i for i in person.interviews.all() if fact["title_contains"] in i.title]
        assert len(interviews) == 1, fact
        interview = interviews[0]
        questions = list(interview.questions.all())
        assert interview.kind == fact["kind"]
        assert len(questions) == fact["questions"]
        assert fact["first_question_contains"] in questions[0].question
        if "interviewer" in fact:
            assert interview.interviewer == fact["interviewer"]
        if "highlights_min" in fact:
            assert sum(q.is_highlight for q in questions) >= fact["highlights_min"]
        if "outlet_contains" in fact:
            assert fact["outlet_contains"] in interview.outlet
        if "date_any_of" in fact:
            assert interview.date.isoformat() in fact["date_any_of"]

    for name in expected.get("not_people", []):
        assert not Person.objects.filter(name__icontains=name).exists()

    if "patents" in expected:
        numbers = set(Patent.objects.filter(people=person).values_list("number", flat=True))
        assert set(expected["patents"]["numbers"]) <= numbers
    if "publications" in expected:
        pubs = list(Publication.objects.filter(people=person).values_list("title", flat=True))
        for title in expected["publications"]["titles_contain"]:
            assert any(title in t for t in pubs), (title, pubs)
    if "projects" in expected:
        projects = list(Project.objects.filter(person=person).values_list("title", flat=True))
        for title in expected["projects"]["titles_contain"]:
            assert any(title in t for t in projects), (title, projects)
    if "skills" in expected:
        tags = {t.name.lower() for t in person.tags.all()}
        assert len(tags) >= expected["skills"]["min"]
        assert {s.lower() for s in expected["skills"]["include"]} <= tags

    page = _visible_text(client, person)
    for text in expected.get("must_render", []):
        assert text in html.unescape(page), text
    for text in expected.get("must_not_render", []):
        assert text not in page and text not in html.unescape(page), text


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_a_visitor_can_read_almost_every_word_of_each_seed(imported, client, path):
    expected = json.loads(path.read_text())
    document = SEEDS / expected["document"]
    text = read_document(document.read_bytes(), document.name)
    _meta, body, _fmt = split_front_matter(text, document.name)
    source = _words(render_markdown(remove_liquid(body)))
    shown = _words(_visible_text(client, _person(expected)))
    kept = sum(min(count, shown[word]) for word, count in source.items())
    coverage = kept / sum(source.values())
    missing = sorted(w for w in source if w not in shown)
    assert coverage >= 0.97, (round(coverage, 4), missing[:60])


def test_all_seeds_make_three_people_and_a_second_import_changes_nothing(imported):
    facts = json.loads((SEEDS / "expected" / "all.json").read_text())
    assert Person.objects.count() == facts["people_count"]
    for name, count in facts["interviews_of"].items():
        assert Interview.objects.filter(person__name=name).count() == count
    counts = (Role.objects.count(), Project.objects.count(), Patent.objects.count())
    again = _import()
    assert again["ok"]
    for kind, totals in again["totals"].items():
        assert totals["created"] == 0 and totals["updated"] == 0, (kind, totals)
    assert (Role.objects.count(), Project.objects.count(), Patent.objects.count()) == counts


def test_seeds_import_in_reverse_order_to_the_same_people(db):
    files = sorted((str(p) for p in SEEDS.glob("*.txt")), reverse=True)
    for file in files:
        call_command("import_markdown", file, stdout=StringIO(), stderr=StringIO())
    assert Person.objects.count() == 3
    assert Interview.objects.filter(person__name="Sayak Paul").count() == 2
