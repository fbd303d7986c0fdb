import datetime as dt

import pytest
from django.contrib.redirects.models import Redirect
from django.utils import timezone

from portfolio.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_sitemap_lists_people_interviews_organizations_and_tags(client):
    person = factories.make_person(slug="sia", tags=["python"])
    factories.make_interview(person, slug="sia-talks")
    factories.make_role(person, organization=factories.make_organization(slug="acme"))
    body = client.get("/sitemap.xml").content.decode()
    for path in (
        "/",
        "/people/sia/",
        "/interviews/sia-talks/",
        "/organizations/acme/",
        "/tags/python/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in body, path


def test_sitemap_leaves_out_drafts_and_scheduled_pages(client):
    draft = factories.make_person(slug="draft-dan", status=Status.DRAFT, tags=["hidden-tag"])
    factories.make_interview(draft, slug="draft-interview")
    factories.make_person(slug="later-lee", published_at=timezone.now() + dt.timedelta(days=1))
    person = factories.make_person()
    factories.make_interview(person, slug="unpublished", status=Status.DRAFT)
    body = client.get("/sitemap.xml").content.decode()
    for path in ("draft-dan", "draft-interview", "later-lee", "unpublished", "hidden-tag"):
        assert path not in body


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_legacy_paths_redirect_permanently(client):
    person = factories.make_person(slug="ines")
    Redirect.objects.create(site_id=1, old_path="/about/", new_path=person.get_absolute_url())
    response = client.get("/about/")
    assert response.status_code == 301
    assert response["Location"] == "/people/ines/"
