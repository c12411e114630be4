"""The directory API: the unit tree, people search, the current user, absences.

Views only parse input, call a selector or a service, and serialise the answer.
"""

from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from approvals.absence_preview import absence_handover_preview
from core.request import client_address
from directory.api import serializers as s
from directory.api.permissions import IsDirectoryMember, MayManageAbsence
from directory.models import Absence, Person, Position, Unit
from directory.selectors import (
    absence_list,
    person_for_user,
    person_queryset,
    person_search,
    position_list,
    unit_detail_queryset,
    unit_list,
    user_is_directory_admin,
    user_roles,
)
from directory.services.absences import (
    absence_check,
    absence_create,
    absence_delete,
    absence_update,
)


def _params(serializer_class: type[BaseSerializer[Any]], request: Request) -> dict[str, Any]:
    params = serializer_class(data=request.query_params)
    params.is_valid(raise_exception=True)
    return dict(params.validated_data)


def _user(request: Request) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - IsAuthenticated ran first
    return request.user


@extend_schema(tags=["directory"])
class UnitViewSet(viewsets.ReadOnlyModelViewSet[Unit]):
    """The unit tree, one level at a time: roots, or ?parent=<id> for its children."""

    permission_classes = [IsAuthenticated, IsDirectoryMember]

    def get_queryset(self) -> QuerySet[Unit]:
        if self.action == "list":
            return unit_list(
                parent_id=_params(s.UnitListInputSerializer, self.request).get("parent")
            )
        return unit_detail_queryset()

    def get_serializer_class(self) -> type[BaseSerializer[Unit]]:
        if self.action == "list":
            return s.UnitOutputSerializer
        return s.UnitDetailOutputSerializer

    @extend_schema(parameters=[s.UnitListInputSerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)


@extend_schema(tags=["directory"])
class PersonViewSet(viewsets.ReadOnlyModelViewSet[Person]):
    """People search by name, 초성 or 두벌식 keys (김민, 민수, ㄱㅁㅅ, rlaalstn find 김민수),
    unit and position: exact matches first, then prefixes, then the rest."""

    permission_classes = [IsAuthenticated, IsDirectoryMember]
    serializer_class = s.PersonOutputSerializer

    def get_queryset(self) -> QuerySet[Person]:
        if self.action != "list":
            return person_queryset()
        params = _params(s.PersonSearchInputSerializer, self.request)
        return person_search(
            query=params.get("q", "").strip(),
            unit_id=params.get("unit"),
            position_id=params.get("position"),
        )

    @extend_schema(parameters=[s.PersonSearchInputSerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)


@extend_schema(tags=["directory"])
class PositionViewSet(viewsets.ReadOnlyModelViewSet[Position]):
    """Titles and their ranks (a rank of null: never suggested as an approver)."""

    permission_classes = [IsAuthenticated, IsDirectoryMember]
    serializer_class = s.PositionOutputSerializer

    def get_queryset(self) -> QuerySet[Position]:
        return position_list()


@extend_schema(tags=["directory"])
class MeView(APIView):
    """Who is logged in: their person record, unit, position and roles."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=s.MeOutputSerializer, operation_id="me_retrieve")
    def get(self, request: Request) -> Response:
        user = _user(request)
        data = {
            "username": user.get_username(),
            "person": person_for_user(user=user),
            "roles": user_roles(user=user),
            "is_directory_admin": user_is_directory_admin(user=user),
        }
        return Response(s.MeOutputSerializer(data).data)


@extend_schema(tags=["directory"])
class AbsenceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[Absence],
):
    """Absences: your own, or anyone's for an administrator; others' are not visible."""

    permission_classes = [IsAuthenticated, MayManageAbsence]
    serializer_class = s.AbsenceOutputSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Absence]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Absence.objects.none()
        person_id = None
        if self.action == "list":
            person_id = _params(s.AbsenceListInputSerializer, self.request).get("person")
        return absence_list(user=_user(self.request), person_id=person_id)

    @extend_schema(parameters=[s.AbsenceListInputSerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=s.AbsenceCreateInputSerializer, responses={201: s.AbsenceOutputSerializer}
    )
    def create(self, request: Request) -> Response:
        data = s.AbsenceCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        user = _user(request)
        person = values.pop("person", None) or person_for_user(user=user)
        if person is None:
            raise ValidationError({"person": _("You have no person record: name the person.")})
        absence = absence_create(
            actor=user, person=person, client_address=client_address(request), **values
        )
        return Response(s.AbsenceOutputSerializer(absence).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.AbsenceUpdateInputSerializer, responses=s.AbsenceOutputSerializer)
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        absence = self.get_object()
        data = s.AbsenceUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        absence = absence_update(
            actor=_user(request),
            absence=absence,
            client_address=client_address(request),
            **data.validated_data,
        )
        return Response(s.AbsenceOutputSerializer(absence).data)

    @extend_schema(
        parameters=[s.AbsencePreviewInputSerializer],
        responses=s.AbsencePreviewOutputSerializer,
        operation_id="absences_preview",
    )
    @action(detail=False, methods=["get"])
    def preview(self, request: Request) -> Response:
        """What this absence would hand to the deputy if saved, checked as saving checks it.

        Yours, or anyone's for an administrator (403 otherwise); nothing is saved.
        """
        values = _params(s.AbsencePreviewInputSerializer, request)
        user = _user(request)
        person = values.pop("person", None) or person_for_user(user=user)
        if person is None:
            raise ValidationError({"person": _("You have no person record: name the person.")})
        absence_check(actor=user, person=person, **values)
        moving = absence_handover_preview(
            person=person,
            deputy=values["deputy"],
            starts_at=values["starts_at"],
            ends_at=values["ends_at"],
            now=timezone.now(),
        )
        data = {**values, "person": person, "steps": moving}
        return Response(s.AbsencePreviewOutputSerializer(data).data)

    def perform_destroy(self, instance: Absence) -> None:
        absence_delete(
            actor=_user(self.request),
            absence=instance,
            client_address=client_address(self.request),
        )
