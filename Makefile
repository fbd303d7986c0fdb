# Two entry points do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=1
TEST_ENV := SECRET_KEY=test-only-not-secret TESTING=1 DEBUG=0

.PHONY: run test lint format install migrate sample clean browser-deps pdf-deps screenshots up down

# The virtual environment, made once, with what it needs checked first so a bare machine says
# what to install. pip is upgraded here, when the environment is new, never on later installs.
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
		echo "$(PYTHON) was not found: install Python 3.11 or newer (Debian or Ubuntu:"; \
		echo "sudo apt-get install python3 python3-venv), or name one: make PYTHON=python3.12"; \
		exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "$(PYTHON) is Python $$($(PYTHON) -c 'import platform; print(platform.python_version())');"; \
		echo "the project needs 3.11 or newer: make PYTHON=python3.12 (say)"; \
		exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1 || { \
		echo "$(PYTHON) cannot create virtual environments (its venv and ensurepip modules are"; \
		echo "missing). On Debian or Ubuntu: sudo apt-get install python3-venv, then make again."; \
		exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip || echo "pip was not upgraded; going on."

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(VENV)/.installed pdf-deps

# WeasyPrint's system libraries, for the CV's PDF: Pango, HarfBuzz's subsetter and a font
# (Debian's names). Installed only when WeasyPrint cannot load and they are missing; installing
# them needs root (CI runs as root). Without them the PDF answers 503 and its tests skip,
# except under CI=true, where they fail.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-deps: $(VENV)/.installed
	@if ! $(BIN)/python -c 'import weasyprint' >/dev/null 2>&1; then \
		if command -v dpkg-query >/dev/null; then \
			missing=$$(for p in $(PDF_PACKAGES); do \
				dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; \
			done); \
			if [ -z "$$missing" ]; then :; \
			elif [ "$$(id -u)" = 0 ]; then \
				apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
					apt-get install -y -qq --no-install-recommends $$missing; \
			else \
				echo "For the CV's PDF: sudo apt-get install -y" $$missing; \
			fi; \
		else \
			echo "For the CV's PDF, install Pango 1.44 or newer and a font (WeasyPrint's needs)."; \
		fi; \
	fi

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

sample: migrate
	$(DEV_ENV) $(BIN)/python manage.py import_markdown examples --publish
	@$(DEV_ENV) DJANGO_SUPERUSER_PASSWORD=admin $(BIN)/python manage.py createsuperuser \
		--noinput --username admin --email admin@example.com >/dev/null 2>&1 || true
	@echo "Admin: http://$(HOST):$(PORT)/admin/  (user: admin, password: admin; development only)"

run: sample
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The browser tests' requirements: Debian's Chromium (Playwright's own download is never
# used) and axe-core from npm. Installed only when missing; installing Chromium needs root
# (CI runs as root). Without them the browser tests skip, except under CI=true, where they fail.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "Chromium is missing: run 'sudo apt-get install -y chromium' for the browser tests."; \
		fi; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ]; then \
		if command -v npm >/dev/null; then \
			npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; \
		else \
			echo "npm is missing: install Node.js and npm for the accessibility tests."; \
		fi; \
	fi

test: lint browser-deps
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/python -m pytest

# Refresh docs/screenshots/ (the README shows them).
screenshots: install browser-deps
	$(TEST_ENV) $(BIN)/python -m pytest tests/browser/test_screenshots.py

# The production stack (docker-compose.yml): PostgreSQL, Redis, the site and its proxy on
# http://localhost:8000 (HTTP_PORT). Needs Docker with Compose 2.24+ and a .env file.
up:
	@test -f .env || { echo "No .env: copy .env.example to .env and set SECRET_KEY in it."; exit 1; }
	docker compose up --build --detach

down:
	docker compose down

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache node_modules
