"""The base of every document endpoint: the queryset is what the user may see.

A forgotten filter cannot leak: every view narrows to documents_visible_to, so a
document outside the user's need-to-know answers 404, exactly like one that does not
exist. A login without a Person (a technical account) sees nothing.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import viewsets
from rest_framework.request import Request

from core.request import client_address
from directory.api.actor import person_of
from directory.api.actor import required_person as actor_person
from directory.models import Person
from documents.models import Document
from documents.selectors import documents_visible_to


def required_person(request: Request) -> Person:
    return actor_person(request, _("Only active staff members can write documents."))


def visible_documents(request: Request) -> QuerySet[Document]:
    person = person_of(request)
    if person is None:
        return Document.objects.none()
    return documents_visible_to(person=person)


class VisibleDocumentViewSet(viewsets.GenericViewSet[Document]):
    """Narrows every queryset to the documents the requesting person may see."""

    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> QuerySet[Document]:
        return visible_documents(self.request)

    def client_address(self) -> str | None:
        return client_address(self.request)
