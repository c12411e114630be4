"""Who is asking: every approvals endpoint acts as the staff member behind the login."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request

from core.request import client_address
from directory.models import Person

PERSON_ATTRIBUTE = "_approvals_person"


def request_person(request: Request) -> Person:
    """The Person of the logged-in user; a login without one may not use approvals.

    Read once per request (kept on it): an action asks several times.
    """
    cached: Person | None = getattr(request, PERSON_ATTRIBUTE, None)
    if cached is not None:
        return cached
    user_id = request.user.pk
    person = None
    if user_id is not None:
        person = (
            Person.objects.select_related("user", "position", "unit")
            .filter(user_id=user_id, active=True)
            .first()
        )
    if person is None:
        raise PermissionDenied(_("Only active staff members can use approvals."))
    setattr(request, PERSON_ATTRIBUTE, person)
    return person


def request_address(request: Request) -> str | None:
    return client_address(request)
