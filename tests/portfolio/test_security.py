"""What the site enforces in the browser: the Content Security Policy and pages that need no
exception to it (no inline script, style attribute or event handler)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

# <script> types a browser keeps as data and never runs: CSP's script-src does not apply.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class _InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, style attributes and
    elements, and event handler attributes."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        runs = (names.get("type") or "").lower() not in DATA_SCRIPT_TYPES
        if tag == "script" and not names.get("src") and runs:
            self.found.append(self.get_starttag_text())
        if tag == "style":
            self.found.append("<style> element")
        for name, _value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(self.get_starttag_text())


def _inline_code(html: str) -> list[str]:
    parser = _InlineCode()
    parser.feed(html)
    return parser.found


@pytest.fixture
def pages():
    """A published person with every kind of record, and the public pages that show them."""
    org = factories.make_organization(name="Acme Example")
    person = factories.make_person(name="Ines Example", tags=["Python"], bio="Hello *there*.")
    factories.make_role(person, organization=org)
    factories.make_project(person, tags=["Python"])
    factories.make_talk(person)
    factories.make_publication(person)
    factories.make_link(person)
    interview = factories.make_interview(person, questions=2)
    return {
        "directory": "/",
        "profile": person.get_absolute_url(),
        "cv": reverse("people:cv", args=[person.slug]),
        "interview": interview.get_absolute_url(),
        "organization": org.get_absolute_url(),
        "tag": "/tags/python/",
        "search": "/search/?q=example",
        "not found": "/no-such-page/",
    }


def _admin_pages(person) -> dict[str, str]:
    return {
        "admin index": reverse("admin:index"),
        "person list": reverse("admin:people_person_changelist"),
        "person change form": reverse("admin:people_person_change", args=[person.pk]),
        "person add form": reverse("admin:people_person_add"),
    }


def test_every_page_carries_a_policy_without_inline_scripts(client, admin_client, pages):
    person = factories.make_person()
    responses = {name: client.get(path) for name, path in pages.items()}
    responses["admin login"] = client.get(reverse("admin:login"))
    responses |= {name: admin_client.get(path) for name, path in _admin_pages(person).items()}
    for name, response in responses.items():
        policy = response.get("Content-Security-Policy", "")
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        assert directives.get("script-src") == "'self'", (name, policy)
        assert directives.get("style-src") == "'self'", (name, policy)
        assert directives.get("object-src") == "'none'", (name, policy)
        assert directives.get("frame-ancestors") == "'none'", (name, policy)
        assert "unsafe" not in policy, (name, policy)


def test_public_pages_need_no_inline_code(client, pages):
    for name, path in pages.items():
        assert _inline_code(client.get(path).content.decode()) == [], name


def test_admin_pages_need_no_inline_code(admin_client):
    person = factories.make_person(bio="Some **bold** text.")
    factories.make_role(person)
    factories.make_section(person, body="A section.")
    for name, path in _admin_pages(person).items():
        response = admin_client.get(path)
        assert response.status_code == 200, name
        assert _inline_code(response.content.decode()) == [], name


def test_initials_avatars_take_their_size_and_hue_from_classes(client):
    person = factories.make_person(name="Hue Test")
    html = client.get(person.get_absolute_url()).content.decode()
    assert f'class="avatar avatar-128 avatar-initials hue-{person.avatar_hue}"' in html
    assert person.avatar_hue % 15 == 0 and 0 <= person.avatar_hue < 360
