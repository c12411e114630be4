"""An idle browser session ends: its expiry moves on with activity, at most once a minute.

A session lives SESSION_COOKIE_AGE seconds (default a working day, 8 hours) from the
last time it was saved. Django saves a session only when it changes, so without
this a session would end 8 hours after sign-in however busy its person was, and
SESSION_SAVE_EVERY_REQUEST would write the session row on every request. This
middleware marks an authenticated session changed when it was last renewed
SESSION_RENEW_SECONDS ago or more: the session middleware then saves it with a new
expiry and sends the cookie again. A session left alone past its age is gone; the
API answers 401 (not_authenticated) and the staff app returns to sign-in.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse

RENEWED_AT = "_renewed_at"


class SessionRenewMiddleware:
    """Renews the expiry of an active, authenticated session (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY) is not None:
            now = int(time.time())
            renewed = session.get(RENEWED_AT)
            if not isinstance(renewed, int) or now - renewed >= settings.SESSION_RENEW_SECONDS:
                session[RENEWED_AT] = now
        return self.get_response(request)
