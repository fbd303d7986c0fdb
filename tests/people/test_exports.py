import datetime as dt
import json

import pytest

from people.exports import iso_partial_date, markdown_bullets
from portfolio.models import Status
from tests import factories
from tests.schemas import resume_errors

pytestmark = pytest.mark.django_db


def _person():
    person = factories.make_person(
        name="Jo Resume",
        slug="jo",
        headline="Platform engineer",
        email="jo@example.com",
        location="Porto",
        bio="Builds *platforms*.",
        tags=["go"],
    )
    org = factories.make_organization(name="Harbor Cloud", url="https://harbor.example")
    factories.make_role(
        person,
        organization=org,
        title="Engineering Manager",
        start_date=dt.date(2020, 6, 1),
        highlights="- Grew the team\n- Halved pages",
    )
    factories.make_role(person, title="Hidden", status=Status.DRAFT)
    factories.make_link(person, kind="github", url="https://github.com/jo", label="jo")
    return person


def test_json_resume_follows_the_schema(client):
    _person()
    response = client.get("/people/jo/resume.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert resume_errors(data) == []
    assert data["basics"]["name"] == "Jo Resume"
    assert data["basics"]["label"] == "Platform engineer"
    assert data["basics"]["summary"] == "Builds platforms."
    assert data["basics"]["location"] == {"address": "Porto"}
    assert data["basics"]["profiles"] == [
        {"network": "GitHub", "username": "jo", "url": "https://github.com/jo"}
    ]
    assert data["work"] == [
        {
            "name": "Harbor Cloud",
            "position": "Engineering Manager",
            "url": "https://harbor.example",
            "startDate": "2020-06",
            "highlights": ["Grew the team", "Halved pages"],
        }
    ]
    assert data["skills"] == [{"name": "go"}]
    assert data["meta"]["canonical"] == "http://testserver/people/jo/"
    assert data["meta"]["version"] == "v1.0.0"


def test_vcard_is_a_valid_contact_card(client):
    _person()
    response = client.get("/people/jo/vcard.vcf")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    assert 'filename="jo.vcf"' in response["Content-Disposition"]
    text = response.content.decode()
    lines = text.split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"] and lines[-2:] == ["END:VCARD", ""]
    assert "FN:Jo Resume" in lines and "N:Resume;Jo;;;" in lines
    assert "TITLE:Engineering Manager" in lines and "ORG:Harbor Cloud" in lines
    assert "EMAIL;TYPE=INTERNET:jo@example.com" in lines
    assert "X-SOCIALPROFILE;TYPE=github:https://github.com/jo" in lines
    assert all(len(line.encode()) <= 75 for line in lines)


def test_vcard_escapes_and_folds_long_values(client):
    factories.make_person(slug="long", name="Al, Long; Name", headline="x" * 200)
    text = client.get("/people/long/vcard.vcf").content.decode()
    assert "FN:Al\\, Long\\; Name" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_exports_of_drafts_are_404_for_visitors(client):
    factories.make_person(slug="hidden", status=Status.DRAFT)
    assert client.get("/people/hidden/resume.json").status_code == 404
    assert client.get("/people/hidden/vcard.vcf").status_code == 404


def test_partial_dates_export_as_precise_as_known():
    day = dt.date(2021, 6, 3)
    assert iso_partial_date(day, "year") == "2021"
    assert iso_partial_date(day, "month") == "2021-06"
    assert iso_partial_date(day, "day") == "2021-06-03"
    assert iso_partial_date(None, "day") == ""


def test_markdown_bullets_become_highlights():
    assert markdown_bullets("- one\n* two\n1. three") == ["one", "two", "three"]
    assert markdown_bullets("Just a sentence.") == ["Just a sentence."]
    assert markdown_bullets("") == []
