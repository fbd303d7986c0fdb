import json
import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    person = factories.make_person(slug="meta-mo", name="Mo Meta", tags=["python"])
    org = factories.make_organization(slug="meta-org")
    factories.make_role(person, organization=org)
    interview = factories.make_interview(person, slug="meta-interview", questions=2)
    return [
        "/",
        person.get_absolute_url(),
        person.get_absolute_url() + "cv/",
        interview.get_absolute_url(),
        org.get_absolute_url(),
        "/tags/python/",
        "/search/?q=meta",
        "/no/such/page/",
    ]


def test_every_page_has_a_title_description_canonical_url_and_opengraph(client, pages):
    for path in pages:
        html = client.get(path).content.decode()
        assert re.search(r"<title>[^<]+</title>", html), path
        assert re.search(r'<meta name="description" content="[^"]+">', html), path
        assert '<link rel="canonical" href="http://testserver/' in html, path
        for prop in ("og:title", "og:description", "og:type", "og:url", "og:site_name"):
            assert f'<meta property="{prop}" content="' in html, (path, prop)


def test_every_page_has_one_h1_landmarks_and_a_skip_link(client, pages):
    for path in pages:
        html = client.get(path).content.decode()
        assert html.count("<h1") == 1, path
        assert '<main id="main"' in html and "<header" in html and "<footer" in html, path
        assert '<a class="skip-link" href="#main">' in html, path


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_profile_carries_profile_page_json_ld(client):
    person = factories.make_person(name="Lee Linked", tags=["python"])
    org = factories.make_organization(name="Now Org", url="https://now.example")
    factories.make_role(person, title="Staff Engineer", organization=org)
    factories.make_education(person, institution=factories.make_organization(name="Uni"))
    factories.make_award(person, title="Best Demo")
    factories.make_link(person, url="https://github.com/lee")
    data = _json_ld(client.get(person.get_absolute_url()).content.decode())
    assert data["@type"] == "ProfilePage"
    entity = data["mainEntity"]
    assert entity["@type"] == "Person" and entity["name"] == "Lee Linked"
    assert entity["jobTitle"] == "Staff Engineer"
    assert entity["worksFor"][0]["name"] == "Now Org"
    assert entity["alumniOf"][0]["name"] == "Uni"
    assert entity["award"] == ["Best Demo"]
    assert entity["knowsAbout"] == ["python"]
    assert entity["sameAs"] == ["https://github.com/lee"]


def test_json_ld_cannot_be_closed_by_the_text_it_carries(client):
    evil = "</script><script>alert(1)</script> & <!--"
    person = factories.make_person(name=evil, headline=evil)
    interview = factories.make_interview(person, title=evil)
    for path in (person.get_absolute_url(), interview.get_absolute_url()):
        html = client.get(path).content.decode()
        assert "<script>alert(1)" not in html
        assert _json_ld(html)["@type"] in {"ProfilePage", "Article"}
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert "<" not in block.group(1) and "&" not in block.group(1).replace("\\u0026", "")


def test_interview_carries_article_json_ld(client):
    person = factories.make_person(name="Ann Answer")
    interview = factories.make_interview(person, title="A talk with Ann", interviewer="Sam")
    data = _json_ld(client.get(interview.get_absolute_url()).content.decode())
    assert data["@type"] == "Article"
    assert data["headline"] == "A talk with Ann"
    assert data["about"]["name"] == "Ann Answer"
    assert data["author"]["name"] == "Sam"


def test_drafts_previewed_by_staff_are_not_indexed(client, staff_user):
    person = factories.make_person(status="draft")
    client.force_login(staff_user)
    for path in (person.get_absolute_url(), person.get_absolute_url() + "cv/"):
        html = client.get(path).content.decode()
        assert '<meta name="robots" content="noindex">' in html
