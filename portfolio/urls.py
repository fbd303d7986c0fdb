"""The site's URL map."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portfolio import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("people/", include("people.urls")),
    path("interviews/", include("publications.urls")),
    path("organizations/", include("timeline.urls")),
    path("markdownx/", include("portfolio.markdownx_urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
