"""gunicorn.conf.py read under different environments, as gunicorn reads it."""

import os
import runpy
import types
from pathlib import Path

import pytest
from gunicorn.config import Config

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"
VARIABLES = (
    "WEB_CONCURRENCY",
    "PORT",
    "BIND",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "FORWARDED_ALLOW_IPS",
)


@pytest.fixture
def load(monkeypatch):
    def load(cpus: int = 2, **env: str) -> dict:
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cpus)))
        return runpy.run_path(str(CONF))

    return load


def _settings(namespace: dict) -> dict:
    return {
        name: value
        for name, value in namespace.items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }


def test_defaults_suit_a_container_behind_the_proxy(load):
    conf = load(cpus=2)
    assert conf["workers"] == 5
    assert conf["bind"] == "0.0.0.0:8000"
    assert conf["timeout"] == 30
    assert conf["graceful_timeout"] == 30
    assert conf["max_requests"] == 1000
    assert conf["max_requests_jitter"] == 100
    assert conf["accesslog"] == "-"
    assert conf["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert conf["control_socket_disable"] is True


def test_workers_follow_the_cpus_up_to_a_cap(load):
    assert load(cpus=1)["workers"] == 3
    assert load(cpus=64)["workers"] == 8


def test_the_environment_sets_workers_address_timeouts_and_trusted_proxies(load):
    conf = load(
        WEB_CONCURRENCY="3",
        PORT="9000",
        GUNICORN_TIMEOUT="60",
        GUNICORN_MAX_REQUESTS="500",
        FORWARDED_ALLOW_IPS="*",
    )
    assert conf["workers"] == 3
    assert conf["bind"] == "0.0.0.0:9000"
    assert conf["timeout"] == conf["graceful_timeout"] == 60
    assert (conf["max_requests"], conf["max_requests_jitter"]) == (500, 50)
    assert conf["forwarded_allow_ips"] == "*"


def test_bind_wins_over_port(load):
    assert load(BIND="127.0.0.1:8123", PORT="9000")["bind"] == "127.0.0.1:8123"


def test_the_heartbeat_file_lives_in_memory_when_it_can(load, monkeypatch):
    assert load()["worker_tmp_dir"] == ("/dev/shm" if os.path.isdir("/dev/shm") else None)
    real_isdir = os.path.isdir
    monkeypatch.setattr(os.path, "isdir", lambda p: p != "/dev/shm" and real_isdir(p))
    assert load()["worker_tmp_dir"] is None


def test_a_bad_number_names_its_variable(load):
    with pytest.raises(ValueError, match="WEB_CONCURRENCY"):
        load(WEB_CONCURRENCY="many")


def test_every_name_is_a_gunicorn_setting_it_accepts(load):
    config = Config()
    for name, value in _settings(load(WEB_CONCURRENCY="2")).items():
        assert name in config.settings, f"gunicorn has no setting {name!r}"
        config.set(name, value)
    assert config.workers == 2
    assert config.address == [("0.0.0.0", 8000)]
