"""The markdown export's ``portfolio`` block, read back: it completes the body, and an editor's
changes to the body win over it."""

from __future__ import annotations

import datetime as dt

from importers.parse import parse_text
from importers.parse.records import PartialDate

DOCUMENT = """---
layout: about
name: Ines Varga
portfolio:
  format: 1
  slug: ines-varga
  status: published
  published_at: '2024-01-02T03:04:05+00:00'
  sections:
  - title: Work
    kind: roles
  - title: Chats
    kind: interviews
  roles:
  - title: Staff Engineer
    organization: Quay Systems
    kind: contract
    start: 2021-06-03
    status: draft
  - title: Maintainer
    organization: Open Rota
  - title: Engineer
    organization: Ledgerline
    start: '2019'
    end: '2021'
  publications:
  - title: Runbooks that run
    kind: paper
    summary: Why runbooks rot.
    tags: [Reliability]
  talks:
  - title: Boring deploys
    event: DevConf
    date: 2023-05
    time: '14:30:00'
    slides_url: https://slides.example.com/boring
{extra}
---
I build platforms.

## Work

### Staff Engineer, Quay Systems
*June 2021 – Present*

### Engineer, Ledgerline
*2019 – 2021*

## Chats

Two of them.

## Writing

- [Runbooks that run](https://example.com/runbooks)

  - **Summary:** {summary}

## Talks

- Boring deploys — DevConf (May 2023)

## Awards

- Best Paper, ACME (2020)
"""


def _parse(summary: str = "Why runbooks rot.", extra: str = ""):
    return parse_text(DOCUMENT.replace("{summary}", summary).replace("{extra}", extra), "a.md")


def test_the_block_completes_what_the_body_cannot_say():
    doc = _parse()
    assert doc.person.state.status == "published"
    assert doc.person.state.published_at == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    staff, maintainer, engineer = doc.roles
    assert (staff.kind, staff.start, staff.state.status) == (
        "contract",
        PartialDate(2021, 6, 3),
        "draft",
    )
    # Undated, so the body could not list it: it comes from the block, where the block has it.
    assert (maintainer.title, maintainer.organization, maintainer.start) == (
        "Maintainer",
        "Open Rota",
        None,
    )
    assert engineer.start == PartialDate(2019)
    (paper,) = doc.publications
    assert (paper.kind, paper.summary, paper.tags) == (
        "paper",
        "Why runbooks rot.",
        ("Reliability",),
    )
    (talk,) = doc.talks
    assert talk.time == dt.time(14, 30) and talk.slides_url == "https://slides.example.com/boring"


def test_the_block_says_which_headings_are_sections():
    sections = {s.title: s.kind for s in _parse().sections}
    assert sections["Chats"] == "interviews"
    # "Awards" is the export's own heading over records no section shows; a heading the block
    # does not list but the export would not write ("Writing") stays a section.
    assert "Awards" not in sections and "Writing" in sections
    assert [a.title for a in _parse().awards] == ["Best Paper"]


def test_an_editors_changes_to_the_body_win():
    doc = _parse(summary="Rewritten: why runbooks rot, and how to stop it")
    assert doc.publications[0].summary == "Rewritten: why runbooks rot, and how to stop it"
    # A dated role deleted from the body stays deleted; the block's entry does not bring it
    # back.
    text = DOCUMENT.replace("{summary}", "x").replace("{extra}", "")
    text = text.replace("### Engineer, Ledgerline\n*2019 – 2021*\n", "")
    assert [r.title for r in parse_text(text, "a.md").roles] == ["Staff Engineer", "Maintainer"]


def test_a_block_of_another_format_is_not_read():
    text = DOCUMENT.replace("format: 1", "format: 2").replace("{summary}", "x")
    doc = parse_text(text.replace("{extra}", ""), "a.md")
    assert doc.person.state is None
    assert [r.title for r in doc.roles] == ["Staff Engineer", "Engineer"]
