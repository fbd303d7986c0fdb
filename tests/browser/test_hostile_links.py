"""Rendered content's links and images as Chromium itself resolves them: none leaves the site
without naming http(s) or mailto."""

from urllib.parse import urlsplit

import pytest

from portfolio.markdown import render_markdown
from tests import hostile_urls

pytestmark = pytest.mark.browser

PAGE = "https://site.example/people/x/"
# A second base of another scheme and host: an address that resolves the same against both
# names its own scheme and host; one that does not depends on the page (a path, or "//host").
ELSEWHERE = "http://elsewhere.example/a/"
RESOLVE = """elsewhere => [...document.querySelectorAll('a[href], img[src]')].map(element => {
    const raw = element.getAttribute(element.tagName === 'A' ? 'href' : 'src');
    let other = null;
    try { other = new URL(raw, elsewhere).href; } catch (error) {}
    return {
        html: element.outerHTML,
        resolved: element.tagName === 'A' ? element.href : element.src,
        other,
    };
})"""


def _content() -> str:
    return "\n".join(
        f"<div>{render_markdown(document)}</div>"
        for address in hostile_urls.ADDRESSES
        for document in hostile_urls.documents(address)
    )


def test_chromium_resolves_no_rendered_link_or_image_off_the_site(new_page):
    page = new_page()
    html = f"<!doctype html><html lang=en><title>x</title><body>{_content()}</body></html>"

    def answer(route):
        # The page is served from memory; nothing else (images included) is fetched.
        if route.request.url == PAGE:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
        else:
            route.abort()

    page.route("**/*", answer)
    page.goto(PAGE)
    links = page.evaluate(RESOLVE, ELSEWHERE)
    assert len(links) > 2 * len(hostile_urls.KEPT)
    for link in links:
        resolved = urlsplit(link["resolved"])
        if link["resolved"] == link["other"]:
            assert resolved.scheme in {"http", "https", "mailto"}, link
        else:
            assert (resolved.scheme, resolved.hostname) == ("https", "site.example"), link
