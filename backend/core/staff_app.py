"""The staff web app (frontend/), served by Django on its own origin.

Vite builds it into frontend/dist: index.html here, for every path under /app/ so the
router can open a deep link (/app/documents/12), and its hashed files under
/static/app/ through whitenoise. The page sets the CSRF cookie the app's unsafe
requests send back; session authentication does the rest.
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET


def _index_html() -> str | None:
    index = Path(settings.STAFF_APP_DIST) / "index.html"
    try:
        return index.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


@never_cache
@ensure_csrf_cookie
@require_GET
def staff_app(request: HttpRequest, path: str = "") -> HttpResponse:
    html = _index_html()
    if html is None:
        # A checkout where the app was never built: say how, rather than a bare 404.
        message = _("The staff web app has not been built. Run `make frontend`, then reload.")
        return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse(html, content_type="text/html; charset=utf-8")
