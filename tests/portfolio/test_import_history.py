"""The import writes its own revisions: they must be the versions django-reversion would make,
so history, compare, revert and recover treat imported records like any other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import reversion
from django.core import serializers
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Revision, Version
from reversion.revisions import _follow_relations_recursive

from importers.load.history import _version_rows
from importers.services import import_document, import_paths
from people.models import Person, ProfileSection, SocialLink
from publications.models import Interview, Publication, Question
from timeline.models import Role

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _versioned(revision: Revision) -> dict[tuple[str, str], Version]:
    return {
        (v.content_type.model_class()._meta.label, v.object_id): v
        for v in revision.version_set.select_related("content_type")
    }


def _import(text: str, name: str = "doc.md", **options):
    report = import_document(text.encode(), name, publish=True, **options)
    assert report.ok, report.error
    return report


def test_every_imported_record_is_in_the_documents_revision_as_reversion_serialises_it():
    report = import_paths([FIXTURES], publish=True)
    assert report.ok
    revisions = list(Revision.objects.all())
    assert len(revisions) == len(report.documents)
    seen = 0
    for revision in revisions:
        assert revision.comment.startswith("Imported from ")
        for version in revision.version_set.all():
            obj = version.object
            assert obj is not None
            if Version.objects.get_for_object(obj).first() != version:
                # A later document (another page about the same person) changed it since.
                continue
            # What reversion itself stores for the record (as data: PostgreSQL's jsonb
            # returns JSON fields' keys in its own order).
            assert json.loads(version.serialized_data) == json.loads(
                serializers.serialize("json", [obj])
            )
            assert version.object_repr == str(obj)
            seen += 1
    for model in (Person, SocialLink, ProfileSection, Role, Interview, Question, Publication):
        for obj in model.objects.all():
            assert Version.objects.get_for_object(obj).exists(), obj
    assert seen


def test_versions_are_serialised_byte_for_byte_as_django_does():
    import_paths([FIXTURES], publish=True)
    models = (Person, SocialLink, ProfileSection, Role, Interview, Question, Publication)
    for model in models:
        options = reversion.revisions._get_options(model)
        for obj in model.objects.all():
            [row] = _version_rows(model, [obj])
            assert row["serialized_data"] == serializers.serialize(
                "json", [obj], fields=options.fields
            )


def test_a_revision_holds_what_reversion_follows_from_each_record():
    import_paths([FIXTURES], publish=True)
    for revision in Revision.objects.all():
        versioned = _versioned(revision)
        for version in revision.version_set.all():
            for related in _follow_relations_recursive(version.object):
                if getattr(related, "created", revision.date_created) > revision.date_created:
                    # Made by a later document (another page about the same person).
                    continue
                assert (related._meta.label, str(related.pk)) in versioned, (revision, related)


def test_reverting_an_import_keeps_records_an_editor_added_since():
    _import("# Rae Lin\n\nEngineer at Initech\n\n[GitHub](https://github.com/raelin)\n")
    person = Person.objects.get(name="Rae Lin")
    # An editor's link, saved outside any revision.
    SocialLink.objects.create(person=person, kind="website", url="https://rae.example")
    _import("# Rae Lin\n\nStaff engineer at Initech\n\n[GitHub](https://github.com/raelin)\n")
    latest = Revision.objects.order_by("-pk").first()
    assert (Person._meta.label, str(person.pk)) in _versioned(latest)

    latest.revert(delete=True)
    assert SocialLink.objects.filter(url="https://rae.example").exists()
    assert Person.objects.get(pk=person.pk).links.count() == 2


def test_reverting_to_the_first_import_restores_the_source_as_imported():
    _import(
        "# Rae Lin\n\nEngineer at Initech\n\n## Experience\n\n- Initech — Engineer (2019–present)\n"
    )
    first = Revision.objects.get()
    _import(
        "# Rae Lin\n\nLead at Initech\n\n## Experience\n\n- Initech — Engineer (2019–present)\n"
        "- Globex — Intern (2017–2018)\n"
    )
    person = Person.objects.get(name="Rae Lin")
    assert person.headline == "Lead at Initech"
    assert person.roles.count() == 2

    first.revert(delete=True)
    person.refresh_from_db()
    assert person.headline == "Engineer at Initech"
    # The role added by the second import follows the person: reverting removes it.
    assert list(person.roles.values_list("title", flat=True)) == ["Engineer"]


def test_an_unchanged_reimport_and_a_dry_run_write_no_revision():
    text = "# Rae Lin\n\nEngineer at Initech\n\n[GitHub](https://github.com/raelin)\n"
    _import(text)
    assert Revision.objects.count() == 1
    _import(text)
    _import(text.replace("Engineer", "Lead"), dry_run=True)
    assert Revision.objects.count() == 1


def test_an_import_inside_an_open_revision_adds_nothing_to_it(django_user_model):
    with reversion.create_revision():
        reversion.set_comment("outer")
        _import("# Rae Lin\n\nEngineer at Initech\n")
    assert not Revision.objects.filter(comment="outer").exists()
    assert Revision.objects.filter(comment="Imported from doc.md").count() == 1


def test_linking_a_known_publication_is_a_new_version_of_it():
    cv = (
        "# {name}\n\n## Publications\n\n"
        '- R. Lin, S. Okoro. "Shared Paper." Journal of Tests, 2020.\n'
    )
    _import(cv.format(name="Rae Lin"), "rae.md")
    _import(cv.format(name="Sam Okoro"), "sam.md")
    publication = Publication.objects.get()
    assert set(publication.people.values_list("name", flat=True)) == {"Rae Lin", "Sam Okoro"}
    versions = Version.objects.get_for_object(publication)
    assert versions.count() == 2
    assert versions.first().field_dict["people"] == sorted(
        publication.people.values_list("pk", flat=True)
    )


def test_history_costs_two_statements_per_document_whatever_its_size():
    roles = "\n".join(f"- Org {n} — Engineer ({2000 + n}–{2001 + n})" for n in range(30))
    for name, count in (("Few Roles", 1), ("Many Roles", 30)):
        cv = f"# {name}\n\n## Experience\n\n" + "\n".join(roles.splitlines()[:count]) + "\n"
        with CaptureQueriesContext(connection) as queries:
            _import(cv, f"{name}.md")
        history = [q["sql"] for q in queries.captured_queries if "reversion_" in q["sql"]]
        assert len(history) == 2, history


def test_reversion_signals_carry_the_imports_versions():
    from reversion.signals import post_revision_commit

    received = []

    def listener(revision, versions, **kwargs):
        received.append((revision.comment, sorted(v.object_repr for v in versions)))

    post_revision_commit.connect(listener)
    try:
        _import("# Rae Lin\n\nEngineer\n\n[GitHub](https://github.com/raelin)\n")
    finally:
        post_revision_commit.disconnect(listener)
    assert len(received) == 1
    comment, reprs = received[0]
    assert comment == "Imported from doc.md"
    assert "Rae Lin" in reprs
    assert len(reprs) == Version.objects.count()
