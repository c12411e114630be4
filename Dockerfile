# Dojang web, worker and beat image (one image, three commands; see docker-compose.yml).
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
RUN SECRET_KEY=collectstatic-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
    python backend/manage.py collectstatic --noinput

RUN useradd --system --home /app dojang && mkdir -p /app/var && chown -R dojang /app/var
USER dojang
EXPOSE 8000
CMD ["gunicorn", "--chdir", "backend", "--bind", "0.0.0.0:8000", "--workers", "3", "config.wsgi:application"]
