"""Shapes found in public templates and pages (the outside fixtures), each pinned by a
small document of its own: roles as dated paragraphs, reference links, badge walls,
prose facts, and interviews whose questions are headings or bold paragraphs."""

from __future__ import annotations

import pytest

from importers.parse import parse_text
from importers.parse.education import education_in_prose
from importers.parse.markup import Badge, inline_references
from importers.parse.profile import badge_skill
from importers.parse.records import PartialDate
from importers.parse.role import entry_role, roles_in_passing, roles_with_bullets, split_org_tail
from importers.parse.transcripts.shapes import as_labelled_turns


def test_bold_organization_dash_title_and_dates_then_bullets():
    roles, rest = roles_with_bullets(
        "**Inkwell Software** — Lead Engineer (2023–present)\n\n- Runs design reviews.\n\n"
        "**Odra Digital** — Software Engineering Intern (2015–2016)\n\n- Wrote a plugin.\n"
    )
    assert [(r.organization, r.title, r.kind, r.is_current) for r in roles] == [
        ("Inkwell Software", "Lead Engineer", "full-time", True),
        ("Odra Digital", "Software Engineering Intern", "internship", False),
    ]
    assert roles[0].highlights == "- Runs design reviews."
    assert rest == ""


def test_title_organization_and_dates_on_lines_of_their_own():
    role = entry_role(
        ["**Graduate Research Assistant**  ", "Universidade do Norte  ", "August 2020 - Present  "]
    )
    assert (role.title, role.organization, role.start, role.is_current) == (
        "Graduate Research Assistant",
        "Universidade do Norte",
        PartialDate(2020, 8),
        True,
    )


def test_a_list_that_is_not_an_entry_is_left_to_the_list_reader():
    assert roles_with_bullets("- Acme — Engineer (2020–2022)\n- Initech — Intern (2019)\n") is None


@pytest.mark.parametrize(
    ("line", "org", "location"),
    [
        (
            "- 2021 - present: DevOps Engineer\n    - Nubecita Infra, Guadalajara",
            "Nubecita Infra",
            "Guadalajara",
        ),
        (
            "- Senior Engineer @ Brightwater Payments · Rotterdam (2021–2024)",
            "Brightwater Payments",
            "Rotterdam",
        ),
        ("- Engineer, Acme, Inc. (2019–2020)", "Acme, Inc.", ""),
    ],
)
def test_a_place_after_the_organization_is_its_location(line, org, location):
    doc = parse_text(
        f"# Ada Quill\n\n## Experience\n\n{line}\n\n## Education\n\n- MSc, Tide University, 2012\n",
        "cv.md",
    )
    (role,) = doc.roles
    assert (role.organization, role.location) == (org, location)


def test_a_one_year_role_ends_that_year_and_a_section_sets_the_kind():
    doc = parse_text(
        "# Ada Quill\n\n## Contract work\n\n- Data Engineer, Kettle & Crumb (2021)\n\n"
        "## Education\n\n- MSc, Tide University, 2012\n",
        "cv.md",
    )
    (role,) = doc.roles
    assert (role.start, role.end, role.is_current, role.kind) == (
        PartialDate(2021),
        PartialDate(2021),
        False,
        "contract",
    )


def test_teaching_and_service_are_not_roles():
    doc = parse_text(
        "---\nlayout: archive\nauthor_profile: true\n---\nWork experience\n======\n"
        "* Summer 2024 - present: Postdoctoral Researcher, Northfield Institute\n\n"
        "Teaching\n======\n* Fall 2021: Teaching Assistant, CE 341, Northfield Institute\n\n"
        "Service and leadership\n======\n* Reviewer for *Journal of Tides* (2021–2023)\n",
        "cv.md",
    )
    assert [r.title for r in doc.roles] == ["Postdoctoral Researcher"]
    assert [(s.title, s.kind) for s in doc.sections][1:] == [
        ("Teaching", "text"),
        ("Service and leadership", "text"),
    ]


def test_reference_links_resolve_and_their_definitions_go():
    md = (
        "I build tools at [Tallowmere Games][t] ([GitHub][]).\n\n![logo][l]\n\n"
        "[t]: https://t.example\n[github]: https://github.com/mere 'GH'\n[l]: /img/l.png\n"
        '[//]: # "a comment nobody sees"\n'
    )
    assert inline_references(md).strip() == (
        "I build tools at [Tallowmere Games](https://t.example) "
        "([GitHub](https://github.com/mere)).\n\n![logo](/img/l.png)"
    )


@pytest.mark.parametrize(
    ("badge", "skill"),
    [
        (Badge("Code", "Python", "python"), "Python"),
        (Badge("Tools", "Docker", "docker"), "Docker"),
        (Badge("Python", "", "python"), "Python"),
        (Badge("Python", "3.12", "python"), "Python"),
        (Badge("Made with", "Go", "go"), "Go"),
    ],
)
def test_a_badge_names_its_skill(badge, skill):
    assert badge_skill(badge) == skill


def test_work_at_org_as_title_is_a_current_role():
    doc = parse_text(
        "# Mateus Vilela\n\n- 💼 I work at Ferrugem Labs as a Backend Engineer\n", "README.md"
    )
    (role,) = doc.roles
    assert (role.title, role.organization, role.is_current) == (
        "Backend Engineer",
        "Ferrugem Labs",
        True,
    )


def test_degrees_told_in_sentences():
    found = education_in_prose(
        "I graduated **Cum Laude** with a B.Sc. in Computer Science from **Universitas "
        "Nusantara Timur (UNT)** in 2021. I am a PhD student at Northfield Institute."
    )
    assert [(e.degree, e.institution, e.end, e.is_current) for e in found] == [
        ("B.Sc. in Computer Science", "Universitas Nusantara Timur", PartialDate(2021), False),
        ("PhD", "Northfield Institute", None, True),
    ]
    assert education_in_prose("I studied a lot and have a degree of patience.") == []


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Hanna Kowal is an accessibility consultant based in Gdańsk.", "Hanna Kowal"),
        ("Welcome to Darya Volkova's profile!\n\nI draw maps.", "Darya Volkova"),
        ("### Zhou Wentao (周文涛)\n\nI teach systems security.", "Zhou Wentao"),
        (
            "[![👋 Hi there! I'm Kätlin Saar](https://example.org/intro.gif)](https://k.example)",
            "Kätlin Saar",
        ),
    ],
)
def test_names_stated_in_prose_headings_and_alt_text(body, name):
    doc = parse_text(f"---\nlayout: page\n---\n{body}\n", "about.md")
    assert doc.person.name == name


def test_an_email_written_against_scrapers():
    doc = parse_text(
        "---\nlayout: page\n---\nI'm Ada Quill. Mail `ada [at] tides.example [dot] org`.\n", "a.md"
    )
    assert doc.person.email == "ada@tides.example.org"


def test_questions_as_headings_become_turns_and_code_is_never_a_turn():
    body = (
        "Our guest today is a maintainer.\n\n### How did you start?\n\nBy accident.\n\n"
        "### What do you use?\n\nThis:\n\n```\nQ: not a turn\nA: nor this\n```\n\n"
        "### What is next?\n\nMore tides.\n"
    )
    labelled = as_labelled_turns(body)
    assert labelled.count("**Q:**") == 3
    doc = parse_text(f"---\ntitle: Inês Castro\nauthor: Lena Fischer\n---\n{body}", "post.md")
    (interview,) = doc.interviews
    assert doc.family == "interview"
    assert interview.interviewee == "Inês Castro"
    assert interview.interviewer == "Lena Fischer"
    assert [q.question for q in interview.questions] == [
        "How did you start?",
        "What do you use?",
        "What is next?",
    ]
    assert "Q: not a turn" in interview.questions[1].answer


