"""Rules from the database, where administrators and records officers edit them."""

from __future__ import annotations

from django.db import DatabaseError

from disclosure.classification.default_rules import DEFAULT_RULES
from disclosure.classification.rules import DocumentKind, Effect, LapseEvent, Level, RuleSpec


def active_rules() -> tuple[RuleSpec, ...]:
    """The active rules of the database, in the order they were made."""
    from disclosure.models import DisclosureRule

    return tuple(
        RuleSpec(
            level=Level(row.level),
            ground=row.ground,
            document_kind=DocumentKind(row.document_kind) if row.document_kind else None,
            keyword=row.keyword or None,
            description_ko=row.description_ko,
            description_en=row.description_en,
            rule_id=row.pk,
            effect=Effect(row.effect),
            context=row.context or None,
            lapse_event=LapseEvent(row.lapse_event) if row.lapse_event else None,
            source=row.source,
        )
        for row in DisclosureRule.objects.filter(active=True).order_by("pk")
    )


def rules_or_defaults() -> tuple[RuleSpec, ...]:
    """The database's rules, or the shipped defaults where there is no database
    yet (a command-line scan before ``migrate``)."""
    try:
        return active_rules()
    except DatabaseError:
        return DEFAULT_RULES
