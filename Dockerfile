# Dojang web, worker and beat image (one image, three commands; see docker-compose.yml).

# The staff web app (frontend/), built by Vite with Node 20; only its dist/ goes on.
FROM node:20-bookworm-slim AS staff-app
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY frontend ./
COPY docs/api/openapi.yaml /src/docs/api/openapi.yaml
RUN npm run build

FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_COMPILE_BYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PATH="/app/.venv/bin:$PATH"

# Build tools for python-ldap; WeasyPrint's Pango stack; Korean fonts for the official PDF;
# poppler for PDF checks; ldap-utils for the healthcheck of the directory.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential libldap2-dev libsasl2-dev \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
      fonts-noto-cjk poppler-utils ldap-utils curl \
 && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY backend ./backend
COPY workflows ./workflows
COPY templates ./templates
COPY directory-data ./directory-data
# Django serves it under /app/ (index.html) and /static/app/ (collected below).
COPY --from=staff-app /src/frontend/dist ./frontend/dist
RUN SECRET_KEY=collectstatic-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
    python backend/manage.py collectstatic --noinput

RUN useradd --system --home /app dojang && mkdir -p /app/var && chown -R dojang /app/var
USER dojang
EXPOSE 8000
CMD ["gunicorn", "--chdir", "backend", "--bind", "0.0.0.0:8000", "--workers", "3", "config.wsgi:application"]
