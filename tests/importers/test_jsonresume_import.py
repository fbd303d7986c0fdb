"""JSON Resume in: `import_markdown resume.json` upserts the same records through the same
loader as markdown; what the site exports comes back the same."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from importers.parse import DocumentError
from importers.parse.jsonresume import looks_like_json_resume, parse_json_resume
from importers.services import import_document, import_paths
from people.models import Person
from tests import factories
from tests.importers.roundtrip import empty_the_site, snapshot

FIXTURE = "tests/fixtures/jsonresume/wren-okoye.resume.json"


def _export(client, slug="mara-vidal") -> bytes:
    response = client.get(f"/people/{slug}/resume.json")
    assert response.status_code == 200
    return response.content


@pytest.mark.django_db
def test_round_trip_export_import_into_an_empty_site_gives_the_same_records(client):
    person = factories.make_export_profile()
    before = snapshot(Person.objects.get(pk=person.pk))
    exported = _export(client)
    empty_the_site()

    report = import_document(exported, "resume.json", publish=True)

    assert report.ok, report.error
    assert report.family == "json-resume"
    assert snapshot(Person.objects.get()) == before
    again = json.loads(_export(client))
    first = json.loads(exported)
    for doc in (first, again):
        doc["meta"].pop("lastModified")
    assert again == first


@pytest.mark.django_db
def test_reimport_changes_nothing_and_keeps_editors_changes(client, tmp_path):
    factories.make_export_profile()
    path = tmp_path / "resume.json"
    path.write_bytes(_export(client))
    empty_the_site()
    first = import_paths([path], publish=True)
    assert first.ok and first.documents[0].totals()["created"] > 10
    person = Person.objects.get()
    role = person.roles.get(title="Staff Engineer")
    role.location = "Porto (edited)"
    role.save()

    second = import_paths([path], publish=True)

    totals = second.documents[0].totals()
    assert second.ok and totals["created"] == 0 and totals["updated"] == 0
    assert person.roles.get(title="Staff Engineer").location == "Porto (edited)"


@pytest.mark.django_db
def test_a_resume_from_another_tool_imports(tmp_path):
    out = StringIO()
    call_command("import_markdown", FIXTURE, publish=True, stdout=out, stderr=StringIO())
    assert "[json-resume]" in out.getvalue()
    person = Person.objects.get()
    assert (person.name, person.headline, person.location) == (
        "Wren Okoye",
        "Data engineer",
        "Accra, GH",
    )
    assert [link.kind for link in person.links.all()] == ["github", "mastodon"]
    role = person.roles.get()
    assert (role.organization.name, role.title, role.end_date) == ("Kente Data", "Lead", None)
    assert role.highlights == "- Built the lake\n- Hired five"
    education = person.education.get()
    assert education.degree == "Bachelor in Statistics"
    assert "Probability" in education.summary
    assert person.publications.get().kind == "other"
    assert {s.title for s in person.sections.all()} >= {"Certificates", "Languages"}
    assert "airflow" in {tag.name.lower() for tag in person.tags.all()}


def test_json_resume_shape_is_recognized():
    assert looks_like_json_resume({"basics": {"name": "A"}})
    assert looks_like_json_resume({"$schema": "https://x/resume-schema/schema.json", "work": []})
    assert not looks_like_json_resume({"name": "facts", "basics": {}})
    assert not looks_like_json_resume({"work": []})
    assert not looks_like_json_resume([])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"basics": {"name": "A"},\n "work": [1,]}', "not valid JSON: Expecting value at line 2"),
        ('{"basics": {"name": "A"}, "work": {"name": "x"}}', "work: expected a list"),
        (
            '{"basics": {"name": "A"}, "work": [{"position": "x"}, '
            '{"position": "y", "startDate": "June 2020"}]}',
            "work[1].startDate: 'June 2020' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
        ('{"basics": {"name": "A"}, "education": [{"area": "x"}]}', "education[0]: an education"),
        ('{"basics": {"name": ["A"]}}', "basics.name: expected text, found a list"),
        ('{"name": "A", "basics": {}}', "JSON Resume has no top-level 'name'"),
        ('{"work": []}', "it has no 'basics' object"),
        (
            '{"basics": {}, "meta": {"portfolio": {"talks": [{"title": "t", "time": "25:00"}]}}}',
            "meta.portfolio.talks[0].time: '25:00' is not a time of day",
        ),
    ],
)
def test_bad_json_is_an_error_naming_the_file_and_the_place(text, message):
    with pytest.raises(DocumentError) as caught:
        parse_json_resume(text.encode(), "people/resume.json")
    assert caught.value.name == "people/resume.json"
    assert message in caught.value.reason


@pytest.mark.django_db
def test_a_bad_resume_writes_nothing_and_the_command_says_where(tmp_path):
    factories.make_person(name="Someone Else")
    bad = tmp_path / "resume.json"
    bad.write_text(
        '{"basics": {"name": "New Person"}, "work": [{"position": "x", "startDate": "2020-13"}]}'
    )
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_markdown", str(bad), stdout=out, stderr=StringIO())
    assert "resume.json: work[0].startDate: '2020-13' is not a date" in out.getvalue()
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_folders_import_resumes_and_pass_over_other_json(tmp_path):
    (tmp_path / "facts.json").write_text('{"person": "x", "roles": []}')
    (tmp_path / "package.json").write_text("not json at all")
    (tmp_path / "cv.json").write_text(json.dumps({"basics": {"name": "Ola Nordmann"}}))
    report = import_paths([tmp_path])
    assert [doc.source.rsplit("/", 1)[-1] for doc in report.documents] == ["cv.json"]
    assert report.ok and Person.objects.get().name == "Ola Nordmann"
