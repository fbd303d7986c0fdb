"""A person as markdown documents that `manage.py import_markdown` reads back: one profile
page (YAML front matter and a body) and one transcript per interview.

The profile is a Jekyll page (`layout: about`): the top-level keys are the ones Jekyll and
the importer read (name, description for the headline, location, tags, redirect_from); the
`portfolio` block holds every other field of the person and of their records, lossless (dates
as ISO 8601 as precise as they are known: 2021, 2021-06, 2021-06-03). The body carries the bio
and the sections in the person's order, text sections as written and records as lists the
importer recognizes, so a reader without this site still has the whole profile.

Works on a person loaded with `Person.objects.for_export()`: no further queries.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from portfolio.dates import DatePrecision, format_partial_date

FORMAT = 1
LAYOUT = "about"


def partial_date(value: dt.date | None, precision: str) -> str | None:
    """'2021', '2021-06' or '2021-06-03': the date as precisely as it is known."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _moment(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """A mapping without its empty values: a key left out is empty."""
    return {k: v for k, v in data.items() if v not in ("", None, [], {})}


def _tags(obj) -> list[str]:
    # In the order pages list them, which is the order an import adds them in.
    return [tag.name for tag in obj.tags.all()]


def _image(field) -> str:
    return field.name if field else ""


class _Dumper(yaml.SafeDumper):
    """Safe YAML, with text of several lines written as a literal block (`|`)."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


_Dumper.add_multi_representer(str, _represent_text)


def _yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _document(meta: dict[str, Any], body: str, comment: str) -> str:
    return f"---\n# {comment}\n{_yaml(meta)}---\n{body.strip()}\n"


# -- the front matter's records ------------------------------------------------------------


def _publish_state(obj, field: str = "status") -> dict[str, Any]:
    return {
        field: getattr(obj, field),
        "published_at": _moment(obj.published_at),
        "expires_at": _moment(obj.expires_at),
    }


def _period(obj) -> dict[str, Any]:
    return {
        "start": partial_date(obj.start_date, obj.start_precision),
        "end": partial_date(obj.end_date, obj.end_precision),
    }


def role_data(role) -> dict[str, Any]:
    org = role.organization
    return _compact(
        {
            "title": role.title,
            "organization": org.name if org else "",
            "organization_url": org.url if org else "",
            "kind": role.kind,
            **_period(role),
            "location": role.location,
            "summary": role.summary,
            "highlights": role.highlights,
            "order": role.order,
            **_publish_state(role),
        }
    )


def education_data(item) -> dict[str, Any]:
    return _compact(
        {
            "institution": item.institution.name,
            "institution_url": item.institution.url,
            "degree": item.degree,
            **_period(item),
            "summary": item.summary,
            "order": item.order,
            **_publish_state(item),
        }
    )


def project_data(project) -> dict[str, Any]:
    return _compact(
        {
            "title": project.title,
            "url": project.url,
            "repository_url": project.repository_url,
            "image": _image(project.image),
            **_period(project),
            "status": project.status,
            "summary": project.summary,
            "tags": _tags(project),
            "order": project.order,
            **_publish_state(project, "visibility"),
        }
    )


def award_data(award) -> dict[str, Any]:
    return _compact(
        {
            "title": award.title,
            "issuer": award.issuer,
            "date": partial_date(award.date, award.date_precision),
            "url": award.url,
            "description": award.description,
            **_publish_state(award),
        }
    )


def publication_data(publication) -> dict[str, Any]:
    return _compact(
        {
            "title": publication.title,
            "authors": publication.authors,
            "kind": publication.kind,
            "venue": publication.venue,
            "date": partial_date(publication.date, publication.date_precision),
            "url": publication.url,
            "doi": publication.doi,
            "summary": publication.summary,
            "tags": _tags(publication),
            "people": [p.slug for p in publication.people.all()],
            **_publish_state(publication),
        }
    )


def patent_data(patent) -> dict[str, Any]:
    return _compact(
        {
            "title": patent.title,
            "number": patent.number,
            "url": patent.url,
            "status": patent.status,
            "date": partial_date(patent.date, patent.date_precision),
            "people": [p.slug for p in patent.people.all()],
            **_publish_state(patent, "visibility"),
        }
    )