def test_bold_questions_with_the_answer_under_them():
    body = "".join(
        f"**{q}**<br>\n{a}\n\n"
        for q, a in [
            ("How did you get into tech?", "A class in school."),
            ("Was that a plan?", "Not at all."),
            ("What do you study?", "Computer engineering."),
        ]
    )
    doc = parse_text(
        f"---\ntitle: 'Contributor Spotlight: Thảo Lindqvist'\n---\nThảo joined me.\n\n{body}",
        "spotlight.md",
    )
    (interview,) = doc.interviews
    assert interview.interviewee == "Thảo Lindqvist"
    assert [q.answer for q in interview.questions] == [
        "A class in school.",
        "Not at all.",
        "Computer engineering.",
    ]


def test_dated_lines_over_their_entries_and_definition_lists():
    doc = parse_text(
        "---\nlayout: cv\n---\n# Maëlle Kerbrat\n\n## Education\n\n`2011-2014`\n"
        "__PhD Physical Oceanography__, Université de Bretagne, Brest\n\n"
        "- Thesis: *Internal tides*\n\n## Occupation\n\n`2018 - now`\n"
        "__Institut de Penmarc'h__, Brest\n\n- Research Scientist\n- Leads the moorings\n\n"
        "## Experience\n\n2015-2018\n:   **Lodos Analytics**, Senior Software Engineer\n",
        "cv.md",
    )
    assert doc.family == "markdown-cv"
    (degree,) = doc.education
    assert (degree.degree, degree.institution, degree.end) == (
        "PhD Physical Oceanography",
        "Université de Bretagne",
        PartialDate(2014),
    )
    assert "Internal tides" in degree.summary
    assert [(r.title, r.organization, r.is_current) for r in doc.roles] == [
        ("Research Scientist", "Institut de Penmarc'h", True),
        ("Senior Software Engineer", "Lodos Analytics", False),
    ]


def test_repositories_named_in_passing_are_projects():
    doc = parse_text(
        "# Mateus Vilela\n\n- 🔭 I’m currently working on [tidewater]"
        "(https://github.com/mvilela/tidewater), a tiny job queue for Postgres\n\n"
        "## Open source\n\nHer open-source work includes:\n\n"
        "* https://github.com/mvilela/aria-live-lab\n* <https://gitlab.com/mvilela/contrast-tokens>\n\n"
        "## Pinned\n\n[![Readme Card](https://github-readme-stats.vercel.app/api/pin/?username=mvilela"
        "&repo=tilefold)](https://github.com/mvilela/tilefold)\n",
        "README.md",
    )
    by_title = {p.title: p for p in doc.projects}
    assert set(by_title) == {"tidewater", "aria-live-lab", "contrast-tokens", "tilefold"}
    assert by_title["tidewater"].status == "active"
    assert by_title["tidewater"].summary == "a tiny job queue for Postgres"
    assert by_title["tilefold"].repository_url == "https://github.com/mvilela/tilefold"


def test_a_profile_readme_links_its_own_github_account():
    doc = parse_text(
        "### Hi there 👋 I'm Radomír Kováč\n\n"
        "![stats](https://github-readme-stats.vercel.app/api?username=rkovac-ops&show_icons=true)\n"
        "[Repos](https://github.com/rkovac-ops?tab=repositories)\n",
        "README.md",
        family="github-readme",
    )
    assert [link.url for link in doc.links if link.kind == "github"] == [
        "https://github.com/rkovac-ops"
    ]


def test_roles_told_in_sentences():
    doc = parse_text(
        "---\nlayout: single\nauthor_profile: true\n---\nI am Aino Virtanen, a postdoctoral "
        "researcher at the [Helmi Institute](https://helmi.example.fi) in Oulu, Finland. Before "
        "that I worked for three years as a computational linguist at Kielikone Labs "
        "(2016–2019).\n",
        "about.md",
    )
    assert [(r.title, r.organization, r.start, r.end, r.is_current) for r in doc.roles] == [
        ("Postdoctoral Researcher", "Helmi Institute", None, None, True),
        ("Computational Linguist", "Kielikone Labs", PartialDate(2016), PartialDate(2019), False),
    ]


def test_ask_me_about_names_skills():
    doc = parse_text(
        "# Mateus Vilela\n\n- 💬 Ask me about anything related to Python/Django/PostgreSQL or Vue\n"
        "- 💬 Ask me about life, the universe and everything\n",
        "README.md",
        family="github-readme",
    )
    assert doc.skills == ("Python", "Django", "PostgreSQL", "Vue")


def test_a_cv_that_names_its_person_only_as_the_bold_author():
    doc = parse_text(
        "---\nlayout: archive\ntitle: CV\nauthor_profile: true\n---\nEducation\n======\n"
        "* Ph.D in Hydrology, Northfield Institute, 2024\n\nPublications\n======\n"
        '* **Amara Okonkwo**, Halvard Brekke. "Ensemble Calibration." *J. Hydrology*, 2024.\n'
        '* Lin Wu, **Amara Okonkwo**. "Sparse Gauges." *Water Letters*, 2022.\n',
        "cv.md",
    )
    assert doc.person.name == "Amara Okonkwo"


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("Org · Berlin · Germany", ("Org", "Berlin, Germany", "")),
        ("Nubecita Infra, Guadalajara", ("Nubecita Infra", "Guadalajara", "")),
        ("Acme, Inc.", ("Acme, Inc.", "", "")),
        ("Brightwater Payments · · Rotterdam", ("Brightwater Payments", "Rotterdam", "")),
        (
            "Vantaku Systems, Pune. Threat modelling for the card platform.",
            ("Vantaku Systems", "Pune", "Threat modelling for the card platform."),
        ),
    ],
)
def test_what_follows_an_organization(text, split):
    assert split_org_tail(text) == split


def test_roles_an_about_list_states_in_passing():
    roles = roles_in_passing(
        "- 🖥 Full-stack software developer\n"
        "- 💼 Founder and SWE at [![Kilukott](https://k.example/logo.svg)](https://k.example)\n"
        "- 🔭 I'm a Staff Engineer @ Example Org\n"
        "- 🌱 I'm currently learning Rust at home\n"
        "- 👯 Looking for help at the moment\n"
        "- ⚡ Former Data Engineer at Lodos Analytics, Izmir\n"
    )
    assert [(r.title, r.organization, r.is_current) for r in roles] == [
        ("Founder and SWE", "Kilukott", True),
        ("Staff Engineer", "Example Org", True),
        ("Data Engineer", "Lodos Analytics", False),
    ]
    assert roles[0].organization_url == "https://k.example"


