import pytest

from tests.importers.helpers import parse_fixture


def test_name_comes_from_linkedin_vanity_url_and_handles_are_kept():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    assert doc.family == "jekyll-about"
    assert doc.person.name == "Mira Okafor"
    assert set(doc.person.handles) >= {"mokafor-dev", "MiraSpeaks", "mira-okafor-3b91a7"}
    assert any("derived" in w for w in doc.warnings)


def test_badge_table_links_are_profiles_not_bio():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    kinds = {link.kind: link.url for link in doc.links}
    assert kinds["github"] == "https://github.com/mokafor-dev"
    assert kinds["x"] == "https://twitter.com/MiraSpeaks"
    assert kinds["email"] == "mailto:mira@example.com"
    assert doc.person.email == "mira@example.com"
    assert "shields.io" not in doc.person.bio
    assert "[Open Lexicon](https://example.com/lexicon)" in doc.person.bio


def test_timeline_roles_keep_precision_open_end_and_kind():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    current, contract, intern = doc.roles
    assert (current.title, current.organization) == ("Speech Scientist", "Lumen Voice")
    assert current.start.isoformat() == "2022-03"
    assert current.end is None and current.is_current
    assert contract.kind == "contract"
    assert contract.start.precision == "month"
    assert intern.kind == "internship"
    assert all(r.section == "Timeline" for r in doc.roles)


def test_sections_in_source_order_without_liquid():
    doc = parse_fixture("jekyll-about/mira_okafor.md")
    assert [s.title for s in doc.sections] == [
        "Timeline",
        "Things on my desk",
        "People I owe a lot to",
    ]
    # The image is on the old site only: its file name stands in, so the section is not
    # left empty, and a warning says to upload it.
    assert doc.sections[1].body == "*desk.png*"
    assert any("/images/desk.png" in w for w in doc.warnings)
    assert doc.redirects == ("/about-me/",)
    everything = repr(doc)
    assert "{{" not in everything and "{%" not in everything


def test_al_folio_about_page_is_jekyll_not_hugo_blox():
    doc = parse_fixture("jekyll-about/al_folio_dana.md")
    assert doc.family == "jekyll-about"
    assert doc.person.name == "Dana Whitfield"
    assert doc.person.headline == "Robotics Institute, Example University. Pittsburgh, PA."
    assert doc.person.location == "555 Example Hall, Pittsburgh, PA 15213"
    assert doc.person.avatar == "prof_pic.jpg"


def test_al_folio_lists_with_en_dash_and_now_dates():
    doc = parse_fixture("jekyll-about/al_folio_dana.md")
    intern, engineer, _ta = doc.roles
    assert (intern.title, intern.organization, intern.kind) == (
        "Research Intern",
        "Northwind Robotics",
        "internship",
    )
    assert (intern.start.isoformat(), intern.end.isoformat()) == ("2023-05", "2023-08")
    assert (engineer.start.isoformat(), engineer.end.isoformat()) == ("2019", "2021")
    phd = doc.education[0]
    assert (phd.degree, phd.institution) == ("Ph.D. in Robotics", "Example University")
    assert phd.start.isoformat() == "2021" and phd.is_current
    assert [a.title for a in doc.awards] == [
        "NSF Graduate Research Fellowship",
        "Best Student Paper",
    ]
    assert [s.title for s in doc.sections] == ["Experience", "Education", "Selected awards"]


def test_since_and_month_ranges_and_bold_titles():
    doc = parse_fixture("jekyll-about/kofi_mensah.md")
    senior, engineer, backend, volunteer = doc.roles
    assert (senior.title, senior.organization) == ("Senior Data Engineer", "Tidewater Analytics")
    assert senior.start.isoformat() == "2022" and senior.is_current
    assert (engineer.start.isoformat(), engineer.end.isoformat()) == ("2020-01", "2021-12")
    assert backend.kind == "part-time"
    assert volunteer.kind == "volunteer" and volunteer.is_current


def test_about_title_names_the_person_and_contact_links_are_kept():
    doc = parse_fixture("jekyll-about/kofi_mensah.md")
    assert doc.person.name == "Kofi Mensah"
    assert doc.person.email == "kofi@example.com"
    assert {link.kind for link in doc.links} == {"github", "mastodon", "email"}
    assert [p.title for p in doc.projects] == ["pipecheck", "sqlfmt-lite"]
    assert doc.projects[1].status == "active"
    assert [t.title for t in doc.talks] == ["Idempotent pipelines", "Testing data the lazy way"]
    assert doc.talks[0].event == "PyCon Ghana" and doc.talks[0].location == "Accra"
    assert doc.sections[-1].title == "Now" and "Rust" in doc.sections[-1].body


def test_heading_name_tagline_and_to_present_ranges():
    doc = parse_fixture("jekyll-about/lucia_ferrante.md")
    assert doc.person.name == "Lucía Ferrante"
    assert doc.person.headline == "Type designer and front-end developer based in Bologna."
    founder, developer, junior = doc.roles
    assert founder.is_current and founder.organization == "Filo Type"
    assert (developer.title, developer.organization) == ("Front-end Developer", "Studio Nove")
    assert junior.start.isoformat() == "2013-09" and junior.end.isoformat() == "2015-02"


def test_dated_items_without_job_titles_are_not_roles():
    doc = parse_fixture("jekyll-about/lucia_ferrante.md")
    typefaces = next(s for s in doc.sections if s.title == "Typefaces")
    assert typefaces.kind == "text"
    assert "Aria Sans" in typefaces.body
    assert doc.person.email == "lucia@example.com"


def test_my_name_is_names_the_person():
    doc = parse_fixture("jekyll-about/my_name_is_joris.md")
    assert doc.person.name == "Joris Hoekstra"
    assert not doc.person.name_is_derived
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Platform Engineer", "Noorderlicht Systems"),
        ("Support Engineer", "Waddenweb"),
        ("Volunteer", "Kaas & Code meetup"),
    ]


def test_nested_bullets_under_a_timeline_role_are_its_highlights():
    # The "&" makes the section pass through the HTML clean-up, which keeps nesting.
    platform, support, _ = parse_fixture("jekyll-about/my_name_is_joris.md").roles
    assert platform.highlights == "- Moved 40 services to one build farm\n- Run the on-call rota"
    assert support.highlights == "- Answered 9,000 tickets"


@pytest.mark.parametrize(
    ("relative", "location"),
    [
        ("jekyll-about/my_name_is_joris.md", "Groningen"),  # "... living in Groningen."
        ("jekyll-about/lucia_ferrante.md", "Bologna"),  # headline "... based in Bologna."
        ("jekyll-about/kofi_mensah.md", "Accra"),  # "I live in Accra and work remotely"
    ],
)
def test_where_the_person_lives_is_their_location(relative, location):
    assert parse_fixture(relative).person.location == location


def test_an_author_slug_in_front_matter_does_not_hide_the_name_the_page_gives():
    doc = parse_fixture("jekyll-about/author_slug_marek.md")
    assert doc.person.name == "Marek Zieliński"
    senior, engineer = doc.roles
    assert senior.location == "Gdańsk, Poland" and not senior.summary
    assert engineer.location == "remote"
