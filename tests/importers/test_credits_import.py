"""Co-authors matched on import: the people on this site a document's publications, patents
and talks name (by name or alias) are linked to them, and an editor's unlinking sticks."""

import json

import pytest

from importers.services import import_document
from publications.models import Patent, Publication, Talk
from tests import factories

pytestmark = pytest.mark.django_db


def _resume(**extra) -> bytes:
    document = {
        "basics": {"name": "Ada Quill"},
        "publications": [
            {"name": "Shared paper", "authors": "Ada Quill, S. Paul and Jo Ortega", "type": "paper"}
        ],
        "meta": {
            "portfolio": {
                "patents": [{"title": "A widget", "inventors": "Quill, Ada and Marsh, Theo"}],
                "talks": [{"title": "Widgets", "speakers": "Ada Quill, Theo Marsh"}],
            }
        },
        **extra,
    }
    return json.dumps(document).encode()


def _people():
    sayak = factories.make_person(name="Sayak Paul", slug="sayak")
    sayak.aliases.create(name="S. Paul")
    theo = factories.make_person(name="Theo Marsh", slug="theo")
    return sayak, theo


def _names(related) -> list[str]:
    return sorted(person.name for person in related.all())


def test_site_people_among_the_authors_are_linked():
    _people()
    report = import_document(_resume(), "ada.resume.json", publish=True)
    assert report.ok, report.error
    assert _names(Publication.objects.get().people) == ["Ada Quill", "Sayak Paul"]
    assert _names(Patent.objects.get().people) == ["Ada Quill", "Theo Marsh"]
    talk = Talk.objects.get()
    assert talk.person.name == "Ada Quill" and _names(talk.co_speakers) == ["Theo Marsh"]
    assert report.counts["credit"]["created"] == 3


def test_an_editor_unlinking_a_coauthor_sticks_at_the_next_import():
    sayak, _theo = _people()
    import_document(_resume(), "ada.resume.json", publish=True)
    paper = Publication.objects.get()
    paper.people.remove(sayak)

    report = import_document(_resume(), "ada.resume.json", publish=True)

    assert report.ok and not report.changed
    assert _names(paper.people) == ["Ada Quill"]


def test_a_name_two_people_share_links_neither():
    factories.make_person(name="Jo Ortega", slug="jo-1")
    factories.make_person(name="Jo Ortega", slug="jo-2")
    report = import_document(_resume(), "ada.resume.json")
    assert _names(Publication.objects.get().people) == ["Ada Quill"]
    assert any("'Jo Ortega' names 2 people" in w for w in report.warnings)


def test_a_dry_run_links_nobody():
    _people()
    report = import_document(_resume(), "ada.resume.json", dry_run=True)
    assert report.ok and report.counts["credit"]["created"] == 3
    assert not Publication.objects.exists()
