"""What a person's records say, as plain values: two imports of the same person compare
equal when they hold the same records (ids, timestamps and import state aside)."""

from __future__ import annotations

from people.models import Person


def _tags(obj) -> list[str]:
    return sorted(tag.name for tag in obj.tags.all())


def _names(people) -> list[str]:
    return sorted(person.name for person in people.all())


def snapshot(person: Person) -> dict:
    def dated(obj, *names):
        return tuple(getattr(obj, name) for name in names)

    return {
        "person": dated(
            person, "name", "slug", "headline", "location", "bio", "email", "website", "status"
        )
        + (_tags(person),),
        "links": [dated(link, "kind", "url", "label") for link in person.links.all()],
        "sections": [dated(s, "title", "kind", "body") for s in person.sections.all()],
        "roles": [
            (role.organization.name if role.organization else None,)
            + (role.organization.url if role.organization else "",)
            + dated(
                role,
                "title",
                "kind",
                "start_date",
                "start_precision",
                "end_date",
                "end_precision",
                "location",
                "summary",
                "highlights",
                "status",
            )
            for role in person.roles.all()
        ],
        "education": [
            (item.institution.name, item.institution.url)
            + dated(
                item,
                "degree",
                "start_date",
                "start_precision",
                "end_date",
                "end_precision",
                "summary",
                "status",
            )
            for item in person.education.all()
        ],
        "projects": [
            dated(
                p,
                "title",
                "url",
                "repository_url",
                "status",
                "start_date",
                "start_precision",
                "end_date",
                "end_precision",
                "summary",
                "visibility",
            )
            + (_tags(p),)
            for p in person.projects.all()
        ],
        "awards": [
            dated(a, "title", "issuer", "date", "date_precision", "url", "description", "status")
            for a in person.awards.all()
        ],
        "publications": [
            dated(
                p,
                "title",
                "authors",
                "kind",
                "venue",
                "date",
                "date_precision",
                "url",
                "doi",
                "summary",
                "status",
            )
            + (_tags(p), _names(p.people))
            for p in person.publications.order_by("title")
        ],
        "patents": [
            dated(p, "title", "number", "url", "status", "date", "date_precision", "inventors")
            + (p.visibility, _names(p.people))
            for p in person.patents.order_by("title")
        ],
        "talks": [
            dated(
                t,
                "title",
                "kind",
                "event",
                "location",
                "date",
                "date_precision",
                "time",
                "url",
                "slides_url",
                "video_url",
                "summary",
                "speakers",
                "status",
            )
            + (_tags(t), _names(t.co_speakers))
            for t in person.talks.all()
        ],
        "interviews": [
            dated(
                i,
                "title",
                "slug",
                "kind",
                "interviewer",
                "outlet",
                "date",
                "date_precision",
                "source_url",
                "intro",
                "outro",
                "status",
            )
            + (
                [
                    dated(q, "asker", "question", "answer", "is_highlight")
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