def talk_data(talk) -> dict[str, Any]:
    return _compact(
        {
            "title": talk.title,
            "kind": talk.kind,
            "event": talk.event,
            "location": talk.location,
            "date": partial_date(talk.date, talk.date_precision),
            "time": talk.time.isoformat() if talk.time else None,
            "url": talk.url,
            "slides_url": talk.slides_url,
            "video_url": talk.video_url,
            "summary": talk.summary,
            "tags": _tags(talk),
            **_publish_state(talk),
        }
    )


# -- the body's records ---------------------------------------------------------------------

_ROLE_KIND_WORDS = {
    "part-time": "part-time",
    "contract": "on contract",
    "internship": "internship",
    "volunteer": "volunteer",
}


def _when(start, start_precision, end, end_precision, *, open_end: str = "Present") -> str:
    first = format_partial_date(start, start_precision)
    last = format_partial_date(end, end_precision) if end else open_end
    if not first:
        return last if end else ""
    return f"{first} – {last}" if last else first


def _link(text: str, url: str) -> str:
    return f"[{text}]({url})" if url else text


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line.strip() else "" for line in text.strip().split("\n"))


def _item(line: str, below: str = "") -> str:
    return f"- {line}" + (f"\n\n{_indented(below)}" if below.strip() else "")


def _role_md(role) -> str:
    head = role.title
    if org := role.organization:
        head = f"{head}, {_link(org.name, org.url)}"
    if word := _ROLE_KIND_WORDS.get(role.kind):
        head = f"{head} ({word})"
    when = _when(role.start_date, role.start_precision, role.end_date, role.end_precision)
    line = " · ".join(p for p in [f"*{when}*" if when else "", role.location] if p)
    parts = [f"### {head}", line, role.summary, role.highlights]
    return "\n\n".join(p.strip() for p in parts if p and p.strip()).replace(
        f"### {head}\n\n{line}", f"### {head}\n{line}"
    )


def _education_md(item) -> str:
    when = _when(
        item.start_date, item.start_precision, item.end_date, item.end_precision, open_end=""
    )
    institution = _link(item.institution.name, item.institution.url)
    head = ", ".join(p for p in [item.degree, institution] if p)
    line = f"- {head}" + (f" ({when})" if when else "")
    return _item(line.removeprefix("- "), item.summary)


def _project_md(project) -> str:
    if project.end_date or project.status == "active":
        when = _when(
            project.start_date, project.start_precision, project.end_date, project.end_precision
        )
    else:
        when = format_partial_date(project.start_date, project.start_precision)
    # The dates inside the title's link or bold, where the importer reads them as dates.
    title = project.title + (f", {when}" if when else "")
    url = project.url or project.repository_url
    line = f"[{title}]({url})" if url else f"**{title}**"
    if project.summary.strip() and "\n" not in project.summary.strip():
        return _item(f"{line}: {project.summary.strip()}")
    return _item(line, project.summary)


def _award_md(award) -> str:
    line = ", ".join(p for p in [_link(award.title, award.url), award.issuer] if p)
    if award.date:
        line += f" ({format_partial_date(award.date, award.date_precision)})"
    return _item(line, award.description)


def _publication_md(publication) -> str:
    fields = [
        ("Authors", publication.authors),
        ("Venue", publication.venue),
        ("Date", format_partial_date(publication.date, publication.date_precision)),
        ("Summary", publication.summary.strip()),
    ]
    below = "\n".join(f"- **{key}:** {value}" for key, value in fields if value)
    return _item(_link(publication.title, publication.url), below)


def _patent_md(patent) -> str:
    line = _link(patent.title, patent.url)
    extra = [patent.number if not patent.url else "", patent.status]
    if patent.date:
        extra.append(format_partial_date(patent.date, patent.date_precision))
    return _item(f"{line} ({', '.join(p for p in extra if p)})")


def _talk_md(talk) -> str:
    where = ", ".join(p for p in [talk.event, talk.location] if p)
    line = _link(talk.title, talk.url)
    if talk.kind != "talk":
        # "Workshop: "Title"": the importer reads the kind from the label.
        line = f'{talk.get_kind_display()}: "{line}"'
    line += f" — {where}" if where else ""
    if talk.date:
        line += f" ({format_partial_date(talk.date, talk.date_precision)})"
    # Slides and video stay in the front matter: on this line their words would join the
    # location.
    return _item(line, talk.summary)


