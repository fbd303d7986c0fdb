# syntax=docker/dockerfile:1
# The production image: gunicorn (gunicorn.conf.py) serving the site, static files collected
# at build time and served by WhiteNoise, media on a volume or in an S3-compatible bucket.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# WeasyPrint's system libraries, for the CV's PDF: Pango, HarfBuzz's subsetter and a font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, in a layer of their own: a change of code reuses it, and only a change
# of pyproject.toml installs them again. The s3 extra lets one image use a bucket too.
COPY pyproject.toml ./
COPY deploy/requirements.py ./deploy/
RUN python deploy/requirements.py s3 > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project, once: it runs from /app as checked out, templates/ and static/ beside the
# code. It is not pip-installed, which would put a second copy, without them, in
# site-packages.
COPY . .

# Hashed names with gzip and brotli copies, written once here (the key is only for the build).
RUN SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput

# The code stays root's and read-only; the server may write uploads only.
RUN useradd --system --uid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin portfolio \
    && mkdir -p /app/media \
    && chown portfolio:portfolio /app/media
USER portfolio

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=6s --start-period=30s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
CMD ["gunicorn", "-c", "gunicorn.conf.py", "portfolio.wsgi"]
