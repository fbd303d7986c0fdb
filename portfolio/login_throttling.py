"""Login throttling's view of a request (django-axes): the address an attempt came from, and
the page a locked-out user and address get instead of the admin's login form."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str | None:
    """The address a login attempt came from.

    Behind a trusted reverse proxy (TRUST_PROXY_HEADERS) it is the right-most entry of
    X-Forwarded-For, the one that proxy appended: anything left of it was written by the
    client. Otherwise, and whenever that entry is not an address, it is the connection's own.
    """
    if settings.TRUST_PROXY_HEADERS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or None


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The admin's login page, in words, once one user and address are locked out (429)."""
    context = {
        **admin.site.each_context(request),
        "title": "Logging in is paused",
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "admin/locked_out.html", context, status=429)
