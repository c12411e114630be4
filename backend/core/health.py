"""Readiness checks of the services Dojang depends on.

Each check returns None when the part is ready, or a short reason naming what failed.
The reasons never include credentials: URLs are reported without their password.
"""

from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import connections


def _redact_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def check_database() -> str | None:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "not ready"
        return f"database unreachable: {type(exc).__name__}"
    return None


def check_broker() -> str | None:
    url = settings.CELERY_BROKER_URL
    if not url:
        return None
    # The project's app (config.celery), current once settings load; core sits below config.
    from celery import current_app as app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=settings.HEALTH_CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # kombu raises many kinds for one meaning
        return f"broker unreachable at {_redact_url(url)}: {type(exc).__name__}"
    return None


def check_ldap() -> str | None:
    uri = settings.LDAP_SERVER_URI
    if not uri:
        return None
    import ldap

    timeout = settings.HEALTH_CHECK_TIMEOUT_SECONDS
    try:
        conn = ldap.initialize(uri)
        conn.set_option(ldap.OPT_NETWORK_TIMEOUT, timeout)
        conn.set_option(ldap.OPT_TIMEOUT, timeout)
        conn.simple_bind_s(
            getattr(settings, "LDAP_BIND_DN", "") or "",
            getattr(settings, "LDAP_BIND_PASSWORD", "") or "",
        )
        conn.unbind_s()
    except ldap.LDAPError as exc:
        return f"ldap unreachable at {uri}: {type(exc).__name__}"
    return None


CHECKS: dict[str, Callable[[], str | None]] = {
    "database": check_database,
    "broker": check_broker,
    "ldap": check_ldap,
}


def readiness() -> dict[str, str]:
    """Run every check; the result maps each part to "ok", "not configured" or the failure."""
    result: dict[str, str] = {}
    for name, check in CHECKS.items():
        configured = name == "database" or bool(
            settings.CELERY_BROKER_URL if name == "broker" else settings.LDAP_SERVER_URI
        )
        if not configured:
            result[name] = "not configured"
            continue
        failure = check()
        result[name] = failure or "ok"
    return result
