"""What the documents of one import run share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from taggit.models import Tag

from importers.parse.records import ProfileDocument
from timeline.models import Organization

from .matching import PeopleIndex, document_handles

if TYPE_CHECKING:  # only for the annotation: the loader imports this module
    from .base import LoaderBase


@dataclass
class RunCache:
    """What the documents of one run share: organizations and tags committed by earlier
    documents (a query saved per role and per tag), and, for large runs, everyone's
    names and handles loaded once."""

    organizations: dict[str, Organization] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    people: PeopleIndex | None = None

    def remember(self, loader: LoaderBase, doc: ProfileDocument) -> None:
        """A committed document's organizations, tags and person, for the next ones."""
        self.organizations.update(loader.organizations)
        self.tags.update(loader.tags)
        if self.people is not None and loader.person is not None:
            person = loader.person
            self.people.add(
                person.pk,
                name=person.name,
                slug=person.slug,
                email=person.email,
                handles=document_handles(doc),
            )
