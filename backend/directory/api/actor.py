"""Who is asking: the one place an API request is turned into the staff member behind it.

Every app's endpoints act as the active Person of the login, read once per request
and kept on it (an action asks several times). A login without one (a technical
account) or whose person has left is nobody: `person_of` answers None, and
`required_person` refuses with 403 and the endpoint's own reason.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request

from directory.models import Person

_PERSON_ATTRIBUTE = "_dojang_person"
_NOBODY = object()


def person_of(request: Request) -> Person | None:
    """The active Person behind the login, or None."""
    cached = getattr(request, _PERSON_ATTRIBUTE, None)
    if cached is not None:
        return None if cached is _NOBODY else cached
    person = None
    if request.user.is_authenticated:
        person = (
            Person.objects.select_related("user", "unit", "position")
            .filter(user_id=request.user.pk, active=True)
            .first()
        )
    setattr(request, _PERSON_ATTRIBUTE, _NOBODY if person is None else person)
    return person


NOBODY_REFUSAL = _("Only active staff members can do this.")


def required_person(request: Request, refusal: str | Promise = NOBODY_REFUSAL) -> Person:
    """The active Person behind the login; 403 with `refusal` when there is none."""
    person = person_of(request)
    if person is None:
        raise PermissionDenied(refusal)
    return person
