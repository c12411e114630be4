"""Tagging on approval: suggest a disclosure level and queue the document for review.

Rules:
- every approved document is tagged once (a second run returns the review it made);
- the detector reads the approved version's texts (redaction.fields), with the
  names of private persons its structured fields give and the office numbers of
  its unit and drafter; each finding becomes a proposed redaction, applied unless
  a records officer rejects it; a field that is, whole, a private person's name
  (the person concerned of a personnel action, a private payee) is always one;
- classification suggests the level and grounds with explanations; the
  drafter's proposal is compared with it and a disagreement is flagged;
- the working level is the stricter of proposal and suggestion, grounds the
  union (plus the grounds of paragraphs the drafter withheld);
- a review whose text carries any ground signal (a rule's or a finding) is
  marked ``has_signals`` and is never published automatically, whatever the
  drafter proposed; ``lapse_events`` are the events that would end its
  time-limited signals (services.lapses records them);
- the review is due DISCLOSURE_REVIEW_DUE_WORKING_DAYS working days after approval,
  and the unit's records officers are told in the same transaction;
- the final approval only requests the tagging (disclosure.services.tagging_jobs, an
  outbox row sent on commit and swept): making or finding the review marks it done.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from core.disclosure_law import stricter
from directory.models import Person
from disclosure.classification import (
    Explanation,
    Suggestion,
    active_rules,
    compare_with_suggestion,
    suggest_disclosure,
)
from disclosure.detection import DetectionConfig, Finding, detect
from disclosure.detection.reasons import reason_text
from disclosure.detection_settings import document_official_names, organisation_detection_config
from disclosure.models import (
    DisclosureReview,
    Redaction,
    RedactionSource,
    ReviewStatus,
    WithheldParagraph,
)
from disclosure.redaction import Body, VersionTexts
from disclosure.roles import records_officers_for
from disclosure.services.calendar import add_working_days
from disclosure.services.common import audit
from disclosure.services.tagging_jobs import tagging_done, tagging_request
from documents.models import DisclosureLevel, Document, DocumentStatus, DocumentVersion
from notifications.models import NotificationKind
from notifications.services import notification_send

logger = logging.getLogger(__name__)

STRUCTURED_NAME_REASON = "구조화 필드의 개인 이름(정보공개법 제9조제1항제6호)"


class NotApprovedError(ValueError):
    """Only an approved document is tagged."""


def disclosure_tag_on_approval(*, document: Document) -> None:
    """Called in the final-approval transaction: the document owes its tagging (an
    outbox row, run once the approval commits and swept until it is done).

    Also re-queues the ground-5 reviews that wait for this decision (rereview).
    """
    from disclosure.services.rereview import reviews_reopen_for_decision

    tagging_request(document=document)
    reviews_reopen_for_decision(document=document)


def disclosure_tag(*, document_id: int) -> DisclosureReview:
    """Tag an approved document (see the module's rules) and return its review."""
    with transaction.atomic():
        document = (
            Document.objects.select_for_update(of=("self",))
            .select_related("unit", "drafter", "current_version")
            .get(pk=document_id)
        )
        existing = DisclosureReview.objects.filter(document=document).first()
        if existing is not None:
            tagging_done(document=document)
            return existing
        version = document.current_version
        if document.status != DocumentStatus.APPROVED or version is None:
            raise NotApprovedError(f"document {document_id} is not approved")
        texts = VersionTexts(version.content)
        findings, suggestion = version_suggestion(document=document, texts=texts)
        review = _create_review(document, version, texts, suggestion)
        _store_findings(review, texts, findings, suggestion)
        _audit_tagged(review, len(findings))
        tagging_done(document=document)
        _notify(review)
    return review


def version_suggestion(
    *, document: Document, texts: VersionTexts, lapsed: Collection[str] = ()
) -> tuple[list[Finding], Suggestion]:
    """The detector's findings in an approved version and the suggestion they and
    the active rules make, with the signals waiting for ``lapsed`` events set aside."""
    findings = detect(texts.joined, _config(document, texts))
    suggestion = suggest_disclosure(
        text=texts.joined,
        document_kind=document.kind,
        findings=findings,
        rules=active_rules(),
        lapsed=lapsed,
    )
    return findings, suggestion


def _config(document: Document, texts: VersionTexts) -> DetectionConfig:
    numbers = {document.unit.phone, document.drafter.office_phone} - {""}
    return organisation_detection_config(
        office_numbers=numbers,
        private_names=texts.private_names(),
        public_names=document_official_names(document),
    )


def _create_review(
    document: Document, version: DocumentVersion, texts: VersionTexts, suggestion: Suggestion
) -> DisclosureReview:
    proposed_level = document.proposed_disclosure_level
    proposed = list(document.proposed_disclosure_grounds)
    comparison = compare_with_suggestion(
        proposed_level=proposed_level, proposed_grounds=proposed, suggestion=suggestion
    )
    withheld_grounds = _anchor_withheld(document, texts.body)
    level = stricter(proposed_level, suggestion.level.value)
    if withheld_grounds:
        level = stricter(level, DisclosureLevel.PARTIAL)
    grounds = set(suggestion.grounds) | set(withheld_grounds)
    if proposed_level != DisclosureLevel.OPEN:
        grounds |= set(proposed)
    now = timezone.now()
    return DisclosureReview.objects.create(
        document=document,
        version=version,
        status=ReviewStatus.PENDING,
        proposed_level=proposed_level,
        proposed_grounds=proposed,
        suggested_level=suggestion.level.value,
        suggested_grounds=list(suggestion.grounds),
        explanations=[stored_explanation(texts, e) for e in suggestion.explanations],
        disagrees=comparison.disagrees,
        comparison={
            "level_differs": comparison.level_differs,
            "missing_grounds": list(comparison.missing_grounds),
            "extra_grounds": list(comparison.extra_grounds),
        },
        level=level,
        grounds=sorted(grounds) if level != DisclosureLevel.OPEN else [],
        has_signals=bool(suggestion.signals),
        lapse_events=list(suggestion.lapse_events),
        queued_at=now,
        due_at=review_due_at(now),
    )


def review_due_at(now: dt.datetime) -> dt.datetime:
    day = add_working_days(timezone.localdate(now), settings.DISCLOSURE_REVIEW_DUE_WORKING_DAYS)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(18, 0)))


