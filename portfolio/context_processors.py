"""Template context shared by every page."""

from django.conf import settings


def base_url(request) -> str:
    """'https://example.com': the site's address as this request reached it (the host is
    one of ALLOWED_HOSTS), for canonical URLs, feeds, sitemaps and exports."""
    return f"{request.scheme}://{request.get_host()}"


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "canonical_url": base_url(request) + request.path,
        "base_url": base_url(request),
    }
