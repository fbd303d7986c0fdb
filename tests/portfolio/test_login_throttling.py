"""Login throttling: repeated failures lock out one username from one address, nobody else."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-good-long-password"
HOME = "198.51.100.7"
ELSEWHERE = "203.0.113.9"


def _log_in(username: str, password: str = PASSWORD, **meta):
    """One attempt through the admin's login form, from a fresh browser (no session)."""
    meta.setdefault("REMOTE_ADDR", HOME)
    return Client().post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        **meta,
    )


def _logged_in(response) -> bool:
    return response.status_code == 302 and "sessionid" in response.cookies


def _fail_until_locked(username: str, settings, **meta):
    responses = [_log_in(username, "wrong", **meta) for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert all(r.status_code == 200 for r in responses[:-1])
    return responses[-1]


@pytest.fixture
def editor():
    return factories.make_user(staff=True, username="editor", password=PASSWORD)


def test_a_right_password_logs_in(editor):
    assert _logged_in(_log_in("editor"))


def test_repeated_failures_lock_out_the_user_from_that_address(editor, settings):
    locked = _fail_until_locked("editor", settings)
    assert locked.status_code == 429
    # Even the right password is refused now.
    response = _log_in("editor")
    assert response.status_code == 429
    assert not _logged_in(response)


def test_the_lockout_page_says_what_happened_and_for_how_long(editor, settings):
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    html = _fail_until_locked("editor", settings).content.decode()
    assert "Too many failed attempts to log in as “editor” from your address" in html
    assert f"After {settings.AXES_FAILURE_LIMIT} failed attempts in a row" in html
    assert "for 15 minutes" in html
    assert "Other users, and this user from elsewhere, are not affected." in html
    # The admin's own page, under the site's policy.
    assert "Portfolio admin" in html


def test_a_lockout_locks_out_no_one_else(editor, settings):
    factories.make_user(staff=True, username="colleague", password=PASSWORD)
    _fail_until_locked("editor", settings)
    assert _logged_in(_log_in("colleague"))
    assert _logged_in(_log_in("editor", REMOTE_ADDR=ELSEWHERE))


def test_the_lockout_ends_after_the_cool_off(editor, settings):
    _fail_until_locked("editor", settings)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    )
    assert _logged_in(_log_in("editor"))


def test_a_success_forgets_earlier_failures(editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in("editor", "wrong")
    assert _logged_in(_log_in("editor"))
    assert _log_in("editor", "wrong").status_code == 200


def test_forwarded_addresses_are_ignored_unless_proxy_headers_are_trusted(editor, settings):
    settings.TRUST_PROXY_HEADERS = False
    # Each attempt claims a new address; the connection's own is what counts.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _log_in("editor", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}")
    assert _log_in("editor", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


def test_behind_a_trusted_proxy_the_address_it_saw_counts(editor, settings):
    settings.TRUST_PROXY_HEADERS = True
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # What the client wrote before the proxy's entry is not believed.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _log_in("editor", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}, {HOME}", **proxy)
    assert _log_in("editor", HTTP_X_FORWARDED_FOR=HOME, **proxy).status_code == 429
    # Someone else behind the same proxy is not locked out.
    assert _logged_in(_log_in("editor", HTTP_X_FORWARDED_FOR=ELSEWHERE, **proxy))
    assert AccessAttempt.objects.get().ip_address == HOME


def test_a_forwarded_value_that_is_no_address_falls_back_to_the_connection(editor, settings):
    settings.TRUST_PROXY_HEADERS = True
    _fail_until_locked("editor", settings, HTTP_X_FORWARDED_FOR="unknown", REMOTE_ADDR="10.0.0.2")
    assert AccessAttempt.objects.get().ip_address == "10.0.0.2"


def test_the_lockout_page_keeps_the_security_headers(editor, settings):
    response = _fail_until_locked("editor", settings)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
