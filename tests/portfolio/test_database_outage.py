"""The database going away: every page answers a friendly 503 within a bounded time, and
the same processes serve again when it is back."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connection
from django.test import Client

from tests import servers

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


def _settings_for(**env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    environ.update(SECRET_KEY="t", DEBUG="0", TESTING="1", **env)
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=servers.ROOT,
        env={**environ, "DJANGO_SETTINGS_MODULE": "portfolio.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_database_waits_are_bounded_by_default_and_configurable():
    url = "postgres://portfolio@db.example:5432/portfolio"
    assert _settings_for(DATABASE_URL=url) == {
        "connect_timeout": 3,
        "options": "-c statement_timeout=15s",
    }
    assert _settings_for(
        DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="10", DATABASE_STATEMENT_TIMEOUT="0"
    ) == {"connect_timeout": 10}
    # What the URL says itself wins: its timeout, and its own options, which come last.
    assert _settings_for(
        DATABASE_URL=url + "?connect_timeout=7&options=-c%20statement_timeout%3D1min"
    ) == {"connect_timeout": 7, "options": "-c statement_timeout=15s -c statement_timeout=1min"}


postgresql_only = pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: set DATABASE_URL to a postgres:// database",
)


@postgresql_only
@pytest.mark.django_db
def test_postgresql_sessions_run_with_the_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "15s"


def test_a_database_that_never_answers_costs_a_probe_and_a_page_seconds(tmp_path):
    with (
        servers.silent_listener() as port,
        servers.gunicorn(
            tmp_path, DATABASE_URL=f"postgres://portfolio@127.0.0.1:{port}/portfolio"
        ) as server,
    ):
        # Without connect_timeout psycopg waits 130 s, past gunicorn's worker timeout.
        health = server.get("/healthz", timeout=20)
        page = server.get("/", timeout=20)
    assert health.status == 503
    assert json.loads(health.body)["checks"] == {
        "database": "error: ConnectionTimeout",
        "cache": "ok",
    }
    assert health.seconds < 10
    assert_friendly_503(page.status, page.headers.get("retry-after"), page.body)
    assert page.seconds < 10
