"""Withheld-paragraph marks: a draft never submitted is its drafter's alone."""

import pytest
from rest_framework.test import APIClient

from directory.models import Person, Role
from disclosure.models import WithheldParagraph
from disclosure.services.tagging import disclosure_tag
from documents.models import Document
from documents.services.drafts import draft_create
from tests.disclosure.records import approve, officer
from tests.factories.directory import PersonFactory, role_member

pytestmark = pytest.mark.django_db


def client_for(person: Person) -> APIClient:
    client = APIClient()
    client.force_authenticate(person.user)
    return client


def _draft(drafter: Person | None = None) -> Document:
    return draft_create(
        drafter=drafter or PersonFactory.create(),
        kind="memo",
        data={
            "title": "협상 계획",
            "body": "<p>하나</p><p>둘</p>",
            "proposed_disclosure_level": "open",
        },
    )


def test_a_records_officer_does_not_find_a_draft_never_submitted() -> None:
    # GIVEN a drafter's draft with a mark of their own
    document = _draft()
    url = f"/api/disclosure/documents/{document.pk}/withheld-paragraphs/"
    assert client_for(document.drafter).put(f"{url}0/", {"ground": 5}).status_code == 200

    # WHEN a records officer (or an administrator) reads, changes or removes it
    for other in (officer(), role_member(Role.ADMINISTRATOR, PersonFactory.create())):
        client = client_for(other)
        answers = [
            client.get(url).status_code,
            client.put(f"{url}1/", {"ground": 5}).status_code,
            client.delete(f"{url}0/").status_code,
        ]

        # THEN the draft is not found, as on every other document endpoint
        assert answers == [404, 404, 404]
    assert list(WithheldParagraph.objects.filter(document=document).values_list("index")) == [(0,)]


def test_once_submitted_the_records_officer_marks_it() -> None:
    # GIVEN the same kind of draft, submitted, approved on its line and tagged for review
    document = approve(_draft())
    disclosure_tag(document_id=document.pk)
    url = f"/api/disclosure/documents/{document.pk}/withheld-paragraphs/"

    # THEN the records officer finds and marks it
    client = client_for(officer())
    assert client.get(url).status_code == 200
    assert client.put(f"{url}1/", {"ground": 5}).status_code == 200
