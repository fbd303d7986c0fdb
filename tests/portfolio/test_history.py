"""History and undo: versions on every admin save and import, compare, revert, recover."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
import reversion
from django.core.management import call_command
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from reversion.models import Version

from people.models import Person
from tests import factories
from timeline.models import Role

pytestmark = pytest.mark.django_db

CV = Path(__file__).resolve().parents[1] / "fixtures" / "markdown-cv" / "ada_quill.md"


def _value(bound_field):
    value = bound_field.value()
    if isinstance(value, FieldFile):
        return None
    if bound_field.name == "tags" and value is not None and not isinstance(value, str):
        return ", ".join(getattr(tag, "name", str(tag)) for tag in value)
    if isinstance(value, list | tuple):
        return [getattr(v, "pk", v) for v in value]
    return getattr(value, "pk", value)


def _form_data(client, url: str) -> dict:
    """The admin form at url as a browser would post it back, inlines included."""
    response = client.get(url)
    form = response.context["adminform"].form
    data = {name: _value(form[name]) for name in form.fields}
    for formset in response.context["inline_admin_formsets"]:
        prefix = formset.formset.prefix
        management = formset.formset.management_form
        for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{prefix}-{key}"] = management[key].value()
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                data[inline_form.add_prefix(name)] = _value(inline_form[name])
    return {key: value for key, value in data.items() if value is not None}


def _change_person(client, person, **changes):
    """Post the person's admin form with its current values, changed."""
    url = reverse("admin:people_person_change", args=[person.pk])
    data = {**_form_data(client, url), **changes}
    response = client.post(url, data)
    assert response.status_code == 302


def test_an_admin_save_makes_a_version_with_who(admin_client, superuser):
    person = factories.make_person(headline="First")
    _change_person(admin_client, person, headline="Second")
    versions = Version.objects.get_for_object(person)
    assert versions.count() == 1
    assert versions[0].revision.user == superuser
    assert versions[0].field_dict["headline"] == "Second"


def test_an_import_makes_a_version_saying_where_it_came_from():
    call_command("import_markdown", str(CV), stdout=StringIO(), stderr=StringIO())
    person = Person.objects.get(name="Ada Quill")
    version = Version.objects.get_for_object(person).get()
    assert version.revision.get_comment() == "Imported from ada_quill.md"
    # Records inserted in bulk are in the same version.
    role = person.roles.first()
    assert Version.objects.get_for_object(role).get().revision == version.revision


def test_history_page_offers_two_versions_to_compare(admin_client):
    person = factories.make_person(headline="First")
    _change_person(admin_client, person, headline="Second")
    _change_person(admin_client, person, headline="Third")
    html = admin_client.get(reverse("admin:people_person_history", args=[person.pk])).content
    assert html.decode().count('type="radio" name="a"') == 2
    assert b"Compare selected versions" in html


def test_compare_shows_what_changed_between_two_versions(admin_client):
    person = factories.make_person(headline="First headline", bio="Same bio")
    _change_person(admin_client, person, headline="Second headline")
    _change_person(admin_client, person, headline="Third headline <b>")
    older, newer = sorted(Version.objects.get_for_object(person), key=lambda v: v.pk)
    url = reverse("admin:people_person_compare", args=[person.pk])
    response = admin_client.get(url, {"a": newer.pk, "b": older.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Second</del> <ins>Third</ins> headline <ins>&lt;b&gt;</ins>" in html
    assert "Same bio" not in html  # unchanged fields are not listed


def test_compare_refuses_versions_of_another_record(admin_client):
    one, other = factories.make_person(), factories.make_person()
    _change_person(admin_client, one, headline="x")
    _change_person(admin_client, other, headline="y")
    theirs = Version.objects.get_for_object(other).get()
    mine = Version.objects.get_for_object(one).get()
    url = reverse("admin:people_person_compare", args=[one.pk])
    assert admin_client.get(url, {"a": mine.pk, "b": theirs.pk}).status_code == 404


def test_compare_refuses_anonymous_users(client):
    person = factories.make_person()
    response = client.get(reverse("admin:people_person_compare", args=[person.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_revert_restores_an_older_version(admin_client):
    person = factories.make_person(headline="Original")
    _change_person(admin_client, person, headline="Original")
    _change_person(admin_client, person, headline="Vandalised")
    original = min(Version.objects.get_for_object(person), key=lambda v: v.pk)
    url = reverse("admin:people_person_revision", args=[person.pk, original.pk])
    form_page = admin_client.get(url)
    assert form_page.status_code == 200
    person.refresh_from_db()
    assert person.headline == "Vandalised"  # looking at a version changes nothing
    _post_revision_form(admin_client, url, form_page)  # after looking, post it back
    person.refresh_from_db()
    assert person.headline == "Original"


def _post_revision_form(client, url, form_page):
    data = _form_data(client, url)
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]


def test_recover_deleted_restores_a_deleted_role(admin_client):
    with reversion.create_revision():
        role = factories.make_role(title="Deleted by mistake")
    pk = role.pk
    response = admin_client.post(reverse("admin:timeline_role_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Role.objects.filter(pk=pk).exists()
    deleted = Version.objects.get_deleted(Role).get()
    listing = admin_client.get(reverse("admin:timeline_role_recoverlist"))
    assert b"Deleted by mistake" in listing.content
    url = reverse("admin:timeline_role_recover", args=[deleted.pk])
    _post_revision_form(admin_client, url, admin_client.get(url))
    assert Role.objects.get(pk=pk).title == "Deleted by mistake"


def test_bulk_publish_makes_a_version(admin_client, superuser):
    person = factories.make_person(status="draft")
    admin_client.post(
        reverse("admin:people_person_changelist"),
        {"action": "publish_selected", "_selected_action": [person.pk]},
    )
    version = Version.objects.get_for_object(person).get()
    assert version.revision.user == superuser
    assert version.revision.get_comment() == "Published"
