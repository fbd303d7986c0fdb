"""gunicorn's settings in production, read from the environment: the image runs
`gunicorn -c gunicorn.conf.py portfolio.wsgi` (Dockerfile), as does the compose stack."""

import os


def _whole_number(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this container may use
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# Each worker holds a database connection (CONN_MAX_AGE): past a few, add replicas instead.
workers = _whole_number("WEB_CONCURRENCY", min(2 * _cpus() + 1, 8))
bind = os.environ.get("BIND") or f"0.0.0.0:{_whole_number('PORT', 8000)}"

# A request that takes longer is killed (the proxy answers 502); on a deploy or a scale-in,
# workers get as long to finish the requests they hold.
timeout = _whole_number("GUNICORN_TIMEOUT", 30)
graceful_timeout = _whole_number("GUNICORN_TIMEOUT", 30)
# Behind the proxy, which keeps connections to the workers open between requests.
keepalive = 5

# Recycle each worker after about this many requests (the jitter keeps them from all
# restarting at once), so a slow leak never grows for long.
max_requests = _whole_number("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10

# The heartbeat file on a memory filesystem: on a container's overlay disk, its writes can
# block workers long enough to be killed.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

accesslog = "-"
errorlog = "-"
# gunicorn's default line, then the client behind the proxy and the time taken (ms).
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-forwarded-for}i)s %(M)sms'
)

# Who may say a request came over HTTPS (X-Forwarded-Proto): the proxy in front. In the
# compose stack only the proxy reaches the web containers, so it sets "*".
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn 25.1+ opens a control socket in $HOME (for gunicornc), which nothing here uses
# and a read-only home or a second server on the same machine would trip over.
control_socket_disable = True
