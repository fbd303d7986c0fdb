"""docker-compose.yml and the proxy's configuration, read without a Docker engine."""

import re

import pytest

from tests.deploy.files import ROOT, compose, dockerfile, env_example, variables_read

SITE = ("migrate", "web")


@pytest.fixture(scope="module")
def services():
    return compose()["services"]


def _test(service) -> list[str]:
    return service["healthcheck"]["test"]


def test_the_stack_has_its_five_services(services):
    assert set(services) == {"db", "redis", "migrate", "web", "proxy"}
    assert services["db"]["image"].startswith("postgres:16")


def test_database_cache_and_web_check_their_health(services):
    assert "pg_isready" in _test(services["db"])
    assert _test(services["redis"])[1:] == ["redis-cli", "ping"]
    assert _test(services["web"]) == ["CMD", "python", "deploy/healthcheck.py"]
    for name in ("db", "redis", "web", "proxy"):
        assert not services[name]["healthcheck"].get("disable"), name


def test_the_database_keeps_its_data_in_a_volume(services):
    volumes = services["db"]["volumes"]
    assert any(v.startswith("pgdata:/var/lib/postgresql/data") for v in volumes)
    assert "pgdata" in compose()["volumes"]


def test_web_waits_for_the_migration_the_database_and_the_cache(services):
    depends = services["web"]["depends_on"]
    assert depends["migrate"] == {"condition": "service_completed_successfully"}
    assert depends["db"] == {"condition": "service_healthy"}
    assert depends["redis"] == {"condition": "service_healthy"}
    assert services["migrate"]["depends_on"]["db"] == {"condition": "service_healthy"}
    assert services["proxy"]["depends_on"]["web"] == {"condition": "service_healthy"}


def test_migrate_runs_once_and_web_runs_the_image_command(services):
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert services["migrate"]["restart"] == "no"
    assert "command" not in services["web"]
    cmd = [i for i in dockerfile() if i.keyword == "CMD"][-1].exec_form
    assert cmd == ["gunicorn", "-c", "gunicorn.conf.py", "portfolio.wsgi"]


def test_no_service_goes_through_a_shell(services):
    for name, service in services.items():
        for key in ("command", "entrypoint"):
            value = service.get(key)
            if value is None:
                continue
            assert isinstance(value, list), f"{name}.{key} should be exec form"
            assert value[0] not in {"sh", "bash", "/bin/sh", "/bin/bash"}, f"{name}.{key}"
            assert "sh -c" not in " ".join(value)


def test_web_can_scale_out_behind_the_proxy(services):
    web = services["web"]
    assert "ports" not in web and "container_name" not in web
    assert services["proxy"]["ports"] == ["${HTTP_PORT:-8000}:80"]
    # Every replica and the proxy share one media volume.
    assert "media:/app/media" in web["volumes"]
    assert "media:/srv/media:ro" in services["proxy"]["volumes"]


def test_every_variable_set_for_the_site_is_one_it_reads(services):
    read = variables_read()
    for name in SITE:
        environment = services[name]["environment"]
        assert isinstance(environment, dict)
        assert set(environment) <= read, set(environment) - read
        assert services[name]["env_file"] == [{"path": ".env", "required": False}]


def test_every_variable_compose_interpolates_is_in_env_example():
    text = (ROOT / "docker-compose.yml").read_text()
    interpolated = set(re.findall(r"\$\{(\w+)", text))
    assert interpolated - env_example() == set()


def test_the_secret_key_must_be_given(services):
    assert services["web"]["environment"]["SECRET_KEY"].startswith("${SECRET_KEY:?")


def test_the_proxy_config_forwards_to_web_and_serves_the_media_volume(services):
    mounts = services["proxy"]["volumes"]
    config_mount = next(m for m in mounts if m.startswith("./deploy/nginx.conf:"))
    assert config_mount.split(":")[1] == "/etc/nginx/conf.d/default.conf"
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "set $web http://web:8000;" in conf and "proxy_pass $web;" in conf
    for header in ("Host $http_host", "X-Forwarded-For", "X-Forwarded-Proto $scheme"):
        assert f"proxy_set_header {header}" in conf
    media = conf[conf.index("location /media/") :]
    assert "alias /srv/media/;" in media
    assert "X-Content-Type-Options nosniff" in media
    assert "sandbox" in media and "Content-Disposition" in media
    assert "immutable" in conf
    assert "location = /nginx-health" in conf