def _skills_md(person) -> str:
    return ", ".join(_tags(person))


def _links_md(person) -> str:
    return "\n".join(_item(_link(link.display_label, link.url)) for link in person.links.all())


_BODY = {
    "roles": ("roles", _role_md),
    "education": ("education", _education_md),
    "projects": ("projects", _project_md),
    "publications": ("publications", _publication_md),
    "patents": ("patents", _patent_md),
    "talks": ("talks", _talk_md),
    "awards": ("awards", _award_md),
}
# What a profile page shows under a heading of its own when no section holds it, in order.
_DEFAULT_TITLES = {
    "roles": "Experience",
    "education": "Education",
    "projects": "Projects",
    "publications": "Publications",
    "patents": "Patents",
    "talks": "Talks",
    "awards": "Awards",
}


def _in_body(obj, kind: str) -> bool:
    # The importer reads no role without dates under a heading: such a role is in the
    # front matter only, or the heading would be read as a text section.
    return kind != "roles" or obj.start_date is not None or obj.end_date is not None


def _entries(person, kind: str) -> str:
    relation, render = _BODY[kind]
    joiner = "\n\n" if kind == "roles" else "\n"
    items = [render(obj) for obj in getattr(person, relation).all() if _in_body(obj, kind)]
    if any("\n" in item for item in items):
        joiner = "\n\n"
    return joiner.join(items)


def _contact_line(person) -> str:
    return " · ".join(_link(link.display_label, link.url) for link in person.links.all())


# The importer reads publications and patents under one heading as well as the other.
_READ_TOGETHER = {"publications": "patents", "patents": "publications"}


def _body(person) -> str:
    sections = list(person.sections.all())
    kinds = {section.kind for section in sections}
    # The links open the page, or fill its section of links when it has one.
    parts = ["" if "links" in kinds else _contact_line(person), person.bio]
    shown: set[str] = set()
    for section in sections:
        kind = section.kind
        records = []
        if kind in _BODY and kind not in shown:
            records.append(_entries(person, kind))
            other = _READ_TOGETHER.get(kind)
            if other and other not in kinds and other not in shown:
                # Listed where the page lists nothing of theirs, so they need no heading.
                records.append(_entries(person, other))
                shown.add(other)
        elif kind == "skills" and kind not in shown:
            records.append(_skills_md(person))
        elif kind == "links" and kind not in shown:
            records.append(_links_md(person))
        shown.add(kind)
        # The records first: a sub-heading of the section's own text would take them in.
        parts.append(f"## {section.title or section.get_kind_display()}")
        parts.extend([*records, section.body])
    for kind, title in _DEFAULT_TITLES.items():
        if kind not in shown and (records := _entries(person, kind)):
            parts.extend([f"## {title}", records])
    body = "\n\n".join(p.strip() for p in parts if p and p.strip())
    # An import refuses a page with nothing under its front matter; a comment is enough.
    return body or f"<!-- Nothing about {person.name} beyond the front matter yet. -->"


# -- documents ------------------------------------------------------------------------------


