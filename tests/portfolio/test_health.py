"""/healthz: 200 when the database and the cache answer, 503 naming what failed, for any
probe Host and over plain HTTP."""

from __future__ import annotations

import json
import socket

import pytest
from django.db import OperationalError, connection

from tests import servers

REDIS_TEST_URL = "redis://127.0.0.1:6379/5"


@pytest.mark.django_db
def test_health_check_reports_the_database_and_the_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_check_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/robots.txt").status_code == 301


@pytest.mark.django_db
def test_health_check_answers_a_probe_by_address_and_nothing_else_does(client, settings):
    settings.ALLOWED_HOSTS = ["portfolio.example.com"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200
    assert client.get("/healthz", HTTP_HOST="attacker.example").status_code == 200
    for path in ("/", "/robots.txt", "/healthz/", "/admin/"):
        assert client.get(path, HTTP_HOST="10.0.0.7").status_code == 400, path


@pytest.mark.django_db
def test_health_check_answers_503_naming_the_database_when_it_fails(client, monkeypatch):
    def unreachable():
        raise OperationalError('connection to server at "10.9.8.7" failed: secret detail')

    monkeypatch.setattr(connection, "ensure_connection", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "fail",
        "checks": {"database": "error: OperationalError", "cache": "ok"},
    }
    # The failure's kind, never its message: anyone may read this page.
    assert b"10.9.8.7" not in response.content and b"secret" not in response.content


@pytest.mark.django_db
def test_health_check_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


def test_health_check_answers_503_when_redis_refuses_connections(tmp_path):
    with servers.gunicorn(
        tmp_path, REDIS_URL=f"redis://127.0.0.1:{servers.closed_port()}/5"
    ) as server:
        answer = server.get("/healthz")
    assert answer.status == 503
    assert answer.headers["content-type"] == "application/json"
    assert json.loads(answer.body) == {
        "status": "fail",
        "checks": {"database": "ok", "cache": "error: ConnectionError"},
    }


def test_health_check_answers_503_in_bounded_time_when_redis_hangs(tmp_path):
    with (
        servers.silent_listener() as port,
        servers.gunicorn(tmp_path, REDIS_URL=f"redis://127.0.0.1:{port}/5") as server,
    ):
        # Without a socket timeout redis-py waits for ever; REDIS_TIMEOUT is 2 s.
        answer = server.get("/healthz", timeout=20)
    assert answer.status == 503
    assert json.loads(answer.body)["checks"] == {
        "database": "ok",
        "cache": "error: TimeoutError",
    }
    assert answer.seconds < 10


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(7) == b"+PONG\r\n"
    except OSError:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="no Redis server at 127.0.0.1:6379")
def test_health_check_answers_200_with_a_working_redis(tmp_path):
    with servers.gunicorn(tmp_path, REDIS_URL=REDIS_TEST_URL) as server:
        answer = server.get("/healthz")
    assert answer.status == 200
    assert json.loads(answer.body) == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
