"""The Dockerfile and .dockerignore, read without a Docker engine."""

import re
import subprocess
import sys
import tomllib

import pytest

from tests.deploy.files import ROOT, dockerfile, dockerignore, is_ignored


@pytest.fixture(scope="module")
def instructions():
    return dockerfile()


def _index(instructions, keyword, pattern=""):
    return next(
        i
        for i, instruction in enumerate(instructions)
        if instruction.keyword == keyword and re.search(pattern, instruction.arguments)
    )


def test_the_server_runs_through_the_gunicorn_config_in_exec_form(instructions):
    cmd = [i for i in instructions if i.keyword == "CMD"][-1]
    assert cmd.exec_form == ["gunicorn", "-c", "gunicorn.conf.py", "portfolio.wsgi"]
    assert not any(i.keyword == "ENTRYPOINT" for i in instructions)


def test_it_runs_as_a_user_who_is_not_root(instructions):
    users = [i.arguments for i in instructions if i.keyword == "USER"]
    assert users and users[-1] not in {"root", "0", "0:0"}
    assert _index(instructions, "USER") < _index(instructions, "CMD")


def test_the_health_check_asks_healthz_with_python(instructions):
    check = [i for i in instructions if i.keyword == "HEALTHCHECK"][-1]
    command = check.arguments.split(" CMD ", 1)[1]
    assert command.startswith("[")  # exec form: no shell needed in the image
    assert "python" in command and "deploy/healthcheck.py" in command
    assert '"/healthz"' in (ROOT / "deploy" / "healthcheck.py").read_text()


def test_dependencies_are_a_cached_layer_before_the_source(instructions):
    source = _index(instructions, "COPY", r"^\. ")
    install = _index(instructions, "RUN", r"pip install -r")
    assert install < source
    copied_before = [i.arguments.split()[0] for i in instructions[:install] if i.keyword == "COPY"]
    assert set(copied_before) == {"pyproject.toml", "deploy/requirements.py"}


def test_the_project_is_installed_once_and_never_as_a_package(instructions):
    runs = " ".join(i.arguments for i in instructions if i.keyword == "RUN")
    assert not re.search(r"pip install[^&]*\s(-e\s+)?\.(\s|$|\[)", runs)
    assert [i.arguments for i in instructions if i.keyword == "COPY"].count(". .") == 1


def test_static_files_are_collected_at_build_time_after_the_source(instructions):
    collect = _index(instructions, "RUN", r"manage\.py collectstatic --noinput")
    assert collect > _index(instructions, "COPY", r"^\. ")
    # The build's key lives in that one command, never in the image's environment.
    assert not any(i.keyword == "ENV" and "SECRET_KEY" in i.arguments for i in instructions)


def test_compression_includes_brotli():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert any(d.startswith("whitenoise[brotli]") for d in pyproject["project"]["dependencies"])
    settings = (ROOT / "portfolio" / "settings.py").read_text()
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in settings


def test_the_requirements_layer_lists_the_dependencies_and_the_s3_extra():
    result = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "requirements.py"), "s3"],
        capture_output=True,
        text=True,
        check=True,
    )
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    expected = project["dependencies"] + project["optional-dependencies"]["s3"]
    assert result.stdout.split("\n")[:-1] == expected


def test_every_file_the_dockerfile_copies_exists(instructions):
    for copy in (i for i in instructions if i.keyword == "COPY"):
        for source in copy.arguments.split()[:-1]:
            assert (ROOT / source).exists(), source
            assert source == "." or not is_ignored(source, dockerignore())


@pytest.mark.parametrize(
    "path",
    [
        ".git/config",
        ".venv/bin/python",
        "node_modules/axe-core/axe.min.js",
        "media/avatars/a.png",
        "db.sqlite3",
        "db.sqlite3-wal",
        "staticfiles/css/site.css",
        "portfolio/__pycache__/settings.cpython-312.pyc",
        ".pytest_cache/v/cache",
        ".ruff_cache/0.6/x",
        ".env",
        "portfolio_cms.egg-info/PKG-INFO",
        "tests/portfolio/test_media.py",
        "docs/screenshots/cv-desktop-light.png",
    ],
)
def test_the_build_context_leaves_out(path):
    assert is_ignored(path, dockerignore())


@pytest.mark.parametrize(
    "path",
    [
        "manage.py",
        "gunicorn.conf.py",
        "pyproject.toml",
        "portfolio/wsgi.py",
        "deploy/healthcheck.py",
        "deploy/requirements.py",
        "templates/base.html",
        "static/css/site.css",
        "importers/__init__.py",
        "examples",
    ],
)
def test_the_build_context_keeps_what_the_site_needs(path):
    assert (ROOT / path).exists()
    assert not is_ignored(path, dockerignore())
