"""The database going away: every page answers a friendly 503 within a bounded time, and
the same processes serve again when it is back."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.test import Client

PAGES = ["/", "/people/someone/", "/search/?q=ada", "/feed.xml", "/sitemap.xml", "/no/such/"]


def assert_friendly_503(status: int, retry_after: str | None, html: str) -> None:
    assert status == 503
    assert retry_after == "30"
    assert "Back in a moment" in html
    assert 'class="site-header"' in html
    for leak in ("Traceback", "OperationalError", "psycopg", "10.9.8.7", "password"):
        assert leak not in html


def _unreachable():
    raise OperationalError('connection to server at "10.9.8.7" failed: password refused')


@pytest.mark.django_db
def test_every_page_answers_a_friendly_503_when_the_database_is_unreachable(monkeypatch):
    monkeypatch.setattr(connection, "ensure_connection", _unreachable)
    client = Client(raise_request_exception=False)
    for path in PAGES:
        response = client.get(path)
        assert_friendly_503(response.status_code, response.get("Retry-After"), response.text)


@pytest.mark.django_db
def test_signed_in_editors_get_the_503_page_too(superuser, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    monkeypatch.setattr(connection, "ensure_connection", _unreachable)
    response = client.get("/admin/people/person/")
    assert_friendly_503(response.status_code, response.get("Retry-After"), response.text)
