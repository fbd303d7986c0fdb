"""Entry lines written the way people write them outside our fixtures: a city after the
organization, a grade after the school, a note beside the dates, patents led by their
number, citations in APA style, talk kinds and award years written before or after."""

from __future__ import annotations

import re

import pytest

from importers.parse.award import parse_award
from importers.parse.education import parse_education
from importers.parse.patent import parse_patent
from importers.parse.phrases import split_place
from importers.parse.project import parse_project
from importers.parse.publication import parse_publication
from importers.parse.records import PartialDate
from importers.parse.role import parse_role
from importers.parse.talk import parse_talk
from tests.importers.helpers import strings, words

# As in test_coverage: words that only join fields, and words the records spell their way.
CONNECTORS = {"at", "to", "since", "from", "until", "till"}
SYNONYMS = {"now": "present", "current": "present", "today": "present", "issued": "granted"}


def _every_word_kept(line: str, record) -> None:
    kept = words("\n".join(strings(record)))
    lost = [
        w
        for w in words(line)
        if w not in CONNECTORS and w not in kept and SYNONYMS.get(w, w) not in kept
    ]
    assert not lost, lost


# -- Roles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "organization", "location"),
    [
        (
            "Undergraduate Researcher, Indian Institute of Example Science, Bangalore "
            "(Jan 2017 – May 2018)",
            "Undergraduate Researcher",
            "Indian Institute of Example Science",
            "Bangalore",
        ),
        (
            "SRE Lead, Bakfiets Cloud, Utrecht (Jan 2022 – now)",
            "SRE Lead",
            "Bakfiets Cloud",
            "Utrecht",
        ),
        (
            "Bilby Software — Software Engineer (2014–2017), Brisbane",
            "Software Engineer",
            "Bilby Software",
            "Brisbane",
        ),
        (
            "Data Engineer, Lumo Analytics, Porto, Portugal (2019-2021)",
            "Data Engineer",
            "Lumo Analytics",
            "Porto, Portugal",
        ),
        (
            "Platform Engineer at Kestrel, Lisbon (2020 - 2022)",
            "Platform Engineer",
            "Kestrel",
            "Lisbon",
        ),
        (
            "Lead Designer, Fjordlys AB, Bergen (2018-2020)",
            "Lead Designer",
            "Fjordlys AB",
            "Bergen",
        ),
    ],
)
def test_a_city_after_the_organization_is_the_location(line, title, organization, location):
    role = parse_role(line)
    assert (role.title, role.organization, role.location) == (title, organization, location)
    _every_word_kept(line, role)


@pytest.mark.parametrize(
    ("line", "title", "organization"),
    [
        (
            "Software Engineer, Example Labs, Inc (2019 - 2020)",
            "Software Engineer",
            "Example Labs, Inc",
        ),
        ("Software Engineer, Org, Inc. (2019 - 2020)", "Software Engineer", "Org, Inc."),
        # Neither part reads as a company: the last one stays the organization.
        (
            "Senior Engineer, Infrastructure, Stripeish (2019 - 2020)",
            "Senior Engineer, Infrastructure",
            "Stripeish",
        ),
        # A lab, then the university it belongs to: no place here.
        (
            "Research Assistant, Example Vision Lab, Nordby Tech (2016)",
            "Research Assistant, Example Vision Lab",
            "Nordby Tech",
        ),
        ("Founder, CEO, Acme Robotics (2015 - 2019)", "Founder, CEO", "Acme Robotics"),
    ],
)
def test_a_last_part_that_is_no_place_stays_in_the_organization(line, title, organization):
    role = parse_role(line)
    assert (role.title, role.organization, role.location) == (title, organization, "")


def test_split_place_needs_a_title_and_an_organization_left():
    assert split_place("Engineer, Berlin") == ("Engineer, Berlin", "")
    assert split_place("Engineer at Acme") == ("Engineer at Acme", "")
    assert split_place("Engineer, Acme Cloud, Remote") == ("Engineer, Acme Cloud", "Remote")


def test_a_note_beside_the_dates_keeps_the_role():
    line = "Freelance — Web developer (2010 - 2013, part-time while studying)"
    role = parse_role(line)
    assert (role.title, role.organization) == ("Web developer", "Freelance")
    assert (role.start, role.end) == (PartialDate(2010), PartialDate(2013))
    assert role.kind == "part-time"
    assert role.summary == "part-time while studying"
    _every_word_kept(line, role)


