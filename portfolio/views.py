"""Site-wide pages: the directory, search, tag pages, crawler files and errors."""

import sys

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.requests import RequestSite
from django.core.exceptions import RequestDataTooBig
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token
from taggit.models import Tag

from people.models import Person
from portfolio.search import MAX_QUERY_LENGTH, normalize_query, site_search
from portfolio.sitemaps import SITEMAPS
from portfolio.tags import TagPage, public_tags


def home(request):
    page = Paginator(Person.objects.for_directory(), 24).get_page(request.GET.get("page"))
    tags = public_tags(Person)[:24]
    return render(
        request, "portfolio/home.html", {"page": page, "people": page.object_list, "tags": tags}
    )


def search(request):
    raw = request.GET.get("q", "")
    query = normalize_query(raw)
    context = {
        "query": query,
        "shortened": len(" ".join(raw.split())) > MAX_QUERY_LENGTH,
        "max_length": MAX_QUERY_LENGTH,
        "results": site_search(query) if query else [],
    }
    return render(request, "portfolio/search.html", context)


def tag(request, slug):
    page = TagPage(get_object_or_404(Tag, slug=slug))
    if page.is_empty:
        raise Http404("Nothing published carries this tag.")
    return render(request, "portfolio/tag.html", {"page": page, "tag": page.tag})


def sitemap(request):
    site = RequestSite(request)
    sitemaps = {name: cls(site) for name, cls in SITEMAPS.items()}
    return sitemap_views.sitemap(request, sitemaps)


def robots(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /markdownx/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Database errors that mean "not now" rather than "broken": the server is down, refuses
# connections or never answered in time, a connection dropped, a statement hit its timeout.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def bad_request(request, exception, template_name="400.html"):
    """Django's 400 page, except for a request body over DATA_UPLOAD_MAX_MEMORY_SIZE, which
    is 413: the client should send less, not differently."""
    if isinstance(exception, RequestDataTooBig):
        return HttpResponse(
            "Request body too large.", status=413, content_type="text/plain; charset=utf-8"
        )
    return defaults.bad_request(request, exception, template_name)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """The 500 page in the site's design, rendered without touching the database or the
    request (either may be what failed), and never with a trace.

    When the database is what failed, a 503 page that says so: Django calls this handler
    while it handles the error, so sys.exc_info() still holds it."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        template_name, status = "503.html", 503
    else:
        status = 500
    try:
        body = loader.get_template(template_name).render({"SITE_NAME": settings.SITE_NAME})
    except Exception:  # the error page itself must not fail
        body = "<!doctype html><title>Server error</title><h1>Something went wrong</h1>"
    response = HttpResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
