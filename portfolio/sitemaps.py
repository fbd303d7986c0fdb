"""The sitemap: the directory, published people, interviews, organizations and tags."""

from __future__ import annotations

from django.contrib import sitemaps
from django.urls import reverse


class SiteSitemap(sitemaps.Sitemap):
    """Absolute URLs on the host the sitemap was asked from, like canonical URLs."""

    def __init__(self, site) -> None:
        self.site = site

    def get_urls(self, page=1, site=None, protocol=None):
        return super().get_urls(page=page, site=self.site, protocol=protocol)


class HomeSitemap(SiteSitemap):
    priority = 1.0
    changefreq = "daily"

    def items(self):
        return ["home"]

    def location(self, item):
        return reverse(item)


class PersonSitemap(SiteSitemap):
    priority = 0.8
    changefreq = "weekly"

    def items(self):
        from people.models import Person

        return Person.objects.published().order_by("slug")

    def lastmod(self, person):
        return person.updated


class InterviewSitemap(SiteSitemap):
    priority = 0.6

    def items(self):
        from publications.models import Interview

        return Interview.objects.public().order_by("slug")

    def lastmod(self, interview):
        return interview.updated


class OrganizationSitemap(SiteSitemap):
    priority = 0.4

    def items(self):
        from people.models import Person
        from timeline.models import Organization, Role

        roles = Role.objects.published().filter(person__in=Person.objects.published())
        return Organization.objects.filter(pk__in=roles.values("organization")).order_by("slug")


class TagSitemap(SiteSitemap):
    priority = 0.3

    def items(self):
        from portfolio.tags import public_tags

        return public_tags().order_by("slug")

    def location(self, tag):
        return reverse("tag", kwargs={"slug": tag.slug})


SITEMAPS = {
    "home": HomeSitemap,
    "people": PersonSitemap,
    "interviews": InterviewSitemap,
    "organizations": OrganizationSitemap,
    "tags": TagSitemap,
}
