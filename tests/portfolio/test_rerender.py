"""Stored markdown twins rendered again after the renderer changes (command and migrations)."""

from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from people.models import Person
from portfolio.models import MarkdownModel
from portfolio.services import markdown_twins
from publications.models import Question
from tests import factories
from timeline.models import Role

pytestmark = pytest.mark.django_db

# HTML as the renderer stored it before content ids were prefixed and backslash links refused.
OLD_HTML = '<h2 id="main">Hi</h2>\n<p><a href="\\\\evil.example/x">x</a></p>'
SOURCE = '<h2 id="main">Hi</h2>\n\n<a href="\\\\evil.example/x">x</a>'
NEW_HTML = '<h2 id="user-content-main">Hi</h2>\n<p><a>x</a></p>'


def _stored_before_the_change():
    person = factories.make_person(bio=SOURCE)
    role = factories.make_role(person, summary=SOURCE)
    question = factories.make_interview(person, questions=1).questions.get()
    question.answer = SOURCE
    question.save()
    Person.objects.filter(pk=person.pk).update(bio_html=OLD_HTML)
    Role.objects.filter(pk=role.pk).update(summary_html=OLD_HTML)
    Question.objects.filter(pk=question.pk).update(answer_html=OLD_HTML)
    return person, role, question


def test_the_command_renders_stale_twins_again_and_only_those():
    person, role, question = _stored_before_the_change()
    updated = Person.objects.get(pk=person.pk).updated
    out = io.StringIO()
    call_command("rerender_markdown", stdout=out)
    assert Person.objects.get(pk=person.pk).bio_html == NEW_HTML
    assert Role.objects.get(pk=role.pk).summary_html == NEW_HTML
    assert Question.objects.get(pk=question.pk).answer_html == NEW_HTML
    assert Person.objects.get(pk=person.pk).updated == updated
    assert "people.Person                1 changed" in out.getvalue()
    assert out.getvalue().endswith("3 record(s) changed.\n")
    out = io.StringIO()
    call_command("rerender_markdown", stdout=out)
    assert out.getvalue().endswith("0 record(s) changed.\n")


def test_a_dry_run_writes_nothing():
    person, _, _ = _stored_before_the_change()
    out = io.StringIO()
    call_command("rerender_markdown", dry_run=True, stdout=out)
    assert Person.objects.get(pk=person.pk).bio_html == OLD_HTML
    assert out.getvalue().endswith("3 record(s) would change.\n")


@pytest.mark.parametrize(
    ("app", "migration"),
    [
        ("people", "0007_rerender_markdown"),
        ("timeline", "0006_rerender_markdown"),
        ("publications", "0006_rerender_markdown"),
    ],
)
def test_the_migrations_render_their_apps_twins_again_with_historical_models(app, migration):
    person, role, question = _stored_before_the_change()
    historical = MigrationLoader(connection).project_state((app, migration)).apps
    module = importlib.import_module(f"{app}.migrations.{migration}")
    module.rerender(historical, None)
    stored = {
        "people": Person.objects.get(pk=person.pk).bio_html,
        "timeline": Role.objects.get(pk=role.pk).summary_html,
        "publications": Question.objects.get(pk=question.pk).answer_html,
    }
    assert stored.pop(app) == NEW_HTML
    assert set(stored.values()) == {OLD_HTML}


def test_twins_are_found_from_the_fields_exactly_as_the_models_declare_them():
    for model in apps.get_models():
        declared = getattr(model, "MARKDOWN_FIELDS", ()) if issubclass(model, MarkdownModel) else ()
        assert [source for source, _ in markdown_twins(model)] == sorted(declared), model
