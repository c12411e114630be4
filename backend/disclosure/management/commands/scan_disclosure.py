"""Scan a text for personal information and suggest its disclosure level.

    manage.py scan_disclosure FILE|-            one JSON object for the whole text
    manage.py scan_disclosure --jsonl FILE|-    one {"id", "text"} object a line in,
                                                the same result plus "id" a line out

Offsets are in characters of the text (of the "text" field in JSONL mode). The
rules come from the database, or the shipped defaults where it has none yet.
Nothing scanned is logged; only the findings' kinds and spans are printed.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from collections.abc import Iterator
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError

from disclosure.classification import DocumentKind, RuleSpec
from disclosure.classification.scan import scan_text
from disclosure.classification.store import rules_or_defaults
from disclosure.detection_settings import organisation_detection_config


class Command(BaseCommand):
    help = "Find personal information in a text and suggest its disclosure level (JSON)."
    # Tests hand standard input in as a text stream.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="the file to scan, or - for standard input")
        parser.add_argument("--jsonl", action="store_true", help='lines of {"id", "text"}')
        parser.add_argument("--kind", choices=[k.value for k in DocumentKind], default=None)
        parser.add_argument(
            "--name", action="append", default=[], help="a private person's name (repeatable)"
        )
        parser.add_argument(
            "--official",
            action="append",
            default=[],
            help="an official's name, public whatever its context (repeatable)",
        )
        parser.add_argument(
            "--office-number", action="append", default=[], help="an office phone number"
        )
        parser.add_argument(
            "--government-domain", action="append", default=[], help="a work e-mail domain"
        )
        parser.add_argument("--explain", action="store_true", help="add the explanations")

    def handle(self, *args: Any, **options: Any) -> None:
        raw = _read(options["path"], options.get("stdin"))
        rules = rules_or_defaults()
        if not options["jsonl"]:
            self._write(self._scan(raw, options, rules, options["kind"], options["name"]))
            return
        for line_number, item in _jsonl_items(raw):
            names = [*options["name"], *_names_of(item, line_number)]
            result = self._scan(item["text"], options, rules, item.get("kind"), names)
            self._write({"id": item.get("id"), **result})

    def _scan(
        self,
        text: str,
        options: dict[str, Any],
        rules: tuple[RuleSpec, ...],
        kind: str | None,
        names: list[str],
    ) -> dict[str, object]:
        if kind is not None and kind not in DocumentKind.__members__.values():
            raise CommandError(f"kind: must be one of memo, budget, personnel, not {kind!r}")
        config = organisation_detection_config(
            government_email_domains=options["government_domain"],
            office_numbers=options["office_number"],
            private_names=names,
            public_names=options["official"],
        )
        result = scan_text(text, document_kind=kind, rules=rules, config=config)
        return result.as_dict(explain=options["explain"])

    def _write(self, result: dict[str, object]) -> None:
        self.stdout.write(json.dumps(result, ensure_ascii=False))


def _read(path: str, stdin: IO[str] | None) -> str:
    """The input exactly as written: no newline translation, which would move offsets."""
    if path == "-":
        if stdin is not None:
            return stdin.read()
        return sys.stdin.buffer.read().decode("utf-8")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError as exc:
        raise CommandError(f"path: cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(f"path: {path} is not UTF-8 text") from exc


def _jsonl_items(raw: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for line_number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CommandError(f"line {line_number}: not JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise CommandError(f'line {line_number}: "text" must be a string')
        yield line_number, item


def _names_of(item: dict[str, Any], line_number: int) -> list[str]:
    names = item.get("names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise CommandError(f'line {line_number}: "names" must be a list of strings')
    return names
