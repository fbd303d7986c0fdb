"""Load a few fictional people so a fresh `make run` shows a populated site.

Idempotent: running it again updates the same records instead of adding more.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction

from people.models import Person, ProfileSection, SocialLink
from portfolio.models import Status
from publications.models import Interview, Patent, Publication, Question, Talk
from timeline.models import Award, Education, Organization, Project, Role

PUBLISHED = Status.PUBLISHED

ORGANIZATIONS = {
    "lumen-labs": ("Lumen Labs", "https://lumen.example.com"),
    "northwind-robotics": ("Northwind Robotics", "https://northwind.example.com"),
    "harbor-university": ("Harbor University", "https://harbor.example.edu"),
    "quill-analytics": ("Quill Analytics", "https://quill.example.com"),
}


def _org(slug: str) -> Organization:
    name, url = ORGANIZATIONS[slug]
    org, _ = Organization.objects.update_or_create(slug=slug, defaults={"name": name, "url": url})
    return org


def _person(slug: str, **fields) -> Person:
    tags = fields.pop("tags", ())
    person, _ = Person.objects.update_or_create(slug=slug, defaults=fields)
    person.tags.set(tags)
    return person


def _sections(person: Person, sections: list[tuple[str, str, str]]) -> None:
    person.sections.all().delete()
    for order, (title, kind, body) in enumerate(sections, start=1):
        ProfileSection.objects.create(person=person, order=order, title=title, kind=kind, body=body)


def _links(person: Person, links: list[tuple[str, str]]) -> None:
    for order, (kind, url) in enumerate(links, start=1):
        SocialLink.objects.update_or_create(
            person=person, url=url, defaults={"kind": kind, "order": order}
        )


def load_ines() -> None:
    ines = _person(
        "ines-marlow",
        name="Inés Marlow",
        headline="Staff Machine Learning Engineer at Lumen Labs",
        location="Lisbon, Portugal",
        email="ines@example.com",
        website="https://ines.example.com",
        status=PUBLISHED,
        bio=(
            "I build **search and ranking systems** and teach people how they work. "
            "Before Lumen Labs I spent five years making robots see at Northwind Robotics.\n\n"
            "I write about applied ML at [my blog](https://ines.example.com/blog)."
        ),
        tags=["Machine Learning", "Python", "PyTorch", "Search", "Teaching"],
    )
    _links(
        ines,
        [
            ("github", "https://github.com/ines-marlow-example"),
            ("linkedin", "https://www.linkedin.com/in/ines-marlow-example"),
            ("x", "https://x.com/inesmarlow_example"),
            ("email", "mailto:ines@example.com"),
        ],
    )
    _sections(
        ines,
        [
            ("Timeline", "roles", ""),
            ("Education", "education", ""),
            ("Things I have built", "projects", ""),
            ("Patents & Publications", "publications", ""),
            ("Patents", "patents", ""),
            ("Talks", "talks", ""),
            ("Awards", "awards", ""),
            ("Interviews", "interviews", ""),
            ("Skills", "skills", ""),
            (
                "Outside work",
                "text",
                "I sail small boats badly and bake bread well.\n\n"
                "<details><summary>Reading list</summary>\n\n"
                "- *The Pragmatic Programmer*\n- *Designing Data-Intensive Applications*\n\n"
                "</details>",
            ),
        ],
    )
    roles = [
        ("lumen-labs", "Staff Machine Learning Engineer", "full-time", (2021, 6), None, ""),
        (
            "northwind-robotics",
            "Computer Vision Engineer",
            "full-time",
            (2016, 3),
            (2021, 5),
            "- Shipped the depth-estimation stack to 4,000 warehouse robots.\n"
            "- Cut labelling costs by 60% with active learning.",
        ),
        ("quill-analytics", "Data Science Instructor", "contract", (2015, 1), (2016, 2), ""),
    ]
    for order, (org, title, kind, start, end, highlights) in enumerate(roles, start=1):
        Role.objects.update_or_create(
            person=ines,
            organization=_org(org),
            title=title,
            defaults={
                "kind": kind,
                "start_date": dt.date(*start, 1),
                "start_precision": "month",
                "end_date": dt.date(*end, 1) if end else None,
                "end_precision": "month",
                "highlights": highlights,
                "order": order,
                "status": PUBLISHED,
            },
        )
    Education.objects.update_or_create(
        person=ines,
        institution=_org("harbor-university"),
        defaults={
            "degree": "MSc Artificial Intelligence",
            "start_date": dt.date(2013, 1, 1),
            "start_precision": "year",
            "end_date": dt.date(2015, 1, 1),
            "end_precision": "year",
            "status": PUBLISHED,
        },
    )
    for title, year, url, progress in [
        ("Tiny Retriever", 2023, "https://github.com/ines-marlow-example/tiny-retriever", "active"),
        ("Bread Crumb: a sourdough timer", 2020, "", "done"),
    ]:
        project, _ = Project.objects.update_or_create(
            person=ines,
            title=title,
            defaults={
                "repository_url": url,
                "start_date": dt.date(year, 1, 1),
                "start_precision": "year",
                "status": progress,
                "visibility": PUBLISHED,
                "summary": f"{title}, built in {year}.",
            },
        )
        project.tags.set(["Python"])
    paper, _ = Publication.objects.update_or_create(
        title="Learning to Rank Warehouse Shelves",
        defaults={
            "authors": "I. Marlow, T. Okafor",
            "kind": "paper",
            "venue": "Workshop on Applied Retrieval",
            "date": dt.date(2022, 7, 1),
            "date_precision": "month",
            "url": "https://papers.example.org/shelves",
            "status": PUBLISHED,
        },
    )
    paper.people.add(ines)
    paper.tags.set(["Search"])
    patent, _ = Patent.objects.update_or_create(
        number="US0000001B1",
        defaults={
            "title": "Depth estimation for autonomous shelf scanning",
            "url": "https://patents.example.org/patent/US0000001B1",
            "status": "granted",
            "date": dt.date(2019, 1, 1),
            "date_precision": "year",
            "visibility": PUBLISHED,
        },
    )
    patent.people.add(ines)
    Talk.objects.update_or_create(
        person=ines,
        title="Ranking is a product decision",
        defaults={
            "kind": "talk",
            "event": "PyCon Example",
            "location": "Porto",
            "date": dt.date(2023, 9, 14),
            "date_precision": "day",
            "slides_url": "https://slides.example.com/ranking",
            "video_url": "https://video.example.com/ranking",
            "status": PUBLISHED,
        },
    )
    Award.objects.update_or_create(
        person=ines,
        title="Open Source Peer Bonus",
        defaults={
            "issuer": "Example Foundation",
            "date": dt.date(2022, 1, 1),
            "date_precision": "year",
            "status": PUBLISHED,
        },
    )
    interview, _ = Interview.objects.update_or_create(
        slug="interview-with-ines-marlow",
        defaults={
            "person": ines,
            "title": "Interview with Inés Marlow",
            "kind": "interview",
            "interviewer": "Sam Reyes",
            "outlet": "Applied ML Interview Series",
            "date": dt.date(2023, 3, 2),
            "date_precision": "day",
            "intro": "Inés talks about robots, rankers and teaching.",
            "status": PUBLISHED,
        },
    )
    qa = [
        (
            "How did you get into machine learning?",
            "Through a robotics club at university. We needed the robot to *see*.",
            False,
        ),
        (
            "What makes a good ML engineer?",
            "“Patience with data, impatience with process.”",
            True,
        ),
        (
            "What are you learning now?",
            "- Rust, slowly\n- Information retrieval theory, properly",
            False,
        ),
    ]
    for order, (question, answer, highlight) in enumerate(qa, start=1):
        Question.objects.update_or_create(
            interview=interview,
            order=order,
            defaults={
                "asker": "Sam",
                "question": question,
                "answer": answer,
                "is_highlight": highlight,
            },
        )


def load_tomasz() -> None:
    tomasz = _person(
        "tomasz-okafor",
        name="Tomasz Okafor",
        headline="Robotics researcher",
        location="Gdańsk, Poland",
        status=PUBLISHED,
        bio="I work on perception for mobile robots.",
        tags=["Robotics", "C++", "ROS"],
    )
    _links(tomasz, [("scholar", "https://scholar.example.org/citations?user=tomasz")])
    Role.objects.update_or_create(
        person=tomasz,
        organization=_org("northwind-robotics"),
        title="Research Scientist",
        defaults={
            "start_date": dt.date(2018, 1, 1),
            "start_precision": "year",
            "status": PUBLISHED,
        },
    )
    paper = Publication.objects.get(title="Learning to Rank Warehouse Shelves")
    paper.people.add(tomasz)


def load_draft() -> None:
    _person(
        "wren-castillo",
        name="Wren Castillo",
        headline="Unpublished profile (a draft: staff only)",
        status=Status.DRAFT,
        bio="This profile is a draft: visitors get a 404, staff see a banner.",
    )


class Command(BaseCommand):
    help = "Create or refresh the fictional sample people shown by `make run`."

    def handle(self, *args, **options):
        with transaction.atomic():
            load_ines()
            load_tomasz()
            load_draft()
        self.stdout.write(self.style.SUCCESS("Sample content loaded: 3 people (1 draft)."))
