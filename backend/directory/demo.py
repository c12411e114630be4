"""The directory's step of seed_demo: the demo organisation from the committed LDIF."""

from django.conf import settings

from directory.selectors import demo_people
from directory.services.sync import directory_load_ldif


def seed_directory() -> list[tuple[str, str]]:
    """Load directory-data/demo.ldif (idempotent) unless LDAP is the directory.

    Returns (username, role) of a few representative people; they log in with their
    uid and settings.DEMO_PASSWORD.
    """
    if not settings.LDAP_SERVER_URI:
        directory_load_ldif()
    return demo_people()
