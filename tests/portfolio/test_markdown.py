import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest

from portfolio.markdown import ALLOWED_ATTRIBUTES, URL_ATTRIBUTES, render_markdown
from tests import factories, hostile_urls


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert('x')</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">click</a>',
        '<a href="JaVaScRiPt:alert(1)">click</a>',
        '<a href="java&#x09;script:alert(1)">click</a>',
        "[click](javascript:alert(1))",
        '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<div onclick="alert(1)" onmouseover="alert(2)">hi</div>',
        '<iframe src="https://evil.example"></iframe>',
        "<svg><script>alert(1)</script></svg>",
        "<style>body{display:none}</style>",
    ],
)
def test_dangerous_markup_never_survives(source):
    html = render_markdown(source).lower()
    assert "<script" not in html
    assert not re.search(r"\son[a-z]+\s*=", html), html
    for _attr, url in re.findall(r'\s(href|src)="([^"]*)"', html):
        assert not url.strip().startswith(("javascript:", "data:")), html
    assert "<iframe" not in html
    assert "<style" not in html


def test_tables_survive():
    html = render_markdown("| Year | Role |\n|---|---|\n| 2021 | Engineer |\n")
    assert "<table>" in html
    assert "<th>Year</th>" in html
    assert "<td>Engineer</td>" in html


def test_details_and_summary_survive():
    html = render_markdown("<details><summary>2019 - Present</summary>\n\n- shipped\n\n</details>")
    assert "<details>" in html
    assert "<summary>2019 - Present</summary>" in html
    assert "<li>shipped</li>" in html


def test_external_links_get_rel_and_internal_do_not():
    html = render_markdown("[out](https://example.com/a) [in](/people/ada/) [frag](#q2)")
    assert '<a href="https://example.com/a" rel="noopener nofollow">out</a>' in html
    assert '<a href="/people/ada/">in</a>' in html
    assert '<a href="#q2">frag</a>' in html


def test_mailto_links_survive():
    assert 'href="mailto:ada@example.com"' in render_markdown("[mail](mailto:ada@example.com)")


def test_images_keep_http_and_same_site_sources_only():
    html = render_markdown(
        '<img src="https://img.shields.io/badge/Python-3-blue" alt="Python">'
        '<img src="/media/avatars/ada.png" alt="Ada">'
        '<img src="../../etc/passwd" alt="bad">'
    )
    assert 'src="https://img.shields.io/badge/Python-3-blue"' in html
    assert 'src="/media/avatars/ada.png"' in html
    assert "etc/passwd" not in html
    assert 'alt="Python"' in html


def test_centered_paragraphs_keep_alignment():
    assert '<p align="center">' in render_markdown('<p align="center">Hello</p>')


def test_footnotes_render():
    html = render_markdown("Claim.[^1]\n\n[^1]: Source.")
    assert '<a href="#user-content-fn1" id="user-content-fnref1">' in html
    assert '<li id="user-content-fn1">' in html
    assert 'href="#user-content-fnref1"' in html
    assert "Source." in html


def test_content_ids_are_prefixed_so_they_never_take_the_pages_own():
    html = render_markdown('<h2 id="main">Hijack</h2>\n\n<a id="q1">first</a> <sup id="">x</sup>')
    assert '<h2 id="user-content-main">' in html
    assert '<a id="user-content-q1">' in html
    assert "<sup>x</sup>" in html
    assert not re.search(r'id="(?!user-content-)', html), html


def test_in_page_links_follow_the_contents_own_ids_and_keep_the_pages():
    html = render_markdown(
        "[setup](#setup) [spaced](#two%20words) [third question](#q3)\n\n"
        '<h3 id="setup">Setup</h3><a id="two words">here</a>'
    )
    assert '<a href="#user-content-setup">setup</a>' in html
    assert '<a href="#user-content-two%20words">spaced</a>' in html
    assert '<a href="#q3">third question</a>' in html
    assert '<h3 id="user-content-setup">' in html


def test_h1_in_content_becomes_h2_so_pages_keep_one_h1():
    assert render_markdown("# Title") == "<h2>Title</h2>"


def test_empty_markdown_renders_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
    assert render_markdown("   \n") == ""


@pytest.mark.django_db
def test_markdown_twins_are_rendered_and_sanitized_on_save():
    person = factories.make_person(bio="**Bold** <script>alert(1)</script>")
    assert person.bio_html.startswith("<p><strong>Bold</strong>")
    assert "script" not in person.bio_html
    role = factories.make_role(person, highlights="- one\n- two")
    assert "<li>one</li>" in role.highlights_html
    role.highlights = "- three"
    role.save(update_fields=["highlights"])
    role.refresh_from_db()
    assert "<li>three</li>" in role.highlights_html


