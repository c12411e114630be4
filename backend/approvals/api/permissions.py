"""Who is asking: every approvals endpoint acts as the staff member behind the login."""

from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request

from core.request import client_address
from directory.api.actor import required_person
from directory.models import Person


def request_person(request: Request) -> Person:
    """The Person of the logged-in user; a login without one may not use approvals."""
    return required_person(request, _("Only active staff members can use approvals."))


def request_address(request: Request) -> str | None:
    return client_address(request)
