"""The public pages in a real browser: content, small screens, dark mode and print."""

import pytest

from tests.browser.conftest import PHONE, main_pages

pytestmark = pytest.mark.browser


def test_profile_renders_with_its_sections(site, new_page):
    page = new_page()
    page.goto(site.url + "/people/ines-marlow/")
    assert page.locator("h1").inner_text() == "Inés Marlow"
    headings = page.locator(".profile-section h2").all_inner_texts()
    assert headings[:3] == ["Timeline", "Talks", "Awards"]
    assert page.locator(".timeline-item").count() == 4
    assert page.get_by_role("img", name="Inés Marlow").first.is_visible()
    assert page.locator(".social-github .icon").is_visible()


def test_no_page_scrolls_sideways_on_a_375px_phone(site, new_page):
    page = new_page(viewport=PHONE)
    for name, path in main_pages().items():
        page.goto(site.url + path)
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll_width <= inner_width, (name, scroll_width, inner_width)


def test_no_page_scrolls_sideways_at_320px(site, new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    for name, path in main_pages().items():
        page.goto(site.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 320, (name, scroll_width)


def _colours(page) -> tuple[str, str]:
    return page.evaluate(
        "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]"
    )


def test_dark_mode_follows_the_system_colour_scheme(site, new_page):
    page = new_page()
    page.goto(site.url + "/people/ines-marlow/")
    light = _colours(page)
    page.emulate_media(color_scheme="dark")
    dark = _colours(page)
    assert light != dark
    assert light[0] == "rgb(255, 255, 255)"
    # Dark: a dark background with light text.
    background = [int(x) for x in dark[0][4:-1].split(",")]
    text = [int(x) for x in dark[1][4:-1].split(",")]
    assert sum(background) < 100 < 600 < sum(text)


def test_cv_prints_without_navigation(site, new_page):
    page = new_page()
    page.goto(site.url + "/people/wren-castillo/cv/")
    assert page.locator(".site-header").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("nav").first.is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("h1").inner_text() == "Wren Castillo"
    # Links print as text: the address follows the link.
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.cv-contact a[href^=\"http\"]'), '::after')"
        ".content"
    )
    assert "https://" in after


def test_pages_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + "/")
        page.fill("#directory-q", "robots")
        page.click("button[type=submit]")
        assert "q=robots" in page.url
        assert page.locator(".result").count() >= 1
        page.goto(site.url + "/people/tomasz-okafor/")
        page.locator("details.highlights summary").first.click()
        assert page.locator("details.highlights").first.get_attribute("open") is not None
    finally:
        context.close()
