import datetime as dt

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_social_links_show_as_recognisable_icons_with_labels(client):
    person = factories.make_person()
    factories.make_link(person, kind="github", url="https://github.com/someone")
    factories.make_link(person, kind="linkedin", url="https://linkedin.com/in/someone")
    html = client.get(person.get_absolute_url()).content.decode()
    assert 'class="social social-github"' in html and '<use href="#icon-github">' in html
    assert '<use href="#icon-linkedin">' in html and "<span>LinkedIn</span>" in html
    assert '<symbol id="icon-github"' in html
    assert "http" not in html[html.index("<svg xmlns") : html.index("</svg>")].replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_role_highlights_are_collapsible_and_durations_human(client):
    person = factories.make_person()
    factories.make_role(
        person,
        start_date=dt.date(2019, 6, 1),
        end_date=dt.date(2021, 6, 1),
        highlights="- Shipped the thing",
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert '<details class="highlights"><summary>Highlights' in html
    assert "Shipped the thing" in html
    assert "June 2019 – June 2021" in html and "2 yrs 1 mo" in html


def test_projects_are_grouped_by_year_with_their_status(client):
    person = factories.make_person()
    factories.make_project(person, title="Newer", start_date=dt.date(2023, 1, 1), order=1)
    factories.make_project(person, title="Older", start_date=dt.date(2020, 1, 1), order=2)
    factories.make_project(
        person, title="Running", status="active", start_date=dt.date(2020, 5, 1), order=3
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert html.index(">2023</h3>") < html.index("Newer") < html.index(">2020</h3>")
    assert html.index(">2020</h3>") < html.index("Older") < html.index("Running")
    assert html.count('class="year"') == 2
    assert "status-active" in html and ">Active</span>" in html


def test_publications_and_patents_are_numbered_with_their_details(client):
    person = factories.make_person()
    factories.make_publication(
        person, title="Paper A", venue="Workshop X", date=dt.date(2022, 1, 1), doi="10.1/abc"
    )
    factories.make_patent(
        person, title="Patent B", number="US9910916B1", status="granted", date=dt.date(2018, 1, 1)
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert html.count('<ol class="records numbered">') == 2
    assert (
        "<em>Workshop X</em>" in html
        and "2022" in html
        and 'href="https://doi.org/10.1/abc"' in html
    )
    assert "US9910916B1" in html and ">Granted</span>" in html


def test_talks_link_their_slides_and_video(client):
    person = factories.make_person()
    factories.make_talk(
        person,
        title="Ranking talk",
        event="PyCon Example",
        date=dt.date(2023, 9, 1),
        date_precision="month",
        slides_url="https://slides.example/r",
        video_url="https://video.example/r",
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert "PyCon Example" in html and "September 2023" in html
    assert 'href="https://slides.example/r"' in html and 'href="https://video.example/r"' in html


def test_interviews_link_to_their_pages(client):
    person = factories.make_person()
    interview = factories.make_interview(person, title="Talking shop", outlet="The Series")
    html = client.get(person.get_absolute_url()).content.decode()
    assert f'href="{interview.get_absolute_url()}">Talking shop</a>' in html
    assert "The Series" in html


def test_profile_links_to_its_cv_and_exports(client):
    person = factories.make_person(slug="px")
    html = client.get(person.get_absolute_url()).content.decode()
    for path in ("/people/px/cv/", "/people/px/resume.json", "/people/px/vcard.vcf"):
        assert f'href="{path}"' in html


@pytest.mark.django_db
def test_a_new_section_link_or_question_left_at_order_zero_goes_to_the_end():
    person = factories.make_person()
    first = factories.make_section(person, title="First", order=5)
    last = factories.make_section(person, title="Added later")
    assert last.order == first.order + 1
    link_a = factories.make_link(person)
    link_b = factories.make_link(person)
    assert link_b.order == link_a.order + 1
    interview = factories.make_interview(person, questions=2)
    from publications.models import Question

    added = Question.objects.create(interview=interview, question="One more?")
    assert added.order == 3
