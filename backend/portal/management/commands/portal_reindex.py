"""Rebuild the portal's search index from the public fields of every publication.

Needed after an upgrade of the Korean analyser (kiwipiepy) or its model, since the
stored morphemes then no longer match what queries are analysed into. Publications
that are not public are removed from the index.
"""

from typing import Any

from django.core.management.base import BaseCommand

from portal.search import publication_reindex_all


class Command(BaseCommand):
    help = "Rebuild the portal search index (after an analyser upgrade)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        indexed = publication_reindex_all(batch_size=options["batch_size"])
        self.stdout.write(f"indexed {indexed} public publications")
