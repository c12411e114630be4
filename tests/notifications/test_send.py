"""notification_send: rows for the web app, e-mail once after commit."""

import re

import pytest
from django.core import mail

from notifications.models import Notification, NotificationKind
from notifications.services import notification_send
from notifications.tasks import notifications_email
from tests.factories.directory import PersonFactory
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db

HANGUL = re.compile("[\uac00-\ud7a3]")


def test_each_recipient_gets_one_notification_with_the_rendered_text(
    django_capture_on_commit_callbacks,
) -> None:
    # GIVEN a returned document and its drafter, named twice among the recipients
    drafter = PersonFactory.create(email="drafter@city.example")
    document = DocumentFactory.create(drafter=drafter, title="2025 청사 보수 계획")

    # WHEN the drafter is told
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipients=[drafter, drafter],
            kind=NotificationKind.RETURNED,
            document=document,
            context={"actor_name": "박과장", "reason": "예산 근거 보완"},
        )

    # THEN one row holds the title and the body with the reason
    row = Notification.objects.get()
    assert row.recipient == drafter
    assert row.kind == "returned"
    assert "2025 청사 보수 계획" in row.title
    assert "예산 근거 보완" in row.body
    assert "박과장" in row.body
    assert row.read_at is None
    # AND one e-mail went to the drafter once the transaction committed
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["drafter@city.example"]
    row.refresh_from_db()
    assert row.emailed_at is not None


def test_nothing_is_emailed_before_commit(django_capture_on_commit_callbacks) -> None:
    person = PersonFactory.create(email="a@city.example")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification_send(recipients=[person], kind="task_assigned", document=None)

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_people_without_an_address_are_notified_in_the_app_only(
    django_capture_on_commit_callbacks,
) -> None:
    with_address = PersonFactory.create(email="b@city.example")
    without = PersonFactory.create(email="")

    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipients=[with_address, without], kind="approved", document=DocumentFactory.create()
        )

    assert Notification.objects.count() == 2
    assert [message.to for message in mail.outbox] == [["b@city.example"]]


def test_running_the_task_again_does_not_email_twice(django_capture_on_commit_callbacks) -> None:
    # GIVEN a notification that was e-mailed
    person = PersonFactory.create(email="c@city.example")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(recipients=[person], kind="overdue", document=DocumentFactory.create())
    row = Notification.objects.get()

    # WHEN the task runs again for it
    sent = notifications_email.delay([row.pk]).get()

    # THEN nothing more is sent
    assert sent == 0
    assert len(mail.outbox) == 1


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown notification kind"):
        notification_send(recipients=[PersonFactory.create()], kind="party", document=None)
    assert not Notification.objects.exists()


def test_no_recipients_sends_nothing(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification_send(recipients=[], kind="approved", document=None)

    assert callbacks == []


@pytest.mark.parametrize("kind", NotificationKind.values)
def test_every_kind_renders_in_korean_by_default(kind: str) -> None:
    # GIVEN a document whose title has no Korean in it
    document = DocumentFactory.create(title="Plan A")

    context = {"actor_name": "Kim", "reason": "R", "due_at": "2025-01-01", "waiting_for": "Lee"}
    # A disclosure request's notice names the request and links its page.
    link = f"/app/documents/{document.pk}"
    if kind.startswith("disclosure_request"):
        link = "/app/disclosure/requests/7"
        context.update(request_title="Plan A", request_url=f"https://city.example{link}")

    # WHEN any kind of notification is sent
    notification_send(
        recipients=[PersonFactory.create()], kind=kind, document=document, context=context
    )

    # THEN its title and body are Korean text around the document's title and link
    row = Notification.objects.get()
    assert "Plan A" in row.title
    assert HANGUL.search(row.title.replace("Plan A", ""))
    assert HANGUL.search(row.body)
    assert link in row.body


def test_the_site_language_chooses_the_text(settings) -> None:
    settings.LANGUAGE_CODE = "en"

    notification_send(
        recipients=[PersonFactory.create()],
        kind="returned",
        document=DocumentFactory.create(title="Plan A"),
        context={"reason": "missing budget basis"},
    )

    row = Notification.objects.get()
    assert row.title == "[Returned] Plan A"
    assert "Reason: missing budget basis" in row.body
