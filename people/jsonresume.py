"""A profile as a JSON Resume document (https://jsonresume.org/schema, v1.0.0).

Works on a person loaded with ``with_profile_relations()`` (no further queries). What the
schema has no field for travels in the places ``portfolio.jsonresume`` names, so that
``import_markdown resume.json`` brings the same records back.
"""

from __future__ import annotations

from typing import Any

from django.utils.encoding import iri_to_uri

from people.exports import iso_partial_date, markdown_bullets
from portfolio.degrees import join_degree, split_degree
from portfolio.jsonresume import EXTENSION_KEY, SCHEMA_URL, SCHEMA_VERSION, bullet_list
from portfolio.search import plain_text


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def _uri(value: str) -> str:
    """An address as the schema's ``uri`` format wants it: non-ASCII characters escaped."""
    return iri_to_uri(value) if value and not value.isascii() else value


def _text(key: str, markdown: str, html: str) -> dict[str, str]:
    """A markdown field as JSON Resume's plain text, with its markdown beside it when the
    text alone would not bring it back."""
    markdown = (markdown or "").strip()
    text = plain_text(html)
    return {key: text, f"{key}Markdown": markdown if markdown != text else ""}


def _highlights(markdown: str) -> dict[str, Any]:
    markdown = (markdown or "").strip()
    items = markdown_bullets(markdown)
    return {
        "highlights": items,
        "highlightsMarkdown": "" if bullet_list(items) == markdown else markdown,
    }


def _date(value, precision: str) -> str:
    return iso_partial_date(value, precision)


def _basics(person, base_url: str) -> dict[str, Any]:
    avatar = person.avatar_rendition(256)
    return _drop_empty(
        {
            "name": person.name,
            "label": person.headline,
            "image": base_url + avatar.src if avatar and avatar.src.startswith("/") else "",
            "email": person.email,
            "url": _uri(person.website) or base_url + person.get_absolute_url(),
            **_text("summary", person.bio, person.bio_html),
            "location": {"address": person.location} if person.location else {},
            "profiles": [
                _drop_empty(
                    {
                        "network": link.get_kind_display(),
                        "username": link.label,
                        "url": _uri(link.url),
                    }
                )
                for link in person.links.all()
            ],
        }
    )


def _role(role) -> dict[str, Any]:
    organization = role.organization
    return _drop_empty(
        {
            "name": organization.name if organization else "",
            "position": role.title,
            "url": _uri(organization.url) if organization else "",
            "location": role.location,
            "startDate": _date(role.start_date, role.start_precision),
            "endDate": _date(role.end_date, role.end_precision),
            **_text("summary", role.summary, role.summary_html),
            **_highlights(role.highlights),
            "employmentType": "" if role.kind in ("full-time", "volunteer") else role.kind,
        }
    )


def _volunteer(role) -> dict[str, Any]:
    item = _role(role)
    if "name" in item:
        item["organization"] = item.pop("name")
    return item


def _education(item) -> dict[str, Any]:
    study_type, area = split_degree(item.degree)
    return _drop_empty(
        {
            "institution": item.institution.name,
            "url": _uri(item.institution.url),
            "area": area,
            "studyType": study_type,
            "degree": "" if join_degree(study_type, area) == item.degree.strip() else item.degree,
            "startDate": _date(item.start_date, item.start_precision),
            "endDate": _date(item.end_date, item.end_precision),
            **_text("summary", item.summary, item.summary_html),
        }
    )


def _award(award) -> dict[str, Any]:
    return _drop_empty(
        {
            "title": award.title,
            "date": _date(award.date, award.date_precision),
            "awarder": award.issuer,
            "url": _uri(award.url),
            **_text("summary", award.description, award.description_html),
        }
    )


