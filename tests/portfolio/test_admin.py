"""The admin as a whole: every model's pages, search, publish actions, markdownx preview."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.urls import reverse

from people.models import Person, ProfileSection, SocialLink
from portfolio.models import Status
from publications.models import Interview, Patent, Publication, Question, Talk
from tests import factories
from timeline.models import Award, Education, Organization, Project, Role

PROJECT_APPS = {"people", "timeline", "publications", "portfolio"}

# One saved object per registered model, so each changelist renders a row.
MAKERS = {
    Person: factories.make_person,
    SocialLink: lambda: factories.make_link(factories.make_person()),
    ProfileSection: lambda: factories.make_section(factories.make_person(), body="Hello"),
    Organization: factories.make_organization,
    Role: factories.make_role,
    Education: factories.make_education,
    Project: factories.make_project,
    Award: factories.make_award,
    Publication: lambda: factories.make_publication(factories.make_person()),
    Patent: lambda: factories.make_patent(factories.make_person()),
    Talk: factories.make_talk,
    Interview: lambda: factories.make_interview(questions=2),
    Question: lambda: factories.make_interview(questions=1).questions.get(),
}

PROJECT_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in PROJECT_APPS),
    key=lambda model: model._meta.label,
)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_project_model_is_registered():
    assert set(MAKERS) == set(PROJECT_MODELS)


@pytest.fixture(params=PROJECT_MODELS, ids=lambda model: model._meta.label)
def saved(request, db):
    model = request.param
    return model, MAKERS[model]()


def test_changelist_lists_the_saved_row(admin_client, saved):
    model, obj = saved

    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert f'name="_selected_action" value="{obj.pk}"' in response.content.decode()


def test_changelist_search_answers(admin_client, saved):
    model, _ = saved

    response = admin_client.get(admin_url(model, "changelist"), {"q": "example"})

    assert response.status_code == 200


def test_add_page_answers(admin_client, saved):
    model, _ = saved

    response = admin_client.get(admin_url(model, "add"))

    assert response.status_code == 200


def test_change_page_answers(admin_client, saved):
    model, obj = saved

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert str(obj) in response.content.decode()


@pytest.mark.parametrize(
    "model", [Person, Role, Education, Project, Award, Publication, Patent, Talk, Interview]
)
def test_publishable_changelists_offer_bulk_publish_actions(admin_client, model):
    MAKERS[model]()
    plural = model._meta.verbose_name_plural

    html = admin_client.get(admin_url(model, "changelist")).content.decode()

    assert f'<option value="publish_selected">Publish selected {plural}</option>' in html
    assert f'<option value="unpublish_selected">Unpublish selected {plural}</option>' in html


def run_action(client, model, action: str, objects):
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )


def test_publish_action_publishes_selected_people_only(admin_client):
    drafts = [factories.make_person(status=Status.DRAFT) for _ in range(2)]
    untouched = factories.make_person(status=Status.DRAFT)

    response = run_action(admin_client, Person, "publish_selected", drafts)

    assert response.status_code == 200
    assert (
        Person.objects.filter(pk__in=[p.pk for p in drafts], status=Status.PUBLISHED).count() == 2
    )
    untouched.refresh_from_db()
    assert untouched.status == Status.DRAFT
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Published 2 people."]


def test_unpublish_action_reports_rows_already_unpublished(admin_client):
    published = factories.make_person(status=Status.PUBLISHED)
    draft = factories.make_person(status=Status.DRAFT)

    response = run_action(admin_client, Person, "unpublish_selected", [published, draft])

    published.refresh_from_db()
    assert published.status == Status.DRAFT
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Unpublished 1 person. 1 already unpublished."
    ]


def test_publish_action_sets_visibility_of_projects_and_keeps_their_progress(admin_client):
    project = factories.make_project(visibility=Status.DRAFT, status=Project.Progress.ACTIVE)

    run_action(admin_client, Project, "publish_selected", [project])

    project.refresh_from_db()
    assert project.visibility == Status.PUBLISHED
    assert project.status == Project.Progress.ACTIVE


def test_unpublish_action_sets_visibility_of_patents_and_keeps_their_stage(admin_client):
    patent = factories.make_patent(visibility=Status.PUBLISHED, status=Patent.Stage.PENDING)

    run_action(admin_client, Patent, "unpublish_selected", [patent])

    patent.refresh_from_db()
    assert patent.visibility == Status.DRAFT
    assert patent.status == Patent.Stage.PENDING


def test_publish_action_is_logged_in_the_objects_history(admin_client):
    from django.contrib.admin.models import LogEntry

    role = factories.make_role(status=Status.DRAFT)

    run_action(admin_client, Role, "publish_selected", [role])

    entry = LogEntry.objects.get(object_id=str(role.pk))
    assert entry.get_change_message() == "Changed status."


MARKDOWNIFY_URL = "/markdownx/markdownify/"


def test_markdown_preview_refuses_anonymous_users(client):
    response = client.post(MARKDOWNIFY_URL, {"content": "**bold**"})

    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("admin:login"))


def test_markdown_preview_refuses_logged_in_non_staff(client, db):
    client.force_login(factories.make_user())

    response = client.post(MARKDOWNIFY_URL, {"content": "**bold**"})

    assert response.status_code in {302, 403}


def test_markdown_preview_renders_sanitized_html_for_editors(editor_client):
    content = "**bold** <script>alert(1)</script> [x](javascript:alert(1))"

    response = editor_client.post(MARKDOWNIFY_URL, {"content": content})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>bold</strong>" in html
    assert "<script" not in html
    assert 'href="javascript:' not in html


@pytest.mark.parametrize(
    "url",
    ["/admin/", "/admin/people/person/", "/admin/people/person/add/", "/admin/timeline/role/"],
)
def test_anonymous_users_are_sent_to_the_admin_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_admin_is_titled_portfolio_admin(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert "Portfolio admin" in response.content.decode()


def test_markdown_fields_get_the_markdownx_editor(admin_client):
    response = admin_client.get(admin_url(Role, "add"))

    html = response.content.decode()
    assert 'name="summary"' in html
    assert "markdownx-editor" in html
    assert "markdownx/js/markdownx" in html
    assert "portfolio/admin/markdownx-inlines.js" in html


def test_html_twins_and_import_marks_are_not_editable(admin_client):
    role = factories.make_role(summary="Built *things*.")

    response = admin_client.get(admin_url(Role, "change", role.pk))

    html = response.content.decode()
    assert 'name="summary_html"' not in html
    assert 'name="import_hash"' not in html
    assert 'name="import_source"' not in html


def test_person_autocomplete_lists_people_by_name(admin_client):
    for name in ("Zoe Example", "Amy Example", "Max Example"):
        factories.make_person(name=name)

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "timeline", "model_name": "role", "field_name": "person", "term": "example"},
    )

    assert [item["text"] for item in response.json()["results"]] == [
        "Amy Example",
        "Max Example",
        "Zoe Example",
    ]


def test_project_admin_calls_its_status_progress_and_its_switch_visibility(admin_client):
    project = factories.make_project(status=Project.Progress.ACTIVE)

    changelist = admin_client.get(admin_url(Project, "changelist")).content.decode()
    change = admin_client.get(admin_url(Project, "change", project.pk)).content.decode()

    assert "By progress" in changelist
    assert "By visibility" in changelist
    assert '<td class="field-progress">Active</td>' in changelist
    # Optional: a project's progress is a fact of its source, never a default.
    assert '<label for="id_status">Progress:</label>' in change


def test_patent_admin_calls_its_status_stage(admin_client):
    patent = factories.make_patent(status=Patent.Stage.PENDING)

    changelist = admin_client.get(admin_url(Patent, "changelist")).content.decode()
    change = admin_client.get(admin_url(Patent, "change", patent.pk)).content.decode()

    assert "By stage" in changelist
    assert '<td class="field-stage">Pending</td>' in changelist
    assert '<label class="required" for="id_status">Stage:</label>' in change
