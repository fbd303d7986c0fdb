"""Site search: PostgreSQL full-text search (stemmed, ranked, GIN-indexed), a plain fallback
elsewhere, and the highlighting both share.

Each searchable model names its fields by weight in SEARCH_FIELDS; the same expression builds
the model's GIN index and the query, so PostgreSQL can answer from the index.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import Case, FloatField, Q, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# PostgreSQL's default rank weights for A, B, C and D; the fallback scores matches alike.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
_WORD = re.compile(r"\w+", re.UNICODE)
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")


def search_vector(fields: dict[str, tuple[str, ...]]):
    """The weighted tsvector of a model's SEARCH_FIELDS, for its index and its queries."""
    vectors = [
        SearchVector(*names, weight=weight, config=CONFIG) for weight, names in fields.items()
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


class SearchIndex(GinIndex):
    """A GIN index over a model's search vector. Only PostgreSQL has one: on other databases
    the index is part of the model's state but creates (and drops) nothing."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().remove_sql(model, schema_editor, **kwargs)


def search_index(model_fields: dict[str, tuple[str, ...]], name: str) -> SearchIndex:
    return SearchIndex(search_vector(model_fields), name=name)


def normalize_query(query: str | None) -> str:
    """Whitespace collapsed, control characters dropped, at most MAX_QUERY_LENGTH long."""
    text = "".join(ch if ch.isprintable() else " " for ch in (query or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def stem(word: str) -> str:
    """A crude English stem ('ranking' -> 'rank'): enough to match and highlight word forms."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def query_terms(query: str) -> list[str]:
    """The distinct stems of a query's words, at most MAX_TERMS of them."""
    terms: list[str] = []
    for word in _WORD.findall(query):
        term = stem(word)
        if term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def search_queryset(queryset: models.QuerySet, query: str) -> models.QuerySet:
    """Rows of `queryset` matching `query`, annotated with `rank` and best first."""
    fields: dict[str, tuple[str, ...]] = queryset.model.SEARCH_FIELDS
    query = normalize_query(query)
    terms = query_terms(query)
    if not terms:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        vector = search_vector(fields)
        search = SearchQuery(query, search_type="websearch", config=CONFIG)
        return (
            queryset.annotate(search_document=vector, rank=SearchRank(vector, search))
            .filter(search_document=search)
            .order_by("-rank", "pk")
        )
    # The fallback: every term appears in some field, as a substring of its stem.
    condition = Q()
    for term in terms:
        condition &= _any_field_contains(fields, term)
    rank = Value(0.0, output_field=FloatField())
    for term in terms:
        for weight, names in fields.items():
            rank = rank + Case(
                When(_any_field_contains({weight: names}, term), then=Value(WEIGHTS[weight])),
                default=Value(0.0),
                output_field=FloatField(),
            )
    return queryset.filter(condition).annotate(rank=rank).order_by("-rank", "pk")


def _any_field_contains(fields: dict[str, tuple[str, ...]], term: str) -> Q:
    condition = Q()
    for names in fields.values():
        for name in names:
            condition |= Q(**{f"{name}__icontains": term})
    return condition


def plain_text(value: str) -> str:
    """Stored HTML (or plain text) as one line of plain text."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def highlight(text: str, terms: list[str], *, words: int = 0) -> SafeString:
    """`text` escaped, with the words matching `terms` in <mark>. With `words`, only an
    excerpt of about that many words around the first match (or the start)."""
    tokens = re.split(r"(\w+)", text, flags=re.UNICODE)
    # Even positions are separators, odd positions words.
    hits = {i for i in range(1, len(tokens), 2) if _matches(tokens[i], terms)}
    start, end, prefix, suffix = 0, len(tokens), "", ""
    if words and len(tokens) > 2 * words:
        first = min(hits, default=1)
        start = max(0, first - words // 3 * 2)
        start -= start % 2  # begin on a separator
        end = min(len(tokens), start + 2 * words)
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(tokens) else ""
    parts = []
    for i in range(start, end):
        token = escape(tokens[i])
        parts.append(f"<mark>{token}</mark>" if i in hits else token)
    return mark_safe(escape(prefix) + "".join(parts).strip() + escape(suffix))


def _matches(word: str, terms: list[str]) -> bool:
    lowered = word.lower()
    return any(lowered.startswith(term) if len(term) > 2 else lowered == term for term in terms)


@dataclass(frozen=True)
class SearchHit:
    """One search result, whatever its kind: what the results page shows."""

    kind: str
    title: SafeString
    url: str
    excerpt: SafeString
    context: str
    rank: float


def site_search(query: str, *, per_kind: int = 20) -> list[SearchHit]:
    """Published people, roles, projects, publications, patents, talks and interviews
    matching `query`, best first. One or two queries per kind, whatever the number of hits."""
    from people.models import Person
    from publications.models import Interview, Patent, Publication, Talk
    from timeline.models import Project, Role

    terms = query_terms(normalize_query(query))
    if not terms:
        return []

    def hits(queryset):
        return list(queryset.search(query)[:per_kind])

    def hit(kind, title, url, text, context, rank):
        excerpt = highlight(plain_text(text), terms, words=30) if text else mark_safe("")
        return SearchHit(kind, highlight(title, terms), url, excerpt, context, float(rank))

    results = []
    for person in hits(Person.objects.published()):
        text = " · ".join(filter(None, [person.headline, person.location, person.bio_html]))
        results.append(hit("Person", person.name, person.get_absolute_url(), text, "", person.rank))
    for role in hits(Role.objects.public().select_related("person", "organization")):
        title = f"{role.title}, {role.organization.name}" if role.organization else role.title
        text = " ".join(filter(None, [role.period, role.summary_html, role.highlights_html]))
        results.append(
            hit("Role", title, role.get_absolute_url(), text, role.person.name, role.rank)
        )
    for project in hits(Project.objects.public().for_listing()):
        results.append(
            hit(
                "Project",
                project.title,
                project.get_absolute_url(),
                project.summary_html,
                project.person.name,
                project.rank,
            )
        )
    for pub in hits(Publication.objects.public().for_listing()):
        authors = list(pub.people.all())
        results.append(
            hit(
                "Publication",
                pub.title,
                authors[0].get_absolute_url() if authors else "/",
                " · ".join(filter(None, [pub.authors, pub.venue, pub.summary_html])),
                ", ".join(person.name for person in authors),
                pub.rank,
            )
        )
    for patent in hits(Patent.objects.public().for_listing()):
        inventors = list(patent.people.all())
        results.append(
            hit(
                "Patent",
                patent.title,
                inventors[0].get_absolute_url() if inventors else "/",
                patent.number,
                ", ".join(person.name for person in inventors),
                patent.rank,
            )
        )
    for talk in hits(Talk.objects.public().for_listing()):
        text = " · ".join(filter(None, [talk.event, talk.location, talk.summary_html]))
        results.append(
            hit("Talk", talk.title, talk.get_absolute_url(), text, talk.person.name, talk.rank)
        )
    for interview in hits(Interview.objects.public().for_listing()):
        text = " · ".join(filter(None, [interview.outlet, interview.intro_html]))
        results.append(
            hit(
                interview.get_kind_display().split(" ")[0],
                interview.title,
                interview.get_absolute_url(),
                text,
                interview.person.name,
                interview.rank,
            )
        )
    results.sort(key=lambda h: h.rank, reverse=True)
    return results
