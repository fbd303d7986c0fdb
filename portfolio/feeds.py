"""The Atom feed of what people published, said and were asked: newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from portfolio.context_processors import base_url


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    description: str
    author: str
    date: dt.datetime
    updated: dt.datetime


def _moment(date: dt.date | None, fallback: dt.datetime) -> dt.datetime:
    if date is None:
        return fallback
    return dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)


def latest_entries(base_url: str, limit: int = 30) -> list[Entry]:
    """Newest public publications, talks and interviews, in four queries, with absolute
    links on `base_url`."""
    from publications.models import Interview, Publication, Talk

    entries = []
    for pub in Publication.objects.public().for_listing()[:limit]:
        people = list(pub.people.all())
        link = f"{base_url}{people[0].get_absolute_url()}#publication-{pub.pk}"
        summary = " · ".join(filter(None, [pub.authors, pub.venue]))
        entries.append(
            Entry(
                f"Publication: {pub.title}",
                link,
                summary,
                ", ".join(p.name for p in people),
                _moment(pub.date, pub.created),
                pub.updated,
            )
        )
    for talk in Talk.objects.public().for_listing()[:limit]:
        summary = " · ".join(filter(None, [talk.event, talk.location]))
        entries.append(
            Entry(
                f"{talk.get_kind_display()}: {talk.title}",
                f"{base_url}{talk.person.get_absolute_url()}#talk-{talk.pk}",
                summary,
                talk.person.name,
                _moment(talk.date, talk.created),
                talk.updated,
            )
        )
    for interview in Interview.objects.public().for_listing()[:limit]:
        entries.append(
            Entry(
                interview.title,
                base_url + interview.get_absolute_url(),
                f"{interview.get_kind_display()} with {interview.person.name}",
                interview.person.name,
                _moment(interview.date, interview.created),
                interview.updated,
            )
        )
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries[:limit]


class LatestFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request, *args, **kwargs):
        # Links are absolute on the host the feed was asked from, like canonical URLs.
        return base_url(request)

    def title(self):
        return f"{settings.SITE_NAME}: new publications, talks and interviews"

    def link(self, obj):
        return obj + "/"

    def subtitle(self):
        return "What the people on this site published, said and were asked, newest first."

    def feed_url(self, obj):
        return obj + reverse("feed")

    def items(self, obj):
        return latest_entries(obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.link

    def item_author_name(self, item):
        return item.author

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.updated

    def feed_updated(self):
        return timezone.now()
