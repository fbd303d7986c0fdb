"""Invisible characters never reach a plain-text field, at import or in the admin, and
cannot make a lookalike of someone or attach a document to them unnoticed."""

from __future__ import annotations

import pytest

from importers.load import document_load
from importers.parse import parse_document
from people.models import Person
from portfolio.models import Status
from portfolio.text import invisible_characters, plain_text
from tests import factories
from tests.people.test_admin import ADD_URL, person_form
from timeline.models import Organization

INVISIBLE = ["\u200b", "\u200e", "\u202e", "\u2066", "\u2069", "\ufeff", "\u2060", "\u00ad"]


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_and_bidi_characters_are_removed(char):
    assert plain_text(f"Sayak{char} Paul") == "Sayak Paul"
    assert plain_text(f"{char}Ada{char}") == "Ada"
    assert invisible_characters(f"Ada{char}") == [f"U+{ord(char):04X}"]


@pytest.mark.parametrize(
    "text",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: the non-joiner is spelling
        "\u0915\u094d\u200d\u0937",  # Devanagari: the joiner picks a half form
        "\U0001f469\u200d\U0001f4bb",  # an emoji sequence: woman technologist
    ],
)
def test_joiners_stay_where_a_script_needs_them(text):
    assert plain_text(text) == text
    assert invisible_characters(text) == []


def test_joiners_between_latin_letters_go():
    assert plain_text("Ad\u200da Qu\u200cill") == "Ada Quill"


def test_text_is_nfc_normalized_and_controls_and_runs_of_space_go():
    assert plain_text("Cafe\u0301") == "Caf\u00e9"
    assert plain_text("Ada\x07\x1b  Quill\r\n") == "Ada Quill"


@pytest.mark.django_db
def test_saving_cleans_every_one_line_field():
    person = factories.make_person(name="\u202eAda\u200b Quill", headline="Staff\u2066 Engineer")
    org = Organization.objects.create(name="Glo\u200bbex")
    person.refresh_from_db()
    assert (person.name, person.headline) == ("Ada Quill", "Staff Engineer")
    org.refresh_from_db()
    assert org.name == "Globex"


@pytest.mark.django_db
def test_the_admin_refuses_a_name_of_invisible_characters(admin_client):
    response = admin_client.post(ADD_URL, person_form(name="\u200b\u202e\ufeff", slug=""))
    assert response.status_code == 200
    assert "name" in response.context["adminform"].form.errors
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_the_admin_stores_a_name_without_its_invisible_characters(admin_client):
    response = admin_client.post(ADD_URL, person_form(name="Grace\u200b \u202eExample"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Person.objects.get().name == "Grace Example"


@pytest.mark.django_db
def test_an_imported_name_of_invisible_characters_is_never_published():
    doc = parse_document("---\nname: \u200b\u200b\n---\n\nSome words.\n".encode(), "x.md")
    report = document_load(doc, source="x.md", publish=True)
    assert report.ok, report.error
    person = Person.objects.get()
    assert person.status == Status.DRAFT
    assert person.name.startswith("Unnamed profile")
    assert person.slug != "item"


@pytest.mark.django_db
def test_an_imported_name_loses_its_invisible_characters_with_a_warning():
    doc = parse_document("---\nname: Ada\u200b Qu\u202eill\n---\n\nHello.\n".encode(), "a.md")
    report = document_load(doc, source="a.md")
    assert Person.objects.get().name == "Ada Quill"
    assert any("U+200B" in w and "U+202E" in w for w in report.warnings)


@pytest.mark.django_db
def test_a_name_written_with_a_hidden_character_is_still_read_as_the_title():
    doc = parse_document("# Ada\u200b Quill\n\nI build compilers.\n".encode(), "a.md")
    assert doc.person.name == "Ada Quill"
    assert "Ada" not in doc.person.bio


LOOKALIKE = """---
name: "Sayak\u200b Paul"
---

# Sayak\u200b Paul

I am someone else entirely, and this is my bio.

- [GitHub](https://github.com/not-sayak)
"""


@pytest.mark.django_db
def test_a_lookalike_name_does_not_overwrite_a_published_persons_bio():
    sayak = factories.make_person(name="Sayak Paul", bio="The real bio.", status=Status.PUBLISHED)
    factories.make_link(sayak, kind="twitter", url="https://twitter.com/sayakpaul")
    doc = parse_document(LOOKALIKE.encode(), "lookalike.md")
    report = document_load(doc, source="lookalike.md", publish=True)
    assert report.ok, report.error
    sayak.refresh_from_db()
    assert sayak.bio == "The real bio."
    assert any("by name alone" in w for w in report.warnings)
    # Nothing of the document is lost: its bio is a section an editor can look at.
    assert sayak.sections.filter(body__contains="someone else entirely").exists()


@pytest.mark.django_db
def test_a_name_match_that_shares_a_profile_link_updates_as_before():
    sayak = factories.make_person(name="Sayak Paul", bio="", status=Status.PUBLISHED)
    factories.make_link(sayak, url="https://github.com/not-sayak")
    doc = parse_document(LOOKALIKE.encode(), "lookalike.md")
    report = document_load(doc, source="lookalike.md", publish=True)
    assert report.ok, report.error
    sayak.refresh_from_db()
    assert "someone else entirely" in sayak.bio
    assert not any("by name alone" in w for w in report.warnings)
