"""Rendering a notification's title and body from its per-kind templates.

Templates live in notifications/templates/notifications/<kind>.title.txt and
<kind>.body.txt; their text is marked for translation and rendered in the site's
language (Korean by default). They are plain text: nothing is HTML-escaped, since
the e-mail is text/plain and the web app escapes what it shows.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template import Context, Engine
from django.utils import translation

from documents.models import Document

TITLE_MAX_LENGTH = 300

_ENGINE = Engine(
    dirs=[str(Path(__file__).resolve().parent / "templates")],
    autoescape=False,
    libraries={"i18n": "django.templatetags.i18n"},
)


@dataclass(frozen=True)
class Rendered:
    title: str
    body: str


def document_url(document: Document) -> str:
    """The staff app's page of `document` (NOTIFICATIONS_DOCUMENT_URL)."""
    template: str = settings.NOTIFICATIONS_DOCUMENT_URL
    return template.format(id=document.pk)


def disclosure_request_url(request_id: int) -> str:
    """The staff app's page of a disclosure request (NOTIFICATIONS_REQUEST_URL)."""
    template: str = settings.NOTIFICATIONS_REQUEST_URL
    return template.format(id=request_id)


def _context(document: Document | None, extra: dict[str, Any]) -> dict[str, Any]:
    context: dict[str, Any] = {"site_name": settings.NOTIFICATIONS_SITE_NAME}
    if document is not None:
        context.update(
            document_title=document.title,
            document_number=document.number or "",
            document_url=document_url(document),
        )
    # The caller's values come last: they describe this event (actor, reason, due date).
    context.update(extra)
    return context


def notification_render(
    *, kind: str, document: Document | None, context: dict[str, Any]
) -> Rendered:
    """The title (one line, at most 300 characters) and body of a `kind` notification."""
    values = Context(_context(document, context))
    with translation.override(settings.LANGUAGE_CODE):
        title = str(_ENGINE.get_template(f"notifications/{kind}.title.txt").render(values))
        body = str(_ENGINE.get_template(f"notifications/{kind}.body.txt").render(values))
    return Rendered(title=" ".join(title.split())[:TITLE_MAX_LENGTH], body=body.strip() + "\n")
