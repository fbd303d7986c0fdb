"""What the site enforces: the Content Security Policy and pages that need no exception to it
(no inline script, style attribute or event handler), HTTPS and the security headers with
production settings, and proxy headers believed only when told to."""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "portfolio.example.com,testserver",
    "DATABASE_URL": "sqlite:///:memory:",
}
# The settings production reads from its environment, and that tests then apply in process.
SECURITY_SETTINGS = (
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
)

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


def test_no_admin_list_or_add_form_needs_inline_code(admin_client):
    for model in admin.site._registry:
        opts = model._meta
        for view in ("changelist", "add"):
            response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}"))
            if response.status_code == 403:  # e.g. history rows, which nobody adds by hand
                continue
            assert response.status_code == 200, (opts.label, view)
            assert _inline_code(response.content.decode()) == [], (opts.label, view)


def test_initials_avatars_take_their_size_and_hue_from_classes(client):
    person = factories.make_person(name="Hue Test")
    html = client.get(person.get_absolute_url()).content.decode()
    assert f'class="avatar avatar-128 avatar-initials hue-{person.avatar_hue}"' in html
    assert person.avatar_hue % 15 == 0 and 0 <= person.avatar_hue < 360


def _production_env(**overrides) -> dict[str, str]:
    """This process's environment without anything that configures the site, plus production's
    variables: what a server with nothing but the documented variables set runs with."""
    ours = ("SECURE_", "SESSION_", "CSRF_", "TRUST_", "LOGIN_", "DEBUG", "TESTING", "SECRET_KEY")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update(PRODUCTION_ENV, **overrides, DJANGO_SETTINGS_MODULE="portfolio.settings")
    return env


def _settings_read_in(env: dict[str, str], names: tuple[str, ...] = SECURITY_SETTINGS) -> dict:
    """The named settings as a process started with `env` reads them (durations in seconds)."""
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}, "
        "default=lambda value: value.total_seconds()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    if values.get("SECURE_PROXY_SSL_HEADER"):
        values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture(scope="module")
def production_settings() -> dict:
    return _settings_read_in(_production_env())


@pytest.fixture(scope="module")
def behind_proxy_settings() -> dict:
    return _settings_read_in(_production_env(TRUST_PROXY_HEADERS="1"))


def _apply(settings, values: dict) -> None:
    for name, value in values.items():
        setattr(settings, name, value)


@pytest.mark.parametrize("trust_proxy", ["", "1"])
def test_deploy_checks_are_clean_with_production_settings(trust_proxy):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(TRUST_PROXY_HEADERS=trust_proxy),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_sends_plain_http_to_https(client, settings, production_settings):
    _apply(settings, production_settings)
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"


def test_production_responses_carry_the_security_headers(client, settings, production_settings):
    _apply(settings, production_settings)
    for path in ("/", reverse("admin:login")):
        response = client.get(path, secure=True)
        assert response.status_code == 200, path
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_production_cookies_are_secure_and_the_session_is_http_only(
    client, settings, production_settings
):
    _apply(settings, production_settings)
    user = factories.make_user(staff=True, password="a-good-long-password")
    form = client.get(reverse("admin:login"), secure=True)
    csrf = form.cookies["csrftoken"]
    assert csrf["secure"] is True
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": "a-good-long-password", "next": "/admin/"},
        secure=True,
    )
    assert response.status_code == 302, response.content.decode()[:500]
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


def test_forwarded_proto_is_ignored_unless_proxy_headers_are_trusted(
    client, settings, production_settings
):
    # Straight to gunicorn, anyone can claim to have come over HTTPS: the claim changes nothing.
    _apply(settings, production_settings)
    assert settings.SECURE_PROXY_SSL_HEADER is None
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301
    assert "Strict-Transport-Security" not in response


def test_forwarded_proto_is_believed_behind_a_trusted_proxy(
    client, settings, behind_proxy_settings
):
    _apply(settings, behind_proxy_settings)
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    # Behind the proxy, plain HTTP is still sent to HTTPS.
    assert client.get("/", headers={"X-Forwarded-Proto": "http"}).status_code == 301


def test_login_lockout_limits_come_from_the_environment():
    names = ("AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", "AXES_LOCKOUT_PARAMETERS")
    defaults = _settings_read_in(_production_env(), names)
    assert defaults == {
        "AXES_FAILURE_LIMIT": 5,
        "AXES_COOLOFF_TIME": 15 * 60,
        "AXES_LOCKOUT_PARAMETERS": [["username", "ip_address"]],
    }
    changed = _settings_read_in(
        _production_env(LOGIN_FAILURE_LIMIT="10", LOGIN_LOCKOUT_MINUTES="60"), names
    )
    assert changed["AXES_FAILURE_LIMIT"] == 10
    assert changed["AXES_COOLOFF_TIME"] == 60 * 60