def test_an_about_list_gives_roles_a_listed_role_does_not_repeat():
    doc = parse_text(
        "# Ada Quill\n\n## About me\n\n- 💼 Staff Engineer at Example\n"
        "- 🎓 Studying MSc Data Science at Northfield University, class of 2027\n\n"
        "## Experience\n\n- Staff Engineer, Example Org (2020 – present)\n"
        "- Founder at [![Kilukott](https://k.example/logo.svg)](https://k.example) (2018)\n"
    )
    assert [(r.title, r.organization) for r in doc.roles] == [
        ("Staff Engineer", "Example Org"),
        ("Founder", "Kilukott"),
    ]
    (degree,) = doc.education
    assert (degree.institution, degree.end, degree.is_current) == (
        "Northfield University",
        PartialDate(2027),
        True,
    )
    # The organization's site is not the person's.
    assert doc.roles[1].organization_url == "https://k.example"
    assert all("k.example" not in link.url for link in doc.links)


def test_skill_lists_part_their_last_and_and_name_what_brackets_list():
    doc = parse_text(
        "# Itzel Ramírez\n\n## Skills\n\n* Docker, Docker Compose, Kubernetes and OpenShift\n"
        "* HEC-HMS and HEC-RAS\n"
        "* Logging, event streams and monitoring (ELK, Apache Kafka, Prometheus)\n\n"
        "**Tools:**\n\n"
        '<code><img src="https://raw.githubusercontent.com/github/explore/80688e4/topics/'
        'kotlin/kotlin.png"></code>\n'
    )
    for skill in ("Docker Compose", "Kubernetes", "OpenShift", "HEC-HMS and HEC-RAS", "ELK"):
        assert skill in doc.skills, (skill, doc.skills)
    assert {"Apache Kafka", "Prometheus", "Kotlin"} <= set(doc.skills)
    assert "Kubernetes and OpenShift" not in doc.skills
    assert "event streams and monitoring" in "\n".join(s.body for s in doc.sections)


def test_a_dated_timeline_of_a_life_gives_its_records_and_keeps_its_text():
    doc = parse_text(
        "---\ntitle: CV\ndescription: Noa Brandt — a timeline of my work and life.\n---\n\n"
        "- 2025 My son was born\n"
        "- 2023 Joined [Corvid Robotics](https://corvid.example.com/) as a Research Scientist\n"
        '- 2022 Defended my PhD, thesis titled "Soft Grippers"\n'
        "- 2020 Research Intern at Oriel Labs, Osaka\n"
        "- 2018 Started a PhD program at Kinmouth University\n"
        "- 2015–2018 Tech Lead at the startup [Lumiscan](https://lumiscan.example.com/)\n"
        "- 2014 Graduated with an M.Eng. in Physics from Sakuragawa Institute of Technology (SIT)\n"
        "- 2012 Graduated with a B.Eng. in Physics from SIT\n"
        "- 2012 Awarded the SIT Dean's Prize for undergraduate research\n",
        family="jekyll-about",
    )
    assert doc.person.name == "Noa Brandt"
    assert [
        (r.title, r.organization, str(r.start), str(r.end), r.is_current) for r in doc.roles
    ] == [
        ("Research Scientist", "Corvid Robotics", "2023", "None", True),
        ("Research Intern", "Oriel Labs", "2020", "2020", False),
        ("Tech Lead", "Lumiscan", "2015", "2018", False),
    ]
    assert [(e.degree, e.institution, str(e.start), str(e.end)) for e in doc.education] == [
        ("PhD", "Kinmouth University", "2018", "2022"),
        ("M.Eng. in Physics", "Sakuragawa Institute of Technology", "None", "2014"),
        ("B.Eng. in Physics", "Sakuragawa Institute of Technology", "None", "2012"),
    ]
    (award,) = doc.awards
    assert (award.title, award.date) == ("SIT Dean's Prize", PartialDate(2012))
    assert "My son was born" in doc.person.bio  # what states no record stays, as all does


def test_entries_whose_fields_stand_on_lines_of_their_own():
    doc = parse_text(
        "# Anselm Roth\n\n## Educations\n\n"
        "- *Harborview Technological University, Singapore*  \n**Ph.D., Aug. 2023 – Present**  \n"
        "◦ Supervised by Prof. Idris Mantel\n\n"
        "- *Eastlake University, China* <br/>\n**B.Sc., Sept. 2016 – Jun. 2020**\n\n"
        "## Research Experience\n\n"
        "- *Hanbit University, South Korea*  \n**Visiting Student, Mar. 2025**\n\n"
        "## Experience\n\n### DevOps Engineer | Jun 2021 --- Oct 2022\n"
        "**Kestrel Cloudworks** | New York\n\n- Built pipelines\n\n"
        "## Education (again)\n\n### Cascade Ridge University | Tacoma, WA | Sep 2019 – Present\n\n"
        "- B.S. in Chemical Engineering\n- GPA: 3.97\n",
    )
    assert [(e.institution, e.degree, e.location, e.is_current) for e in doc.education] == [
        ("Harborview Technological University", "Ph.D.", "Singapore", True),
        ("Eastlake University", "B.Sc.", "China", False),
        ("Cascade Ridge University", "B.S. in Chemical Engineering", "Tacoma, WA", True),
    ]
    assert "Supervised by Prof. Idris Mantel" in doc.education[0].summary
    assert [(r.title, r.organization, r.location) for r in doc.roles] == [
        ("Visiting Student", "Hanbit University", "South Korea"),
        ("DevOps Engineer", "Kestrel Cloudworks", "New York"),
    ]


def test_questions_as_a_numbered_list_of_bold_lines_with_answers_indented():
    doc = parse_text(
        '---\ntitle: "Interview with Mira Castellanos, Team Member"\ndate: May 4, 2022\n'
        "postauthors:\n  - name: Odile Marchetti\n  - name: Mira Castellanos\n---\n\n"
        "Mira joined the team in 2020.\n\n"
        "1. __Tell us about yourself.__\n\n    I grew up in Chile.\n\n"
        "    - GitHub: [@miracastell](https://github.com/miracastell)\n\n"
        "2. __How did you start?__\n\n    With R packages.\n\n"
        "3. __What do you do now?__\n\n    Maintenance, mostly.\n\n"
        "4. __Any advice for newcomers?__\n\n    Ask questions.\n",
        "post.md",
    )
    (interview,) = doc.interviews
    assert [q.question for q in interview.questions][:2] == [
        "Tell us about yourself.",
        "How did you start?",
    ]
    assert "I grew up in Chile." in interview.questions[0].answer
    assert (doc.person.name, interview.interviewer) == ("Mira Castellanos", "Odile Marchetti")
    assert "https://github.com/miracastell" in [link.url for link in doc.links]


def test_a_resume_folded_in_details_is_read_as_the_page_it_is():
    doc = parse_text(
        "## ada-builds\n\n- ai enthusiast\n\n<details>\n<summary><b>Full Resume</b> (click to "
        "expand)</summary>\n\n# Ada Quill\n\n<details open>\n<summary><b>Experience</b></summary>"
        "\n\n### Pellucid Directory Corp - Phoenix, AZ  \n**Release Manager**  \n"
        "*Nov 2024 – Present*\n\n- Cut deployment time in half\n\n---\n\n"
        "### Sentinel Labs - Los Angeles, CA  \n**Release Engineer**  \n*2007 – Feb 2024*\n\n"
        "- Automated credentials\n\n</details>\n\n<details>\n<summary><b>Education</b></summary>"
        "\n\n- BSc Computing, Northfield University (2003)\n\n</details>\n\n</details>\n",
        "README.md",
    )
    assert doc.person.name == "Ada Quill"
    assert [(r.title, r.organization, r.location, r.is_current) for r in doc.roles] == [
        ("Release Manager", "Pellucid Directory Corp", "Phoenix, AZ", True),
        ("Release Engineer", "Sentinel Labs", "Los Angeles, CA", False),
    ]
    assert doc.roles[0].highlights == "- Cut deployment time in half"
    assert [e.institution for e in doc.education] == ["Northfield University"]


