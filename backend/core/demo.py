"""The demo organisation and data loaded by `manage.py seed_demo`.

Each app contributes a seeding step; every step is idempotent, so seed_demo can
run on every `make run`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction


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


@transaction.atomic
def seed_all() -> list[DemoLogin]:
    from core.demo_documents import seed_documents  # it imports DemoLogin from here

    return seed_documents([seed_admin(), *seed_directory()])
