"""The load's two phases: every record of a document validated before any is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from importers.load import document_load
from importers.load import plan as plan_module
from importers.load.document import KINDS, Loader
from importers.load.people import PERSON
from importers.load.plan import plan_document
from importers.parse import parse_document
from people.models import Person
from timeline.models import Role

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

DOCUMENT = b"""---
name: Ines Varga
email: not-an-address
website: javascript:alert(1)
---

# Ines Varga

## Experience

- 2019 - present: Staff Engineer, Example Org
- 2015 - 2019: Engineer, [Other Org](notaurl)

## Projects

- [Lantern](ftp:/broken) - a lamp for logs
"""


def documents() -> list[Path]:
    found = sorted(FIXTURES.glob("*/*.md")) + sorted(SEEDS.glob("*.txt"))
    assert len(found) >= 15
    return found


@pytest.mark.parametrize("path", documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_plan_reads_no_table(path, django_assert_num_queries):
    doc = parse_document(path.read_bytes(), path.name)
    warnings: list[str] = []
    with django_assert_num_queries(0):
        plan = plan_document(doc, KINDS, PERSON, status="draft", warn=warnings.append)
    assert plan.person is not None
    planned = sum(len(rows) for rows in plan.rows.values())
    held = len(doc.roles) + len(doc.projects) + len(doc.publications) + len(doc.talks)
    assert planned >= held - len(warnings)


def test_every_record_is_validated_before_the_first_write(monkeypatch):
    events: list[str] = []
    real = plan_module.clean_record

    def clean_record(kind, obj, fields, warn):
        events.append(f"validate {kind}")
        return real(kind, obj, fields, warn)

    def record_writes(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            events.append("write")
        return execute(sql, params, many, context)

    monkeypatch.setattr(plan_module, "clean_record", clean_record)
    doc = parse_document(DOCUMENT, "ines.md")
    with connection.execute_wrapper(record_writes):
        report = document_load(doc, source="ines.md")
    assert report.ok, report.error
    validated = [i for i, e in enumerate(events) if e.startswith("validate")]
    writes = [i for i, e in enumerate(events) if e == "write"]
    assert writes and validated
    assert max(validated) < min(writes)
    kinds = {e.removeprefix("validate ") for e in events if e.startswith("validate")}
    assert {"person", "role", "organization", "project"} <= kinds


def test_invalid_values_are_dropped_in_the_plan_with_warnings():
    doc = parse_document(DOCUMENT, "ines.md")
    report = document_load(doc, source="ines.md")
    assert report.ok, report.error
    person = Person.objects.get(name="Ines Varga")
    assert person.email == ""
    assert person.website == ""
    assert Role.objects.filter(person=person).count() == 2
    text = "\n".join(report.warnings)
    assert "not-an-address" in text
    assert "ftp:/broken" in text


def test_a_person_who_cannot_be_valid_writes_nothing(monkeypatch):
    doc = parse_document(DOCUMENT, "ines.md")
    monkeypatch.setattr(
        plan_module, "clean_record", lambda kind, obj, fields, warn: kind != "person"
    )
    before = (Person.objects.count(), Role.objects.count())
    report = document_load(doc, source="ines.md")
    assert not report.ok
    assert "person" in report.error
    assert (Person.objects.count(), Role.objects.count()) == before


def test_the_write_phase_does_not_validate_planned_records_again(monkeypatch):
    doc = parse_document(DOCUMENT, "ines.md")
    again: list[str] = []
    real = Loader._clean

    def _clean(self, kind, obj, fields):
        again.append(kind)
        return real(self, kind, obj, fields)

    monkeypatch.setattr(Loader, "_clean", _clean)
    report = document_load(doc, source="ines.md")
    assert report.ok, report.error
    # The person gets a slug and a status only when written, so it is checked with them.
    assert set(again) <= {"person"}
