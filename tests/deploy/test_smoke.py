"""The compose stack's web service for real, without Docker: the Dockerfile's collectstatic,
the migrate service's command, then the image's gunicorn command with the environment
compose gives it, against PostgreSQL (a database of this test's own) and Redis.

Runs when the suite runs on PostgreSQL (DATABASE_URL=postgres://..., as .ci/run's second
pass does); skipped on SQLite.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.deploy.files import ROOT, compose, dockerfile, interpolate

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/6")

pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")),
    reason="the smoke test runs on the PostgreSQL pass (DATABASE_URL=postgres://...)",
)

MAKE_PERSON = """
import io, json
from django.core.files.base import ContentFile
from PIL import Image
from tests.factories import make_person
buffer = io.BytesIO()
Image.new("RGB", (320, 240), (30, 140, 90)).save(buffer, "PNG")
person = make_person(name="Sam Smoke")
person.avatar.save("sam.png", ContentFile(buffer.getvalue()), save=True)
print(json.dumps({"page": person.get_absolute_url(), "avatar": person.avatar_rendition(128).src}))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_or_skip():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis does not answer at {REDIS_URL}: {error}")
        pytest.skip(f"Redis does not answer at {REDIS_URL}")
    return client


@pytest.fixture(scope="module")
def database():
    import psycopg

    name = f"deploy_smoke_{uuid.uuid4().hex[:10]}"
    server = urlsplit(DATABASE_URL)
    admin_url = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(server._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def site(database, tmp_path_factory):
    """The environment compose gives the site, pointed at this machine's services."""
    cache = _redis_or_skip()
    prefix = f"smoke-{uuid.uuid4().hex[:8]}"
    folder = tmp_path_factory.mktemp("smoke")
    port = _free_port()
    given = {
        "SECRET_KEY": "smoke-test-not-secret",
        "DATABASE_URL": database,
        "REDIS_URL": REDIS_URL,
    }
    app = compose()["x-app"]
    env = {name: interpolate(value, given) for name, value in app["environment"].items()}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(folder),
        LANG="C.UTF-8",
        CACHE_KEY_PREFIX=prefix,
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
    )
    assert "DEBUG" not in env and "TESTING" not in env
    yield {"env": env, "port": port, "folder": folder}
    for key in cache.scan_iter(f"{prefix}:*"):
        cache.delete(key)


def _run(argv: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{shlex.join(argv)} failed:\n{result.stdout}{result.stderr}"
    return result.stdout


def _build_step(pattern: str) -> tuple[dict[str, str], list[str]]:
    """A RUN line of the Dockerfile as (its leading VAR=value assignments, its argv)."""
    run = next(i for i in dockerfile() if i.keyword == "RUN" and pattern in i.arguments)
    words = shlex.split(run.arguments)
    assignments = {}
    while "=" in words[0]:
        name, _, value = words.pop(0).partition("=")
        assignments[name] = value
    return assignments, words


def _get(port: int, path: str, method: str = "GET", **headers: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers={"Host": "localhost", **headers})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def server(site):
    env, port, folder = site["env"], site["port"], site["folder"]
    build_env, collectstatic = _build_step("collectstatic")
    _run(collectstatic, {**env, **build_env})
    _run(compose()["services"]["migrate"]["command"], env)
    shell = [sys.executable, "manage.py", "shell", "-c", MAKE_PERSON]
    made = json.loads(_run(shell, env).strip().splitlines()[-1])

    command = next(i for i in dockerfile() if i.keyword == "CMD").exec_form
    log = (folder / "gunicorn.log").open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        # Wait for the workers to answer; a bounded wait, not an assertion on time.
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(port, "/healthz")[0].status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not come up:\n{(folder / 'gunicorn.log').read_text()}")
            time.sleep(0.2)
        yield {"port": port, "env": env, "made": made, "static_root": Path(env["STATIC_ROOT"])}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_the_container_health_check_passes(server):
    response, _ = _get(server["port"], "/healthz")
    assert response.status == 200
    result = subprocess.run(
        [sys.executable, "deploy/healthcheck.py"], cwd=ROOT, env=server["env"], capture_output=True
    )
    assert result.returncode == 0, result.stderr


def test_a_profile_page_shows_the_avatar_and_hashed_static_files(server):
    response, body = _get(server["port"], server["made"]["page"])
    assert response.status == 200
    html = body.decode()
    assert "Sam Smoke" in html
    assert server["made"]["avatar"] in html
    manifest = json.loads((server["static_root"] / "staticfiles.json").read_text())
    assert f"/static/{manifest['paths']['css/site.css']}" in html


def test_the_uploaded_avatar_rendition_is_served_without_debug(server):
    from PIL import Image

    avatar = server["made"]["avatar"]
    assert avatar.startswith("/media/avatars/renditions/")
    response, body = _get(server["port"], avatar)
    assert response.status == 200
    assert response.getheader("Content-Type") == "image/webp"
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    with Image.open(io.BytesIO(body)) as image:
        assert image.size == (128, 128)
    head, empty = _get(server["port"], avatar, method="HEAD")
    assert head.status == 200 and empty == b""
    assert head.getheader("Content-Length") == str(len(body))
    again, _ = _get(server["port"], avatar, **{"If-None-Match": response.getheader("ETag")})
    assert again.status == 304


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_static_files_are_served_compressed_and_cached_for_good(server, encoding):
    import brotli

    manifest = json.loads((server["static_root"] / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    response, body = _get(server["port"], f"/static/{hashed}", **{"Accept-Encoding": encoding})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == encoding
    assert "immutable" in response.getheader("Cache-Control")
    assert "max-age=315360000" in response.getheader("Cache-Control")
    assert "Accept-Encoding" in response.getheader("Vary")
    original = (server["static_root"] / hashed).read_bytes()
    if encoding == "br":
        assert brotli.decompress(body) == original
    else:
        import gzip

        assert gzip.decompress(body) == original
