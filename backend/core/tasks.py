"""Tasks of the core app."""

from celery import shared_task


@shared_task(name="core.ping", time_limit=10)
def ping(value: str) -> str:
    """Echo the value: proves that a broker and a worker round-trip."""
    return f"pong:{value}"
