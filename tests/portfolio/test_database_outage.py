"""The database going away: every page answers a friendly 503 within a bounded time, and
the same processes serve again when it is back."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

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


# -- a real PostgreSQL server refusing, then accepting again -------------------------------


@dataclass
class Dedicated:
    """A database and a role of its own: not a superuser, since superusers ignore CONNECT."""

    name: str
    password: str
    admin: dict

    @property
    def url(self) -> str:
        host, port = self.admin["host"], self.admin["port"]
        return f"postgres://{self.name}:{self.password}@{host}:{port}/{self.name}"

    def execute(self, statement: str, params: tuple = (), **literals: str) -> None:
        """`statement` as the admin user, {name} being this database's (and role's) name."""
        import psycopg
        from psycopg import sql

        query = sql.SQL(statement).format(
            name=sql.Identifier(self.name), **{k: sql.Literal(v) for k, v in literals.items()}
        )
        with psycopg.connect(**self.admin, autocommit=True) as conn:
            conn.execute(query, params)

    def terminate_sessions(self) -> None:
        """What a restart or a failover does to the web process's persistent connection."""
        self.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND usename = %s",
            (self.name, self.name),
        )

    def refuse_connections(self) -> None:
        self.execute("REVOKE CONNECT ON DATABASE {name} FROM {name}")
        # A revoked CONNECT keeps the sessions already open.
        self.terminate_sessions()

    def accept_connections(self) -> None:
        self.execute("GRANT CONNECT ON DATABASE {name} TO {name}")

    @contextlib.contextmanager
    def table_locked(self, table: str) -> Iterator[None]:
        import psycopg

        with psycopg.connect(**{**self.admin, "dbname": self.name}) as conn:
            conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            yield
            conn.rollback()


@pytest.fixture
def dedicated_database(tmp_path) -> Iterator[Dedicated]:
    settings_dict = django_settings.DATABASES["default"]
    admin = {
        "host": settings_dict["HOST"] or "127.0.0.1",
        "port": settings_dict["PORT"] or 5432,
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"],
        "dbname": settings_dict["NAME"],
        "connect_timeout": 10,
    }
    db = Dedicated(f"health_outage_{secrets.token_hex(4)}", secrets.token_hex(12), admin)
    try:
        db.execute("CREATE ROLE {name} LOGIN PASSWORD {password}", password=db.password)
    except Exception as exc:
        pytest.skip(f"cannot create a role on this server: {exc}")
    try:
        db.execute("CREATE DATABASE {name} OWNER {name}")
        db.execute("REVOKE CONNECT ON DATABASE {name} FROM PUBLIC")
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=servers.ROOT,
            env={**os.environ, "SECRET_KEY": "t", "DEBUG": "0", "DATABASE_URL": db.url},
            capture_output=True,
            text=True,
        )
        assert migrate.returncode == 0, migrate.stdout + migrate.stderr
        yield db
    finally:
        db.execute("DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        db.execute("DROP ROLE IF EXISTS {name}")


@postgresql_only
def test_a_web_process_answers_503_while_postgresql_refuses_it_then_serves_again(
    dedicated_database, tmp_path
):
    db = dedicated_database
    with servers.gunicorn(tmp_path, DATABASE_URL=db.url, DATABASE_STATEMENT_TIMEOUT="2") as server:
        assert server.get("/").status == 200
        workers = server.workers()
        assert len(workers) == 1

        # A statement stuck behind a lock is cancelled by the server: a 503, not a hang.
        with db.table_locked("people_person"):
            stuck = server.get("/", timeout=20)
        assert_friendly_503(stuck.status, stuck.headers.get("retry-after"), stuck.body)
        assert stuck.seconds < 10
        assert server.get("/").status == 200

        # A connection the server dropped is replaced before use (CONN_HEALTH_CHECKS):
        # a restart costs no request an error.
        db.terminate_sessions()
        assert server.get("/").status == 200

        db.refuse_connections()
        for path in PAGES:
            answer = server.get(path)
            assert_friendly_503(answer.status, answer.headers.get("retry-after"), answer.body)
        health = server.get("/healthz")
        assert health.status == 503
        assert json.loads(health.body) == {
            "status": "fail",
            "checks": {"database": "error: OperationalError", "cache": "ok"},
        }

        db.accept_connections()
        assert server.get("/").status == 200
        health = server.get("/healthz")
        assert (health.status, json.loads(health.body)["status"]) == (200, "ok")
        # The same worker, never restarted.
        assert server.process.poll() is None
        assert server.workers() == workers
