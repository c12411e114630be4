"""Every link a notification writes opens a page the staff app serves."""

import re
from pathlib import Path

import pytest

from documents.models import Document
from notifications.models import NotificationKind
from notifications.rendering import disclosure_request_url, notification_render
from tests.factories.documents import DocumentFactory

FRONTEND = Path(__file__).resolve().parents[2] / "frontend" / "src"
LINK = re.compile(r"https?://\S+")
# The disclosure request's page is the records officers' console (part 2 of the app).
NOT_YET_SERVED = ("/app/disclosure/requests/",)


def _app_paths() -> list[re.Pattern[str]]:
    """The staff app's routes as patterns of URL paths: basepath plus each route's path."""
    router = (FRONTEND / "router.tsx").read_text(encoding="utf-8")
    base = re.search(r'basepath:\s*"([^"]+)"', router)
    assert base is not None
    patterns = []
    for routes in FRONTEND.glob("*/routes.tsx"):
        for path in re.findall(r'path:\s*"([^"]+)"', routes.read_text(encoding="utf-8")):
            segments = [re.escape(s) if not s.startswith("$") else "[^/]+" for s in path.split("/")]
            patterns.append(re.compile(f"{re.escape(base.group(1))}/{'/'.join(segments)}/?"))
    return patterns


@pytest.mark.django_db
@pytest.mark.parametrize("kind", NotificationKind.values)
def test_each_link_of_each_notification_is_a_page_of_the_staff_app(kind, settings):
    document: Document = DocumentFactory.create()
    context = {
        "actor_name": "김민수",
        "reason": "보완",
        "request_url": disclosure_request_url(7),
        "due_at": "2026-12-04",
    }
    rendered = notification_render(kind=kind, document=document, context=context)

    links = LINK.findall(rendered.body)
    assert links, f"{kind} has no link"
    pages = _app_paths()
    for link in links:
        assert link.startswith(settings.SITE_URL + "/app/"), link
        path = link[len(settings.SITE_URL) :]
        if path.startswith(NOT_YET_SERVED):
            continue
        assert path == f"/app/documents/{document.pk}", link
        assert any(p.fullmatch(path) for p in pages), f"the staff app has no page {path}"
