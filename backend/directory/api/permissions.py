from typing import Any

from django.contrib.auth.models import User
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from directory.models import Absence, Person
from directory.selectors import user_is_directory_admin


class IsDirectoryMember(BasePermission):
    """Staff in the directory (an active person) and administrators may read it.

    A login without a person record (a service account, a user not synced yet) may
    not browse the organisation.
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        if not isinstance(user, User) or not user.is_active:
            return False
        return Person.objects.filter(user=user, active=True).exists() or user_is_directory_admin(
            user=user
        )


class MayManageAbsence(BasePermission):
    """An absence is managed by the person it belongs to, or by an administrator."""

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        user = request.user
        if not isinstance(obj, Absence) or not isinstance(user, User):
            return False
        return obj.person.user_id == user.pk or user_is_directory_admin(user=user)
