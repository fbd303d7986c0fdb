import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import ProfileSection
from portfolio.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def _person_with(n: int):
    """A published person with n records of every kind, drafts among them."""
    person = factories.make_person(tags=[f"skill-{i}" for i in range(n)])
    for i in range(n):
        factories.make_link(person, url=f"https://example.com/{person.slug}/{i}", order=i)
        factories.make_role(person, title=f"Role {i}", start_date=dt.date(2000 + i % 20, 1, 1))
        factories.make_education(person, degree=f"Degree {i}")
        factories.make_project(person, title=f"Project {i}", tags=["python"])
        factories.make_award(person, title=f"Award {i}")
        factories.make_publication(person, title=f"Paper {i}", tags=["ml"])
        factories.make_patent(person, title=f"Patent {i}")
        factories.make_talk(person, title=f"Talk {i}")
        factories.make_interview(person, title=f"Interview {i}")
        factories.make_section(person, title=f"Notes {i}", body=f"Text {i}", order=100 + i)
    return person


def _queries_for(client, person) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_profile_query_count_does_not_grow_with_records(client):
    small = _person_with(1)
    large = _person_with(200)
    assert _queries_for(client, small) == _queries_for(client, large)


def test_profile_query_count_is_the_same_for_staff_previews(client, staff_user):
    client.force_login(staff_user)
    small = _person_with(1)
    large = _person_with(30)
    assert _queries_for(client, small) == _queries_for(client, large)


def test_profile_lists_every_record(client):
    person = _person_with(200)
    html = client.get(person.get_absolute_url()).content.decode()
    for i in (0, 57, 199):
        for label in ("Role", "Degree", "Project", "Award", "Paper", "Patent", "Talk", "Interview"):
            assert re.search(rf"\b{label} {i}\b(?!\d)", html), (label, i)
        assert f"Text {i}" in html
        assert f"skill-{i}" in html


def test_sections_show_in_their_order_with_their_headings(client):
    person = factories.make_person(headline="")
    factories.make_role(person, title="Engineer")
    factories.make_project(person, title="Widget")
    factories.make_section(person, title="Things I have built", kind="projects", order=1)
    factories.make_section(person, title="Timeline", kind="roles", order=2)
    factories.make_section(person, title="An honour", kind="text", body="Thanks, Mum.", order=3)
    html = client.get(person.get_absolute_url()).content.decode()
    assert html.index("Things I have built") < html.index("Widget") < html.index("Timeline")
    assert html.index("Timeline") < html.index("Engineer") < html.index("An honour")
    assert "Thanks, Mum." in html


def test_records_without_a_section_still_show_under_a_default_heading(client):
    person = factories.make_person()
    factories.make_talk(person, title="Shown anyway")
    html = client.get(person.get_absolute_url()).content.decode()
    assert ">Talks</h2>" in html
    assert "Shown anyway" in html


def test_empty_kinds_show_no_heading(client):
    person = factories.make_person()
    factories.make_section(person, title="Timeline", kind=ProfileSection.Kind.ROLES)
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Timeline" not in html
    assert ">Talks</h2>" not in html


def test_roles_read_like_a_timeline(client):
    person = factories.make_person()
    factories.make_role(
        person,
        title="Machine Learning Engineer",
        organization=factories.make_organization(name="Carted Example"),
        start_date=dt.date(2021, 6, 1),
        start_precision="month",
    )
    factories.make_role(
        person,
        title="Instructor",
        kind="contract",
        start_date=dt.date(2015, 1, 1),
        start_precision="year",
        end_date=dt.date(2019, 1, 1),
        end_precision="year",
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert "June 2021 – Present" in html
    assert "2015 – 2019" in html
    assert "Contract" in html
    assert "Carted Example</a>" in html


def test_draft_records_of_a_published_person_are_hidden_from_visitors(client):
    person = factories.make_person()
    factories.make_role(person, title="Secret role", status=Status.DRAFT)
    factories.make_project(person, title="Secret project", visibility=Status.DRAFT)
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Secret role" not in html
    assert "Secret project" not in html


def test_draft_person_is_404_for_visitors(client):
    person = factories.make_person(status=Status.DRAFT)
    assert client.get(person.get_absolute_url()).status_code == 404


def test_draft_person_renders_for_staff_with_a_banner(client, staff_user):
    person = factories.make_person(name="Draft Dana", status=Status.DRAFT)
    client.force_login(staff_user)
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft Dana" in html
    assert 'class="draft-banner"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_person_scheduled_in_the_future_is_404_until_its_time(client):
    from django.utils import timezone

    later = timezone.now() + dt.timedelta(days=1)
    person = factories.make_person(published_at=later)
    assert client.get(person.get_absolute_url()).status_code == 404


def test_profile_bio_is_served_from_the_stored_html(client):
    person = factories.make_person(bio="Hello **world**")
    type(person).objects.filter(pk=person.pk).update(bio="changed without save")
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Hello <strong>world</strong>" in html
