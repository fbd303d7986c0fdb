"""The admin dashboard shows everyone's recent changes, linked to the records."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import Person

pytestmark = pytest.mark.django_db

CV = Path(__file__).resolve().parents[1] / "fixtures" / "markdown-cv" / "ada_quill.md"


def test_recent_changes_list_imports_with_links(admin_client):
    call_command("import_markdown", str(CV), stdout=StringIO(), stderr=StringIO())
    person = Person.objects.get(name="Ada Quill")
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Recent changes" in html
    assert "Imported from ada_quill.md" in html
    assert reverse("admin:people_person_change", args=[person.pk]) in html


def test_recent_changes_cost_the_same_queries_for_few_and_many_records(admin_client):
    call_command("import_markdown", str(CV), stdout=StringIO(), stderr=StringIO())
    with CaptureQueriesContext(connection) as few:
        admin_client.get(reverse("admin:index"))
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    call_command("import_markdown", str(fixtures), stdout=StringIO(), stderr=StringIO())
    with CaptureQueriesContext(connection) as many:
        admin_client.get(reverse("admin:index"))
    assert len(many.captured_queries) <= len(few.captured_queries) + 12
