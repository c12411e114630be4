"""Who is asking: every approvals endpoint acts as the staff member behind the login."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request

from audit.request import client_address
from directory.models import Person


def request_person(request: Request) -> Person:
    """The Person of the logged-in user; a login without one may not use approvals."""
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
    return person


def request_address(request: Request) -> str | None:
    return client_address(request)