def test_tables_with_no_header_words_and_banners_described_for_screen_readers():
    doc = parse_text(
        '<a href="https://ines.example.dev"><picture><img alt="Inês Carvalhal. ML Engineer, '
        'building vision-language models for clinics." src="https://x.example/banner.svg">'
        "</picture></a>\n\n"
        '<a href="https://ines.example.dev/api/mcp"><img src="https://img.shields.io/badge/'
        'MCP%20SERVER-1a1918" alt="MCP server" /></a>\n\n'
        "## Selected work\n\n| | What it is |\n|---|---|\n"
        "| **[Ferryman](https://ines.example.dev/ferryman)** | An agent that migrates Flask |\n"
        "| **[Knowledge Hub](https://ines.example.dev/hub)** | A local-first document store |\n\n"
        "## Experience\n\n| | | |\n|---|---|---|\n"
        "| `OCT 2025 - NOW` | **Research Assistant** | Halvorsen Institute at Brightwater |\n"
        "| `JUN 2023 - MAY 2025` | **Software Developer** | Tamsin Lending Ltd |\n\n"
        "## Stack\n\n**ML / AI** &nbsp;·&nbsp; PyTorch · TensorFlow\n",
        "README.md",
    )
    assert doc.person.name == "Inês Carvalhal"
    assert [p.title for p in doc.projects] == ["Ferryman", "Knowledge Hub"]
    assert [(r.title, r.organization, r.is_current) for r in doc.roles] == [
        ("Research Assistant", "Halvorsen Institute at Brightwater", True),
        ("Software Developer", "Tamsin Lending Ltd", False),
    ]
    assert set(doc.skills) == {"PyTorch", "TensorFlow"}  # no "ML / AI", no "MCP SERVER"


def test_bold_led_project_paragraphs_fenced_skill_groups_and_labelled_rows():
    doc = parse_text(
        "# Tala Dima\n\n| | |\n|---|---|\n| **Focus** | Retrieval with real evaluation. |\n"
        "| **Education** | M.S. Information Systems, Lakeshore State University |\n\n"
        "## Selected work\n\n**LedgerLeaf** — a double-entry ledger.<br/>\n"
        "<sub>[live](https://ledgerleaf.example.dev/)</sub>\n\n"
        "**Plate Tracker** — photograph the meal, skip the form.<br/>\n"
        "<sub>[code](https://github.com/tala/plate)</sub>\n\n"
        "## Stack\n\n```\nLanguages    Python · SQL\nStreaming    Apache Kafka · Debezium\n```\n",
        "README.md",
    )
    assert [p.title for p in doc.projects] == ["LedgerLeaf", "Plate Tracker"]
    assert "https://ledgerleaf.example.dev/" in doc.projects[0].summary
    assert {"Python", "SQL", "Apache Kafka", "Debezium"} <= set(doc.skills)
    assert not {"Languages Python", "Languages"} & set(doc.skills)
    assert [(e.degree, e.institution) for e in doc.education] == [
        ("M.S. Information Systems", "Lakeshore State University")
    ]


def test_internships_and_two_degrees_told_in_one_sentence_each():
    doc = parse_text(
        "---\ntitle: About\ndate: 2024-01-01\n---\n\nI'm Lin Qiao.\n\n"
        "I received my bachelor's degree in Computer Science from Qiantang University and "
        "Master's degree, also in Computer Science, from UC Coronado.\n\n"
        "During my college years, I interned at Synaptik, building a framework. I also "
        "interned at Calltide.ai and developed the management backend.\n",
    )
    assert [(r.title, r.organization, r.kind) for r in doc.roles] == [
        ("Intern", "Synaptik", "internship"),
        ("Intern", "Calltide.ai", "internship"),
    ]
    assert [e.institution for e in doc.education] == ["Qiantang University", "UC Coronado"]


def test_about_list_roles_dated_first_and_titles_at_a_linked_organization():
    doc = parse_text(
        "### Hi, I'm Mei Tan\n\nI am a Software Engineer @ [Civic Digital Works](https://cdw."
        "example.org/) working on Lantern.\n\n"
        "- 🏢 2018 to 2024: Technical Co-Founder @ [StackHarbor](https://sh.example.com) "
        "(Series A) & scaled it.\n- 🏢 2015, 2016: Data Engineer @ Lodos Analytics\n",
        "README.md",
    )
    got = [(r.title, r.organization, str(r.start), str(r.end), r.is_current) for r in doc.roles]
    assert ("Software Engineer", "Civic Digital Works", "None", "None", True) in got
    assert ("Technical Co-Founder", "StackHarbor", "2018", "2024", False) in got
    assert ("Data Engineer", "Lodos Analytics", "2015", "2016", False) in got


def test_hugo_blox_role_at_its_organization_and_the_biography_adding_only_new_roles():
    doc = parse_text(
        "---\ntitle: Tarun Vale\nrole: SDE @ Sendwise\norganizations:\n  - name: Sendwise\n"
        "education:\n  courses:\n    - course: MS Computer Science\n"
        "      institution: Mesa Ridge State University\n      year: 2022\n---\n\n"
        "I am an SDE at Sendwise. Prior to joining MRSU, I worked as a Software Engineer at "
        "Zenith. I was associated with the Open Archive Foundation as a volunteer from 2016 "
        "to 2019.\n",
        "content/authors/tarun/_index.md",
    )
    assert [(r.title, r.organization, str(r.start), str(r.end)) for r in doc.roles] == [
        ("SDE", "Sendwise", "None", "None"),
        ("Software Engineer", "Zenith", "None", "None"),
        ("Volunteer", "Open Archive Foundation", "2016", "2019"),
    ]


def test_entries_set_as_paragraphs_of_broken_lines_and_dates_with_a_place():
    doc = parse_text(
        "# Devi Raman\n\n## Experience\n\n### Veltrix Microsystems Pvt. Ltd<br>\n"
        "_Member of Technical Staff_\n\n**Aug 2020 - Now** / Bangalore, IN\n\n- Build it\n\n"
        "## Education\n\n**Ph.D. in Geoinformatics (in progress)**  \n"
        "Universidade Atlântica do Norte  \nAugust 2020 - Present  \nAdvised by Dr. Helena Vaz\n\n"
        "B.Tech in Computer Science from Sirpur Institute of Technology<br>\n"
        "**2016 - 2020** / Raipur, IN\n",
    )
    (role,) = doc.roles
    assert (role.title, role.organization, role.location, role.is_current) == (
        "Member of Technical Staff",
        "Veltrix Microsystems Pvt. Ltd",
        "Bangalore, IN",
        True,
    )
    assert [(e.degree, e.institution, e.location) for e in doc.education] == [
        ("Ph.D. in Geoinformatics", "Universidade Atlântica do Norte", ""),
        ("B.Tech in Computer Science", "Sirpur Institute of Technology", "Raipur, IN"),
    ]
    assert "Advised by Dr. Helena Vaz" in doc.education[0].summary


