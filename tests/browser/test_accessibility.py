"""axe-core finds no serious or critical accessibility problem on the main pages."""

import pytest

from tests.browser.conftest import axe_violations, main_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_main_pages_have_no_serious_accessibility_violations(site, new_page, color_scheme):
    page = new_page(color_scheme=color_scheme)
    problems = {}
    for name, path in main_pages().items():
        page.goto(site.url + path)
        if violations := axe_violations(page):
            problems[name] = violations
    assert problems == {}


def test_keyboard_users_can_skip_to_the_content(site, new_page):
    page = new_page()
    page.goto(site.url + "/people/ines-marlow/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