def test_a_term_and_a_work_mode_beside_each_other_in_the_brackets():
    role = parse_role("Intern, Acme Robotics (Summer 2019, remote)")
    assert role.start == PartialDate(2019)
    assert (role.kind, role.location, role.summary) == ("internship", "remote", "Summer 2019")


# -- Education --------------------------------------------------------------------


def test_a_grade_after_the_school_is_kept_in_the_summary():
    line = (
        "B.Tech in Electrical Engineering, Indian Institute of Example Science (2014-2018), "
        "GPA 9.1/10"
    )
    edu = parse_education(line)
    assert edu.degree == "B.Tech in Electrical Engineering"
    assert edu.institution == "Indian Institute of Example Science"
    assert (edu.start, edu.end) == (PartialDate(2014), PartialDate(2018))
    assert edu.summary == "GPA 9.1/10"
    _every_word_kept(line, edu)


@pytest.mark.parametrize(
    ("line", "degree", "institution", "summary", "location"),
    [
        (
            "PhD in Physics, Example University, 2019, summa cum laude",
            "PhD in Physics",
            "Example University",
            "summa cum laude",
            "",
        ),
        (
            "Example University — MSc Data Science (2018), 85%",
            "MSc Data Science",
            "Example University",
            "85%",
            "",
        ),
        (
            "MSc, Example University, Distinction, 2016",
            "MSc",
            "Example University",
            "Distinction",
            "",
        ),
        (
            "BSc Geography, University of Examplefield, Leeds (2011-2014)",
            "BSc Geography",
            "University of Examplefield",
            "",
            "Leeds",
        ),
    ],
)
def test_grades_and_places_around_a_degree(line, degree, institution, summary, location):
    edu = parse_education(line)
    assert (edu.degree, edu.institution, edu.summary, edu.location) == (
        degree,
        institution,
        summary,
        location,
    )


# -- Patents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "number", "title", "status", "date"),
    [
        (
            'US 11,234,567 B2 — "Method for adaptive erasure coding in distributed storage" '
            "(granted 2022)",
            "US11234567B2",
            "Method for adaptive erasure coding in distributed storage",
            "granted",
            PartialDate(2022),
        ),
        (
            "US 10,987,654 B1 — *Crash-consistent snapshotting of LSM trees*, granted 2020",
            "US10987654B1",
            "Crash-consistent snapshotting of LSM trees",
            "granted",
            PartialDate(2020),
        ),
        (
            "US 2023/0123456 A1 - System and method for tiered compaction scheduling (pending)",
            "US20230123456A1",
            "System and method for tiered compaction scheduling",
            "pending",
            None,
        ),
        (
            "Adaptive widget routing, US 9,876,543 B1, issued March 2019",
            "US9876543B1",
            "Adaptive widget routing",
            "granted",
            PartialDate(2019, 3),
        ),
        (
            "Adaptive widget routing (US 2021/0012345 A1, filed 2020)",
            "US20210012345A1",
            "Adaptive widget routing",
            "filed",
            PartialDate(2020),
        ),
        (
            "EP 1 234 567 B1: Method of brewing coffee",
            "EP1234567B1",
            "Method of brewing coffee",
            "granted",
            None,
        ),
    ],
)
def test_a_patent_led_by_its_number_keeps_its_title(line, number, title, status, date):
    patent = parse_patent(line)
    assert (patent.number, patent.title, patent.status, patent.date) == (
        number,
        title,
        status,
        date,
    )
    # The number is stored in one form (US11234567B2) however it was printed.
    printed = r"[\s,/]*".join(re.escape(c) for c in number)
    _every_word_kept(re.sub(printed, " ", line), patent)


def test_a_linked_patent_still_reads_its_number_from_the_link():
    patent = parse_patent("[Streaming joins](https://patents.google.com/patent/US1234567B2/en)")
    assert (patent.title, patent.number, patent.status) == (
        "Streaming joins",
        "US1234567B2",
        "granted",
    )


# -- Publications -----------------------------------------------------------------


