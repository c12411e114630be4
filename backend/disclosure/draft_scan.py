"""Live warnings while drafting: the personal information a draft's title and body hold,
and the signals of the grounds of Article 9(1) its kind and text carry.

The drafter's screen sends the text it is editing; the detector reads it exactly as
the tagging of the approved version will (disclosure.services.tagging): the texts
as redaction.fields makes them from a sanitized body, joined field by field, and
the organisation's configuration with what is known of the drafter's document (the
office numbers of its unit and drafter, its officials' names as public names).

A finding says where it is (the title, or a paragraph of the body, with character
offsets in that paragraph's plain text) and what it is; it never carries the matched
text, only a masked preview (900101-1******), so an answer can be shown, cached or
logged by a browser without copying the value. A signal is a rule's (the database's
active rules, as tagging uses): its ground, level, reason in the request's language,
the event that would end it and its legal source, never the words it matched. Nothing
here is stored or logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation

from directory.models import Person
from disclosure.classification import Suggestion, active_rules, suggest_disclosure
from disclosure.classification.finding_labels import finding_label
from disclosure.detection import DetectionConfig, Finding, Kind, detect
from disclosure.detection_settings import document_official_names, organisation_detection_config
from disclosure.redaction import VersionTexts
from documents.models import Document
from documents.sanitize import sanitize_body

# How many leading letters or digits a preview shows, per kind (a third by default).
_SHOWN = {Kind.RRN: 7, Kind.FOREIGNER_RRN: 7}


@dataclass(frozen=True, slots=True)
class DraftFinding:
    kind: str
    kind_label: str
    part: str  # "title" or "body"
    paragraph: int | None  # the body's paragraph (redaction.body), None in the title
    start: int
    end: int
    preview: str


@dataclass(frozen=True, slots=True)
class DraftSignal:
    ground: int
    level: str  # "partial" or "closed"
    reason: str
    lapse_event: str | None
    citation: str


@dataclass(frozen=True, slots=True)
class DraftScan:
    findings: list[DraftFinding]
    signals: list[DraftSignal]
    suggested_level: str
    suggested_grounds: list[int]


def draft_scan(
    *,
    title: str,
    body: str,
    person: Person,
    document: Document | None = None,
    kind: str | None = None,
) -> DraftScan:
    """The findings and signals in `title` and `body` (HTML, sanitized as a
    document's is) of a document of `kind` (the named draft's kind when given)."""
    texts = VersionTexts({"title": title, "body": sanitize_body(body)})
    findings = detect(texts.joined, _config(person, document))
    language = "en" if translation.get_language() == "en" else "ko"
    located = (_locate(texts, finding, language) for finding in findings)
    suggestion = suggest_disclosure(
        text=texts.joined,
        document_kind=document.kind if document is not None else kind,
        findings=findings,
        rules=active_rules(),
    )
    return DraftScan(
        findings=[f for f in located if f is not None],
        signals=_signals(suggestion, language),
        suggested_level=suggestion.level.value,
        suggested_grounds=list(suggestion.grounds),
    )


def _signals(suggestion: Suggestion, language: str) -> list[DraftSignal]:
    """One per rule still standing (findings are listed on their own)."""
    return [
        DraftSignal(
            ground=e.ground,
            level=e.level.value,
            reason=e.reason_en if language == "en" else e.reason_ko,
            lapse_event=e.lapse_event,
            citation=e.citation,
        )
        for e in suggestion.explanations
        if e.source == "rule"
    ]


def _config(person: Person, document: Document | None) -> DetectionConfig:
    if document is not None:
        numbers = {document.unit.phone, document.drafter.office_phone}
        public = document_official_names(document)
    else:
        numbers = {person.unit.phone, person.office_phone}
        public = (person.name,)
    return organisation_detection_config(office_numbers=numbers - {""}, public_names=public)


def _locate(texts: VersionTexts, finding: Finding, language: str) -> DraftFinding | None:
    where = texts.locate(finding.start, finding.end)
    if where is None or where.end <= where.start or where.field not in ("title", "body"):
        return None
    value = texts.fields[where.field][where.start : where.end]
    paragraph, start, end = None, where.start, where.end
    if where.field == "body":
        for candidate in texts.body.paragraphs:
            if candidate.start <= where.start < candidate.end + 1:
                paragraph = candidate.index
                start = where.start - candidate.start
                end = min(where.end, candidate.end) - candidate.start
                break
    return DraftFinding(
        kind=finding.kind.value,
        kind_label=finding_label(finding.kind, language),
        part=where.field,
        paragraph=paragraph,
        start=start,
        end=end,
        preview=_preview(finding.kind, value),
    )


def _preview(kind: Kind, value: str) -> str:
    """An e-mail keeps its domain (a provider, not a person) and a third of its local
    part: h***@gmail.com; anything else is `masked`."""
    local, at, domain = value.rpartition("@") if kind == Kind.EMAIL else ("", "", "")
    if at and local:
        return masked(local) + at + domain
    return masked(value, shown=_SHOWN.get(kind))


def masked(value: str, *, shown: int | None = None) -> str:
    """`value` with its letters and digits after the first `shown` (a third) as "*";
    separators (-, space, @, .) stay, so the shape is recognisable."""
    characters = sum(1 for c in value if c.isalnum())
    keep = shown if shown is not None else max(1, characters // 3)
    out = []
    for character in value:
        if character.isalnum():
            out.append(character if keep > 0 else "*")
            keep -= 1
        else:
            out.append(character)
    return "".join(out)