def test_an_ama_whose_questions_are_bullets_over_their_answers():
    doc = parse_text(
        '---\nlayout: post\ntitle: "Infosec AMA with Kaito"\nauthor: Harjit Sandhu\n---\n\n'
        "# AMA with [Kaito](https://twitter.com/Kaitohck2207)\n\n<br>\n\n"
        " - What are your most discovered vulnerabilities?\n\n   - ***Broken Access Control.***\n\n"
        "<br>\n\n - Q1) How much time you give to bug hunting?\n\n"
        " - Q2) How much time to recon when you start?\n\n"
        "   1. ***50-60 hours a week.***\n\n   2. ***About 2-3 days.***\n\n"
        "<br>\n\n - What's your hacking schedule these days?\n\n   - ***Mostly evenings.***\n",
        "ama.md",
    )
    assert doc.family == "hugo-ama"
    assert doc.person.name == "Kaito"
    (ama,) = doc.interviews
    assert [(q.question, q.answer) for q in ama.questions] == [
        ("What are your most discovered vulnerabilities?", "Broken Access Control."),
        ("Q1) How much time you give to bug hunting?", "50-60 hours a week."),
        ("Q2) How much time to recon when you start?", "About 2-3 days."),
        ("What's your hacking schedule these days?", "Mostly evenings."),
    ]
    assert "https://twitter.com/Kaitohck2207" in [link.url for link in doc.links]


@pytest.mark.parametrize(
    ("written", "start", "end", "current"),
    [
        ("2021/actuellement", 2021, None, True),
        ("2013/2014", 2013, 2014, False),
        ("[2020-...]", 2020, None, True),
        ("2012年至今", 2012, None, True),
        ("2006年至2010年", 2006, 2010, False),
        ("2019 - heute", 2019, None, True),
    ],
)
def test_date_ranges_as_other_languages_and_open_ranges_write_them(written, start, end, current):
    from importers.parse.dates import parse_date_range

    found = parse_date_range(written)
    assert (found.start.year, found.end and found.end.year, found.is_current) == (
        start,
        end,
        current,
    )


def test_a_career_told_in_sentences_with_dates_in_brackets_and_new_roles():
    from importers.parse.role import roles_in_prose

    text = (
        "Dr. Varkey served as an Assistant Professor in the Department of Computer Science at "
        "Western Institute of Science, Goa Campus, for two years (2020-2022). She then "
        "transitioned to a postdoctoral researcher role at Jaffa University in Israel from "
        "2022 to 2024."
    )
    got = [
        (r.title, r.organization, str(r.start), str(r.end)) for r, _place in roles_in_prose(text)
    ]
    assert got == [
        ("Assistant Professor", "Western Institute of Science", "2020", "2022"),
        ("Postdoctoral Researcher", "Jaffa University", "2022", "2024"),
    ]


def test_a_cv_page_named_in_its_text_and_awards_set_over_their_issuers():
    doc = parse_text(
        "---\nlayout: page\ntitle: CV\n---\n\n**Curriculum Vitae — Mateus Figueiredo:** "
        "[Download PDF](/cv.pdf)\n\n## Awards\n\n**Best Student Paper Award**  \n"
        "Northern Conference on Geographic Information Science | 2023  \n\n"
        "**Dean's List**  \nColégio Universitário de Serra Azul | 2018, 2019  \n",
    )
    assert doc.person.name == "Mateus Figueiredo"
    assert [(a.title, a.issuer, a.date) for a in doc.awards] == [
        (
            "Best Student Paper Award",
            "Northern Conference on Geographic Information Science",
            PartialDate(2023),
        ),
        ("Dean's List", "Colégio Universitário de Serra Azul", PartialDate(2019)),
    ]


def test_month_ranges_of_one_year_and_details_that_group_projects():
    doc = parse_text(
        "# Idris Qamar\n\n## Experience\n\n| Role | Org | When |\n|---|---|---|\n"
        "| **AI Data Engineering Intern** | Calderon Pharma | Jan — Apr 2026 |\n"
        "| **Software Engineering Intern** | Stratus Cloud | May — Aug 2024 |\n\n"
        "## Selected work\n\n<details>\n<summary><b>Quantum</b></summary>\n\n"
        "| Project | What it is |\n|---|---|\n"
        "| [**qb-compress**](https://github.com/iq/qb-compress) | Compression of a learner |\n"
        "| [**WexQuantum**](https://github.com/iq/wexquantum) | A community site |\n\n</details>\n",
        "README.md",
    )
    assert [(r.title, str(r.start), str(r.end)) for r in doc.roles] == [
        ("AI Data Engineering Intern", "2026-01", "2026-04"),
        ("Software Engineering Intern", "2024-05", "2024-08"),
    ]
    assert [p.title for p in doc.projects] == ["qb-compress", "WexQuantum"]


def test_a_talk_written_on_hard_broken_lines_is_read_as_one_entry():
    doc = parse_text(
        "# Ada Quill\n\n## Talks\n\n- **Your Editor Is a Product**  \nPyCon Example, 2023\n",
        "cv.md",
        family="markdown-cv",
    )
    assert [t.title for t in doc.talks] == ["Your Editor Is a Product"]


@pytest.mark.parametrize(
    "text, roles",
    [
        (
            "I'm currently a Software Engineering Intern @Saltmarsh, and have previously been "
            "a Product Manager @Cobaltforge and a Software Engineer @Nimbusware.",
            [
                ("Software Engineering Intern", "Saltmarsh", True),
                ("Product Manager", "Cobaltforge", False),
                ("Software Engineer", "Nimbusware", False),
            ],
        ),
        (
            "She was a data engineer at Harbor Freight Labs, and a team lead at Quayside.",
            [("Data Engineer", "Harbor Freight Labs", False), ("Team Lead", "Quayside", False)],
        ),
        (
            "I am a maintainer @ [Tidepool](https://tidepool.example.org) and a mentor.",
            [("Maintainer", "Tidepool", True)],
        ),
    ],
)
def test_roles_said_with_at_signs_and_joined_by_and(text, roles):
    from importers.parse.role import roles_in_prose

    got = [(r.title, r.organization, r.is_current) for r, _place in roles_in_prose(text)]
    assert got == roles


def test_roles_a_bio_names_without_titles_take_the_persons_profession():
    from importers.parse.role import roles_without_titles

    text = (
        "I'm a data engineer based in Leeds. I work for a small charity that maps rivers. "
        "I've previously worked at Quayside, Tidewater Labs and the [Open Map Guild](url). "
        "I also worked for a shipping firm for two years as a logistics analyst."
    )
    got = [(r.title, r.organization, r.is_current) for r in roles_without_titles(text)]
    assert got == [
        ("Data Engineer", None, True),
        ("Data Engineer", "Quayside", False),
        ("Data Engineer", "Tidewater Labs", False),
        ("Data Engineer", "Open Map Guild", False),
        ("Logistics Analyst", None, False),
    ]
    # Without a profession to title them, organizations alone make no role.
    assert roles_without_titles("I've previously worked at Quayside.") == []
    assert roles_without_titles("I'm a big fan of tea. I worked at Quayside.") == []