def test_an_apa_citation_splits_into_authors_year_title_and_venue():
    line = (
        "Boateng, K., & Mensah, A. (2023). Flash-flood early warning with sparse gauges. "
        "*Journal of Example Hydrology*, 601, 129-144."
    )
    pub = parse_publication(line, kind="paper")
    assert pub.authors == "Boateng, K., & Mensah, A."
    assert pub.date == PartialDate(2023)
    assert pub.title == "Flash-flood early warning with sparse gauges"
    assert pub.venue == "Journal of Example Hydrology, 601, 129-144"
    _every_word_kept(line, pub)


def test_an_apa_citation_without_emphasis_ends_its_title_at_the_first_sentence():
    line = "Lindqvist-Berg, A. (2018). Tax forms as conversations. Interactions Example, 25(4)."
    pub = parse_publication(line, kind="paper")
    assert (pub.authors, pub.title, pub.venue, pub.date) == (
        "Lindqvist-Berg, A.",
        "Tax forms as conversations",
        "Interactions Example, 25(4)",
        PartialDate(2018),
    )


def test_an_apa_book_has_its_title_in_emphasis():
    pub = parse_publication(
        "Okafor, C. (2017). *Maps for Tired Engineers*. Example Press.", kind="book"
    )
    assert (pub.title, pub.venue, pub.date) == (
        "Maps for Tired Engineers",
        "Example Press",
        PartialDate(2017),
    )


@pytest.mark.parametrize(
    ("line", "authors", "title", "venue", "year"),
    [
        (
            "E. Harrow, P. Nguyen. *Idempotency keys: a field guide*. "
            "Queue Example Magazine, 19(3), 2021.",
            "E. Harrow, P. Nguyen",
            "Idempotency keys: a field guide",
            "Queue Example Magazine, 19(3)",
            2021,
        ),
        (
            "L. Ben-David et al. *Erasure Codes at Rack Scale*. ACM SoCC, 2018.",
            "L. Ben-David et al.",
            "Erasure Codes at Rack Scale",
            "ACM SoCC",
            2018,
        ),
    ],
)
def test_authors_then_an_emphasised_title(line, authors, title, venue, year):
    pub = parse_publication(line, kind="paper")
    assert (pub.authors, pub.title, pub.venue, pub.date) == (
        authors,
        title,
        venue,
        PartialDate(year),
    )
    _every_word_kept(line, pub)


def test_a_bold_author_and_resource_links_after_the_venue():
    line = (
        "**P. Raman**, T. Okonkwo, O. Lindahl. *PhoneSplat: Gaussian splatting from a single "
        "phone sweep.* CVPR 2025. [[pdf]](https://example.edu/phonesplat.pdf) "
        "[[code]](https://github.com/praman-example/phonesplat)"
    )
    pub = parse_publication(line, kind="paper")
    assert pub.authors == "P. Raman, T. Okonkwo, O. Lindahl"
    assert pub.title == "PhoneSplat: Gaussian splatting from a single phone sweep"
    assert (pub.venue, pub.date) == ("CVPR", PartialDate(2025))
    assert pub.url == "https://example.edu/phonesplat.pdf"
    assert "https://github.com/praman-example/phonesplat" in pub.summary
    _every_word_kept(line.replace("https://", ""), pub)


def test_a_note_after_the_venue_is_the_summary_and_a_venue_name_in_brackets_is_not():
    oral = parse_publication(
        "**P. Raman**, O. Lindahl. *Cheap depth is all you need?* ECCV 2024 (oral).", kind="paper"
    )
    assert (oral.title, oral.venue, oral.summary) == (
        "Cheap depth is all you need?",
        "ECCV",
        "oral",
    )
    named = parse_publication(
        "A. Osei, B. Tan. *Typed holes*. Example Languages (EXL), 2022.", kind="paper"
    )
    assert (named.venue, named.summary) == ("Example Languages (EXL)", "")


def test_a_quoted_title_citation_reads_as_before():
    pub = parse_publication(
        'A. Quill, B. Stone. "Consensus for the Impatient." Journal of Examples, 2018.',
        kind="paper",
    )
    assert (pub.authors, pub.title, pub.venue, pub.date) == (
        "A. Quill, B. Stone",
        "Consensus for the Impatient",
        "Journal of Examples",
        PartialDate(2018),
    )


def test_a_title_that_only_looks_like_names_is_not_taken_for_authors():
    pub = parse_publication("*Caching at the Edge* - Example Systems Journal, 2020", kind="paper")
    assert (pub.title, pub.authors) == ("Caching at the Edge", "")


