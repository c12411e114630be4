"""The demo organisation and data loaded by `manage.py seed_demo`.

Each app contributes a seeding step; every step is idempotent, so seed_demo can
run on every `make run`.
"""

from contextlib import nullcontext
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from core.dispatch import dispatch_deferred


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str


def seed_admin() -> DemoLogin:
    """The administrator of the demo: can open the Django admin."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return DemoLogin(username="admin", role="administrator (Django admin)")


def seed_directory() -> list[DemoLogin]:
    """The demo organisation (about 1,500 people) from the LDIF the sync also reads."""
    from directory.demo import seed_directory as load  # the directory app seeds itself

    return [DemoLogin(username=username, role=role) for username, role in load()]


def seed_all() -> list[DemoLogin]:
    """Seed everything in one transaction.

    When tasks run in process, the deferred tasks stay deferred until after the commit:
    the work that follows it (disclosure tagging's notices) must not e-mail hundreds of
    demo people either; their notifications wait in the outbox for the e-mail sweep.
    """
    from demo.documents import DEFERRED_TASKS, seed_documents  # they import DemoLogin
    from signing.services import ensure_signing_keys

    # The demo's approved documents are signed: without keys on a fresh clone every
    # PDF would fail. Kept if they exist; never made when production keys are set.
    ensure_signing_keys()
    deferral = dispatch_deferred(*DEFERRED_TASKS) if settings.CELERY_TASK_ALWAYS_EAGER else None
    with deferral or nullcontext(), transaction.atomic():
        return seed_documents([seed_admin(), *seed_directory()])
