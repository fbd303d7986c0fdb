import datetime as dt

import pytest

from portfolio.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_cv_lists_experience_education_and_work_in_cv_order(client):
    person = factories.make_person(name="Cy Vee", email="cy@example.com", tags=["go"])
    factories.make_award(person, title="Mentor of the Year")
    factories.make_role(person, title="Engineering Manager", start_date=dt.date(2020, 1, 1))
    factories.make_education(person, degree="BSc Physics")
    factories.make_publication(person, title="A Paper on Sleep")
    html = client.get(f"/people/{person.slug}/cv/").content.decode()
    order = ["Experience", "Engineering Manager", "Education", "BSc Physics"]
    order += ["Publications", "A Paper on Sleep", "Awards", "Mentor of the Year", "Skills"]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert 'href="mailto:cy@example.com"' in html


def test_cv_links_back_to_the_profile_and_prints_without_navigation(client):
    person = factories.make_person()
    html = client.get(f"/people/{person.slug}/cv/").content.decode()
    assert f'href="{person.get_absolute_url()}"' in html
    assert 'class="cv-actions no-print"' in html


def test_cv_of_a_draft_is_404_for_visitors(client):
    person = factories.make_person(status=Status.DRAFT)
    assert client.get(f"/people/{person.slug}/cv/").status_code == 404


def test_cv_hides_draft_records(client):
    person = factories.make_person()
    factories.make_role(person, title="Hidden role", status=Status.DRAFT)
    html = client.get(f"/people/{person.slug}/cv/").content.decode()
    assert "Hidden role" not in html


def test_print_stylesheet_hides_navigation_and_prints_link_addresses():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/css/site.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".site-header" in print_rules and "nav" in print_rules
    assert 'content: " (" attr(href) ")"' in print_rules
    assert "break-inside: avoid" in print_rules