def stored_explanation(texts: VersionTexts, explanation: Explanation) -> dict[str, Any]:
    """The classifier's explanation with its span mapped to a field (None: whole document)."""
    data = explanation.as_dict()
    located = None
    if explanation.end > explanation.start:
        located = texts.locate(explanation.start, explanation.end)
    data.update(
        field=located.field if located else None,
        start=located.start if located else None,
        end=located.end if located else None,
    )
    return data


def _anchor_withheld(document: Document, body: Body) -> list[int]:
    """Re-find the drafter's withheld paragraphs in the approved body; their grounds."""
    by_fingerprint = {p.fingerprint: p.index for p in body.paragraphs}
    grounds = []
    marks = list(WithheldParagraph.objects.filter(document=document).order_by("index"))
    taken: set[int] = set()
    for mark in marks:
        if mark.index < len(body.paragraphs) and (
            body.paragraphs[mark.index].fingerprint == mark.fingerprint
        ):
            index: int | None = mark.index
        else:
            index = by_fingerprint.get(mark.fingerprint)
        mark.anchored = index is not None and index not in taken
        if mark.anchored and index is not None:
            taken.add(index)
            mark.index = index
            grounds.append(mark.ground)
    # Moved marks may swap places: clear the unique index before writing them back.
    WithheldParagraph.objects.filter(pk__in=[m.pk for m in marks]).delete()
    WithheldParagraph.objects.bulk_create(_renumber_unanchored(marks, len(body.paragraphs)))
    return grounds


def _renumber_unanchored(marks: list[WithheldParagraph], count: int) -> list[WithheldParagraph]:
    """Lost marks keep a unique index past the last paragraph, so none is dropped."""
    for offset, mark in enumerate(m for m in marks if not m.anchored):
        mark.index = count + offset
    for mark in marks:
        mark.pk = None
    return marks


def _store_findings(
    review: DisclosureReview,
    texts: VersionTexts,
    findings: list[Finding],
    suggestion: Suggestion,
) -> None:
    reasons = {
        (e.start, e.end): e.reason_ko for e in suggestion.explanations if e.source == "finding"
    }
    rows = []
    for finding in findings:
        located = texts.locate(finding.start, finding.end)
        if located is None or located.end <= located.start:
            continue
        rows.append(
            Redaction(
                review=review,
                field=located.field,
                start=located.start,
                end=located.end,
                ground=6,
                kind=finding.kind.value,
                source=RedactionSource.DETECTOR,
                confidence=round(finding.confidence, 2),
                reason=_finding_reason(reasons.get((finding.start, finding.end), ""), finding),
            )
        )
    rows.extend(_whole_field_names(review, texts, rows))
    Redaction.objects.bulk_create(rows)


def _finding_reason(explanation: str, finding: Finding) -> str:
    """The suggestion's sentence and the detector's own reason, stored in Korean
    like the explanations."""
    with translation.override("ko"):
        why = reason_text(finding.reason)
    return f"{explanation}. {why}"[:500] if explanation else why[:500]


def _whole_field_names(
    review: DisclosureReview, texts: VersionTexts, rows: list[Redaction]
) -> list[Redaction]:
    extra = []
    for field in texts.private_fields():
        length = len(texts.fields[field])
        covered = any(r.field == field and r.start == 0 and r.end >= length for r in rows)
        if not covered and length:
            extra.append(
                Redaction(
                    review=review,
                    field=field,
                    start=0,
                    end=length,
                    ground=6,
                    kind="person_name",
                    source=RedactionSource.DETECTOR,
                    confidence=1.0,
                    reason=STRUCTURED_NAME_REASON,
                )
            )
    return extra


def _audit_tagged(review: DisclosureReview, findings: int) -> None:
    audit(
        action="disclosure.tagged",
        actor=None,
        document=review.document,
        version_hash=review.version.content_hash,
        target=review,
        data={
            "suggested_level": review.suggested_level,
            "suggested_grounds": review.suggested_grounds,
            "level": review.level,
            "grounds": review.grounds,
            "findings": findings,
            "disagrees": review.disagrees,
        },
    )


def _notify(review: DisclosureReview) -> None:
    officers: list[Person] = records_officers_for(review.document.unit)
    notification_send(
        recipients=officers,
        kind=NotificationKind.DISCLOSURE_REVIEW_DUE,
        document=review.document,
        context={"due_at": timezone.localtime(review.due_at).strftime("%Y-%m-%d %H:%M")},
    )
    logger.info("document %s queued for disclosure review", review.document_id)
