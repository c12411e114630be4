from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from audit.selectors import user_may_read_audit


class IsAuditReader(BasePermission):
    """Administrators and records officers; everyone else is refused (403)."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        return user_may_read_audit(user=request.user)
