"""What a new user trying the importer found, parser side: plain-text fields keep no
markup, pages titled "About" never name their person "About", nothing is invented (no
project status the source does not give, no broken images), awards written in prose
become records, and names in any script are names."""

from __future__ import annotations

import pytest

from importers.parse import parse_text
from importers.parse.award import awards_in_prose
from importers.parse.hygiene import plain, without_missing_images
from importers.parse.project import parse_project
from importers.parse.records import PartialDate


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Wilhelmina <script>x</script> Okafor", "Wilhelmina Okafor"),
        ('Ada <img src=x onerror="alert(1)"> Quill', "Ada Quill"),
        ('"><svg onload=alert(1)>Staff Engineer', "Staff Engineer"),
        ("<b>Example</b> Org", "Example Org"),
        ("R&D <!-- note --> Lead", "R&D Lead"),
        ("Plain text stays", "Plain text stays"),
    ],
)
def test_plain_text_keeps_the_words_and_drops_the_markup(raw, clean):
    assert plain(raw) == clean


def test_markup_in_a_name_title_organization_or_tag_is_removed_with_a_warning():
    doc = parse_text(
        "---\ntags: ['<img src=x onerror=alert(1)>Rust', 'Go']\n---\n"
        "# Wilhelmina <script>x</script> Okafor\n\nEngineer.\n\n## Experience\n\n"
        "- Staff <b>Engineer</b>, Example <i>Org</i> (2021–present)\n"
        '- Engineer, "><svg onload=alert(1)>Other Org (2018–2021)\n',
        "wilhelmina.md",
        family="markdown-cv",
    )
    assert doc.person.name == "Wilhelmina Okafor"
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Staff Engineer", "Example Org"),
        ("Engineer", "Other Org"),
    ]
    assert doc.person.tags == ("Rust", "Go")
    assert "<" not in repr([doc.person, doc.roles, doc.sections[0].title])
    assert any("<script> element(s) removed" in w for w in doc.warnings)
    assert any("markup removed" in w and "Other Org" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("---\nlayout: page\ntitle: About\n---\n# About\n\nI'm Noor Haddad, an engineer.\n", None),
        ("---\ntitle: About me\ndate: 2024-01-02\n---\nHi! I'm Noor Haddad, an engineer.\n", None),
        ("# About me\n\nMy name is Noor Haddad and I build bridges.\n", None),
        ("---\ntitle: About Me\npermalink: /about/\n---\nI am Noor Haddad.\n", None),
    ],
)
def test_a_page_titled_about_never_names_its_person_about(text, family):
    doc = parse_text(text, "about.md", family=family)
    assert doc.person.name == "Noor Haddad"


def test_a_theme_about_page_is_a_profile_not_a_post():
    doc = parse_text(
        "---\ntitle: About\ndate: 2024-05-01\nauthor: Sofia Lind\n---\n"
        "I'm Sofia Lind, a backend developer.\n",
        "content/about.md",
    )
    assert doc.family == "hugo-post"
    assert doc.person.name == "Sofia Lind"
    assert doc.publications == ()


def test_a_project_whose_source_says_nothing_of_its_state_has_no_status():
    assert parse_project("**Tidewater** — a tide-table library").status == ""
    assert parse_project("Tidewater — a tide-table library, finished in 2020").status == "done"
    assert parse_project("Tidewater (2019–2021)").status == "done"
    assert parse_project("Tidewater — work in progress").status == "active"


def test_an_image_the_site_does_not_have_becomes_its_alt_text_with_a_warning():
    md, missing = without_missing_images(
        "Intro ![Our team in 2019](/assets/team.jpg) and ![](/assets/line.png)\n\n"
        "![Remote](https://example.org/a.png) <img src='/img/b.png' alt='A bridge'>"
    )
    assert md == ("Intro Our team in 2019 and \n\n![Remote](https://example.org/a.png) A bridge")
    assert missing == ["/assets/team.jpg", "/assets/line.png", "/img/b.png"]


def test_a_section_holding_only_a_missing_image_is_not_left_empty():
    doc = parse_text(
        "---\nlayout: page\n---\nI'm Ada Quill.\n\n## Badges\n\n![](/images/badges.png)\n",
        "about.md",
    )
    (badges,) = doc.sections
    assert badges.title == "Badges"
    assert badges.body == "*badges.png*"
    assert any("/images/badges.png" in w for w in doc.warnings)


def test_awards_written_in_prose_become_records_and_the_prose_stays():
    bio = (
        "For my community work, the Intel Software Innovator Program recognized me as one "
        "of [their top innovators in 2019](https://example.org/intel). For my open-source "
        "contributions, I received the Google Open Source Peer Bonus Award in "
        "[2020](https://example.org/2020) and [2021](https://example.org/2021), "
        "[TensorFlow Top Contributor Award](https://example.org/tf) in 2021."
    )
    awards = awards_in_prose(bio)
    assert [(a.title, a.issuer, a.date, a.url) for a in awards] == [
        ("Google Open Source Peer Bonus Award", "", PartialDate(2021), "https://example.org/2020"),
        ("TensorFlow Top Contributor Award", "", PartialDate(2021), "https://example.org/tf"),
        (
            "Top innovators",
            "Intel Software Innovator Program",
            PartialDate(2019),
            "https://example.org/intel",
        ),
    ]
    assert awards[0].description == "2020, 2021"  # both years are kept
    doc = parse_text(f"---\nlayout: page\n---\nI'm Ada Quill. {bio}\n", "about.md")
    assert {a.title for a in doc.awards} == {a.title for a in awards}
    assert "Peer Bonus Award in" in doc.person.bio


def test_awards_in_prose_need_an_award_and_are_not_invented():
    assert awards_in_prose("I received my PhD in 2019 and won the hackathon.") == []
    (award,) = awards_in_prose("She won the Best Paper Award at Example Conf in 2022.")
    assert (award.title, award.issuer, award.date) == (
        "Best Paper Award",
        "Example Conf",
        PartialDate(2022),
    )


@pytest.mark.parametrize(
    "name", ["Łukasz Żółw", "Σταύρος Παππάς", "Tèmítọ́pẹ́ Adéwálé", "Ólafur Arnalds"]
)
def test_a_name_in_any_script_is_read_from_the_page_heading(name):
    doc = parse_text(
        f"# {name}\n\nEngineer.\n\n- [LinkedIn](https://www.linkedin.com/in/someone-else)\n",
        "cv.md",
        family="markdown-cv",
    )
    assert doc.person.name == name
