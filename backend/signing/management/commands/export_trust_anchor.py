from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signing.keys import trust_anchor_pem


class Command(BaseCommand):
    help = "Write the trust anchor certificate(s) in PEM, for verifiers (pdfsig, Acrobat)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, help="file to write; standard output if absent")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            pem = trust_anchor_pem()
        except OSError as exc:
            raise CommandError(
                f"No trust anchor to export ({exc.filename}); run `manage.py init_signing`."
            ) from exc
        out: Path | None = options["out"]
        if out is None:
            self.stdout.write(pem.decode("ascii"), ending="")
            return
        out.write_bytes(pem)
        self.stdout.write(f"Trust anchor written to {out}.")
