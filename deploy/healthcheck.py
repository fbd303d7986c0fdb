"""The container's health check: this container's gunicorn answers 200 on /healthz.

Docker's HEALTHCHECK and the compose web service run it (slim images have no curl). It asks
as the proxy would: with a host the site accepts (the first of ALLOWED_HOSTS) and as HTTPS,
so neither the host check nor the HTTPS redirect answers in the view's place.
"""

from __future__ import annotations

import http.client
import os
import sys


def target() -> tuple[str, int]:
    """Where gunicorn listens, as gunicorn.conf.py reads BIND and PORT."""
    bind = os.environ.get("BIND", "").strip()
    if bind and ":" in bind and not bind.startswith("unix:"):
        host, port = bind.rsplit(":", 1)
        host = host.strip("[]")
        return ("127.0.0.1" if host in ("", "0.0.0.0", "::") else host), int(port)
    return "127.0.0.1", int(os.environ.get("PORT", "").strip() or 8000)


def site_host() -> str:
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",")]
    return next((h.lstrip(".") for h in hosts if h and h != "*"), "localhost")


def main() -> int:
    host, port = target()
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        connection.request(
            "GET", "/healthz", headers={"Host": site_host(), "X-Forwarded-Proto": "https"}
        )
        status = connection.getresponse().status
    except OSError as error:
        print(f"unhealthy: {host}:{port} did not answer ({error})", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if status != 200:
        print(f"unhealthy: /healthz answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
