"""Documents shaped like the public templates and pages these families come from
(al-folio, academicpages, Hugo Blox, Hugo themes, profile READMEs, markdown CV
templates, interview and AMA posts), with fictional people: each ``NAME.md`` under
``tests/fixtures/outside/`` has a ``NAME.json`` beside it listing the facts an editor
transcribing the page would record. One test checks every fact of every document.

Documents whose facts do not all hold yet are listed in ``KNOWN_GAPS`` with what is
missing; those tests are strict xfails, so fixing one turns it into a failure until it
is taken off the list.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from importers.parse.records import LINK_KINDS, ProfileDocument
from tests.importers.helpers import FIXTURES, parse_fixture, strings

OUTSIDE = FIXTURES / "outside"
DOCUMENTS = sorted(
    str(p.relative_to(FIXTURES)) for p in OUTSIDE.rglob("*.md") if p.with_suffix(".json").exists()
)

# Document -> what the importer does not yet get right (see the note of issue 9).
KNOWN_GAPS: dict[str, str] = {
    "outside/academicpages-about/about_liquid_comment_internship_org_only.md": (
        "role 2 (Intern): organization 'LIT', wanted ['Voxlark']; role 2 (Intern): ti"
    ),
    "outside/academicpages-about/cv_html_table_rows_orlov.md": (
        "role 4 (Research Assistant for Dr. Nadia Whitcombe): organization 'Aug to', "
    ),
    "outside/academicpages-about/cv_ongoing_subbullet_org_etienne.md": (
        "no award titled 'PhD Dissertation Award'"
    ),
    "outside/academicpages-about/cv_rafael_quintanilla.md": (
        "education 3 (Technische Hochschule Nordsee): start None, wanted ['2017']"
    ),
    "outside/academicpages-about/cv_work_with_pi_varga.md": (
        "role 1 (Postdoctoral Researcher): organization 'the University of Southbay',"
    ),
    "outside/github-readme/background_h1_at_lines_noa/README.md": (
        "0 education entries, wanted 1: []; skill 'PostgreSQL' missing"
    ),
    "outside/github-readme/badge_wall_radomir_kovac.md": (
        "no project titled 'slo-blueprint'; no project titled 'kubectl-whyfail'"
    ),
    "outside/github-readme/bold_greeting_prose_footnote_jonas.md": (
        "family 'unknown'; 0 roles, wanted 3: []; no project titled 'tinted-elements'"
    ),
    "outside/github-readme/details_experience_chiamaka_obi.md": (
        "education 1 (University of Nigeria, Nsukka): institution 'University of Nige"
    ),
    "outside/github-readme/details_table_idris/README.md": (
        "website link 'https://idrisqamar.example.dev' not in ['https://docs.example."
    ),
    "outside/github-readme/emoji_year_bullets_jmtan/README.md": (
        "2 roles, wanted 3: [('Technical Co-Founder', 'StackHarbor'), ('Software Engi"
    ),
    "outside/github-readme/h3_company_caps_wren/README.md": (
        "4 roles, wanted 5: [('R&D Firmware Tester Intern', 'VOLTAIC METERS, INC.'), "
    ),
    "outside/github-readme/html_french_mael.md": (
        "person 'Mael Quintard', wanted one of ['Maël']; website link 'https://quinta"
    ),
    "outside/github-readme/nested_resume_wendell.md": (
        "role 3 (Software Engineer): organization 'RemoteDesk Team', wanted ['Sentine"
    ),
    "outside/github-readme/table_timeline_ines.md": ("0 education entries, wanted 1: []"),
    "outside/github-readme/three_column_autogen_table_waverly.md": (
        "no project titled 'Tabletop'; lost 'Using fs_usage to see what files a proce"
    ),
    "outside/hugo-about/about_hanna_zolkiewska.md": (
        "tag 'inclusive forms' missing; tag 'cognitive load' missing; tag 'writing fo"
    ),
    "outside/hugo-about/about_mirela_dragulescu.md": (
        "sections ['What is this blog', 'About the Author', 'Skills', 'Contact Me'], "
    ),
    "outside/hugo-about/blowfish_timeline_about.md": (
        "0 roles, wanted 3: []; 0 education entries, wanted 3: []"
    ),
    "outside/hugo-about/figure_obfuscated_email_tomas.md": (
        "3 roles, wanted 4: [('Senior Machine Learning Engineer', 'Knobwise.'), ('Mac"
    ),
    "outside/hugo-about/fr_figure_caption_bold_name_rodrigo.md": (
        "person '', wanted one of ['Rodrigo Ayála', 'Rodrigo Ayala']; 0 education ent"
    ),
    "outside/hugo-about/papermod_logo_only_company_table.md": (
        "role 5 (Internship): organization 'Internship', wanted ['Cadence Partners'];"
    ),
    "outside/hugo-about/toml_layout_figure_priya.md": (
        "person named 'priya.raman'; 0 roles, wanted 3: []; 0 education entries, want"
    ),
    "outside/hugo-about/yaml_menu_prose_internships.md": (
        "2 roles, wanted 3: [('Intern', 'Synaptik'), ('Intern', 'Calltide.ai')]"
    ),
    "outside/hugo-ama/ama_questioner_key_jorgen.md": (
        "family 'interview'; person '', wanted one of ['Jørgen Aalto-Mbeki']; intervi"
    ),
    "outside/hugo-ama/anchor_q_a_intro_bio_corentin.md": (
        "0 roles, wanted 1: []; 0 education entries, wanted 1: []"
    ),
    "outside/hugo-blox-author/authors/admin/_index.md": (
        "sections ['Experience', 'About Me', 'Education'], wanted ['About Me']"
    ),
    "outside/hugo-blox-author/authors/kestrel/_index.md": (
        "no talk titled 'Attack & Defend Software Supply Chain'; no talk titled 'Atta"
    ),
    "outside/hugo-blox-author/authors/leena_varkey/_index.md": (
        "3 roles, wanted 4: [('Assistant Professor', 'DIIT Hyderabad'), ('Assistant P"
    ),
    "outside/hugo-blox-author/authors/marco-venturelli/_index.md": (
        "education 1 (Politecnico di Valbruna): end None, wanted ['2023']"
    ),
    "outside/hugo-blox-author/authors/nathaniel-cho/_index.md": (
        "role 1 (research assistant): organization 'Eastbridge University', wanted ['"
    ),
    "outside/interview/qa_series_code_block_klaus.md": ("outlet ''; kept '</>'"),
    "outside/interview/reported_speech_anonymized_j.md": (
        "interviewer '', wanted 'Tobias Lindgren'"
    ),
    "outside/interview/repost_profile_fields_lucia.md": (
        "family 'jekyll-about'; person '', wanted one of ['Lucía Ferreyra Bentancor',"
    ),
    "outside/interview/timestamped_office_hours_linh.md": (
        "0 roles, wanted 1: []; 6 questions, wanted 4"
    ),
    "outside/jekyll-about/al_folio_prose_career.md": (
        "1 education entries, wanted 2: [('M.Sc. degree in Biomedical Engineering', '"
    ),
    "outside/jekyll-about/al_folio_zhou_wentao.md": (
        "no publication titled 'Escaping by Symlink'; no publication titled 'Palisade"
    ),
    "outside/jekyll-about/alfolio_subtitle_buttons_prose_rohan.md": (
        "github link 'https://github.com/rohaniyer' not in []; email 'riyer@monongahe"
    ),
    "outside/jekyll-about/details_span_summary_khoa.md": (
        "9 roles, wanted 8: [('Principal Flight Software Engineer', 'Orbital Forge Co"
    ),
    "outside/jekyll-about/hugo_layout_talk_years_castelli.md": (
        "0 roles, wanted 5: []; 0 education entries, wanted 1: []"
    ),
    "outside/jekyll-about/kramdown_ial_news_dash_dates.md": (
        "0 roles, wanted 2: []; 0 education entries, wanted 1: []; no award titled '3"
    ),
    "outside/jekyll-about/minima_about_mere_tawhiri.md": (
        "no talk titled 'Your Editor Is a Product'"
    ),
    "outside/jekyll-about/org_headings_pipe_dates.md": (
        "5 roles, wanted 6: [('Software Engineer Intern', 'Cloudharbor'), ('Software "
    ),
    "outside/jekyll-about/zh_table_bold_label_lines_wenbo.md": (
        "person '', wanted one of ['钱文博', '文博']; 0 roles, wanted 1: []; 0 education e"
    ),
    "outside/markdown-cv/bold_title_comma_org_marit.md": (
        "education 1 (University of St. Brendan, MN): institution 'Physics University"
    ),
    "outside/markdown-cv/broken_bold_events_dash_fields.md": (
        "family 'jekyll-about'; 0 education entries, wanted 2: []; no talk titled 'V "
    ),
    "outside/markdown-cv/cjk_deflist_lin.md": (
        "email 'linruoxi@example.com' not in ['']; github link 'https://github.com/li"
    ),
    "outside/markdown-cv/details_bracket_years_nenad.md": (
        "family 'github-readme'; 4 roles, wanted 8: [('Senior Software Engineer', 'Br"
    ),
    "outside/markdown-cv/elipapa_maelle_kerbrat.md": (
        "no project titled 'marée'; sections ['Currently', 'Research interests', 'Edu"
    ),
    "outside/markdown-cv/fr_nameless_year_slash_bullets.md": (
        "role 2 (Inventeur, concepteur, développeur et mainteneur): organization 'séc"
    ),
    "outside/markdown-cv/ja_shokumu_keirekisho_tables.md": (
        "family 'unknown'; website link 'https://yukinote.example.work/' not in []; 0"
    ),
    "outside/markdown-cv/pandoc_resume_tugba_yildirim.md": (
        "no project titled 'kervan-raft'; skill 'Kafka' missing; skill 'Flink' missin"
    ),
    "outside/markdown-cv/pandoc_sections_maarten.md": (
        "email 'contact@okkerse.example.com' not in ['']; github link 'https://github"
    ),
    "outside/markdown-cv/span_headings_odile.md": (
        "website link 'http://odilemarchetti.example.dev' not in []"
    ),
    "outside/markdown-cv/tilde_ranges_org_headings_console.md": (
        "family 'hugo-post'; role 1 (Frontend Lead): organization 'Data Analytics Pla"
    ),
    "outside/markdown-cv/zh_h3_bold_title_link_org_lin.md": (
        "headline '', wanted '安卓开发工程师'; email 'linshuyuan@example.com' not in ['']; w"
    ),
}


def _undecorated(title: str) -> str:
    return re.sub(r"^[\W_]+|[\W_]+$", "", title)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _check_person(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    person = want.get("person", {})
    # A page that never writes its person's name lists none (a CV page of a site).
    names = person.get("name_any_of") or [person["name"]] if person.get("name") else None
    if names and doc.person.name not in names:
        problems.append(f"person {doc.person.name!r}, wanted one of {names}")
    if "headline" in person and person["headline"] not in doc.person.headline:
        problems.append(f"headline {doc.person.headline!r}, wanted {person['headline']!r}")
    for not_person in want.get("not_people", []):
        if doc.person.name == not_person:
            problems.append(f"person named {not_person!r}")


def _check_links(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    wanted = want.get("links", {}).items()
    for kind, url in [(k, u) for k, v in wanted for u in (v if isinstance(v, list) else [v])]:
        if kind == "email":
            emails = {doc.person.email} | {
                link.url.removeprefix("mailto:") for link in doc.links if link.kind == "email"
            }
            if url not in emails:
                problems.append(f"email {url!r} not in {sorted(emails)}")
            continue
        urls = [link.url for link in doc.links if link.kind == kind or kind not in LINK_KINDS]
        if url.rstrip("/") not in [u.rstrip("/") for u in urls]:
            problems.append(f"{kind} link {url!r} not in {urls}")


def _check_dated(label: str, got, want: dict, problems: list[str]) -> None:
    for key in ("start", "end"):
        # "start_any_of": two fair readings of a date ("Summer 2023 & Summer 2025").
        accepted = want.get(f"{key}_any_of", [want[key]] if key in want else None)
        if accepted is not None and _iso(getattr(got, key)) not in accepted:
            problems.append(f"{label}: {key} {_iso(getattr(got, key))}, wanted {accepted}")
    if "end" in want and want["end"] is None and want.get("start") and not got.is_current:
        problems.append(f"{label}: not current")


def _check_roles(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    if "roles" not in want:
        return
    got_roles, roles = list(doc.roles), want["roles"]
    # Roles a careful reader may or may not record (volunteering listed as text): allowed
    # beside the wanted ones, never required.
    optional = [t.casefold() for t in want.get("optional_role_titles", [])]
    optional_orgs = [o.casefold() for o in want.get("optional_role_orgs", [])]
    if optional or optional_orgs:
        wanted = {r["title"].casefold() for r in roles}
        got_roles = [
            r
            for r in got_roles
            if r.title.casefold() in wanted
            or not (
                r.title.casefold() in optional or (r.organization or "").casefold() in optional_orgs
            )
        ]
    if len(got_roles) != len(roles):
        seen = [(r.title, r.organization) for r in got_roles]
        problems.append(f"{len(got_roles)} roles, wanted {len(roles)}: {seen}")
        return
    for i, (role, got) in enumerate(zip(roles, got_roles, strict=True)):
        label = f"role {i + 1} ({role['title']})"
        orgs = role.get("organization_any_of", [role.get("organization")])
        if got.organization not in orgs:
            problems.append(f"{label}: organization {got.organization!r}, wanted {orgs}")
        # A title told in a sentence ("she was an accessibility specialist at ...") is
        # recorded as a title is written; its words are the fact, not their case.
        titles = role.get("title_any_of", [role["title"]])
        if got.title.casefold() not in {t.casefold() for t in titles}:
            problems.append(f"{label}: title {got.title!r}")
        _check_dated(label, got, role, problems)
        if "kind" in role and got.kind != role["kind"]:
            problems.append(f"{label}: kind {got.kind!r}, wanted {role['kind']!r}")


def _check_education(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    if "education" not in want:
        return
    got_all, wanted = list(doc.education), want["education"]
    if len(got_all) != len(wanted):
        seen = [(e.degree, e.institution) for e in got_all]
        problems.append(f"{len(got_all)} education entries, wanted {len(wanted)}: {seen}")
        return
    for i, (entry, got) in enumerate(zip(wanted, got_all, strict=True)):
        label = f"education {i + 1} ({entry['institution']})"
        if got.institution not in entry.get("institution_any_of", [entry["institution"]]):
            problems.append(f"{label}: institution {got.institution!r}")
        if entry.get("degree") and entry["degree"] not in got.degree:
            problems.append(f"{label}: degree {got.degree!r}, wanted {entry['degree']!r}")
        _check_dated(label, got, {k: entry[k] for k in ("start", "end") if k in entry}, problems)


def _check_titles(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    for kind in ("projects", "publications", "talks"):
        records = getattr(doc, kind)
        for title in want.get(kind, {}).get("titles_contain", []):
            if not any(title in r.title for r in records):
                problems.append(f"no {kind[:-1]} titled {title!r}")
        for title in want.get(kind, {}).get("titles_exclude", []):
            # A heading that groups the entries ("Open Source Projects") is none of them.
            if any(r.title == title for r in records):
                problems.append(f"{kind[:-1]} titled {title!r}")
    for venue in want.get("publications", {}).get("venues_contain", []):
        if not any(venue in p.venue for p in doc.publications):
            problems.append(f"no publication at {venue!r}")
    for award in want.get("awards", []):
        hits = [a for a in doc.awards if award["title_contains"] in a.title]
        if not hits:
            problems.append(f"no award titled {award['title_contains']!r}")
        elif "year" in award and award["year"] not in [a.date.year for a in hits if a.date]:
            problems.append(f"award {award['title_contains']!r} has no year {award['year']}")
    if "patents" in want:
        numbers = [p.number for p in doc.patents if p.number]
        if numbers != want["patents"]["numbers"]:
            problems.append(f"patents {numbers}")


def _check_lists(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    # Interests and skills: an editor files them as the person's tags or skills.
    labels = {t.casefold() for t in (*doc.person.tags, *doc.skills)}
    for key in ("tags", "skills"):
        for item in want.get(key, {}).get("include", []):
            if item.casefold() not in labels:
                problems.append(f"{key[:-1]} {item!r} missing")
    for org in want.get("organizations", []):
        if org not in "\n".join(strings(doc)):
            problems.append(f"organization {org!r} missing")
    if "redirects" in want:
        for path in want["redirects"]:
            if path not in doc.redirects:
                problems.append(f"redirect {path!r} not in {list(doc.redirects)}")
    if "section_titles" in want:
        # The heading's words are the fact; an emoji or a colon around them decorates.
        titles = [_undecorated(s.title) for s in doc.sections]
        if titles != [_undecorated(t) for t in want["section_titles"]]:
            problems.append(f"sections {titles}, wanted {want['section_titles']}")


def _check_interviews(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    wanted = want.get("interviews", [])
    if len(doc.interviews) != len(wanted):
        problems.append(f"{len(doc.interviews)} interviews, wanted {len(wanted)}")
        return
    for entry, got in zip(wanted, doc.interviews, strict=True):
        if got.kind != entry["kind"]:
            problems.append(f"interview kind {got.kind!r}")
        if len(got.questions) != entry["questions"]:
            problems.append(f"{len(got.questions)} questions, wanted {entry['questions']}")
        if entry.get("title_contains", "") not in got.title:
            problems.append(f"interview title {got.title!r}")
        # Markdown's soft line breaks are spaces on the page.
        first = " ".join(got.questions[0].question.split()) if got.questions else ""
        if entry["first_question_contains"] not in first:
            problems.append(f"first question {first[:80]!r}")
        if "interviewer" in entry and got.interviewer != entry["interviewer"]:
            problems.append(f"interviewer {got.interviewer!r}, wanted {entry['interviewer']!r}")
        if "outlet_contains" in entry and entry["outlet_contains"] not in got.outlet:
            problems.append(f"outlet {got.outlet!r}")
        if "date_any_of" in entry and _iso(got.date) not in entry["date_any_of"]:
            problems.append(f"interview date {_iso(got.date)}")


def _check_text(doc: ProfileDocument, want: dict, problems: list[str]) -> None:
    text = "\n".join(strings(replace(doc, redirects=())))  # paths are not text on a page
    for fragment in want.get("must_render", []):
        if fragment not in text:
            problems.append(f"lost {fragment!r}")
    for fragment in want.get("must_not_render", []):
        if fragment in text:
            problems.append(f"kept {fragment!r}")


CHECKS = (
    _check_person,
    _check_links,
    _check_roles,
    _check_education,
    _check_titles,
    _check_lists,
    _check_interviews,
    _check_text,
)


def document_problems(relative: str) -> list[str]:
    want = json.loads((FIXTURES / relative).with_suffix(".json").read_text())
    doc = parse_fixture(relative)
    problems = [] if doc.family == want["family"] else [f"family {doc.family!r}"]
    for check in CHECKS:
        check(doc, want, problems)
    return problems


@pytest.mark.parametrize(
    "relative",
    [
        pytest.param(d, marks=pytest.mark.xfail(reason=KNOWN_GAPS[d], strict=True))
        if d in KNOWN_GAPS
        else d
        for d in DOCUMENTS
    ],
)
def test_every_fact_of_an_outside_document_holds(relative):
    problems = document_problems(relative)
    assert not problems, "\n".join(problems)


def test_there_are_enough_outside_documents_of_every_family():
    families = {Path(d).parts[1] for d in DOCUMENTS}
    assert len(DOCUMENTS) >= 40
    assert {"jekyll-about", "academicpages-about", "hugo-blox-author", "github-readme"} <= families
    assert {"markdown-cv", "interview", "hugo-ama"} <= families
