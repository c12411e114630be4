"""Task endpoints: /api/tasks/{step_id}/ and its actions (approve, return, hold ...).

A task is an approval step. The queryset is narrowed to the steps of documents the
user may see, so anyone else gets 404; a line member who is not the task's owner
gets 403; a task someone already acted on answers 409 (naming who acted first to
the people on the line: approvals.services.conflicts); every action accepts an
`Idempotency-Key` header (the same key with another body answers 422).

An action is mostly taken by the task's owner, who is on the document's line (the
assignee, or the deputy of a proxy step) and so may see it: the actions run first
and build the need-to-know queryset only when they are refused, so that a refusal
reaches only those who may see the step and everyone else gets 404.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from approvals.api.permissions import request_address, request_person
from approvals.api.serializers import (
    ActionReasonInputSerializer,
    BulkApproveInputSerializer,
    BulkApproveOutputSerializer,
    CommentInputSerializer,
    ContentInputSerializer,
    EditedVersionOutputSerializer,
    ReturnInputSerializer,
    TaskActionOutputSerializer,
    TaskDetailOutputSerializer,
)
from approvals.models import ApprovalStep
from approvals.selectors import step_actions, task_detail
from approvals.services import (
    consult_respond,
    post_approve,
    step_approve,
    step_edit_content,
    step_hold,
    step_release,
    step_return,
)
from approvals.services.bulk import tasks_bulk_approve
from core.api.idempotency import (
    HEADER,
    idempotency_key_of,
    idempotent_response,
    request_hash_of,
)
from core.errors import DomainError
from core.idempotency import idempotency_key_claim
from documents.selectors import documents_visible_to

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "A unique key per action: a replay with the same body returns the first answer; "
        "the same key with another body answers 422."
    ),
)


# The errors every task action can answer besides the usual ones (core/api/schema.py
# gives each the body `Error`).
ACTION_ERRORS = {
    409: OpenApiResponse(
        description="Someone acted on the task first; `acted_by` names them to people "
        "on the document's line."
    ),
    422: OpenApiResponse(description="The Idempotency-Key was used with another body."),
    503: OpenApiResponse(description="The document is busy: retry after Retry-After seconds."),
}


def _action_schema(request: type[Serializer[Any]] | None) -> Callable[[Any], Any]:
    return extend_schema(
        request=request,
        responses={200: TaskActionOutputSerializer, **ACTION_ERRORS},
        parameters=[IDEMPOTENCY_PARAMETER],
    )


class TaskViewSet(viewsets.GenericViewSet[ApprovalStep]):
    serializer_class = TaskDetailOutputSerializer  # type: ignore[assignment]
    lookup_value_regex = r"[0-9]+"
    pagination_class = None

    def get_queryset(self) -> QuerySet[ApprovalStep]:
        person = request_person(self.request)
        return ApprovalStep.objects.filter(
            stage__document__in=documents_visible_to(person=person)
        ).select_related("stage")

    def _detail(self, step: ApprovalStep) -> Response:
        """The task detail of `step` (already checked visible) as it is now."""
        data = task_detail(step=step, person=request_person(self.request))
        return Response(TaskDetailOutputSerializer(data).data)

    @contextmanager
    def _refusals_visible_only(self) -> Iterator[None]:
        """Let a refusal out only to a user who may see the step: anyone else gets 404.

        An action is mostly taken by the task's owner, who is on the document's line
        and may see it, so the need-to-know queryset is built only when the action is
        refused (not the owner, already acted, no such step, bad input); the refused
        action's transaction has rolled back by then.
        """
        try:
            yield
        except (ObjectDoesNotExist, PermissionDenied, APIException, DomainError):
            self.get_object()
            raise

    def _act(
        self,
        request: Request,
        serializer_class: type[Serializer[Any]] | None,
        run: Callable[..., ApprovalStep],
    ) -> Response:
        person = request_person(request)
        step_id = int(self.kwargs["pk"])

        def produce() -> Response:
            values: dict[str, Any] = {}
            if serializer_class is not None:
                serializer = serializer_class(data=request.data)
                serializer.is_valid(raise_exception=True)
                values = dict(serializer.validated_data)
            step = run(
                step_id=step_id, actor=person, client_address=request_address(request), **values
            )
            # From the objects the action holds: it read them under its lock and
            # changed them, so the answer costs no further read.
            data = {
                "step": step,
                "document": step.stage.document,
                "actions": step_actions(step=step, person=person),
            }
            return Response(TaskActionOutputSerializer(data).data)

        with self._refusals_visible_only():
            return idempotent_response(request, produce)

    @extend_schema(responses=TaskDetailOutputSerializer)
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return self._detail(self.get_object())

    @_action_schema(CommentInputSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        """Approve (review or final approval), with an optional comment."""
        return self._act(request, CommentInputSerializer, step_approve)

    @_action_schema(ReturnInputSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request: Request, pk: str | None = None) -> Response:
        """Return to the drafter or to the previous step; a reason is required."""
        return self._act(request, ReturnInputSerializer, step_return)

    @_action_schema(ActionReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def hold(self, request: Request, pk: str | None = None) -> Response:
        """Put the task on hold with a reason; it stays with you."""
        return self._act(request, ActionReasonInputSerializer, step_hold)

    @_action_schema(None)
    @action(detail=True, methods=["post"])
    def release(self, request: Request, pk: str | None = None) -> Response:
        """Take the task off hold."""
        return self._act(request, None, step_release)

    @_action_schema(CommentInputSerializer)
    @action(detail=True, methods=["post"])
    def agree(self, request: Request, pk: str | None = None) -> Response:
        """Agree as a consultee."""
        return self._act(request, CommentInputSerializer, _consult(agree=True))

    @_action_schema(CommentInputSerializer)
    @action(detail=True, methods=["post"])
    def disagree(self, request: Request, pk: str | None = None) -> Response:
        """Disagree as a consultee; the comment is required and shown to everyone after."""
        return self._act(request, CommentInputSerializer, _consult(agree=False))

    @_action_schema(None)
    @action(detail=True, methods=["post"], url_path="post-approve", url_name="post-approve")
    def post_approve(self, request: Request, pk: str | None = None) -> Response:
        """Post-approve (후결) a step your deputy took while you were away."""
        return self._act(request, None, post_approve)

    @extend_schema(
        request=BulkApproveInputSerializer,
        responses={200: BulkApproveOutputSerializer, 422: ACTION_ERRORS[422]},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=False, methods=["post"], url_path="bulk-approve", url_name="bulk-approve")
    def bulk_approve(self, request: Request) -> Response:
        """Approve up to 50 tasks with one comment: one result per task, in order.

        Each task is approved on its own (approvals.services.bulk): one that fails is
        reported (conflict, with who acted first; or refused, with the reason) and
        undoes no other. An Idempotency-Key covers the whole request.
        """
        person = request_person(request)
        serializer = BulkApproveInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        key = idempotency_key_of(request)
        if key is not None:
            idempotency_key_claim(
                user_id=person.user_id,
                key=key,
                endpoint=f"POST {request.path}"[:300],
                request_hash=request_hash_of(request),
            )
        results = tasks_bulk_approve(
            step_ids=serializer.validated_data["task_ids"],
            actor=person,
            comment=serializer.validated_data["comment"],
            client_address=request_address(request),
            idempotency_key=key,
        )
        return Response(BulkApproveOutputSerializer({"results": results}).data)

    @extend_schema(
        request=ContentInputSerializer,
        responses={201: EditedVersionOutputSerializer, **ACTION_ERRORS},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def edit(self, request: Request, pk: str | None = None) -> Response:
        """Edit the content before acting; the edit becomes a new version."""
        person = request_person(request)

        def produce() -> Response:
            serializer = ContentInputSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            version = step_edit_content(
                step_id=int(self.kwargs["pk"]),
                actor=person,
                data=serializer.validated_data["content"],
                client_address=request_address(request),
            )
            return Response(EditedVersionOutputSerializer(version).data, status=201)

        with self._refusals_visible_only():
            return idempotent_response(request, produce)


def _consult(*, agree: bool) -> Callable[..., Any]:
    def run(**kwargs: Any) -> Any:
        return consult_respond(agree=agree, **kwargs)

    return run