@pytest.mark.parametrize(
    "section, skills",
    [
        (
            "## Technical Skills\n\n- Proficient in languages including C#, Python and Java\n"
            "- Experienced with frameworks such as Next.js, Node.js and Flask\n",
            ["C#", "Python", "Java", "Next.js", "Node.js", "Flask"],
        ),
        ("### SKILL\n\n- Tools: Git, Jenkins, Docker\n", ["Git", "Jenkins", "Docker"]),
        (
            "Skills\n------\n\n:   **Go:** daily driver for six years.\n\n"
            ":   Basic knowledge of **Rust**, **C**, **TLA+**\n",
            ["Go", "Rust", "C", "TLA+"],
        ),
        (
            "## Skills\n\n- Kubernetes (AKS, GKE), Docker\n- Jenkins (working knowledge)\n",
            ["Kubernetes", "AKS", "GKE", "Docker", "Jenkins"],
        ),
        (
            "## Stack\n\n**Frontend** — `Next.js` `React` `Tailwind CSS`<br/>\n",
            ["Next.js", "React", "Tailwind CSS"],
        ),
    ],
)
def test_skills_written_in_sentences_definitions_brackets_and_code(section, skills):
    doc = parse_text(f"# Ada Quill\n\nI build things.\n\n{section}", "README.md")
    assert list(doc.skills) == skills
    words = " ".join(s.body for s in doc.sections)
    # Words that are not tags stay on the page.
    for kept in ("Proficient", "daily driver", "working knowledge"):
        if kept in section:
            assert kept in words


def test_an_interview_asked_in_italic_paragraphs_the_first_said_by_name():
    body = (
        "---\ntitle: Interview with Theo Lind from Tessel\nauthor: Mara Ost\n---\n\n"
        "Theo leads Tessel. We met him after his talk.\n\n"
        "Mara: _What do you do outside of Tessel?_\n\n"
        "Theo: I'm a software engineer at Hubbard Labs.\n\n"
        "_How did you get involved?_\n\nI used it over the summer.\n\n"
        "I fixed issues too.\n\n"
        "_That sounds like a lot of work!_\n\nIt was.\n\n"
        "_What is next for Tessel?_\n\nVersion 4.\n"
    )
    doc = parse_text(body, "interview.md")
    assert doc.family == "interview"
    (interview,) = doc.interviews
    assert [q.question for q in interview.questions] == [
        "What do you do outside of Tessel?",
        "How did you get involved?",
        "That sounds like a lot of work!",
        "What is next for Tessel?",
    ]
    assert interview.questions[0].answer.startswith("I'm a software engineer")
    assert "I fixed issues too." in interview.questions[1].answer
    assert interview.interviewer == "Mara Ost"


def test_italic_paragraphs_that_do_not_ask_are_no_interview():
    body = (
        "---\nlayout: page\n---\n\nI write about tides.\n\n_Lately I have been reading._\n\n"
        "Books about rivers.\n\n_Is this a question?_\n\nNo.\n\n_A caption._\n\n_Another one._\n"
    )
    assert parse_text(body, "about.md").interviews == ()


def test_a_spotlight_asked_in_hugo_spoilers_names_its_guest_from_the_title():
    spoilers = "".join(
        f'{{{{< spoiler text="__:bulb: {q}__" >}}}}\n\n{a}\n\n{{{{< /spoiler >}}}}\n\n'
        for q, a in (
            ("What is your favourite song?", "Paper Lanterns."),
            ("Tell us about your organisation?", "#### What is its aim?\n\nTo map rivers."),
            ("What do you enjoy the most?", "Fixing one line."),
            ("Please share some advice.", "Be better."),
        )
    )
    body = f"---\ntitle: 'January 2023: Meet Ada Quill'\n---\n\nOur first spotlight.\n\n{spoilers}"
    doc = parse_text(body, "index.md")
    assert doc.person.name == "Ada Quill"
    (interview,) = doc.interviews
    assert [q.question for q in interview.questions] == [
        "What is your favourite song?",
        "Tell us about your organisation?",
        "What do you enjoy the most?",
        "Please share some advice.",
    ]
    assert "What is its aim?" in interview.questions[1].answer
    assert ":bulb:" not in " ".join(q.question for q in interview.questions)


def test_an_ama_recap_whose_askers_are_forum_handles_each_asking_once():
    turns = "".join(
        f"**u/{who}:** {q}\n\n**Ada:** {a}\n\n"
        for who, q, a in (
            ("mossy_tern", "Will it stay free?", "Yes."),
            ("ketchup_kraken", "Any overlay plans?", "Soon."),
            ("Dr_Pixelbeard", "What is your stack?", "Python and Elixir."),
        )
    )
    body = f"---\ntitle: AMA with Ada Quill\ndate: 2015-05-21\n---\n\nThanks for coming.\n\n{turns}"
    doc = parse_text(body, "ama.md")
    (interview,) = doc.interviews
    assert [(q.asker, q.answer) for q in interview.questions] == [
        ("u/mossy_tern", "Yes."),
        ("u/ketchup_kraken", "Soon."),
        ("u/Dr_Pixelbeard", "Python and Elixir."),
    ]


def test_two_spells_of_one_role_joined_by_an_ampersand():
    from importers.parse.dates import parse_date_range

    found = parse_date_range("Summer 2023 & Summer 2025")
    assert (found.start.year, found.end.year) == (2023, 2025)


def test_education_notes_join_their_degree_and_a_degree_without_a_school_stays_text():
    doc = parse_text(
        "# Ada Quill\n\nHi.\n\n## Education\n\n"
        "- B.Sc. in Physics, Northgate University, 2014 - 2018\n"
        "- Consistently on the Dean's List\n\n"
        "## Studies\n\n- Graduated June 2024 with a Bachelor of Computing in Mathematics\n",
        "README.md",
    )
    (entry,) = doc.education
    assert entry.institution == "Northgate University"
    assert "Dean's List" in entry.summary
    studies = next(s for s in doc.sections if s.title == "Studies")
    assert "Graduated June 2024 with a Bachelor of Computing" in studies.body


def test_a_degree_no_school_is_named_for_is_kept_as_text_not_dropped():
    doc = parse_text(
        "---\ntitle: Ada Quill\neducation:\n  courses:\n    - course: PhD in Tides\n"
        "      year: 2019\n---\n\nI study tides.\n",
        "content/authors/ada/_index.md",
    )
    assert all(e.institution for e in doc.education)
    assert "PhD in Tides" in "\n".join(s.body for s in doc.sections)


def test_a_labelled_list_in_a_readme_opening_is_a_section_and_emoji_do_not_title():
    doc = parse_text(
        "### Hi there 👋\n\nI build tools.\n\nOther projects:\n"
        "- 🎨 [Overlay Maker](https://overlay.example.dev/)\n"
        "- 💎 [autogitc](https://github.com/ada/autogitc) (commit messages)\n",
        "README.md",
    )
    assert [(p.title, p.url or p.repository_url) for p in doc.projects] == [
        ("Overlay Maker", "https://overlay.example.dev/"),
        ("autogitc", "https://github.com/ada/autogitc"),
    ]
    assert [(s.title, s.kind) for s in doc.sections] == [("Other projects", "projects")]
    assert "Other projects" not in doc.person.bio


def test_projects_as_bold_links_each_over_a_list_of_its_fields():
    doc = parse_text(
        "# Ada Quill\n\nHi.\n\n## 🚀 Current Projects\n\n"
        "**[Lanternfall](https://github.com/ada/lanternfall)** - A small horror game.\n"
        "- **Languages:** C++\n- **Role:** Contributor\n\n"
        "**[Harvest](https://github.com/ada/harvest)** - Volunteers grow food.\n"
        "- **Languages:** Python\n\n---\n",
        "README.md",
    )
    assert [(p.title, p.repository_url) for p in doc.projects] == [
        ("Lanternfall", "https://github.com/ada/lanternfall"),
        ("Harvest", "https://github.com/ada/harvest"),
    ]
    assert "Contributor" in doc.projects[0].summary


