"""Who may use the records officer's console: records officers and administrators."""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from disclosure.roles import is_records_officer


class IsRecordsOfficer(BasePermission):
    """Members of the records_officer group, administrators; everyone else is refused."""

    message = "Only records officers may do this."

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_records_officer(request.user)
