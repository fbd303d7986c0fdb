import pytest
from django.test import Client
from django.urls import path

from portfolio.urls import urlpatterns as site_patterns


def _boom(request):
    raise RuntimeError("secret-internal-detail")


urlpatterns = [*site_patterns, path("boom/", _boom)]
handler500 = "portfolio.views.server_error"


@pytest.mark.django_db
def test_unknown_pages_get_the_friendly_404_in_the_site_design(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html
    assert 'action="/search/"' in html


@pytest.mark.django_db
@pytest.mark.urls("tests.portfolio.test_errors")
def test_server_errors_show_a_friendly_page_without_a_trace(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert 'class="site-header"' in html
    for leak in ("secret-internal-detail", "Traceback", "RuntimeError", "_boom"):
        assert leak not in html
