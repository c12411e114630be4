"""The admin shows audit events but offers no way to add, change or delete one."""

import pytest
from django.test import Client

from audit.services import audit_record
from tests.factories.directory import UserFactory

pytestmark = pytest.mark.django_db


def test_a_superuser_can_read_but_not_change_events(client: Client) -> None:
    # GIVEN a superuser and one event
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    event = audit_record(action="document.created", actor=admin)
    client.force_login(admin)

    # WHEN they open the list, the event, and the delete page
    listing = client.get("/admin/audit/auditevent/")
    detail = client.get(f"/admin/audit/auditevent/{event.pk}/change/")
    delete = client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"})
    add = client.get("/admin/audit/auditevent/add/")

    # THEN they see it, read-only, and cannot remove or add one
    assert listing.status_code == 200
    assert b"document.created" in listing.content
    assert detail.status_code == 200
    assert b'name="action"' not in detail.content
    assert delete.status_code == 403
    assert add.status_code == 403
