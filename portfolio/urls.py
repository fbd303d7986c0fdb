"""The site's URL map."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portfolio import health, media, views
from portfolio.feeds import LatestFeed

handler400 = "portfolio.views.bad_request"
handler500 = "portfolio.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("feed.xml", LatestFeed(), name="feed"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
    # Answered by portfolio.health.HealthCheckMiddleware before host checks; named here.
    path("healthz", health.healthz, name="healthz"),
    path("people/", include("people.urls")),
    path("interviews/", include("publications.urls")),
    path("organizations/", include("timeline.urls")),
    path("markdownx/", include("portfolio.markdownx_urls")),
    path("admin/", admin.site.urls),
]

if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    # Uploads on local disk are served here, DEBUG or not (a bucket serves its own).
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media.serve, name="media")
    )
