from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from demo.seed import seed_all


class Command(BaseCommand):
    help = "Load the demo organisation and demo data (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even under production settings (a demo deployment); needs DEMO_PASSWORD.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        _refuse_unless_demo(allowed=options["allow_production"])
        logins = seed_all()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"Demo logins (password: {settings.DEMO_PASSWORD}):")
        for demo_login in logins:
            self.stdout.write(f"  {demo_login.username:<16} {demo_login.role}")


def _refuse_unless_demo(*, allowed: bool) -> None:
    """The demo makes an administrator and ~1,500 people who share one known password:
    under production settings only on request (flag or DEMO_SEED_ALLOWED), never
    with a default password."""
    if not (settings.DEMO_SEED_ALLOWED or allowed):
        raise CommandError(
            _(
                "seed_demo is refused under production settings: it creates logins that "
                "share one password. Pass --allow-production (or set DEMO_SEED_ALLOWED=true) "
                "to seed a demo deployment."
            )
        )
    if not settings.DEMO_PASSWORD:
        raise CommandError(
            _("Set DEMO_PASSWORD: production settings have no default password for demo logins.")
        )