def profile_data(person, redirects: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """The front matter of a person's document; ``redirects`` are the old paths that lead
    to their page."""
    portfolio = _compact(
        {
            "format": FORMAT,
            "slug": person.slug,
            **_publish_state(person),
            "email": person.email,
            "website": person.website,
            "avatar": _image(person.avatar),
            "links": [
                _compact({"kind": link.kind, "label": link.label, "url": link.url})
                for link in person.links.all()
            ],
            "sections": [
                _compact({"title": s.title, "kind": s.kind}) for s in person.sections.all()
            ],
            "roles": [role_data(r) for r in person.roles.all()],
            "education": [education_data(e) for e in person.education.all()],
            "projects": [project_data(p) for p in person.projects.all()],
            "awards": [award_data(a) for a in person.awards.all()],
            "publications": [publication_data(p) for p in person.publications.all()],
            "patents": [patent_data(p) for p in person.patents.all()],
            "talks": [talk_data(t) for t in person.talks.all()],
            "interviews": [interview_path(person, i) for i in person.interviews.all()],
        }
    )
    return _compact(
        {
            "layout": LAYOUT,
            "name": person.name,
            "description": person.headline,
            "location": person.location,
            "tags": _tags(person),
            "redirect_from": list(redirects),
            "portfolio": portfolio,
        }
    )


def profile_document(person, *, redirects=(), site: str = "") -> str:
    """A person's profile as one markdown document."""
    where = f" from {site}" if site else ""
    comment = f"{person.name}, exported{where}: portfolio markdown, format {FORMAT}."
    return _document(profile_data(person, redirects), _body(person), comment)


def profile_path(person) -> str:
    return f"{person.slug}/about.md"


def interview_path(person, interview) -> str:
    """Where an interview's document goes: beside its person's `about.md`, and after it in
    the order an import reads a folder, so the person is known when their interview is."""
    return f"{person.slug}/interviews/{interview.slug}.md"


_TURN_LABEL_RE = re.compile(r"[*_\[\]`:]")


def _label(name: str) -> str:
    return _TURN_LABEL_RE.sub("", name).strip()


def interview_data(interview) -> dict[str, Any]:
    return _compact(
        {
            "title": interview.title,
            "interviewee": interview.person.name,
            "interviewer": interview.interviewer,
            "outlet": interview.outlet,
            "date": partial_date(interview.date, interview.date_precision),
            "source_url": interview.source_url,
            "portfolio": _compact(
                {
                    "format": FORMAT,
                    "person": interview.person.slug,
                    "slug": interview.slug,
                    "kind": interview.kind,
                    **_publish_state(interview),
                    "questions": [
                        _compact({"asker": q.asker, "is_highlight": q.is_highlight or None})
                        for q in interview.questions.all()
                    ],
                }
            ),
        }
    )


def _legend(interview, askers: list[str], codes: dict[str, str], answer: str) -> str:
    lines = [f"- {code}: {name}" for name, code in codes.items()]
    return "**Legend:**\n\n" + "\n".join([f"- {answer}: {interview.person.name}", *lines])


def _pull_quote(answer: str) -> str:
    """A line of the answer set apart: the importer marks the answer it repeats."""
    first = answer.strip().split("\n\n")[0].strip()
    return f"“{first}”" if first and "\n" not in first else ""


def interview_body(interview) -> str:
    questions = list(interview.questions.all())
    guest = _label(interview.person.name)
    askers = list(dict.fromkeys(_label(q.asker) or "Q" for q in questions))
    parts = [interview.intro]
    codes: dict[str, str] = {}
    answer_label = guest
    if interview.kind == "ama":
        codes = {name: f"P{n}" for n, name in enumerate(askers, start=1)}
        answer_label = "A"
        parts.append(_legend(interview, askers, codes, answer_label))
    for question in questions:
        asker = _label(question.asker) or "Q"
        parts.append(f"**{codes.get(asker, asker)}:** {question.question.strip()}")
        if question.is_highlight and (quote := _pull_quote(question.answer)):
            parts.append(quote)
        if question.answer.strip():
            parts.append(f"**{answer_label}:** {question.answer.strip()}")
    if interview.outro.strip():
        parts.extend(["---", interview.outro])
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def interview_document(interview, *, site: str = "") -> str:
    where = f" from {site}" if site else ""
    comment = f"{interview.title}, exported{where}: portfolio markdown, format {FORMAT}."
    return _document(interview_data(interview), interview_body(interview), comment)


def export_documents(person, *, redirects=(), site: str = "") -> dict[str, str]:
    """A person's documents by relative path: their profile, then each interview."""
    documents = {profile_path(person): profile_document(person, redirects=redirects, site=site)}
    for interview in person.interviews.all():
        documents[interview_path(person, interview)] = interview_document(interview, site=site)
    return documents


def legacy_paths(people) -> dict[str, list[str]]:
    """The old paths (django.contrib.redirects) that lead to each person's page, by slug."""
    from django.contrib.redirects.models import Redirect

    pages = {person.get_absolute_url(): person.slug for person in people}
    found: dict[str, list[str]] = {}
    for redirect in Redirect.objects.filter(new_path__in=pages).order_by("old_path"):
        found.setdefault(pages[redirect.new_path], []).append(redirect.old_path)
    return found


def write_export(people, out: Path, *, site: str = "") -> list[Path]:
    """Every document of ``people`` (loaded with ``for_export()``) written under ``out``;
    the paths written, in order."""
    people = list(people)
    paths = legacy_paths(people)
    written = []
    for person in people:
        for name, text in export_documents(
            person, redirects=paths.get(person.slug, []), site=site
        ).items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