# -- Talks and awards -------------------------------------------------------------


def test_a_talk_kind_written_before_the_quoted_title():
    line = 'Panel: "Is the monolith back?" — DevOpsDays Example Sydney (2022)'
    talk = parse_talk(line)
    assert (talk.title, talk.kind, talk.event, talk.date) == (
        "Is the monolith back?",
        "panel",
        "DevOpsDays Example Sydney",
        PartialDate(2022),
    )
    _every_word_kept(line, talk)


def test_a_keynote_label_is_a_talk_and_the_word_is_kept():
    talk = parse_talk('Keynote: "Caches all the way down" — BuildConf Example, Budapest (2021)')
    assert (talk.title, talk.kind, talk.event, talk.location) == (
        "Caches all the way down",
        "talk",
        "BuildConf Example",
        "Budapest",
    )
    assert talk.summary == "Keynote"


@pytest.mark.parametrize(
    ("line", "title", "issuer", "year", "description"),
    [
        (
            "Dean's Honours List, University of Example Melbourne, 2011 & 2012",
            "Dean's Honours List",
            "University of Example Melbourne",
            2012,
            "2011 & 2012",
        ),
        (
            "Dean's List, Indian Institute of Example Science (2016, 2017)",
            "Dean's List",
            "Indian Institute of Example Science",
            2017,
            "2016, 2017",
        ),
        (
            "Merit Scholarship, Example College (2014, 2015, and 2016)",
            "Merit Scholarship",
            "Example College",
            2016,
            "2014, 2015, and 2016",
        ),
    ],
)
def test_an_award_won_in_several_years_is_dated_by_the_last(line, title, issuer, year, description):
    award = parse_award(line)
    assert (award.title, award.issuer, award.date, award.description) == (
        title,
        issuer,
        PartialDate(year),
        description,
    )
    _every_word_kept(line, award)


def test_a_quoted_name_after_an_award_is_what_won_it():
    line = '1st place, HackTheNorth Example 2019 — "SignBridge"'
    award = parse_award(line)
    assert (award.title, award.issuer, award.date, award.description) == (
        "1st place",
        "HackTheNorth Example",
        PartialDate(2019),
        "SignBridge",
    )
    _every_word_kept(line, award)


def test_an_apa_title_that_is_a_link_gives_the_url():
    pub = parse_publication(
        "Boateng, K. (2023). [Linked title](https://example.org/p). *Journal of Examples*, 3.",
        kind="paper",
    )
    assert (pub.title, pub.url, pub.venue) == (
        "Linked title",
        "https://example.org/p",
        "Journal of Examples, 3",
    )


def test_a_panelist_label_is_a_panel():
    talk = parse_talk('Panelist: "Who owns on-call?" — SREday Example (2023)')
    assert (talk.title, talk.kind, talk.summary) == ("Who owns on-call?", "panel", "Panelist")


@pytest.mark.parametrize(
    ("line", "title", "start", "status", "url"),
    [
        (
            "**CementWatch** — open emissions data (2022–present). "
            "[website](https://example.pt/cw)",
            "CementWatch",
            PartialDate(2022),
            "active",
            "https://example.pt/cw",
        ),
        (
            "[FloodCast](https://example.org/fc) — flood forecasts for 12 districts, *2021–now*",
            "FloodCast",
            PartialDate(2021),
            "active",
            "https://example.org/fc",
        ),
        (
            "EnforceSim — an inspection simulator, done in 2020",
            "EnforceSim",
            None,
            "done",
            "",
        ),
    ],
)
def test_a_projects_dates_after_its_description_and_its_website_link(
    line, title, start, status, url
):
    project = parse_project(line)
    assert (project.title, project.start, project.status, project.url) == (
        title,
        start,
        status,
        url,
    )
    _every_word_kept(line, project)


def test_a_project_ending_in_a_year_range_and_one_coming_later():
    mapping = parse_project("Papa Nativa Mapping, with the Example Potato Centre, 2019-2022")
    assert mapping.title == "Papa Nativa Mapping, with the Example Potato Centre"
    assert (mapping.start, mapping.end) == (PartialDate(2019), PartialDate(2022))
    guide = parse_project("A field guide to Altiplano soils — coming 2025!")
    assert (guide.title, guide.status) == ("A field guide to Altiplano soils", "planned")
