import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_tag_page_shows_people_projects_publications_and_talks(client):
    person = factories.make_person(name="Tess Tagged", tags=["robotics"])
    factories.make_project(person, title="Rover", tags=["robotics"])
    factories.make_publication(person, title="On rovers", tags=["robotics"])
    talk = factories.make_talk(person, title="Rovers at scale")
    talk.tags.add("robotics")
    html = client.get("/tags/robotics/").content.decode()
    assert "<h1>robotics</h1>" in html
    for text in ("Tess Tagged", "Rover", "On rovers", "Rovers at scale"):
        assert text in html
    assert "1 person, 1 project, 1 publication and 1 talk" in html


def test_tag_page_hides_drafts_and_records_of_draft_people(client):
    person = factories.make_person(name="Public Pat", tags=["ml"])
    factories.make_project(person, title="Secret project", tags=["ml"], visibility=Status.DRAFT)
    draft = factories.make_person(name="Draft Dora", status=Status.DRAFT, tags=["ml"])
    factories.make_project(draft, title="Project of a draft", tags=["ml"])
    html = client.get("/tags/ml/").content.decode()
    assert "Public Pat" in html
    for secret in ("Secret project", "Draft Dora", "Project of a draft"):
        assert secret not in html


def test_tag_only_drafts_carry_is_404(client):
    factories.make_person(status=Status.DRAFT, tags=["secret-skill"])
    assert client.get("/tags/secret-skill/").status_code == 404
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_skills_on_a_profile_link_to_their_tag_pages(client):
    person = factories.make_person(tags=["Rust"])
    html = client.get(person.get_absolute_url()).content.decode()
    assert 'href="/tags/rust/"' in html
    assert client.get("/tags/rust/").status_code == 200


def test_tag_page_query_count_does_not_grow_with_records(client):
    def make(tag, n):
        for i in range(n):
            person = factories.make_person(tags=[tag, f"other-{tag}-{i}"])
            factories.make_role(person)
            factories.make_project(person, tags=[tag])
            factories.make_publication(person, factories.make_person(), tags=[tag])
            talk = factories.make_talk(person)
            talk.tags.add(tag)

    make("small", 1)
    make("large", 25)
    counts = []
    for tag in ("small", "large"):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/tags/{tag}/").status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
