from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import embedded_wake
from core.embedded_beat import Drain, run_due, run_forever, schedule_entries


class Command(BaseCommand):
    help = (
        "Run Celery beat's schedule and the outboxes' work in process "
        "(the embedded default, no broker)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run what is due and every pending outbox row once, then exit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.CELERY_BROKER_URL:
            raise CommandError("A broker is configured: run `celery -A config beat` instead.")
        if options["once"]:
            from django.utils import timezone

            with embedded_wake.running_here():
                for name in run_due(schedule_entries(), now=timezone.now()):
                    self.stdout.write(name)
                self.stdout.write(f"outbox rows: {Drain().run_all()}")
            return
        run_forever()
