# The README's commands. Python 3.12 and uv (or pip, which then installs uv) are needed first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.12 || command -v python3)
UV ?= $(shell command -v uv || echo "$(PYTHON) -m uv")
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) backend/manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run test lint format schema bench frontend migrate seed clean eval-disclosure

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed  ## create .venv and install the locked dependencies

frontend:  ## build the staff web app (when it has code)
	@if [ -f frontend/package.json ]; then cd frontend && npm ci && npm run build; \
	else echo "frontend/ has no code yet: nothing to build"; fi

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

run: install frontend seed  ## run Dojang with the demo organisation on http://$(HOST):$(PORT)
	@echo "Dojang: http://$(HOST):$(PORT)/  (API docs /api/docs/, admin /admin/)"
	@# Without a broker, the periodic jobs (PDF outbox, deadlines, timers) run in process
	@# beside the web server; with CELERY_BROKER_URL set, run Celery worker and beat instead.
	@if [ -z "$$CELERY_BROKER_URL" ]; then \
	  $(MANAGE) embedded_beat & beat=$$!; trap 'kill $$beat 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT); \
	else $(MANAGE) runserver $(HOST):$(PORT); fi

test: install  ## run the whole test suite
	$(VENV)/bin/pytest

lint: install  ## ruff check, ruff format --check, mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy backend workflows tests

format: install  ## apply ruff's fixes and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The schema is generated with PostgreSQL's field ranges (the production database);
# the URL is never connected to, so the schema is the same on every machine.
SCHEMA_DATABASE_URL := postgres://schema@127.0.0.1:9/schema

schema: install  ## regenerate the committed OpenAPI schema (docs/api/openapi.yaml)
	DATABASE_URL=$(SCHEMA_DATABASE_URL) $(MANAGE) spectacular --validate --fail-on-warn --file docs/api/openapi.yaml

bench: install  ## run the benchmarks and record them in docs/performance.md
	$(PY) benchmarks/disclosure_scan.py --record
	$(PY) benchmarks/signing_bench.py --record docs/performance.md
	$(PY) benchmarks/directory_bench.py --record
	$(PY) benchmarks/approvals_bench.py --record
	$(PY) benchmarks/portal_search_bench.py --record

clean:  ## remove the virtual environment and local data
	rm -rf $(VENV) var/*.sqlite3 var/media var/static

eval-disclosure: install  ## precision and recall of the personal-information detector per kind
	PYTHONPATH=backend $(PY) -m tests.disclosure.eval.evaluate
