"""Who may do what: editors edit content, not users; nobody else gets anything."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def _content_urls() -> list[str]:
    person = factories.make_person()
    role = factories.make_role(person)
    interview = factories.make_interview(person, questions=1)
    return [
        reverse("admin:index"),
        reverse("admin:people_person_changelist"),
        reverse("admin:people_person_add"),
        reverse("admin:people_person_change", args=[person.pk]),
        reverse("admin:people_person_history", args=[person.pk]),
        reverse("admin:people_person_recoverlist"),
        reverse("admin:timeline_role_change", args=[role.pk]),
        reverse("admin:timeline_organization_changelist"),
        reverse("admin:publications_interview_change", args=[interview.pk]),
        reverse("admin:publications_patent_changelist"),
        reverse("admin:taggit_tag_changelist"),
        reverse("admin:redirects_redirect_changelist"),
    ]


def test_the_editors_group_exists_after_migrating():
    group = Group.objects.get(name="Editors")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_person", "add_role", "delete_interview", "view_patent"} <= codenames
    assert not {c for c in codenames if c.endswith("_user") or c.endswith("_group")}


def test_editors_can_open_every_content_page(editor_client):
    for url in _content_urls():
        assert editor_client.get(url).status_code == 200, url


def test_editors_cannot_open_the_user_admin(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_editors_can_use_the_markdown_preview(editor_client):
    response = editor_client.post(reverse("markdownx_markdownify"), {"content": "**hi**"})
    assert response.status_code == 200
    assert b"<strong>hi</strong>" in response.content


def test_anonymous_users_get_nothing_from_the_admin(client):
    for url in _content_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("admin:login") in response["Location"], url


@pytest.mark.parametrize("name", ["markdownx_markdownify", "markdownx_upload"])
def test_anonymous_and_non_staff_users_cannot_preview_or_upload(client, name):
    assert client.post(reverse(name), {"content": "x"}).status_code in {302, 403}
    client.force_login(factories.make_user())
    assert client.post(reverse(name), {"content": "x"}).status_code in {302, 403}


def test_a_user_without_staff_status_gets_no_admin_page(client):
    client.force_login(factories.make_user())
    for url in _content_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("admin:login") in response["Location"], url
