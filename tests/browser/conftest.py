"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`apt-get install chromium`; `make browser-deps` does it) and
axe-core from npm (`npm ci`). Playwright's own browser download is never used. Without them
these tests skip with the reason, except in CI (`CI=true`), where they fail.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def _missing() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists():
        return f"Chromium is missing at {CHROMIUM} (make browser-deps, or apt-get install chromium)"
    if not AXE.exists():
        return f"axe-core is missing at {AXE} (npm ci)"
    return ""


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    """Outside CI, missing requirements skip the browser tests with the reason; in CI they
    run and fail loudly (see `browser`)."""
    reason = _missing()
    if reason and not _in_ci():
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {reason}"))


@pytest.fixture(scope="package")
def browser(django_db_setup, live_server):
    """One Chromium for all browser tests, stopped when they end: Playwright's event loop
    would otherwise make Django refuse database calls in the tests that follow. The test
    database and the live server start first, for the same reason."""
    reason = _missing()
    if reason:
        if _in_ci():
            pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's loop runs in this thread while tests make and flush data, which Django
    # refuses by default; nothing else runs on that loop, so the check is lifted meanwhile.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(browser, live_server, settings, tmp_path):
    """The sample people from examples/, published, one of them with an avatar, served live."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("import_markdown", str(ROOT / "examples"), publish=True, stdout=io.StringIO())
    from people.models import Person

    person = Person.objects.get(slug="ines-marlow")
    person.avatar.save("ines.png", ContentFile(_portrait_png()), save=True)
    person.tags.add("Python", "Information retrieval")
    for project in Person.objects.get(slug="tomasz-okafor").projects.all():
        project.tags.add("Python")
    return live_server


def _portrait_png() -> bytes:
    """A generated, abstract portrait: a person's silhouette on a warm gradient."""
    from PIL import Image, ImageDraw

    size = 512
    image = Image.new("RGB", (size, size))
    draw = ImageDraw.Draw(image)
    for y in range(size):
        t = y / size
        draw.line(
            [(0, y), (size, y)], fill=(int(236 - 60 * t), int(150 - 40 * t), int(90 + 70 * t))
        )
    draw.ellipse([176, 110, 336, 270], fill=(58, 42, 60))
    draw.ellipse([96, 300, 416, 640], fill=(58, 42, 60))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def new_page(browser):
    """Open pages with a given viewport and colour scheme; every context is closed after."""
    contexts = []

    def open_page(viewport=DESKTOP, color_scheme="light"):
        context = browser.new_context(
            viewport=viewport, color_scheme=color_scheme, device_scale_factor=1
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """axe-core's violations of the given impacts on the page, one line each."""
    # Evaluated through the DevTools protocol, which the page's Content Security Policy does
    # not govern; a <script> tag with axe's code inline would be refused by it.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def main_pages() -> dict[str, str]:
    """The pages every browser test visits, by name (paths on the sample site)."""
    from publications.models import Interview

    return {
        "directory": "/",
        "profile": "/people/ines-marlow/",
        "interview": Interview.objects.get(person__slug="ines-marlow").get_absolute_url(),
        "cv": "/people/wren-castillo/cv/",
        "search": "/search/?q=robots",
        "tag": "/tags/python/",
        "organization": "/organizations/lumen-labs/",
    }