def _publication(pub) -> dict[str, Any]:
    return _drop_empty(
        {
            "name": pub.title,
            "publisher": pub.venue,
            "releaseDate": _date(pub.date, pub.date_precision),
            "url": _uri(pub.link),
            **_text("summary", pub.summary, pub.summary_html),
            "authors": pub.authors,
            "doi": pub.doi,
            "type": pub.kind,
            "keywords": [tag.name for tag in pub.tags.all()],
        }
    )


def _project(project) -> dict[str, Any]:
    return _drop_empty(
        {
            "name": project.title,
            **_text("description", project.summary, project.summary_html),
            "startDate": _date(project.start_date, project.start_precision),
            "endDate": _date(project.end_date, project.end_precision),
            "url": _uri(project.url or project.repository_url),
            "repositoryUrl": _uri(project.repository_url),
            "status": project.status,
            "keywords": [tag.name for tag in project.tags.all()],
        }
    )


def _patent(patent) -> dict[str, Any]:
    return _drop_empty(
        {
            "title": patent.title,
            "number": patent.number,
            "status": patent.status,
            "date": _date(patent.date, patent.date_precision),
            "url": _uri(patent.url),
            "inventors": patent.inventors,
        }
    )


def _talk(talk) -> dict[str, Any]:
    return _drop_empty(
        {
            "title": talk.title,
            "type": talk.kind,
            "event": talk.event,
            "location": talk.location,
            "date": _date(talk.date, talk.date_precision),
            "time": talk.time.strftime("%H:%M") if talk.time else "",
            "url": _uri(talk.url),
            "slidesUrl": _uri(talk.slides_url),
            "videoUrl": _uri(talk.video_url),
            "summary": (talk.summary or "").strip(),
            "speakers": talk.speakers,
            "keywords": [tag.name for tag in talk.tags.all()],
        }
    )


def _interview(interview, base_url: str) -> dict[str, Any]:
    return _drop_empty(
        {
            "title": interview.title,
            "type": interview.kind,
            "interviewer": interview.interviewer,
            "outlet": interview.outlet,
            "date": _date(interview.date, interview.date_precision),
            "url": _uri(interview.source_url),
            "page": base_url + interview.get_absolute_url(),
            "intro": (interview.intro or "").strip(),
            "outro": (interview.outro or "").strip(),
            "questions": [
                _drop_empty(
                    {
                        "asker": question.asker,
                        "question": question.question.strip(),
                        "answer": (question.answer or "").strip(),
                        "highlight": question.is_highlight or None,
                    }
                )
                for question in interview.questions.all()
            ],
        }
    )


def _section(section) -> dict[str, Any]:
    return _drop_empty(
        {"title": section.title, "kind": section.kind, "body": (section.body or "").strip()}
    )


def json_resume(person, base_url: str) -> dict[str, Any]:
    """The person as a JSON Resume document that validates against schema v1.0.0."""
    roles = list(person.roles.all())
    return _drop_empty(
        {
            "$schema": SCHEMA_URL,
            "basics": _basics(person, base_url),
            "work": [_role(role) for role in roles if role.kind != "volunteer"],
            "volunteer": [_volunteer(role) for role in roles if role.kind == "volunteer"],
            "education": [_education(item) for item in person.education.all()],
            "awards": [_award(award) for award in person.awards.all()],
            "publications": [_publication(pub) for pub in person.publications.all()],
            "projects": [_project(project) for project in person.projects.all()],
            "skills": [{"name": tag.name} for tag in person.tags.all()],
            "meta": _drop_empty(
                {
                    "canonical": base_url + person.get_absolute_url(),
                    "version": SCHEMA_VERSION,
                    "lastModified": person.updated.isoformat(timespec="seconds"),
                    EXTENSION_KEY: _drop_empty(
                        {
                            "patents": [_patent(patent) for patent in person.patents.all()],
                            "talks": [_talk(talk) for talk in person.talks.all()],
                            "interviews": [
                                _interview(interview, base_url)
                                for interview in person.interviews.all()
                            ],
                            "sections": [_section(section) for section in person.sections.all()],
                        }
                    ),
                }
            ),
        }
    )
