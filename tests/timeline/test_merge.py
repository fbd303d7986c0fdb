"""Merging organizations: every record moves, in one transaction, and old pages redirect."""

from __future__ import annotations

import pytest
from django.contrib.redirects.models import Redirect
from django.urls import reverse

from tests import factories
from timeline.models import Education, Organization, Role
from timeline.services import organization_merge

pytestmark = pytest.mark.django_db


def test_merge_moves_roles_and_education_and_deletes_the_others():
    keep = factories.make_organization(name="Amazon")
    dupe = factories.make_organization(name="Amazon.com", url="https://amazon.example")
    factories.make_role(organization=keep)
    moved_role = factories.make_role(organization=dupe)
    moved_education = factories.make_education(institution=dupe)
    moved = organization_merge(keep, [dupe])
    assert moved == 2
    assert Role.objects.get(pk=moved_role.pk).organization == keep
    assert Education.objects.get(pk=moved_education.pk).institution == keep
    assert not Organization.objects.filter(pk=dupe.pk).exists()
    keep.refresh_from_db()
    assert keep.url == "https://amazon.example"  # what the kept one lacked
    redirect = Redirect.objects.get(old_path="/organizations/amazoncom/")
    assert redirect.new_path == keep.get_absolute_url()


def test_merge_is_all_or_nothing(monkeypatch):
    keep = factories.make_organization()
    dupe = factories.make_organization()
    role = factories.make_role(organization=dupe)

    def explode(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Organization, "delete", explode)
    with pytest.raises(RuntimeError):
        organization_merge(keep, [dupe])
    assert Role.objects.get(pk=role.pk).organization == dupe
    assert Organization.objects.filter(pk=dupe.pk).exists()


def test_the_admin_action_asks_which_to_keep_then_merges(admin_client):
    keep = factories.make_organization(name="Initech")
    dupe = factories.make_organization(name="Initech Inc")
    factories.make_role(organization=dupe)
    url = reverse("admin:timeline_organization_changelist")
    selected = {"action": "merge_organizations", "_selected_action": [keep.pk, dupe.pk]}
    confirm = admin_client.post(url, selected)
    assert confirm.status_code == 200
    assert b"Choose the organization to keep" in confirm.content
    assert Organization.objects.count() == 2
    response = admin_client.post(url, {**selected, "post": "yes", "keep": keep.pk})
    assert response.status_code == 302
    assert list(Organization.objects.all()) == [keep]
    assert keep.roles.count() == 1


def test_merging_one_organization_is_refused_with_a_message(admin_client):
    org = factories.make_organization()
    url = reverse("admin:timeline_organization_changelist")
    response = admin_client.post(
        url, {"action": "merge_organizations", "_selected_action": [org.pk]}, follow=True
    )
    assert b"Select two or more organizations" in response.content
