"""The preview of a draft in the official layout, before it goes on its line.

Rules:
- what is shown is the draft's content as saved now (documents' canonical content,
  the same the version will freeze on submission), through the renderer and
  templates of the official PDF (signing.rendering), so the preview and the PDF
  cannot drift apart;
- the approval box shows the line the draft would go on: the latest round's steps
  when it has a line (a recalled or returned draft), else the suggested line
  (approvals.line_suggest); nobody has signed, so no dates and no number are
  printed; a draft for which no line can be suggested has no preview (400 on
  `line`), since an official form without an approver does not exist;
- the HTML carries the official stylesheet inline and no script; it is served with
  a Content-Security-Policy that lets nothing load (a sandboxed frame shows it).
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from approvals.line import line_suggest
from approvals.models import ApprovalStage, StageKind
from approvals.rules import document_facts
from core.errors import InvalidInput
from directory.models import Person
from documents.models import Document, DocumentVersion
from documents.services.versions import canonical_content, content_hash
from signing.fetcher import template_dir
from signing.rendering import STYLESHEET, render_official_html
from signing.snapshot import LineSigner, OfficialDocument
from signing.snapshot_builder import SEOUL, preview_document_for

# On a screen the A4 page becomes a sheet of its width; print keeps official.css's @page.
SCREEN_CSS = (
    "@media screen { html { background: #eef0f3; } "
    "body { background: #fff; max-width: 175mm; margin: 1rem auto; padding: 20mm 15mm 15mm 20mm; "
    "box-shadow: 0 1px 4px rgba(0,0,0,.2); } }"
)
PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"


def _suggested_signers(document: Document, today: dt.date) -> tuple[LineSigner, ...]:
    spec = line_suggest(
        drafter=document.drafter, kind=document.kind, facts=document_facts(document=document)
    )
    people = Person.objects.select_related("position", "unit").in_bulk(spec.person_ids())
    return tuple(
        LineSigner(
            position=person.position.title if person.position else "",
            unit=person.unit.name,
            name=person.name,
            signed_on=today,
            role=stage.kind.value,  # type: ignore[arg-type]  # StageKind values
            opinion="agree" if stage.kind == StageKind.CONSULT else None,
        )
        for stage in spec.stages
        for person in (people[pid] for pid in stage.assignee_ids)
    )


def draft_preview_document(*, document: Document) -> OfficialDocument:
    """The OfficialDocument of the draft's current content on the line it would take."""
    content = canonical_content(document=document)
    # Never saved: it only carries the content to the builder the page check also uses.
    unsaved = DocumentVersion(
        document=document, number=0, content=content, content_hash=content_hash(content)
    )
    has_line = ApprovalStage.objects.filter(document=document).exists()
    signers = None if has_line else _suggested_signers(document, dt.datetime.now(SEOUL).date())
    if signers == ():
        raise InvalidInput(
            {"line": [_("No approval line can be suggested for this draft: set its line first.")]}
        )
    return preview_document_for(version=unsaved, signers=signers)


def draft_preview_html(*, document: Document) -> str:
    """The draft's official form as one self-contained HTML page (see the module's rules)."""
    html = render_official_html(draft_preview_document(document=document), preview=True)
    css = (template_dir() / STYLESHEET).read_text(encoding="utf-8")
    style = f"<style>{css}\n{SCREEN_CSS}</style>"
    return html.replace("</head>", f"{style}\n</head>", 1)
