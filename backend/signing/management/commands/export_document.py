from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from documents.models import Document
from signing.models import RenditionStatus
from signing.selectors import official_rendition


class Command(BaseCommand):
    help = (
        "Write the signed official PDF of an approved document to a file. "
        "Exit 1 if the number is unknown or the PDF is not made yet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--number", required=True, help="The document number.")
        parser.add_argument(
            "--year", type=int, help="The year of the number (a number repeats every year)."
        )
        parser.add_argument("--out", required=True, type=Path, help="Where to write the PDF.")

    def handle(self, *args: Any, **options: Any) -> None:
        number: str = options["number"]
        out = Path(options["out"])
        matches = Document.objects.filter(number=number)
        if options.get("year"):
            matches = matches.filter(number_year=options["year"])
        found = list(matches.order_by("-number_year")[:2])
        if not found:
            raise CommandError(f"No document has the number {number}.")
        if len(found) > 1:
            raise CommandError(f"Several documents have the number {number}: give --year.")
        document = found[0]
        rendition = official_rendition(document)
        if rendition is None:
            raise CommandError(f"Document {number} is not approved: it has no official PDF.")
        if rendition.status != RenditionStatus.DONE:
            raise CommandError(
                f"The official PDF of {number} is not ready (status: {rendition.status})."
            )
        with rendition.pdf.open("rb") as source:
            data = source.read()
        try:
            out.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Cannot write {out}: {exc.strerror}") from exc
        self.stdout.write(f"{out}: {len(data)} bytes, sha256 {rendition.sha256}")