def test_a_degree_listed_in_an_about_list_with_a_dash():
    doc = parse_text(
        "# Ada Quill\n\n## About Me\n\n"
        "- 🎓 **B.S. Computer Science** — Ashgrove University, Ashgrove, SC (May 2026) · GPA: 3.9\n"
        "- Fun fact: I collect cubes.\n",
        "README.md",
    )
    (entry,) = doc.education
    assert (entry.degree, entry.institution, entry.location) == (
        "B.S. Computer Science",
        "Ashgrove University",
        "Ashgrove, SC",
    )
    assert (entry.end.year, entry.end.month) == (2026, 5)


def test_speakers_named_once_by_first_name_then_by_initials_and_a_closing_thanks():
    body = (
        "---\ntitle: Spotlight on SIG Tides\nauthor: Anneliese Vogt\n---\n\n"
        "In this spotlight we talked with Kalinda Berg, an approver.\n\n"
        "**Anneliese:** **Hello! Would you\nlike to introduce yourself?**\n\n"
        "**Kalinda**: Hi, I maintain the tide tables.\n\n"
        "**AV: That's great! Can you give a\nbrief overview of the SIG?**\n\n"
        "**KB**: We measure tides.\n\n"
        "**AV: What is next?**\n\n**KB**: Better tables.\n\n"
        "**AV: Thank you so much for taking the time to do\nthis interview.**\n"
    )
    (interview,) = parse_text(body, "spotlight.md").interviews
    assert [" ".join(q.question.split()) for q in interview.questions] == [
        "Hello! Would you like to introduce yourself?",
        "That's great! Can you give a brief overview of the SIG?",
        "What is next?",
    ]
    assert interview.questions[0].answer == "Hi, I maintain the tide tables."
    assert "Thank you so much" in interview.outro
    assert interview.outro.startswith("**Anneliese Vogt:** Thank you")
    assert not interview.outro.endswith("*")
    assert {q.asker for q in interview.questions} == {"Anneliese Vogt"}


def test_heading_questions_labelled_q_and_one_under_a_lone_line_break():
    asks = "".join(
        f"### Q: {q} do you hunt?\n\nAnswer {n}.\n\n" for n, q in enumerate(("Why", "How", "When"))
    )
    body = (
        "---\ntitle: AMA with nullada\n---\n# AMA with nullada\n\n<br/>\n"
        f"### Thank you for doing this! Can you introduce yourself?\n\nI am Ada.\n\n{asks}"
    )
    (ama,) = parse_text(body, "ama.md").interviews
    assert [q.question for q in ama.questions] == [
        "Thank you for doing this! Can you introduce yourself?",
        "Why do you hunt?",
        "How do you hunt?",
        "When do you hunt?",
    ]


def test_entries_on_broken_lines_under_a_logo_of_the_old_site():
    doc = parse_text(
        "---\ntitle: About\npermalink: /about/\nauthor_profile: true\n---\n\nI am Lior.\n\n"
        "## Work Experience\n![left-aligned-image](/assets/logos/bf.png){: .align-left}\n"
        "**Brightforge Interactive** (Palo Alto, California)  \nMedia Engineer Intern  \n"
        "Jun 2020 - Aug 2020\n<hr>\n\n## Education\n![left-aligned-image](/assets/logos/w.png)\n"
        "**University of Wexford**  \nMaster of Science in Engineering  \nAug 2019 - May 2021\n",
        "about.md",
    )
    assert [(r.title, r.organization, r.location) for r in doc.roles] == [
        ("Media Engineer Intern", "Brightforge Interactive", "Palo Alto, California")
    ]
    assert [(e.degree, e.institution) for e in doc.education] == [
        ("Master of Science in Engineering", "University of Wexford")
    ]
    assert "left-aligned" not in " ".join(s.body for s in doc.sections)


def test_pandoc_skills_definitions_inside_a_text_section_stay_in_it():
    doc = parse_text(
        "# Ada Quill\n\nHi.\n\nTechnical Experience\n--------------------\n\n"
        "tidepool\n:   A tide table library.\n\n"
        "Programming Languages\n:   **Go:** daily driver for six years.\n\n"
        ":   **Java:** Flink jobs.\n",
        "cv.md",
    )
    assert list(doc.skills) == ["Go", "Java"]
    assert [s.title for s in doc.sections] == ["Technical Experience"]
    assert "daily driver" in doc.sections[0].body


HUGO_BLOX_V1 = """schema: hugoblox/author/v1
slug: me
is_owner: true
name:
  display: Dr. Ada Quill
  given: Ada
  family: Quill
  pronouns: she/her
role: Staff Research Scientist
bio: |
  Ada Quill studies tides at Example Lab.
affiliations:
  - name: Example Lab
    url: https://lab.example.org/
links:
  - icon: at-symbol
    url: mailto:ada@example.org
  - icon: brands/github
    url: https://github.com/adaquill
interests:
  - Tides
education:
  - degree: PhD Oceanography
    institution: Northgate University
    start: 2015-09-01
    end: 2019-06-30
experience:
  - role: Staff Research Scientist
    org: Example Lab
    start: 2020-01-01
  - role: Research Intern
    org: Harbor Institute
    start: 2019-06-01
    end: 2019-12-31
skills:
  - name: Technical Skills
    items:
      - label: Python
        level: 5
"""


def test_a_hugo_blox_author_of_the_v1_data_schema():
    from importers.parse import parse_document

    doc = parse_document(HUGO_BLOX_V1.encode(), "data/authors/me.yaml")
    assert doc.family == "hugo-blox-author"
    assert doc.person.name == "Ada Quill"
    assert [(r.title, r.organization, r.is_current) for r in doc.roles] == [
        ("Staff Research Scientist", "Example Lab", True),
        ("Research Intern", "Harbor Institute", False),
    ]
    assert [(e.degree, e.institution) for e in doc.education] == [
        ("PhD Oceanography", "Northgate University")
    ]
    assert {link.kind for link in doc.links} >= {"email", "github"}
    assert list(doc.skills) == ["Python"]
    assert "Tides" in doc.person.tags


def test_the_list_of_hugo_blox_authors_is_no_profile():
    from importers.parse.detect import detect_family

    meta = {"build": {"render": "never"}}
    assert detect_family(meta, "", "yaml", "content/authors/_index.md") != "hugo-blox-author"
    assert detect_family({}, "x", "yaml", "content/authors/ada/_index.md") == "hugo-blox-author"


def test_a_live_qa_whose_turns_follow_their_anchor_links():
    turns = "".join(
        f'<a name="q{n}" href="#q{n}">#</a> **Q:** {q}\n\n**A:** {a}\n\n---\n\n'
        for n, (q, a) in enumerate(
            (
                ("What are you excited about?", "Fiber."),
                ("Why the hood?", "Style."),
                ("Will Android get better?", "Yes."),
            )
        )
    )
    body = (
        "---\ntitle: Ada Quill\ndate: 2016-09-08\nlocation: Q&A Channel Tidepool\n"
        f"description: Core team\n---\n\n## Core Team Member\n\nI studied tides.\n\n---\n\n{turns}"
    )
    doc = parse_text(body, "ada.md")
    assert doc.family == "hugo-ama"
    (ama,) = doc.interviews
    assert ama.kind == "ama"
    assert "Tidepool" in ama.outlet
    assert ama.questions[0].question == "What are you excited about?"
    assert len(ama.questions) == 3


