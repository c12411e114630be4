"""`manage.py verify_audit`: check the audit chain; exit code 1 names the first broken link."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.verification import audit_chain_verify


class Command(BaseCommand):
    help = "Recompute every audit event's hash and link; report OK or the first broken link."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=None,
            help="Events read per database round trip (default AUDIT_VERIFY_CHUNK_SIZE).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_chain_verify(chunk_size=options["chunk_size"])
        if not report.ok:
            raise CommandError(
                f"audit chain BROKEN at sequence {report.broken_at}: {report.problem} "
                f"({report.checked} events verified before it)",
                returncode=1,
            )
        self.stdout.write(f"audit chain OK: {report.checked} events verified")