def test_plain_prose_fast_path_renders_exactly_like_the_parser():
    import random
    import string

    from portfolio.markdown import _is_plain, _parser, sanitize_html

    alphabet = string.ascii_letters + string.digits + " ,.;:?!'’“”\"()/%@$€–—-_*#[]<>&|~`=+é\xa0"
    rng = random.Random(7)
    checked = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        if text.strip() and _is_plain(text):
            checked += 1
            assert render_markdown(text) == sanitize_html(_parser().render(text)).strip(), text
    assert checked > 1000
    assert render_markdown("1. First") == "<ol>\n<li>First</li>\n</ol>"
    assert render_markdown("- item") == "<ul>\n<li>item</li>\n</ul>"


# The page content is shown on, and the part of the WHATWG URL Standard's basic URL parser
# that decides where a browser on it goes: which scheme, and (without one) which host.
PAGE_SCHEME, PAGE_HOST = "https", "site.example"
SPECIAL_SCHEMES = {"ftp", "file", "http", "https", "ws", "wss"}
C0_CONTROL_OR_SPACE = "".join(chr(code) for code in range(0x21))


def destination(url: str) -> tuple[str, str, bool]:
    """(scheme, host, whether the URL named its scheme) of url resolved against the page."""
    url = url.strip(C0_CONTROL_OR_SPACE)  # "remove any leading and trailing C0 control or space"
    url = re.sub("[\t\n\r]", "", url)  # "remove all ASCII tab or newline"
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)  # scheme start and scheme states
    if scheme is None:
        # Relative state (the page's scheme is special): "/" or "\\" twice is an authority.
        if re.match(r"[/\\]{2}", url):
            return PAGE_SCHEME, _host(url), False
        return PAGE_SCHEME, PAGE_HOST, False
    name, rest = scheme[1].lower(), url[scheme.end() :]
    if name not in SPECIAL_SCHEMES:
        return name, "", True
    if name == PAGE_SCHEME and not re.match(r"[/\\]{2}", rest):
        # Special relative or authority state: "https:path" is a path on the page's host.
        return name, PAGE_HOST, True
    # Special authority (ignore) slashes state: any run of slashes and backslashes.
    return name, _host(rest), True


def _host(rest: str) -> str:
    authority = re.match(r"[/\\]*([^/\\?#]*)", rest)[1]
    host = authority.rpartition("@")[2].partition(":")[0]
    return unquote(host).lower()


def lands_safely(url: str) -> bool:
    scheme, host, named = destination(url)
    return scheme in {"http", "https", "mailto"} if named else host == PAGE_HOST


def test_the_url_rules_used_below_send_backslashes_off_site_as_browsers_do():
    assert destination("\\\\evil.example/x") == ("https", "evil.example", False)
    assert destination("/\t/evil.example") == ("https", "evil.example", False)
    assert destination("\x01/\\evil.example") == ("https", "evil.example", False)
    assert destination("/people/x/") == ("https", "site.example", False)
    assert destination("http:\\\\a.example") == ("http", "a.example", True)
    assert destination("java\tscript:x") == ("javascript", "", True)


class _URLs(HTMLParser):
    """Every attribute of a rendered fragment, entities decoded as a browser decodes them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]


def test_no_hostile_address_survives_as_a_link_or_image_that_leaves_the_site():
    kept = set()
    for address in hostile_urls.ADDRESSES:
        for document in hostile_urls.documents(address):
            html = render_markdown(document)
            for tag, name, value in _URLs(html).attributes:
                if name not in URL_ATTRIBUTES:
                    continue
                # A hostile address may survive only defanged into a path on the site (markdown
                # percent-encodes what it cannot read as a link: "%5C%5Cevil.example").
                assert lands_safely(value), (document, html)
                kept.add(address)
                if tag == "a" and destination(value)[1] not in {PAGE_HOST, ""}:
                    assert f'href="{value}" rel="noopener nofollow"' in html, html
    assert set(hostile_urls.KEPT) <= kept


def test_no_url_attribute_but_href_and_src_is_allowed():
    # Every attribute HTML loads or follows a URL from; only href and src are checked above.
    loading = {
        "action", "archive", "background", "cite", "classid", "codebase", "data", "dynsrc",
        "formaction", "href", "icon", "longdesc", "lowsrc", "manifest", "ping", "poster",
        "profile", "src", "srcset", "usemap", "xlink:href", "xmlns",
    }  # fmt: skip
    allowed = set().union(*ALLOWED_ATTRIBUTES.values())
    assert allowed & loading <= URL_ATTRIBUTES
