"""The Person admin: one page for the person, their links, sections and roles."""

from __future__ import annotations

from django.urls import reverse

from people.models import Person
from portfolio.models import Status
from tests import factories
from timeline.models import Role

ADD_URL = reverse("admin:people_person_add")


def management_form(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def person_form(**fields: str) -> dict[str, str]:
    data = {
        "name": "Grace Example",
        "slug": "grace-example",
        "headline": "Compiler engineer",
        "location": "",
        "bio": "I write **compilers**.",
        "email": "",
        "website": "",
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "tags": "compilers, cobol",
        **management_form("links", 0),
        **management_form("aliases", 0),
        **management_form("sections", 0),
        **management_form("roles", 0),
    }
    data.update(fields)
    return data


def test_adding_a_person_saves_them_and_renders_the_bio(admin_client):
    response = admin_client.post(ADD_URL, person_form())

    assert response.status_code == 302
    person = Person.objects.get(slug="grace-example")
    assert person.bio_html.strip() == "<p>I write <strong>compilers</strong>.</p>"
    assert sorted(person.tags.names()) == ["cobol", "compilers"]


def test_adding_a_person_saves_their_inline_links_sections_and_roles(admin_client):
    organization = factories.make_organization(name="Navy Lab")
    data = person_form(
        **management_form("links", 1),
        **{
            "links-0-kind": "github",
            "links-0-url": "https://github.com/grace",
            "links-0-order": "1",
        },
        **management_form("sections", 1),
        **{
            "sections-0-title": "Things I have built",
            "sections-0-kind": "text",
            "sections-0-order": "1",
            "sections-0-body": "- A *compiler*",
        },
        **management_form("roles", 1),
        **{
            "roles-0-title": "Rear admiral",
            "roles-0-organization": str(organization.pk),
            "roles-0-kind": Role.Kind.FULL_TIME,
            "roles-0-start_date": "1967-08-01",
            "roles-0-start_precision": "month",
            "roles-0-end_date": "",
            "roles-0-end_precision": "month",
            "roles-0-order": "0",
            "roles-0-status": Status.PUBLISHED,
        },
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["errors"]
    person = Person.objects.get(slug="grace-example")
    assert person.links.get().url == "https://github.com/grace"
    assert "<em>compiler</em>" in person.sections.get().body_html
    role = person.roles.get()
    assert (role.title, role.organization, role.is_current) == ("Rear admiral", organization, True)


def test_role_inline_refuses_an_end_before_the_start(admin_client):
    data = person_form(
        **management_form("roles", 1),
        **{
            "roles-0-title": "Time traveller",
            "roles-0-kind": Role.Kind.OTHER,
            "roles-0-start_date": "2020-01-01",
            "roles-0-start_precision": "year",
            "roles-0-end_date": "2019-01-01",
            "roles-0-end_precision": "year",
            "roles-0-order": "0",
            "roles-0-status": Status.DRAFT,
        },
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Person.objects.filter(slug="grace-example").exists()


def test_person_change_page_shows_links_sections_and_roles_inline(admin_client):
    person = factories.make_person()
    factories.make_link(person, url="https://github.com/ada-inline")
    factories.make_section(person, title="Timeline:", body="Some *text*")
    factories.make_role(person, title="Analyst")

    response = admin_client.get(reverse("admin:people_person_change", args=[person.pk]))

    html = response.content.decode()
    assert "https://github.com/ada-inline" in html
    assert "Timeline:" in html
    assert 'value="Analyst"' in html
    # the section's body gets the markdownx editor inside the inline
    assert 'name="sections-0-body"' in html
    assert html.count("markdownx-editor") >= 2


def test_person_change_page_links_to_their_records_elsewhere(admin_client):
    person = factories.make_person()
    factories.make_role(person)
    factories.make_role(person)
    factories.make_publication(person)
    other = factories.make_role()

    response = admin_client.get(reverse("admin:people_person_change", args=[person.pk]))

    html = response.content.decode()
    roles_url = reverse("admin:timeline_role_changelist") + f"?person__id__exact={person.pk}"
    publications_url = (
        reverse("admin:publications_publication_changelist") + f"?people__id__exact={person.pk}"
    )
    assert f'<a href="{roles_url}">2 roles</a>' in html
    assert f'<a href="{publications_url}">1 publication</a>' in html
    add_role_url = reverse("admin:timeline_role_add") + f"?person={person.pk}"
    assert f'<a href="{add_role_url}">add</a>' in html
    add_page = admin_client.get(add_role_url).content.decode()
    assert f'<option value="{person.pk}" selected>{person.name}</option>' in add_page
    filtered = admin_client.get(roles_url).content.decode()
    assert f'value="{other.pk}"' not in filtered


def test_people_list_shows_avatar_thumbnails(admin_client):
    factories.make_person(avatar="avatars/ada.png")

    response = admin_client.get(reverse("admin:people_person_changelist"))

    assert '<img src="/media/avatars/ada.png"' in response.content.decode()


def test_people_list_filters_by_the_tags_people_have(admin_client):
    tagged = factories.make_person(name="Tagged Person", tags=["rust"])
    factories.make_person(name="Untagged Person")
    project_tag = factories.make_project(tags=["only-on-projects"]).tags.get()
    changelist = reverse("admin:people_person_changelist")
    tag = tagged.tags.get()
    filters = admin_client.get(changelist).content.decode()
    assert f"?tags__id__exact={tag.pk}" in filters
    assert f"?tags__id__exact={project_tag.pk}" not in filters

    response = admin_client.get(changelist, {"tags__id__exact": tag.pk})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tagged Person" in html
    assert "Untagged Person" not in html


def test_person_change_page_offers_view_on_site(admin_client):
    person = factories.make_person()

    response = admin_client.get(reverse("admin:people_person_change", args=[person.pk]))

    assert "viewsitelink" in response.content.decode()


def test_social_link_change_page_has_no_view_on_site_link(admin_client):
    link = factories.make_link(factories.make_person())

    response = admin_client.get(reverse("admin:people_sociallink_change", args=[link.pk]))

    assert response.status_code == 200
    assert "viewsitelink" not in response.content.decode()


def test_role_inline_finds_organizations_by_autocomplete(admin_client):
    factories.make_organization(name="Navy Lab")
    factories.make_organization(name="Other Place")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "timeline",
            "model_name": "role",
            "field_name": "organization",
            "term": "navy",
        },
    )

    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Navy Lab"]


def test_person_change_page_uses_autocomplete_for_role_organizations(admin_client):
    person = factories.make_person()
    factories.make_role(person)

    response = admin_client.get(reverse("admin:people_person_change", args=[person.pk]))

    html = response.content.decode()
    assert 'name="roles-0-organization"' in html
    assert "admin-autocomplete" in html


def test_aliases_are_edited_inline_on_the_person(admin_client):
    data = person_form(
        **management_form("aliases", 2),
        **{"aliases-0-name": "G. Example", "aliases-1-name": "Example, Grace"},
    )
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["errors"]
    person = Person.objects.get(slug="grace-example")
    assert sorted(a.key for a in person.aliases.all()) == ["g example", "grace example"]
    page = admin_client.get(reverse("admin:people_person_change", args=[person.pk]))
    assert b'name="aliases-0-name"' in page.content


def test_an_alias_belongs_to_one_person_only(admin_client):
    other = factories.make_person(name="Gina Example")
    other.aliases.create(name="G. Example")
    response = admin_client.post(
        ADD_URL, person_form(**management_form("aliases", 1), **{"aliases-0-name": "g example"})
    )
    assert response.status_code == 200
    assert "already an alias of Gina Example" in response.content.decode()
    twice = person_form(
        **management_form("aliases", 2),
        **{"aliases-0-name": "G. Example2", "aliases-1-name": "g example2"},
    )
    response = admin_client.post(ADD_URL, twice)
    assert response.status_code == 200
    assert "is listed twice" in response.content.decode()
    assert not Person.objects.filter(slug="grace-example").exists()
