"""`/people/<slug>/cv.pdf`: the CV page rendered on the server (WeasyPrint), read back with
pypdf: the person's roles are in its text, no entry is cut by a page break, images come from
the site's own media and nothing is fetched from the network."""

from __future__ import annotations

import io
import os
import socket

import pytest
from pypdf import PdfReader

from people.pdf import PdfUnavailable, open_local
from portfolio.models import Status
from tests import factories

try:
    import weasyprint  # noqa: F401
except (ImportError, OSError) as exc:  # OSError: Pango is missing (make install adds it)
    MISSING = f"WeasyPrint cannot load: {exc}"
else:
    MISSING = ""

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(bool(MISSING) and os.environ.get("CI") != "true", reason=MISSING),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _pdf(client, person) -> PdfReader:
    response = client.get(f"{person.get_absolute_url()}cv.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{person.slug}-cv.pdf"'
    return PdfReader(io.BytesIO(response.content))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_has_the_persons_roles(client, no_network):
    person = factories.make_person(name="Wren Castillo", headline="Engineering manager")
    lumen = factories.make_organization(name="Lumen Labs")
    factories.make_role(person, title="Engineering Manager", organization=lumen)
    factories.make_role(person, title="Senior Engineer", organization=None)
    reader = _pdf(client, person)
    text = _text(reader)
    assert "Wren Castillo" in text and "Engineering manager" in text
    assert "Engineering Manager, Lumen Labs" in text
    assert "Senior Engineer" in text
    assert "Wren Castillo" in reader.metadata.title
    # The page's navigation and its "print this page" line are not in a CV.
    assert "Full profile" not in text


def test_no_entry_is_cut_by_a_page_break(client):
    person = factories.make_person()
    for n in range(30):
        highlights = "\n".join(
            f"- Marker{n}x{k}: shipped another thing that mattered." for k in (1, 2, 3)
        )
        factories.make_role(person, title=f"Role{n} Engineer", highlights=highlights, order=n)
    reader = _pdf(client, person)
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 1
    for n in range(30):
        holding = [i for i, text in enumerate(pages) if f"Role{n} Engineer" in text]
        assert len(holding) == 1, n
        for k in (1, 2, 3):
            assert f"Marker{n}x{k}" in pages[holding[0]], (n, k)


def test_images_come_from_the_sites_media_and_nothing_from_elsewhere(client, media, no_network):
    (media / "markdownx").mkdir()
    (media / "markdownx" / "diagram.png").write_bytes(factories.png_file(120, 80).read())
    person = factories.make_person()
    factories.make_role(
        person,
        summary="![Diagram](/media/markdownx/diagram.png)\n\n"
        "![Badge](https://img.shields.io/badge/elsewhere-red)",
    )
    reader = _pdf(client, person)
    assert sum(len(page.images) for page in reader.pages) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://img.shields.io/badge/x-red",
        "http://testserver.evil.example/static/css/site.css",
        "https://testserver/static/css/site.css",  # not the scheme the page came by
        "file:///etc/passwd",
        "data:text/css,body{}",
        "http://testserver/static/../manage.py",
        "http://testserver/media/../../etc/passwd",
        "http://testserver/people/ada/",
    ],
)
def test_the_fetcher_reads_only_the_sites_own_files(url):
    with pytest.raises(ValueError):
        open_local(url, "http://testserver")


def test_the_fetcher_reads_static_files_from_disk():
    file, mime = open_local("http://testserver/static/css/site.css", "http://testserver")
    with file:
        assert b"@media print" in file.read()
    assert mime == "text/css"


def test_a_draft_cv_is_not_found_by_visitors(client):
    person = factories.make_person(status=Status.DRAFT)
    assert client.get(f"{person.get_absolute_url()}cv.pdf").status_code == 404


def test_without_weasyprint_the_pdf_answers_503(client, monkeypatch):
    def unavailable(html, base_url):
        raise PdfUnavailable("PDF rendering is not available here: no Pango")

    monkeypatch.setattr("people.views.render_pdf", unavailable)
    person = factories.make_person()
    response = client.get(f"{person.get_absolute_url()}cv.pdf")
    assert response.status_code == 503
    assert b"not available" in response.content
