# The README's commands. Python 3.12 and uv (or pip, which then installs uv) are needed first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.12 || command -v python3)
UV ?= $(shell command -v uv || echo "$(PYTHON) -m uv")
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) backend/manage.py
# Without DATABASE_URL, settings start the embedded PostgreSQL in var/postgres
# (config/embedded_database.py); run and test stop it again when they end.
STOP_EMBEDDED_DB := if [ -z "$$DATABASE_URL" ]; then $(PY) backend/config/embedded_database.py stop var/postgres; fi
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
NPM_CI := PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund

.PHONY: help install run test lint format schema bench frontend frontend-test e2e guide-images bench-staff-app migrate seed clean eval-disclosure docs-rules

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed  ## create .venv and install the locked dependencies

# The staff app needs Node 20 (>= 20.19, what Vite 8 asks); npm ci again only when the lock changed.
frontend/node_modules/.installed: frontend/package-lock.json
	@command -v node >/dev/null || { echo "Node.js 20 (>= 20.19) is needed for the staff app: see README, Install first" >&2; exit 1; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
	  || { echo "Node.js >= 20.19 is needed, found $$(node --version)" >&2; exit 1; }
	cd frontend && $(NPM_CI)
	@touch $@

frontend: frontend/node_modules/.installed  ## build the staff web app into frontend/dist (npm ci + vite build)
	cd frontend && npm run build

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

run: install frontend seed  ## run Dojang with the demo organisation on http://$(HOST):$(PORT)
	@echo "Dojang: http://$(HOST):$(PORT)/  (API docs /api/docs/, admin /admin/)"
	@echo "Staff app: http://$(HOST):$(PORT)/app/  (sign in as haeun.song, password dojang-demo)"
	@# Without a broker, the periodic jobs (PDF outbox, deadlines, timers) run in process
	@# beside the web server; with CELERY_BROKER_URL set, run Celery worker and beat instead.
	@trap '$(STOP_EMBEDDED_DB)' EXIT; \
	if [ -z "$$CELERY_BROKER_URL" ]; then \
	  $(MANAGE) embedded_beat & beat=$$!; trap 'kill $$beat 2>/dev/null; $(STOP_EMBEDDED_DB)' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT); \
	else $(MANAGE) runserver $(HOST):$(PORT); fi

test: install  ## run the whole test suite (pytest, then the staff app's checks and journeys)
	@trap '$(STOP_EMBEDDED_DB)' EXIT; $(VENV)/bin/pytest
	$(MAKE) frontend-test

frontend-test: frontend/node_modules/.installed  ## the staff app: generated client, tokens, types, vitest, build, budgets, Playwright
	cd frontend && npm run check:api
	cd frontend && npm run tokens && git diff --exit-code -- src/styles/krds-tokens.css \
	  || { echo "src/styles/krds-tokens.css is stale: run npm run tokens" >&2; exit 1; }
	cd frontend && npx tsc -b --noEmit
	cd frontend && npx vitest run
	cd frontend && npm run build
	cd frontend && npm run size
	$(MAKE) e2e

# The journeys need Debian's chromium (never a downloaded browser); outside CI a machine
# without it skips them and says so, under CI=true that fails.
e2e: install frontend/node_modules/.installed  ## Playwright journeys and axe against a fresh demo server (needs frontend/dist)
	@if [ -x "$(CHROMIUM)" ]; then \
	  cd frontend && CHROMIUM_PATH=$(CHROMIUM) PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test; \
	elif [ "$$CI" = true ]; then echo "no chromium at $(CHROMIUM): the journeys cannot run under CI" >&2; exit 1; \
	else echo "skipped the Playwright journeys: no chromium at $(CHROMIUM) (apt-get install chromium)"; fi

lint: install  ## ruff check, ruff format --check, mypy, import-linter (the layer contracts)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy backend workflows tests
	PYTHONPATH=backend:. $(VENV)/bin/lint-imports --no-cache

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
	$(MAKE) bench-staff-app

guide-images: install frontend  ## the journeys again, saving the screenshots of docs/guides/{drafter,approver}.md
	cd frontend && E2E_SCREENSHOTS=1 CHROMIUM_PATH=$(CHROMIUM) PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test

bench-staff-app: install frontend  ## Lighthouse (mobile) on the staff app and a scripted approval, into docs/performance.md
	@[ -x "$(CHROMIUM)" ] || { echo "Lighthouse needs chromium at $(CHROMIUM)" >&2; exit 1; }
	cd frontend && CHROME_PATH=$(CHROMIUM) node ../benchmarks/staff_app_bench.mjs --record

clean:  ## remove the virtual environment and local data
	-@$(STOP_EMBEDDED_DB)
	rm -rf $(VENV) var/postgres var/media var/static

docs-rules: install  ## rewrite the table of shipped disclosure rules in docs/disclosure.md
	PYTHONPATH=backend $(PY) -m disclosure.classification.rules_doc --write

eval-disclosure: install  ## the detector's precision and recall per kind, then the suggested levels against decided ones
	PYTHONPATH=backend $(PY) -m tests.disclosure.eval.evaluate
	PYTHONPATH=backend $(PY) -m tests.disclosure.levels.evaluate
