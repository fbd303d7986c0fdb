import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from portfolio.models import Status
from tests import factories

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(client) -> list[str]:
    response = client.get("/feed.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_feed_lists_new_publications_talks_and_interviews_newest_first(client):
    person = factories.make_person()
    factories.make_publication(person, title="Old paper", date=dt.date(2019, 1, 1))
    factories.make_talk(person, title="New talk", date=dt.date(2024, 5, 1))
    factories.make_interview(person, title="Middle interview", date=dt.date(2022, 3, 1))
    titles = _entries(client)
    assert titles == ["Talk: New talk", "Middle interview", "Publication: Old paper"]


def test_feed_never_lists_drafts_scheduled_items_or_items_of_drafts(client):
    person = factories.make_person()
    factories.make_talk(person, title="Draft talk", status=Status.DRAFT)
    factories.make_talk(person, title="Later talk", published_at=timezone.now() + dt.timedelta(1))
    draft = factories.make_person(status=Status.DRAFT)
    factories.make_interview(draft, title="Interview of a draft")
    factories.make_publication(draft, title="Paper of a draft")
    assert _entries(client) == []


def test_feed_entries_link_to_their_place_on_the_site(client):
    person = factories.make_person(slug="pia")
    talk = factories.make_talk(person, title="Linked talk")
    body = client.get("/feed.xml").content.decode()
    assert f"http://testserver/people/pia/#talk-{talk.pk}" in body
    assert 'rel="self"' in body
