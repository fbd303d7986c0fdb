import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portfolio.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_directory_cards_show_the_current_role(client):
    person = factories.make_person(name="Cara Card", headline="Builder of things")
    org = factories.make_organization(name="Now Corp")
    factories.make_role(person, title="Staff Engineer", organization=org)
    factories.make_role(
        person, title="Old Job", start_date=dt.date(2010, 1, 1), end_date=dt.date(2012, 1, 1)
    )
    html = client.get("/").content.decode()
    assert "Staff Engineer" in html and "Now Corp" in html
    assert "Old Job" not in html
    assert "Builder of things" in html


def test_directory_has_a_labelled_search_box_and_the_most_used_tags(client):
    for _ in range(3):
        factories.make_person(tags=["python"])
    factories.make_person(tags=["cobol"])
    factories.make_person(status=Status.DRAFT, tags=["secret"])
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html
    assert '<label for="directory-q">' in html and 'id="directory-q"' in html
    assert html.index('href="/tags/python/"') < html.index('href="/tags/cobol/"')
    assert "secret" not in html


def test_directory_is_paginated(client):
    for i in range(30):
        factories.make_person(name=f"Person {i:02d}")
    first = client.get("/").content.decode()
    second = client.get("/", {"page": 2}).content.decode()
    assert "Person 00" in first and "Person 29" not in first
    assert "Person 29" in second and "Person 00" not in second
    assert 'rel="next"' in first and "Page 1 of 2" in first
    assert client.get("/", {"page": "999"}).status_code == 200


def test_directory_hides_drafts_and_scheduled_people(client):
    factories.make_person(name="Later Lou", published_at=timezone.now() + dt.timedelta(hours=1))
    factories.make_person(name="Draft Dee", status=Status.DRAFT)
    html = client.get("/").content.decode()
    assert "Later Lou" not in html and "Draft Dee" not in html


def test_directory_query_count_does_not_grow_with_people(client):
    def make(n):
        for _ in range(n):
            person = factories.make_person(tags=["go", "rust"])
            factories.make_role(person)

    make(1)
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    make(20)
    with CaptureQueriesContext(connection) as large:
        client.get("/")
    assert len(small.captured_queries) == len(large.captured_queries)
