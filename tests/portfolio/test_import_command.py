"""The import service and command: idempotency, dry run, preserved edits, bad input."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import call_command
from django.core.management.base import CommandError

from importers.services import import_paths
from people.models import Person, ProfileSection
from portfolio.models import Status
from publications.models import Interview, Question
from tests import factories
from timeline.models import Organization, Role

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CV = FIXTURES / "markdown-cv" / "ada_quill.md"


def run(*args, **options) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_markdown", *map(str, args), stdout=out, stderr=err, **options)
        code = 0
    except CommandError as exc:
        code = exc.returncode
        err.write(str(exc))
    return code, out.getvalue(), err.getvalue()


def counts() -> dict[str, int]:
    from django.apps import apps

    return {
        m._meta.label: m.objects.count()
        for app in ("people", "timeline", "publications", "redirects")
        for m in apps.get_app_config(app).get_models()
    }


def test_every_fixture_imports():
    code, out, _ = run(FIXTURES, publish=True)
    assert code == 0, out
    assert "failed" not in out
    assert Person.objects.filter(status=Status.PUBLISHED).count() >= 8


def test_a_second_import_changes_nothing():
    run(FIXTURES, publish=True)
    before = counts()
    code, out, _ = run(FIXTURES, publish=True, format="json")
    report = json.loads(out)
    assert code == 0
    assert counts() == before
    for kind, totals in report["totals"].items():
        assert totals["created"] == totals["updated"] == 0, kind


def test_without_publish_new_records_are_drafts():
    run(CV)
    person = Person.objects.get(name="Ada Quill")
    assert person.status == Status.DRAFT
    assert set(person.roles.values_list("status", flat=True)) == {Status.DRAFT}


def test_publish_on_a_later_import_publishes_what_was_imported_as_draft():
    run(CV)
    run(CV, publish=True)
    assert Person.objects.get(name="Ada Quill").status == Status.PUBLISHED


def test_dry_run_writes_nothing_and_reports_what_would_change():
    code, out, _ = run(CV, dry_run=True, format="json")
    report = json.loads(out)
    assert code == 0
    assert report["dry_run"] is True
    assert report["totals"]["person"]["created"] == 1
    assert report["totals"]["role"]["created"] >= 3
    assert Person.objects.count() == 0
    assert Organization.objects.count() == 0


def test_reimport_keeps_edited_headline_and_applies_source_changes(tmp_path):
    source = tmp_path / "cv.md"
    source.write_text(CV.read_text())
    run(source, publish=True)
    person = Person.objects.get(name="Ada Quill")
    person.headline = "Edited by an editor"
    person.save()
    source.write_text(
        CV.read_text().replace("I build reliable distributed systems", "I build fast systems")
    )
    code, out, _ = run(source, publish=True, format="json")
    person.refresh_from_db()
    assert code == 0
    assert person.headline == "Edited by an editor"
    assert "I build fast systems" in person.bio_html
    assert json.loads(out)["totals"]["person"]["updated"] == 1


def test_reimport_keeps_an_edited_role_title_field_by_field():
    run(CV, publish=True)
    role = Role.objects.get(title="Staff Engineer")
    role.highlights = "- Edited highlight"
    role.save()
    run(CV, publish=True)
    role.refresh_from_db()
    assert role.highlights == "- Edited highlight"
    assert Role.objects.filter(title="Staff Engineer").count() == 1


def test_tags_an_editor_removed_stay_removed():
    run(CV, publish=True)
    person = Person.objects.get(name="Ada Quill")
    tag = person.tags.first()
    assert tag is not None, "the CV fixture lists skills"
    person.tags.remove(tag)
    run(CV, publish=True)
    assert tag.name not in {t.name for t in person.tags.all()}


def test_interview_attaches_to_the_person_already_known_by_name(tmp_path):
    factories.make_person(name="Jun Park", slug="jun-park")
    run(FIXTURES / "interview" / "jun_park.md")
    assert Person.objects.filter(name="Jun Park").count() == 1
    assert Interview.objects.get().person.slug == "jun-park"


def test_person_option_attaches_the_document_to_that_person():
    target = factories.make_person(name="Somebody Else", slug="somebody")
    code, _, _ = run(FIXTURES / "interview" / "jun_park.md", person="somebody")
    assert code == 0
    assert Interview.objects.get().person == target


def test_unknown_person_option_is_a_usage_error():
    code, _, err = run(CV, person="nobody")
    assert code == 2
    assert "No person with slug 'nobody'" in err


def test_missing_path_is_a_usage_error():
    code, _, err = run("does/not/exist.md")
    assert code == 2
    assert "No such file" in err


def test_two_documents_claiming_one_old_path_keep_the_first_owner(tmp_path):
    first = tmp_path / "a.md"
    second = tmp_path / "b.md"
    first.write_text("---\npermalink: /about/\n---\n# Kim Example\n\nHello from Kim.\n")
    second.write_text(
        "---\nredirect_from:\n  - /about/\n  - /kai.html\n---\n# Kai Example\n\nHello from Kai.\n"
    )
    code, out, _ = run(first, second, format="json")
    assert code == 0
    kim = Person.objects.get(name="Kim Example")
    kai = Person.objects.get(name="Kai Example")
    assert Redirect.objects.get(old_path="/about/").new_path == kim.get_absolute_url()
    assert Redirect.objects.get(old_path="/kai.html").new_path == kai.get_absolute_url()
    warnings = json.loads(out)["documents"][1]["warnings"]
    assert any("/about/" in w for w in warnings)


def test_sections_keep_source_order_and_headings():
    run(CV, publish=True)
    person = Person.objects.get(name="Ada Quill")
    titles = list(person.sections.values_list("title", flat=True))
    assert titles[:4] == ["Experience", "Education", "Publications", "Talks"]
    assert person.sections.get(title="Experience").kind == ProfileSection.Kind.ROLES


def test_interview_questions_are_records_in_order():
    run(FIXTURES / "interview" / "jun_park.md", publish=True)
    interview = Interview.objects.get()
    questions = list(interview.questions.all())
    assert questions[0].question.startswith("How did you get started")
    assert [q.order for q in questions] == list(range(1, len(questions) + 1))
    assert Question.objects.filter(is_highlight=True).exists()


# -- bad input: a clear error naming the file, nothing written, the command goes on --------


BAD_INPUTS = {
    "empty.md": b"",
    "blank.md": b"   \n\n",
    "front-matter-only.md": b"---\ntitle: Nothing else\n---\n",
    "binary.md": bytes(range(256)) * 8,
    "invalid-utf8.md": b"# Name\n\n\xff\xfe\xfa broken \xc3\x28 bytes\x00\x00",
    "python-tag.md": (
        b"---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n# X\n\nY\n"
    ),
    "alias-bomb.md": (
        b'---\na: &a ["x","x","x","x","x","x","x","x","x"]\n'
        b"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        b"---\n# Bomb\n\nBody\n"
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_rejected_with_the_file_and_reason_and_writes_nothing(tmp_path, name):
    bad = tmp_path / name
    bad.write_bytes(BAD_INPUTS[name])
    before = counts()
    code, out, _ = run(bad, CV, format="json")
    report = json.loads(out)
    assert code == 1
    failed = [d for d in report["documents"] if not d["ok"]]
    assert len(failed) == 1 and failed[0]["source"].endswith(name)
    assert failed[0]["error"]
    assert report["documents"][1]["ok"]  # the good file still imported
    after = counts()
    assert after["people.Person"] == before["people.Person"] + 1


def test_oversize_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.md"
    big.write_bytes(b"# Big Person\n\n" + b"word " * 1000)
    code, out, _ = run(big, max_bytes=1000, format="json")
    assert code == 1
    assert "limit" in json.loads(out)["documents"][0]["error"]
    assert Person.objects.count() == 0


def test_text_report_names_failures_and_sums_up(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    code, out, _ = run(tmp_path / "empty.md", CV)
    assert code == 1
    assert "✗" in out and "empty.md" in out
    assert "1 of 2 document(s) imported, 1 failed." in out


def test_dangerous_html_is_removed_and_outside_images_are_never_read(tmp_path, client):
    doc = tmp_path / "evil.md"
    doc.write_text(
        "# Eve Example\n\nHi <script>alert(1)</script> <img src=x onerror=alert(2)>\n"
        '<a href="javascript:alert(3)">x</a> <img src="data:image/png;base64,AAAA">\n'
        "![secret](../../etc/passwd)\n"
    )
    code, _, _ = run(doc, publish=True)
    assert code == 0
    page = client.get(Person.objects.get(name="Eve Example").get_absolute_url()).content.decode()
    for bad in ("<script>alert", "onerror", "javascript:alert", "data:image", "etc/passwd"):
        assert bad not in page


def test_folders_are_walked_for_markdown_and_text_files_only(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "cv.markdown").write_text(
        "# Bo Example\n\n## Experience\n\n- Cook, Diner (2020 - 2021)\n"
    )
    (tmp_path / "notes.txt").write_text("# Cy Example\n\nHello.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    report = import_paths([tmp_path])
    assert [Path(d.source).name for d in report.documents] == ["notes.txt", "cv.markdown"]


def test_progress_is_shown_per_file_when_not_on_a_terminal(tmp_path):
    for n in range(3):
        (tmp_path / f"p{n}.md").write_text(f"# Person Number{n}\n\nHello {n}.\n")
    _, _, err = run(tmp_path)
    assert "[1/3]" in err and "[3/3]" in err


def test_family_option_forces_a_parser():
    code, out, _ = run(CV, family="unknown", format="json")
    assert code == 0
    assert json.loads(out)["documents"][0]["family"] == "unknown"


def test_import_never_touches_the_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the importer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    code, out, _ = run(FIXTURES, publish=True)
    assert code == 0, out


def test_no_history_imports_without_versions():
    from reversion.models import Version

    code, _, _ = run(CV, no_history=True)
    assert code == 0
    assert Person.objects.filter(name="Ada Quill").exists()
    assert not Version.objects.exists()


def test_a_second_import_adds_no_versions():
    from reversion.models import Revision

    run(FIXTURES, publish=True)
    revisions = Revision.objects.count()
    run(FIXTURES, publish=True)
    assert Revision.objects.count() == revisions


def test_namesakes_with_different_profiles_stay_different_people(tmp_path):
    first = tmp_path / "first.md"
    second = tmp_path / "second.md"
    first.write_text("# Sam Lee\n\n[LinkedIn](https://www.linkedin.com/in/sam-lee-data)\n\nData.\n")
    second.write_text(
        "# Sam Lee\n\n[LinkedIn](https://www.linkedin.com/in/sam-lee-chef)\n\nFood.\n"
    )
    run(first, second)
    assert Person.objects.filter(name="Sam Lee").count() == 2
    run(first, second)
    assert Person.objects.filter(name="Sam Lee").count() == 2


def test_a_document_naming_a_known_person_without_conflicting_profiles_attaches(tmp_path):
    about = tmp_path / "about.md"
    about.write_text("# Sam Lee\n\n[LinkedIn](https://www.linkedin.com/in/sam-lee-data)\n\nHi.\n")
    other = tmp_path / "other.md"
    other.write_text("# Sam Lee\n\n[GitHub](https://github.com/samlee)\n\nCode.\n")
    run(about, other)
    assert Person.objects.filter(name="Sam Lee").count() == 1


def test_an_interview_never_rewrites_the_profile_of_someone_known(tmp_path):
    about = tmp_path / "about.md"
    about.write_text(
        "# Jun Park\n\n## Experience\n\n- Staff Data Engineer, Example Corp (2022 - Present)\n"
    )
    run(about, FIXTURES / "interview" / "jun_park.md")
    person = Person.objects.get(name="Jun Park")
    assert person.headline == "Staff Data Engineer at Example Corp"
    assert person.interviews.count() == 1


def test_the_same_profile_written_twice_is_one_link_and_vague_labels_are_dropped(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Lee Example\n\nSee [here](https://www.linkedin.com/in/lee-example/) and "
        "[LinkedIn](https://linkedin.com/in/lee-example).\n"
    )
    run(doc)
    links = list(Person.objects.get(name="Lee Example").links.all())
    assert len(links) == 1
    assert links[0].label == ""
    assert links[0].display_label == "LinkedIn"


def _people_by_document(report) -> list[tuple[str, str, dict]]:
    return [
        (Path(doc.source).name, doc.person, dict(doc.counts.get("person", {})))
        for doc in report.documents
    ]


@pytest.mark.parametrize("runs", [1, 2])
def test_a_large_run_matches_people_as_document_by_document_lookups_do(monkeypatch, runs):
    """Runs of many documents load everyone's names and handles once; the people each
    document lands on must be the same as with a lookup per document."""
    from django.db import transaction

    from importers import services as service

    results = {}
    for threshold in (1, 10**6):
        monkeypatch.setattr(service, "PEOPLE_INDEX_MIN_FILES", threshold)
        with transaction.atomic():
            for _ in range(runs):
                report = service.import_paths([FIXTURES], publish=True)
            results[threshold] = (
                _people_by_document(report),
                sorted(Person.objects.values_list("name", "slug")),
            )
            transaction.set_rollback(True)
    assert results[1] == results[10**6]
    assert len(results[1][1]) > 20


def test_a_large_run_still_attaches_documents_to_people_known_before_it(monkeypatch, tmp_path):
    from importers import services as service

    monkeypatch.setattr(service, "PEOPLE_INDEX_MIN_FILES", 1)
    factories.make_person(name="Jun Park", slug="jun-park")
    (tmp_path / "jun_park.md").write_text((FIXTURES / "interview" / "jun_park.md").read_text())
    (tmp_path / "other.md").write_text("# Bo Vance\n\nA note.\n")
    run(tmp_path, publish=True)
    assert Person.objects.filter(name="Jun Park").count() == 1
    assert Interview.objects.get().person.slug == "jun-park"
    assert Person.objects.filter(name="Bo Vance").count() == 1


def test_a_site_folder_imports_hugo_blox_author_data_but_no_other_yaml(tmp_path):
    from tests.importers.test_unseen_shapes import HUGO_BLOX_V1

    (tmp_path / "data" / "authors").mkdir(parents=True)
    (tmp_path / "data" / "authors" / "me.yaml").write_text(HUGO_BLOX_V1)
    (tmp_path / "_config.yml").write_text("title: My site\nauthor: Someone Else\n")
    code, out, err = run(tmp_path, publish=True)
    assert code == 0, out + err
    assert list(Person.objects.values_list("name", flat=True)) == ["Ada Quill"]
    assert Role.objects.filter(person__name="Ada Quill").count() == 2
