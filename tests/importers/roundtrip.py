"""What a person's records say, as plain values: two imports of the same person compare
equal when they hold the same records (ids, timestamps and import state aside)."""

from __future__ import annotations

from people.models import Person


def _tags(obj) -> list[str]:
    return sorted(tag.name for tag in obj.tags.all())


def _names(people) -> list[str]:
    return sorted(person.name for person in people.all())


PERIOD = ("start_date", "start_precision", "end_date", "end_precision")
DATED = ("date", "date_precision")


def _values(obj, *names: str, **extra) -> dict:
    return {**{name: getattr(obj, name) for name in names}, **extra}


def _org(organization) -> tuple[str, str] | None:
    return (organization.name, organization.url) if organization else None


def snapshot(person: Person) -> dict:
    person_fields = ("name", "slug", "headline", "location", "bio", "email", "website", "status")
    return {
        "person": _values(person, *person_fields, tags=_tags(person)),
        "links": [_values(link, "kind", "url", "label") for link in person.links.all()],
        "sections": [_values(s, "title", "kind", "body") for s in person.sections.all()],
        "roles": [
            _values(
                role,
                "title",
                "kind",
                *PERIOD,
                "location",
                "summary",
                "highlights",
                "status",
                organization=_org(role.organization),
            )
            for role in person.roles.all()
        ],
        "education": [
            _values(
                item, "degree", *PERIOD, "summary", "status", institution=_org(item.institution)
            )
            for item in person.education.all()
        ],
        "projects": [
            _values(
                p,
                "title",
                "url",
                "repository_url",
                "status",
                *PERIOD,
                "summary",
                "visibility",
                tags=_tags(p),
            )
            for p in person.projects.all()
        ],
        "awards": [
            _values(a, "title", "issuer", *DATED, "url", "description", "status")
            for a in person.awards.all()
        ],
        "publications": [
            _values(
                p,
                "title",
                "authors",
                "kind",
                "venue",
                *DATED,
                "url",
                "doi",
                "summary",
                "status",
                tags=_tags(p),
                people=_names(p.people),
            )
            for p in person.publications.order_by("title")
        ],
        "patents": [
            _values(
                p,
                "title",
                "number",
                "url",
                "status",
                *DATED,
                "inventors",
                "visibility",
                people=_names(p.people),
            )
            for p in person.patents.order_by("title")
        ],
        "talks": [
            _values(
                t,
                "title",
                "kind",
                "event",
                "location",
                *DATED,
                "time",
                "url",
                "slides_url",
                "video_url",
                "summary",
                "speakers",
                "status",
                tags=_tags(t),
                co_speakers=_names(t.co_speakers),
            )
            for t in person.talks.all()
        ],
        "interviews": [
            _values(
                i,
                "title",
                "slug",
                "kind",
                "interviewer",
                "outlet",
                *DATED,
                "source_url",
                "intro",
                "outro",
                "status",
                questions=[
                    _values(q, "asker", "question", "answer", "is_highlight")
                    for q in i.questions.all()
                ],
            )
            for i in person.interviews.all()
        ],
    }


def empty_the_site() -> None:
    """Everything a profile is made of, deleted: an empty database to import into."""
    from taggit.models import Tag

    from publications.models import Patent, Publication
    from timeline.models import Education, Organization, Role

    Person.objects.all().delete()
    Publication.objects.all().delete()
    Patent.objects.all().delete()
    Role.objects.all().delete()
    Education.objects.all().delete()
    Organization.objects.all().delete()
    Tag.objects.all().delete()
