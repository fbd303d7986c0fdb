"""Site-wide pages: the directory of people and the health check."""

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from people.models import Person


def home(request):
    people = Person.objects.published().for_directory()
    page = Paginator(people, 24).get_page(request.GET.get("page"))
    return render(request, "portfolio/home.html", {"page": page, "people": page.object_list})


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any database failure means unhealthy
        return JsonResponse(
            {"status": "error", "database": str(exc.__class__.__name__)}, status=503
        )
    return HttpResponse("ok", content_type="text/plain")
