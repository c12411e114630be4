from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from core.demo import seed_all


class Command(BaseCommand):
    help = "Load the demo organisation and demo data (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        logins = seed_all()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"Demo logins (password: {settings.DEMO_PASSWORD}):")
        for demo_login in logins:
            self.stdout.write(f"  {demo_login.username:<16} {demo_login.role}")
