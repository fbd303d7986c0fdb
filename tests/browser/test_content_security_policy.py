"""The Content Security Policy in a real browser: no page breaks it, the admin and its
markdown editor still work under it, and it does block what it is there to block."""

import pytest

from people.models import Person
from tests import factories
from tests.browser.conftest import main_pages

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"

# Runs in every document before its own scripts, so violations during parsing count too.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(new_page):
    """A page that records policy violations (events and console reports) and script errors."""
    page = new_page()
    page.add_init_script(LISTEN)
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))

    def report() -> list[str]:
        return problems + page.evaluate("window.__violations")

    page.report = report
    return page


def test_main_pages_break_no_rule_of_the_policy(site, watched):
    for name, path in main_pages().items():
        response = watched.goto(site.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        assert watched.report() == [], name


def test_structured_data_is_read_though_scripts_are_restricted(site, watched):
    # JSON-LD is a data block: script-src governs only scripts a browser would run.
    watched.goto(site.url + "/people/ines-marlow/")
    data = watched.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert data["@type"] == "ProfilePage"
    assert watched.report() == []


def test_the_policy_blocks_injected_handlers_and_styles(site, watched):
    watched.goto(site.url + "/")
    watched.evaluate(
        """document.body.insertAdjacentHTML("beforeend",
            '<img src="/static/none.png" onerror="window.__ran = true">' +
            '<p id="styled" style="color: rgb(255, 0, 0)">x</p>')"""
    )
    watched.wait_for_function("window.__violations.length >= 2")
    assert watched.evaluate("window.__ran") is None
    assert watched.evaluate("getComputedStyle(styled).color") != "rgb(255, 0, 0)"
    assert {v.split()[0] for v in watched.report()} >= {"script-src-attr", "style-src-attr"}


def _log_in(page, base_url: str, next_path: str) -> None:
    user = factories.make_user(superuser=True, password=PASSWORD)
    page.goto(f"{base_url}/admin/login/?next={next_path}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}{next_path}")


def test_admin_person_form_and_markdown_editor_work_under_the_policy(site, watched):
    person = Person.objects.get(slug="ines-marlow")
    change_path = f"/admin/people/person/{person.pk}/change/"
    _log_in(watched, site.url, change_path)

    # The live preview: markdownx posts the text and shows the rendered HTML.
    bio = watched.locator("#id_bio")
    bio.fill("")
    bio.press_sequentially("Typed *live* with **bold** words.")
    preview = watched.locator(".field-bio .markdownx-preview")
    preview.locator("strong").wait_for()
    assert preview.locator("em").inner_text() == "live"

    # A section added with "Add another": markdownx's script is loaded again for it.
    watched.get_by_role("button", name="Add another Profile section").click()
    editors = watched.locator(".dynamic-sections .markdownx-editor")
    new_editor = editors.last
    new_editor.press_sequentially("A *new* section.")
    watched.locator(".dynamic-sections .markdownx-preview").last.locator("em").wait_for()

    # The organization autocomplete (select2) asks the server as the editor types.
    watched.locator(".dynamic-roles .select2-selection").first.click()
    watched.locator(".select2-search__field").press_sequentially("Lumen")
    watched.locator(".select2-results__option", has_text="Lumen Labs").first.wait_for()
    watched.keyboard.press("Escape")

    assert watched.report() == []

    # The add form's slug follows the name (prepopulate.js, configured by data attributes).
    watched.goto(site.url + "/admin/people/person/add/")
    watched.locator("#id_name").press_sequentially("New Person Here")
    assert watched.locator("#id_slug").input_value() == "new-person-here"
    assert watched.report() == []