def test_a_recording_transcript_with_time_marks_before_each_speaker():
    turns = (
        "[00:00:00] **Dario Ket:** Hello folks. What do you do at Statewise?\n\n"
        "[00:00:33] **Linh Oka:** I run operations.\n\n"
        "[00:01:10] **Dario Ket:** Where does your passion for this come from?\n\n"
        "[00:01:22] **Linh Oka:** From my own burnout.\n"
    )
    body = f"---\ntitle: Linh Oka\ndate: 2023-06-06\n---\n\n{turns}"
    doc = parse_text(body, "office-hours.md")
    assert doc.family == "interview"
    (interview,) = doc.interviews
    assert [q.asker for q in interview.questions] == ["Dario Ket", "Dario Ket"]
    assert interview.questions[0].answer.startswith("[00:00:33] I run operations.")


@pytest.mark.parametrize(
    ("written", "start", "end", "current"),
    [
        ("Juin 2011 à Mars 2013", (2011, 6), (2013, 3), False),
        ("Depuis mars 2013", (2013, 3), None, True),
        ("März 2019 bis heute", (2019, 3), None, True),
        ("enero 2010 - diciembre 2012", (2010, 1), (2012, 12), False),
        ("settembre 2015 - giugno 2018", (2015, 9), (2018, 6), False),
    ],
)
def test_dates_with_months_in_other_languages(written, start, end, current):
    from importers.parse.dates import parse_date_range

    found = parse_date_range(written)
    got_end = (found.end.year, found.end.month) if found.end else None
    assert ((found.start.year, found.start.month), got_end, found.is_current) == (
        start,
        end,
        current,
    )


def test_a_french_cv_with_bold_entries_over_italic_dates_and_places():
    doc = parse_text(
        "---\nlayout: page\ntitle: CV\n---\n\nDéveloppeur front.\n\n## Expériences\n\n"
        "**Développeur front-end - Plantin Technology**<br/>\n*Depuis mars 2013 - Paris*\n\n"
        "- Conception de la plateforme\n\n## Formations\n\n"
        "**DUT Réseaux et Télécommunication**<br/>\n*Septembre 2006 à Juin 2008 - IUT de Perros*\n",
        "cv.md",
    )
    assert [(r.title, r.organization, r.location, r.is_current) for r in doc.roles] == [
        ("Développeur front-end", "Plantin Technology", "Paris", True)
    ]
    assert [(e.degree, e.institution, e.end.year) for e in doc.education] == [
        ("DUT Réseaux et Télécommunication", "IUT de Perros", 2008)
    ]


def test_a_readme_opening_with_a_greeting_in_bold():
    doc = parse_text(
        "**Hey, I'm Jonas! 👋**\n\nI'm a JavaScript Engineer from Slovenia in love with React.\n",
        "README.md",
    )
    assert (doc.person.name, doc.person.headline) == ("Jonas", "JavaScript Engineer")
    assert doc.roles == ()  # "in love with React" names no employer


def test_a_cv_laid_out_in_an_html_table_of_title_org_and_bullet_rows():
    table = (
        '<table style="border: none">\n  <tr>\n    <td><b> Research Analyst</b></td>\n'
        "    <td>Sep 2019 to Jul 2024</td>\n  <tr>\n    <td><i>Tide Policy Lab, Northgate "
        "University</i></td>\n    <td>Cambridge, MA</td>\n  </tr>\n  <tr>\n    <td><ul><li>"
        "Built data pipelines</li></ul></td>\n  </tr>\n  <tr>\n    <td><b>Intern</b></td>\n"
        "    <td>Jun 2019 to Aug 2019</td>\n  <tr>\n    <td><i>Harbor Institute</i></td>\n"
        "    <td>Boston, MA</td>\n  </tr>\n</table>\n"
    )
    doc = parse_text(
        "---\nlayout: archive\ntitle: CV\nauthor_profile: true\n---\n\nEducation\n======\n\n"
        f"<b>B.S. in Education, University of Chesapeake</b>\n\nWork experience\n======\n\n{table}",
        "cv.md",
    )
    assert [(r.title, r.organization, r.location, r.start.year) for r in doc.roles] == [
        ("Research Analyst", "Tide Policy Lab, Northgate University", "Cambridge, MA", 2019),
        ("Intern", "Harbor Institute", "Boston, MA", 2019),
    ]
    assert "Built data pipelines" in doc.roles[0].highlights


def test_bold_paragraphs_apart_stay_apart():
    from importers.parse.markup import html_to_markdown

    assert html_to_markdown("<b>PhD, Beacon</b>\n\n<b>MSc, Harbor</b>") == (
        "**PhD, Beacon**\n\n**MSc, Harbor**"
    )


def test_topic_headings_after_the_questions_are_no_questions():
    asks = "".join(
        f"### {q}\n\nAnswer.\n\n"
        for q in (
            "Why did you pick it?",
            "How do you deploy it?",
            "Who reads the data?",
        )
    )
    body = (
        "---\ntitle: 'End-User Q&A: Tides'\n---\n\nWe spoke with J.\n\n## Q&A\n\n"
        f"{asks}## Challenges\n\n### Documentation\n\nIt is thin.\n\n### Maintenance\n\nHard.\n"
    )
    (interview,) = parse_text(body, "qa.md").interviews
    assert [q.question for q in interview.questions] == [
        "Why did you pick it?",
        "How do you deploy it?",
        "Who reads the data?",
    ]
    assert "Documentation" in interview.questions[-1].answer + interview.outro


def test_generated_readme_lists_of_releases_and_blog_posts_as_linked_paragraphs():
    doc = parse_text(
        "Working on tools.\n\n### Recent releases\n<!-- releases starts -->\n"
        "[untag 0.4.1](https://github.com/ada/untag/releases/tag/0.4.1) - 2023-06-18\n\n"
        "[promptly 0.4](https://github.com/ada/promptly/releases/tag/0.4) - 2023-06-17\n"
        "<!-- releases ends -->\nMore [recent releases](https://github.com/ada/ada/releases.md)\n\n"
        "### On my blog\n\n"
        "[Understanding tokenizers](https://ada.example.net/tok/) - 2023-06-08\n\n"
        "[Chat assistants need tips](https://ada.example.net/tips/) - 2023-05-30\n",
        "README.md",
    )
    assert [p.title for p in doc.projects] == ["untag 0.4.1", "promptly 0.4"]
    assert [p.title for p in doc.publications] == [
        "Understanding tokenizers",
        "Chat assistants need tips",
    ]
    assert "More [recent releases]" in doc.sections[0].body


def test_products_a_bio_lists_in_a_sentence_are_projects():
    doc = parse_text(
        "# Hi, I'm Ada\n\nI also run three products on the side, "
        "[Bedstone](https://bedstone.example.com), [Shiftlog](https://shiftlog.example.app) "
        "and [Heron](https://github.com/ada/heron), and I climb.\n",
        "README.md",
    )
    assert [(p.title, p.url or p.repository_url) for p in doc.projects] == [
        ("Bedstone", "https://bedstone.example.com"),
        ("Shiftlog", "https://shiftlog.example.app"),
        ("Heron", "https://github.com/ada/heron"),
    ]
    assert "I also run three products" in doc.person.bio
