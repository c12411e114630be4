import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from directory.services.apply import SyncResult
from directory.services.sources import DirectoryUnavailable
from directory.services.sync import DirectoryEmpty, directory_load_ldif, directory_sync


class Command(BaseCommand):
    help = (
        "Sync people, units, positions and role groups from LDAP (LDAP_SERVER_URI), or, "
        "without LDAP, from the LDIF file of DIRECTORY_LDIF_PATH. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--ldif", type=Path, help="load this LDIF file instead of LDAP")
        parser.add_argument(
            "--allow-empty", action="store_true", help="apply even if nobody is in the directory"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["ldif"] or not settings.LDAP_SERVER_URI:
                result = directory_load_ldif(
                    path=options["ldif"], allow_empty=options["allow_empty"]
                )
            else:
                result = directory_sync(allow_empty=options["allow_empty"])
        except (DirectoryUnavailable, DirectoryEmpty) as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        self._summary(result)

    def _summary(self, result: SyncResult) -> None:
        for name, counts in (("units", result.units), ("people", result.people)):
            self.stdout.write(
                f"{name:<7} created {counts.created}, updated {counts.updated}, "
                f"deactivated {counts.deactivated}, skipped {counts.skipped}"
            )
        self.stdout.write(
            f"roles   granted {result.roles_granted}, revoked {result.roles_revoked}; "
            f"positions created {result.positions_created}, updated {result.positions_updated}"
        )
        self.stdout.write(f"active  {result.active_units} units, {result.active_people} people")
        for problem in result.problems:
            self.stdout.write(self.style.WARNING(str(problem)))
        if not result.changed:
            self.stdout.write(
                self.style.SUCCESS("Nothing changed: the database matches the directory.")
            )
