"""Tags across the site: which ones visitors can see, and how often each is used."""

from __future__ import annotations

from django.db.models import Count, Q
from taggit.models import Tag


def _tagged_models():
    from people.models import Person
    from publications.models import Publication, Talk
    from timeline.models import Project

    return (Person, Project, Publication, Talk)


def public_tags(*models):
    """Tags on anything visitors can see (or on visible records of `models`), annotated
    with `uses`, most used first."""
    visible = Q()
    for model in models or _tagged_models():
        visible |= Q(
            taggit_taggeditem_items__content_type__app_label=model._meta.app_label,
            taggit_taggeditem_items__content_type__model=model._meta.model_name,
            taggit_taggeditem_items__object_id__in=model.objects.public().values("pk"),
        )
    return (
        Tag.objects.annotate(uses=Count("taggit_taggeditem_items", filter=visible))
        .filter(uses__gt=0)
        .order_by("-uses", "name")
    )


class TagPage:
    """Everything visitors can see with one tag, each list loaded in a fixed number of queries."""

    def __init__(self, tag: Tag) -> None:
        from people.models import Person
        from publications.models import Publication, Talk
        from timeline.models import Project

        self.tag = tag
        self.people = list(Person.objects.for_tag_page(tag).order_by("name", "pk"))
        self.projects = list(Project.objects.for_tag_page(tag).order_by("title", "pk"))
        self.publications = list(Publication.objects.for_tag_page(tag))
        self.talks = list(Talk.objects.for_tag_page(tag))

    @property
    def is_empty(self) -> bool:
        return not (self.people or self.projects or self.publications or self.talks)

    @property
    def summary(self) -> str:
        """'1 person, 2 projects and 1 talk'."""
        parts = [
            f"{len(items)} {singular if len(items) == 1 else plural}"
            for items, singular, plural in (
                (self.people, "person", "people"),
                (self.projects, "project", "projects"),
                (self.publications, "publication", "publications"),
                (self.talks, "talk", "talks"),
            )
            if items
        ]
        return " and ".join(filter(None, [", ".join(parts[:-1]), parts[-1]])) if parts else ""

    @property
    def count(self) -> int:
        return len(self.people) + len(self.projects) + len(self.publications) + len(self.talks)
