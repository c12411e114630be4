"""Reading notifications: a person only ever reads their own."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from notifications.models import Notification


def notification_list(
    *, user: AbstractBaseUser | AnonymousUser, unread: bool | None = None
) -> QuerySet[Notification]:
    """The notifications of the person `user` logs in as, newest first.

    `unread=True` keeps the unread ones, `False` the read ones, None all. A login
    without a person record has none. Withdrawn notices are not shown.
    """
    if not user.is_authenticated:
        return Notification.objects.none()
    notifications = Notification.objects.filter(
        recipient__user_id=user.pk, withdrawn_at__isnull=True
    )
    if unread is not None:
        notifications = notifications.filter(read_at__isnull=unread)
    return notifications.order_by("-created_at", "-id")


def notification_unread_count(*, user: AbstractBaseUser | AnonymousUser) -> int:
    return notification_list(user=user, unread=True).count()
