import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


def test_organization_page_shows_titles_and_years(client):
    org = factories.make_organization(name="Lumen Example", url="https://lumen.example")
    person = factories.make_person(name="Ines Example")
    factories.make_role(
        person,
        organization=org,
        title="Staff Engineer",
        start_date=dt.date(2021, 6, 1),
    )
    html = client.get(org.get_absolute_url()).content.decode()
    assert "<h1>Lumen Example</h1>" in html
    assert 'href="https://lumen.example"' in html
    assert "Staff Engineer" in html and "June 2021 – Present" in html


def test_organization_page_query_count_does_not_grow_with_people(client):
    def org_with(n):
        org = factories.make_organization()
        for i in range(n):
            factories.make_role(factories.make_person(), organization=org, title=f"Role {i}")
        return org

    counts = []
    for org in (org_with(1), org_with(40)):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(org.get_absolute_url()).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
