"""markdownx's preview and upload endpoints: for those who may write markdown, and bounded."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

ENDPOINTS = ["markdownx_markdownify", "markdownx_upload"]


def staff_with(*codenames: str):
    user = factories.make_user(staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def post(client, name: str):
    image = SimpleUploadedFile("a.png", b"not an image", content_type="image/png")
    return client.post(reverse(name), {"content": "**hi**", "image": image})


@pytest.mark.parametrize("name", ENDPOINTS)
def test_staff_without_any_permission_are_refused(staff_client, name):
    assert post(staff_client, name).status_code == 403


@pytest.mark.parametrize("name", ENDPOINTS)
def test_viewing_or_deleting_content_or_editing_users_is_not_enough(client, name):
    client.force_login(staff_with("view_person", "delete_role", "change_user", "add_tag"))
    assert post(client, name).status_code == 403


@pytest.mark.parametrize("codename", ["add_talk", "change_person", "change_question"])
def test_one_add_or_change_permission_on_markdown_content_opens_the_preview(client, codename):
    client.force_login(staff_with(codename))
    response = post(client, "markdownx_markdownify")
    assert response.status_code == 200
    assert b"<strong>hi</strong>" in response.content


def test_one_change_permission_on_markdown_content_opens_the_upload(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff_with("change_role"))
    # Let in, then refused for what was sent: not an image.
    assert post(client, "markdownx_upload").status_code == 400


def test_superusers_and_editors_may_preview(admin_client, editor):
    assert post(admin_client, "markdownx_markdownify").status_code == 200
    admin_client.force_login(editor)
    assert post(admin_client, "markdownx_markdownify").status_code == 200


def test_the_preview_renders_up_to_200_kb_of_markdown(editor_client, settings):
    limit = settings.MARKDOWN_PREVIEW_MAX_BYTES
    assert limit == 200 * 1024
    url = reverse("markdownx_markdownify")
    assert editor_client.post(url, {"content": "a" * limit}).status_code == 200
    response = editor_client.post(url, {"content": "a" * (limit + 1)})
    assert response.status_code == 413
    assert "at most 200.0\xa0KB" in response.text
    # Bytes, not characters: 'é' is two of them.
    assert editor_client.post(url, {"content": "é" * (limit // 2 + 1)}).status_code == 413


def test_the_preview_limit_is_a_setting(editor_client, settings):
    settings.MARKDOWN_PREVIEW_MAX_BYTES = 10
    url = reverse("markdownx_markdownify")
    assert editor_client.post(url, {"content": "a" * 10}).status_code == 200
    assert editor_client.post(url, {"content": "a" * 11}).status_code == 413


def test_a_body_over_djangos_own_limit_answers_413_too(editor, settings):
    # CsrfViewMiddleware reads the body before the view does, as in production.
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.CSRF_COOKIE_NAME] = "x" * 32
    client.force_login(editor)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(reverse("markdownx_markdownify"), {"content": "a" * 2000})
    assert response.status_code == 413
