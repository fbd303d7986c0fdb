"""The JSON Resume export: valid against schema v1.0.0 (tests/schemas), complete, and the
same from the view and from `manage.py export_resume`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio.models import Status
from tests import factories
from tests.schemas import resume_errors

pytestmark = pytest.mark.django_db


def _resume(client, slug="mara-vidal") -> dict:
    response = client.get(f"/people/{slug}/resume.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_full_profile_validates_against_the_schema(client):
    factories.make_export_profile()
    data = _resume(client)
    assert resume_errors(data) == []
    assert data["$schema"].endswith("/v1.0.0/schema.json")


def test_the_schema_check_is_real():
    """The validator catches what the schema forbids, formats included."""
    errors = resume_errors(
        {
            "patents": [],
            "basics": {"email": "not an address", "url": "http://exa mple.com"},
            "work": [{"startDate": "June 2021"}],
        }
    )
    assert any(e.startswith("(top): Additional properties") for e in errors)
    assert any(e.startswith("basics/email:") for e in errors)
    assert any(e.startswith("basics/url:") for e in errors)
    assert any(e.startswith("work/0/startDate:") for e in errors)


def test_degrees_go_to_study_type_and_areas_to_area(client):
    factories.make_export_profile()
    education = _resume(client)["education"]
    assert education[0]["studyType"] == "MSc"
    assert education[0]["area"] == "Informatics"
    assert "degree" not in education[0]  # "MSc in Informatics" reads back from the two
    assert education[0]["startDate"] == "2015" and education[0]["endDate"] == "2017"
    assert education[1]["studyType"] == "BSc"
    assert education[1]["area"] == "Computer Science"
    assert education[1]["degree"] == "BSc Computer Science"  # as written


def test_roles_keep_their_kind_dates_and_markdown(client):
    factories.make_export_profile()
    data = _resume(client)
    staff, intern = data["work"]
    assert staff["position"] == "Staff Engineer" and staff["name"] == "Tidal Labs"
    assert staff["startDate"] == "2021-06" and "endDate" not in staff
    assert staff["summary"] == "Leads the ranking team."
    assert staff["summaryMarkdown"] == "Leads the *ranking* team."
    assert staff["highlights"] == ["Cut latency by 40%", "Shipped `v2`"]
    assert "highlightsMarkdown" not in staff and "employmentType" not in staff
    assert intern["employmentType"] == "internship"
    assert intern["startDate"] == "2017" and intern["endDate"] == "2018-03"
    assert data["volunteer"] == [
        {"organization": "Code Club Porto", "position": "Mentor", "startDate": "2019-09-14"}
    ]


def test_publications_carry_authors_doi_and_kind(client):
    factories.make_export_profile()
    paper = _resume(client)["publications"][0]
    assert paper["name"].startswith("Learned Sparse Retrieval")
    assert paper["publisher"] == "Proceedings of SIGIR 2023"
    assert paper["releaseDate"] == "2023-07"
    assert paper["url"] == "https://doi.org/10.5555/mara-vidal.sigir"
    assert paper["doi"] == "10.5555/mara-vidal.sigir"
    assert paper["authors"] == "Mara Vidal, Jo Ortega and Ünal Şahin"
    assert paper["type"] == "paper"


def test_patents_talks_interviews_and_sections_live_under_meta(client):
    person = factories.make_export_profile()
    extra = _resume(client)["meta"]["portfolio"]
    assert extra["patents"] == [
        {
            "title": "Ranking with sparse vectors",
            "number": person.patents.get().number,
            "status": "granted",
            "date": "2022-05",
            "url": "https://patents.example.com/sparse",
            "inventors": "Mara Vidal, Jo Ortega",
        }
    ]
    talk = extra["talks"][0]
    assert talk["title"] == "Sparse is the new dense" and talk["time"] == "18:30"
    assert talk["date"] == "2023-10-12" and talk["speakers"] == "Mara Vidal, Jo Ortega"
    interview = extra["interviews"][0]
    assert interview["interviewer"] == "Theo Marsh"
    assert interview["page"] == "http://testserver/interviews/mara-vidal-on-search/"
    assert interview["questions"][0] == {
        "asker": "Theo Marsh",
        "question": "How did you start?",
        "answer": "With a **library** catalogue.",
        "highlight": True,
    }
    assert [s["title"] for s in extra["sections"]] == ["About", "Where I worked", "Papers"]


def test_drafts_stay_out_of_the_export(client):
    person = factories.make_export_profile()
    factories.make_talk(person, title="Secret talk", status=Status.DRAFT)
    assert "Secret talk" not in json.dumps(_resume(client))


def test_the_export_costs_the_same_queries_for_few_and_many_records(client):
    def queries(slug):
        with CaptureQueriesContext(connection) as ctx:
            _resume(client, slug)
        return len(ctx.captured_queries)

    few = factories.make_export_profile("few")
    many = factories.make_export_profile("many")
    for i in range(20):
        factories.make_interview(many, title=f"More {i}", questions=3)
        factories.make_publication(many, title=f"Paper {i}", tags=["x"])
        factories.make_talk(many, title=f"Talk {i}")
    assert few and queries("few") == queries("many")


def test_export_resume_writes_what_the_page_serves(client, tmp_path):
    factories.make_export_profile()
    out = tmp_path / "resume.json"
    call_command(
        "export_resume", "mara-vidal", out=str(out), base_url="http://testserver", stderr=StringIO()
    )
    written = json.loads(out.read_text(encoding="utf-8"))
    assert resume_errors(written) == []
    assert written == _resume(client)


def test_export_resume_prints_to_stdout_and_refuses_unknown_people():
    factories.make_person(slug="jo", name="Jo")
    stdout = StringIO()
    call_command("export_resume", "jo", stdout=stdout)
    assert json.loads(stdout.getvalue())["meta"]["canonical"] == "https://example.com/people/jo/"
    with pytest.raises(CommandError, match="No published person with slug 'nobody'"):
        call_command("export_resume", "nobody", stdout=StringIO())
