from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signing.services import configured_document_lookup, official_pdf_verify


class Command(BaseCommand):
    help = "Verify an official PDF's signature: exit 0 when valid, 1 when not (reason printed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        result = official_pdf_verify(data=data, lookup=configured_document_lookup())
        lines = [f"{result.code}: {result.reason}"]
        if result.signer:
            lines += [
                f"signer: {result.signer.subject}",
                f"serial: {result.signer.serial}",
                f"sha256: {result.signer.fingerprint_sha256}",
            ]
        lines += [
            f"intact: {result.intact}  trusted: {result.trusted}  unmodified: {result.unmodified}",
            f"document number: {result.document_number or '-'}",
            f"content hash: {result.content_hash or '-'}",
        ]
        self.stdout.write("\n".join(lines))
        if not result.valid:
            raise SystemExit(1)
