"""Loading the timeline app's records of a document: organizations, roles, education,
projects and awards."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from importers.parse.records import ProfileDocument
from people.models import Person
from portfolio.slugs import slugify_name
from timeline.models import Award, Education, Organization, Project, Role

from .base import (
    LoaderBase,
    _date,
)
from .plan import Kind, Warn, publish_values


def _organizations(doc: ProfileDocument) -> list[tuple[str, str]]:
    """Each organization a document names, with the address it gives for it."""
    named = [(r.organization, r.organization_url) for r in doc.roles]
    named += [(e.institution, e.institution_url) for e in doc.education]
    return list(dict.fromkeys((n.strip(), u) for n, u in named if n and n.strip()))


def _organization_fields(named: tuple[str, str], order: int, status: str, warn: Warn):
    name, url = named
    return {"name": name}, {"url": url}


def _role_fields(role, order: int, status: str, warn: Warn):
    start, start_precision = _date(role.start)
    end, end_precision = _date(role.end)
    return {"title": role.title.strip(), "start_date": start}, {
        "kind": role.kind,
        "start_precision": start_precision,
        "end_date": end,
        "end_precision": end_precision,
        "location": role.location,
        "summary": role.summary,
        "highlights": role.highlights,
        "order": order,
        **publish_values(role, status),
    }


def _education_fields(item, order: int, status: str, warn: Warn):
    if not (item.institution and item.institution.strip()):
        return f"education '{item.degree}' has no institution and was skipped"
    start, start_precision = _date(item.start)
    end, end_precision = _date(item.end)
    return {"degree": item.degree}, {
        "start_date": start,
        "start_precision": start_precision,
        "end_date": end,
        "end_precision": end_precision,
        "summary": item.summary,
        "order": order,
        **publish_values(item, status),
    }


def _project_fields(item, order: int, status: str, warn: Warn):
    start, start_precision = _date(item.start)
    end, end_precision = _date(item.end)
    return {"title": item.title.strip()}, {
        "url": item.url,
        "repository_url": item.repository_url,
        "start_date": start,
        "start_precision": start_precision,
        "end_date": end,
        "end_precision": end_precision,
        "status": item.status,
        "summary": item.summary,
        "order": order,
        **publish_values(item, status, "visibility"),
    }


def _award_fields(item, order: int, status: str, warn: Warn):
    date, precision = _date(item.date)
    return {"title": item.title.strip()}, {
        "issuer": item.issuer,
        "date": date,
        "date_precision": precision,
        "url": item.url,
        "description": item.description,
        **publish_values(item, status),
    }


TIMELINE_KINDS = (
    Kind("organization", Organization, _organizations, _organization_fields),
    Kind("role", Role, lambda doc: doc.roles, _role_fields),
    Kind("education", Education, lambda doc: doc.education, _education_fields),
    Kind("project", Project, lambda doc: doc.projects, _project_fields),
    Kind("award", Award, lambda doc: doc.awards, _award_fields),
)


class TimelineLoader(LoaderBase):
    """Roles, education, projects and awards, and the organizations they name."""

    def organization(self, name: str | None, url: str = "") -> Organization | None:
        if not name or not name.strip():
            return None
        planned = self.planned_organization(name.strip(), url)
        if planned is None:
            return None
        name, url = planned["name"], planned["url"]
        slug = slugify_name(name, Organization._meta.get_field("slug").max_length) or "organization"
        if slug in self.organizations:
            return self.organizations[slug]
        if slug in self.known_organizations and not url:
            self.organizations[slug] = self.known_organizations[slug]
            return self.organizations[slug]
        matches = Organization.objects.filter(models.Q(slug=slug) | models.Q(name__iexact=name))
        org = min(matches, key=lambda o: (o.slug != slug, o.pk), default=None)
        if org is None:
            org = Organization(name=name, slug=slug, url=url, import_source=self.source)
            org.save()
            self.history.add(org)
            self.report.count("organization", "created")
        elif url and not org.url:
            org.url = url
            try:
                # The address was checked on its own; with the record's other fields too.
                org.full_clean(validate_unique=False)
                org.save(update_fields=["url"])
                self.history.add(org)
            except ValidationError:
                org.url = ""
        self.organizations[slug] = org
        return org

    def planned_organization(self, name: str, url: str) -> dict[str, Any] | None:
        """The validated name and address of an organization the document names."""
        for row in self.plan["organization"]:
            if row.record == (name, url):
                return {**row.key, **row.values}
        return None

    def load_roles(self, person: Person) -> None:
        for row in self.plan["role"]:
            role = row.record
            org = self.organization(role.organization, role.organization_url)
            self.upsert(
                "role",
                Role,
                {"person": person, "organization": org, **row.key},
                row.values,
                defer=True,
                checked=row.fields,
            )

    def load_education(self, person: Person) -> None:
        for row in self.plan["education"]:
            item = row.record
            institution = self.organization(item.institution, item.institution_url)
            self.upsert(
                "education",
                Education,
                {"person": person, "institution": institution, **row.key},
                row.values,
                defer=True,
                checked=row.fields,
            )

    def load_projects(self, person: Person) -> None:
        for row in self.plan["project"]:
            project = self.upsert(
                "project",
                Project,
                {"person": person, **row.key},
                row.values,
                checked=row.fields,
            )
            if project is not None:
                self.load_tags(project, row.record.tags)

    def load_awards(self, person: Person) -> None:
        for row in self.plan["award"]:
            self.upsert(
                "award",
                Award,
                {"person": person, **row.key},
                row.values,
                defer=True,
                checked=row.fields,
            )
