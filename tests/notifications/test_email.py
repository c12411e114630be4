"""Notification e-mail: a mail server failure never fails the action; the sweep retries."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import Notification
from notifications.services import notification_send
from notifications.tasks import notifications_email, notifications_email_sweep
from tests.factories.directory import PersonFactory
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db

BROKEN = "tests.notifications.backends.BrokenSMTPBackend"


def test_a_mail_server_failure_leaves_the_notification_for_later(
    settings, django_capture_on_commit_callbacks, caplog
) -> None:
    # GIVEN a mail server that is down
    settings.EMAIL_BACKEND = BROKEN
    person = PersonFactory.create(name="최담당", email="choi@city.example")

    # WHEN a notification is sent and the transaction commits
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        notification_send(recipients=[person], kind="approved", document=DocumentFactory.create())

    # THEN the in-app notification exists, unsent, and the log names no person
    row = Notification.objects.get()
    assert row.emailed_at is None
    assert "failed: SMTPServerDisconnected" in caplog.text
    assert "choi@city.example" not in caplog.text
    assert "최담당" not in caplog.text


def test_the_sweep_sends_what_waited_too_long(settings, django_capture_on_commit_callbacks) -> None:
    # GIVEN a notification whose e-mail failed twenty minutes ago, and the server back up
    settings.EMAIL_BACKEND = BROKEN
    person = PersonFactory.create(email="choi@city.example")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(recipients=[person], kind="overdue", document=DocumentFactory.create())
    Notification.objects.update(created_at=timezone.now() - timedelta(minutes=20))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    # WHEN the sweep runs, twice
    with django_capture_on_commit_callbacks(execute=True):
        first = notifications_email_sweep.delay().get()
    with django_capture_on_commit_callbacks(execute=True):
        second = notifications_email_sweep.delay().get()

    # THEN the e-mail went out once
    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1
    assert Notification.objects.get().emailed_at is not None


def test_the_sweep_leaves_recent_notifications_to_their_own_task(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.EMAIL_BACKEND = BROKEN
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipients=[PersonFactory.create(email="a@city.example")],
            kind="approved",
            document=None,
        )

    assert notifications_email_sweep.delay().get() == 0


def test_a_person_who_left_is_not_emailed(django_capture_on_commit_callbacks) -> None:
    person = PersonFactory.create(email="left@city.example", active=False)

    with django_capture_on_commit_callbacks(execute=True):
        notification_send(recipients=[person], kind="approved", document=None)

    assert mail.outbox == []


def test_the_subject_names_the_site_and_the_body_the_link(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.NOTIFICATIONS_SITE_NAME = "도장"
    settings.NOTIFICATIONS_DOCUMENT_URL = "https://dojang.city.example/d/{id}"
    document = DocumentFactory.create(title="청사 보수")

    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipients=[PersonFactory.create(email="a@city.example")],
            kind="approved",
            document=document,
        )

    message = mail.outbox[0]
    assert message.subject == "[도장] [결재 완료] 청사 보수"
    assert f"https://dojang.city.example/d/{document.pk}" in message.body


def test_many_recipients_are_emailed_in_batches(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.NOTIFICATIONS_EMAIL_BATCH_SIZE = 2
    people = [PersonFactory.create(email=f"p{n}@city.example") for n in range(5)]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification_send(recipients=people, kind="line_changed", document=None)

    assert len(callbacks) == 3
    assert len(mail.outbox) == 5


def test_the_email_task_is_time_limited() -> None:
    assert notifications_email.time_limit is not None
    assert notifications_email.soft_time_limit is not None
    assert notifications_email.soft_time_limit < notifications_email.time_limit
