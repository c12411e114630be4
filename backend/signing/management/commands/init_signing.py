from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from signing.keys import ensure_signing_keys


class Command(BaseCommand):
    help = (
        "Create the local signing CA and organisation certificate under SIGNING_DIR "
        "(kept if present; --force replaces them)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace existing keys (old PDFs stay valid "
            "only for verifiers that still trust the old CA)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        status = ensure_signing_keys(force=options["force"])
        if status.managed_externally:
            self.stdout.write(
                "Signing keys come from SIGNING_PKCS12_PATH or SIGNING_KEY_PATH: nothing created."
            )
        elif status.created:
            self.stdout.write(self.style.SUCCESS(f"Signing keys created in {status.directory}."))
        else:
            self.stdout.write(f"Signing keys already exist in {status.directory}: kept.")
