import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from people.models import Person
from portfolio.models import Status
from publications.models import Interview, Patent, Publication, Talk
from tests import factories
from timeline.models import Award, Project, Role

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_directory_lists_published_people_only(client):
    factories.make_person(name="Visible Vera")
    factories.make_person(name="Hidden Hal", status=Status.DRAFT)
    html = client.get("/").content.decode()
    assert "Visible Vera" in html
    assert "Hidden Hal" not in html


@pytest.mark.django_db
def test_organization_page_lists_current_people_then_alumni(client):
    org = factories.make_organization(name="Acme Example")
    factories.make_role(factories.make_person(name="Now Nora"), organization=org)
    import datetime as dt

    factories.make_role(
        factories.make_person(name="Past Pete"),
        organization=org,
        end_date=dt.date(2022, 1, 1),
    )
    factories.make_role(factories.make_person(name="Draft Dan", status="draft"), organization=org)
    html = client.get(org.get_absolute_url()).content.decode()
    assert html.index("Now Nora") < html.index("Alumni") < html.index("Past Pete")
    assert "Draft Dan" not in html


@pytest.mark.django_db
def test_unknown_pages_get_the_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_no_migrations_are_missing():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_examples_import_and_reimport_without_duplicates(client):
    call_command("import_markdown", str(ROOT / "examples"), publish=True, stdout=StringIO())
    counts = (Person.objects.count(), Interview.objects.count(), Role.objects.count())
    call_command("import_markdown", str(ROOT / "examples"), publish=True, stdout=StringIO())
    assert (Person.objects.count(), Interview.objects.count(), Role.objects.count()) == counts
    assert counts[0] >= 3 and counts[1] >= 1
    for person in Person.objects.all():
        assert client.get(person.get_absolute_url()).status_code == 200
    assert client.get(Interview.objects.first().get_absolute_url()).status_code == 200
    # The sample site shows every kind of record.
    assert Patent.objects.exists() and Talk.objects.exists() and Award.objects.exists()
    assert Publication.objects.exists() and Project.objects.exists()


def _settings_env(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "TESTING"}}
    env.update(overrides)
    env["DJANGO_SETTINGS_MODULE"] = "portfolio.settings"
    return env


def test_missing_secret_key_stops_start_up_with_debug_off():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=_settings_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_mode_runs_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        cwd=ROOT,
        env=_settings_env(DEBUG="1"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
