"""Screenshots of the main pages (desktop and phone, light and dark) for the README."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, main_pages

pytestmark = pytest.mark.browser

SHOWN = ("directory", "profile", "interview", "cv", "search", "tag")


def test_main_pages_are_photographed_for_the_readme(site, new_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = main_pages()
    for scheme in ("light", "dark"):
        for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page = new_page(viewport=viewport, color_scheme=scheme)
            for name in SHOWN:
                page.goto(site.url + pages[name])
                path = SCREENSHOTS / f"{name}-{device}-{scheme}.png"
                page.screenshot(path=str(path), full_page=device == "phone" and False)
                assert path.stat().st_size > 5_000
