"""Scheduling: published_at in the future keeps a record off every public page until then;
expires_at takes it off again. No job runs: every query asks the clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from people.models import Person
from portfolio.models import Status
from tests import factories

pytestmark = pytest.mark.django_db

LAUNCH = dt.datetime(2031, 5, 4, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock(monkeypatch):
    """Set the time the site sees, without sleeping."""

    class Clock:
        def set(self, moment: dt.datetime) -> None:
            monkeypatch.setattr(timezone, "now", lambda: moment)

    return Clock()


def _everywhere(client, person) -> dict[str, bool]:
    pages = {
        "profile": client.get(person.get_absolute_url()).status_code == 200,
        "directory": f'href="{person.get_absolute_url()}"' in client.get("/").content.decode(),
        "search": f'href="{person.get_absolute_url()}"'
        in client.get("/search/", {"q": person.name}).content.decode(),
        "sitemap": person.get_absolute_url() in client.get("/sitemap.xml").content.decode(),
    }
    return pages


def test_a_scheduled_person_appears_exactly_when_their_time_comes(client, clock):
    person = factories.make_person(name="Scheduled Sasha", published_at=LAUNCH)
    clock.set(LAUNCH - dt.timedelta(seconds=1))
    assert not any(_everywhere(client, person).values())
    clock.set(LAUNCH)
    assert all(_everywhere(client, person).values())


def test_an_expired_person_leaves_every_page(client, clock):
    person = factories.make_person(name="Expiring Eli", expires_at=LAUNCH)
    clock.set(LAUNCH - dt.timedelta(minutes=1))
    assert all(_everywhere(client, person).values())
    clock.set(LAUNCH + dt.timedelta(minutes=1))
    assert not any(_everywhere(client, person).values())


def test_a_scheduled_interview_joins_the_feed_when_its_time_comes(client, clock):
    interview = factories.make_interview(title="Embargoed talk", published_at=LAUNCH)
    clock.set(LAUNCH - dt.timedelta(hours=1))
    assert "Embargoed talk" not in client.get("/feed.xml").content.decode()
    assert client.get(interview.get_absolute_url()).status_code == 404
    clock.set(LAUNCH + dt.timedelta(hours=1))
    assert "Embargoed talk" in client.get("/feed.xml").content.decode()
    assert client.get(interview.get_absolute_url()).status_code == 200


def test_staff_see_scheduled_people_before_their_time(client, clock, staff_user):
    person = factories.make_person(published_at=LAUNCH)
    clock.set(LAUNCH - dt.timedelta(days=1))
    client.force_login(staff_user)
    assert client.get(person.get_absolute_url()).status_code == 200


def test_published_asks_the_clock_it_is_given():
    factories.make_person(name="Later", published_at=LAUNCH, expires_at=LAUNCH + dt.timedelta(1))
    factories.make_person(name="Draft", status=Status.DRAFT)
    names = lambda at: set(Person.objects.published(at=at).values_list("name", flat=True))  # noqa: E731
    assert names(LAUNCH - dt.timedelta(1)) == set()
    assert names(LAUNCH) == {"Later"}
    assert names(LAUNCH + dt.timedelta(2)) == set()


def test_an_expiry_before_the_publication_is_refused():
    person = factories.make_person(published_at=LAUNCH, expires_at=LAUNCH - dt.timedelta(1))
    with pytest.raises(ValidationError, match="expiry must come after"):
        person.full_clean()
