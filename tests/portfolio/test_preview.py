"""Previewing from the admin: the public page with unsaved changes, for staff only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from people.models import Person, SocialLink
from portfolio.models import Status
from publications.models import Interview
from tests import factories
from tests.portfolio.test_history import _form_data

pytestmark = pytest.mark.django_db


def test_preview_shows_unsaved_changes_and_saves_nothing(admin_client):
    person = factories.make_person(name="Pia Preview", headline="Saved headline")
    data = _form_data(admin_client, reverse("admin:people_person_change", args=[person.pk]))
    data["headline"] = "Unsaved headline"
    data["bio"] = "New **bio**"
    response = admin_client.post(reverse("admin:people_person_preview", args=[person.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unsaved headline" in html
    assert "New <strong>bio</strong>" in html
    assert "no-store" in response["Cache-Control"]
    person.refresh_from_db()
    assert person.headline == "Saved headline"
    assert person.bio == ""


def test_preview_includes_unsaved_inline_rows(admin_client):
    person = factories.make_person()
    data = _form_data(admin_client, reverse("admin:people_person_change", args=[person.pk]))
    data.update(
        {
            "links-TOTAL_FORMS": "1",
            "links-0-kind": "github",
            "links-0-url": "https://github.com/preview-only",
            "links-0-order": "1",
        }
    )
    response = admin_client.post(reverse("admin:people_person_preview", args=[person.pk]), data)
    assert "https://github.com/preview-only" in response.content.decode()
    assert not SocialLink.objects.exists()


def test_preview_of_a_new_draft_person_creates_nobody(admin_client):
    data = _form_data(admin_client, reverse("admin:people_person_add"))
    data.update({"name": "Nova New", "slug": "nova-new", "status": Status.DRAFT})
    response = admin_client.post(reverse("admin:people_person_preview"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nova New" in html
    assert "draft-banner" in html
    assert not Person.objects.exists()


def test_preview_of_an_interview_shows_its_unsaved_title(admin_client):
    interview = factories.make_interview(questions=2, title="Saved title")
    url = reverse("admin:publications_interview_change", args=[interview.pk])
    data = _form_data(admin_client, url)
    data["title"] = "Unsaved title"
    response = admin_client.post(
        reverse("admin:publications_interview_preview", args=[interview.pk]), data
    )
    assert "Unsaved title" in response.content.decode()
    assert Interview.objects.get().title == "Saved title"


def test_a_preview_of_an_invalid_form_says_what_is_wrong(admin_client):
    person = factories.make_person()
    data = _form_data(admin_client, reverse("admin:people_person_change", args=[person.pk]))
    data["name"] = ""
    response = admin_client.post(reverse("admin:people_person_preview", args=[person.pk]), data)
    assert response.status_code == 400
    assert "name" in response.content.decode()


def test_the_change_form_has_a_preview_button(admin_client):
    person = factories.make_person()
    html = admin_client.get(reverse("admin:people_person_change", args=[person.pk])).content
    assert reverse("admin:people_person_preview", args=[person.pk]).encode() in html


def test_preview_is_for_staff_only(client):
    person = factories.make_person()
    url = reverse("admin:people_person_preview", args=[person.pk])
    response = client.post(url, {"name": "x"})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    client.force_login(factories.make_user())
    assert client.post(url, {"name": "x"}).status_code == 302


def test_preview_only_answers_posts(admin_client):
    person = factories.make_person()
    url = reverse("admin:people_person_preview", args=[person.pk])
    assert admin_client.get(url).status_code == 405
