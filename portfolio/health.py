"""/healthz: whether this process can reach the database and the cache, for load balancers.

A probe comes from an address, not a name, and over plain HTTP, so HealthCheckMiddleware
answers it before Django validates the Host header or redirects to HTTPS; every other path
still goes through both.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def check_database() -> None:
    # With CONN_HEALTH_CHECKS on, a persistent connection that died is replaced here.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    # A key of its own per probe: processes probing at once never read each other's value.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was just stored")


CHECKS: dict[str, Callable[[], None]] = {"database": check_database, "cache": check_cache}


def _failure(exc: BaseException) -> str:
    # Only the kind of failure: the message names hosts, ports and users, and anyone may
    # read this page. Django wraps driver errors; their cause says more (ConnectionTimeout).
    cause = exc.__cause__ if exc.__cause__ is not None else exc
    return f"error: {type(cause).__name__}"


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # whatever fails, the probe must get an answer
            logger.warning("Health check %s failed: %s", name, exc)
            results[name] = _failure(exc)
        else:
            results[name] = "ok"
    return results


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(result == "ok" for result in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": checks}, status=200 if healthy else 503
    )
    # This answer skips SecurityMiddleware, which would have set this.
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthCheckMiddleware:
    """Answers /healthz for any Host and scheme; first in MIDDLEWARE, so nothing before it
    reads the Host header (CommonMiddleware would refuse an address not in ALLOWED_HOSTS)
    or redirects to HTTPS (SecurityMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == HEALTH_PATH:
            return healthz(request)
        return self.get_response(request)
