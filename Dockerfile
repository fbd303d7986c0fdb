# Production image: gunicorn serving the site, static files through WhiteNoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY portfolio ./portfolio
COPY people ./people
COPY timeline ./timeline
COPY publications ./publications
RUN pip install .
COPY . .
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput

RUN useradd --system --home /app portfolio && mkdir -p /app/media && chown portfolio /app/media
USER portfolio
EXPOSE 8000
CMD ["gunicorn", "portfolio.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
