"""Loading the timeline app's records of a document: organizations, roles, education,
projects and awards."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from people.models import Person
from portfolio.slugs import slugify_name
from timeline.models import Award, Education, Organization, Project, Role

from .base import (
    LoaderBase,
    _date,
)


class TimelineLoader(LoaderBase):
    """Roles, education, projects and awards, and the organizations they name."""

    def organization(self, name: str | None, url: str = "") -> Organization | None:
        if not name or not name.strip():
            return None
        name = self.fit(Organization, "name", name.strip())
        slug = slugify_name(name, Organization._meta.get_field("slug").max_length) or "organization"
        if slug in self.organizations:
            return self.organizations[slug]
        if slug in self.known_organizations and not url:
            self.organizations[slug] = self.known_organizations[slug]
            return self.organizations[slug]
        matches = Organization.objects.filter(models.Q(slug=slug) | models.Q(name__iexact=name))
        org = min(matches, key=lambda o: (o.slug != slug, o.pk), default=None)
        if org is None:
            org = Organization(name=name, slug=slug, import_source=self.source)
            if url:
                org.url = url
            if not self._clean("organization", org, {"name", "url"}):
                org.url = ""
            org.save()
            self.history.add(org)
            self.report.count("organization", "created")
        elif url and not org.url:
            org.url = url
            try:
                org.full_clean(validate_unique=False)
                org.save(update_fields=["url"])
                self.history.add(org)
            except ValidationError:
                org.url = ""
        self.organizations[slug] = org
        return org

    def load_roles(self, person: Person) -> None:
        for order, role in enumerate(self.doc.roles, start=1):
            org = self.organization(role.organization, role.organization_url)
            start, start_precision = _date(role.start)
            end, end_precision = _date(role.end)
            self.upsert(
                "role",
                Role,
                {
                    "person": person,
                    "organization": org,
                    "title": role.title.strip(),
                    "start_date": start,
                },
                {
                    "kind": role.kind,
                    "start_precision": start_precision,
                    "end_date": end,
                    "end_precision": end_precision,
                    "location": role.location,
                    "summary": role.summary,
                    "highlights": role.highlights,
                    "order": order,
                    "status": self.status,
                },
                defer=True,
            )

    def load_education(self, person: Person) -> None:
        for order, item in enumerate(self.doc.education, start=1):
            institution = self.organization(item.institution, item.institution_url)
            if institution is None:
                self.warn(f"education '{item.degree}' has no institution and was skipped")
                continue
            start, start_precision = _date(item.start)
            end, end_precision = _date(item.end)
            self.upsert(
                "education",
                Education,
                {"person": person, "institution": institution, "degree": item.degree},
                {
                    "start_date": start,
                    "start_precision": start_precision,
                    "end_date": end,
                    "end_precision": end_precision,
                    "summary": item.summary,
                    "order": order,
                    "status": self.status,
                },
                defer=True,
            )

    def load_projects(self, person: Person) -> None:
        for order, item in enumerate(self.doc.projects, start=1):
            start, start_precision = _date(item.start)
            end, end_precision = _date(item.end)
            project = self.upsert(
                "project",
                Project,
                {"person": person, "title": item.title.strip()},
                {
                    "url": item.url,
                    "repository_url": item.repository_url,
                    "start_date": start,
                    "start_precision": start_precision,
                    "end_date": end,
                    "end_precision": end_precision,
                    "status": item.status,
                    "summary": item.summary,
                    "order": order,
                    "visibility": self.status,
                },
            )
            if project is not None:
                self.load_tags(project, item.tags)

    def load_awards(self, person: Person) -> None:
        for item in self.doc.awards:
            date, precision = _date(item.date)
            self.upsert(
                "award",
                Award,
                {"person": person, "title": item.title.strip()},
                {
                    "issuer": item.issuer,
                    "date": date,
                    "date_precision": precision,
                    "url": item.url,
                    "description": item.description,
                    "status": self.status,
                },
                defer=True,
            )
