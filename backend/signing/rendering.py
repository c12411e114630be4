"""The official document PDF: Django template -> WeasyPrint -> PDF with metadata.

Rules:
- the layout is templates/official/<kind>.html on A4, in a Korean font checked
  at render time (signing.fonts), with every resource fetched through the
  locked-down fetcher (signing.fetcher);
- layout stops past SIGNING_MAX_PAGES pages or SIGNING_RENDER_TIMEOUT_SECONDS
  (signing.limits explains why this is checked between pages);
- before any signature, the PDF carries the document number, content hash
  and disclosure mark in its information dictionary (Title, Subject,
  Keywords, /DojangDocumentNumber, /DojangContentHash, /DojangDisclosure,
  /DojangVariant, and for the public variant /DojangApprovedVersionRef) and the
  approval record as an embedded file, approval-history.json, so the signature
  covers them. The content hash is the variant's own (snapshot's rules): a
  public PDF never carries the hash of the approved, unredacted version.
"""

import base64
import functools
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import qrcode
import qrcode.image.svg
from django.template.loader import render_to_string
from weasyprint import CSS, HTML, Attachment
from weasyprint.document import Document

from signing import conf
from signing.body_layout import lay_out_body
from signing.fetcher import LockedDownFetcher, template_dir
from signing.fonts import require_korean_font, shared_font_config
from signing.formatting import official_amount, official_date, short_date, unit_title
from signing.limits import render_limits
from signing.snapshot import AttachmentInfo, LineSigner, OfficialDocument

HISTORY_FILE_NAME = "approval-history.json"
INFO_DOCUMENT_NUMBER = "DojangDocumentNumber"
INFO_CONTENT_HASH = "DojangContentHash"
INFO_DISCLOSURE = "DojangDisclosure"
INFO_VARIANT = "DojangVariant"
INFO_APPROVED_VERSION_REF = "DojangApprovedVersionRef"
STYLESHEET = "official.css"

KIND_LABELS = {"memo": "기안문", "budget": "예산 집행 품의", "personnel": "인사발령"}
ROLE_LABELS = {"draft": "기안", "review": "검토", "consult": "협조", "approve": "결재"}


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    """An unsigned official PDF, its page count and the resources it refused."""

    pdf: bytes
    pages: int
    refused: tuple[str, ...]


def render_official_html(document: OfficialDocument, *, preview: bool = False) -> str:
    """The HTML of the official form for `document` (no network, no files read).

    A `preview` (a draft not yet approved) prints no signing dates and no number.
    """
    context = _context(document)
    context["preview"] = preview
    return render_to_string(f"official/{document.kind}.html", context)


def render_official_pdf(document: OfficialDocument) -> RenderedPdf:
    """Render `document` to an unsigned A4 PDF with its metadata and approval record."""
    require_korean_font()
    html = render_official_html(document)
    fetcher = LockedDownFetcher()
    with render_limits(max_pages=conf.max_pages(), timeout=conf.render_timeout_seconds()):
        rendered = HTML(
            string=html, base_url=template_dir().as_uri() + "/", url_fetcher=fetcher
        ).render(
            stylesheets=[_stylesheet(template_dir() / STYLESHEET)],
            # A new configuration per render leaks native memory (signing.fonts).
            font_config=shared_font_config(),
        )
        _set_metadata(rendered, document)
        pdf = rendered.write_pdf(attachments=[_history_attachment(document)], custom_metadata=True)
    return RenderedPdf(pdf=pdf, pages=len(rendered.pages), refused=tuple(fetcher.refused))


def official_page_count(
    document: OfficialDocument, *, max_pages: int, timeout: float, timeout_setting: str
) -> int:
    """How many pages the official form of `document` takes, laid out but not written.

    Stops past `max_pages` (PageLimitError) or after `timeout` seconds
    (RenderTimeoutError naming `timeout_setting`), so measuring costs at most that.
    """
    require_korean_font()
    html = render_official_html(document)
    with render_limits(max_pages=max_pages, timeout=timeout, timeout_setting=timeout_setting):
        rendered = HTML(
            string=html, base_url=template_dir().as_uri() + "/", url_fetcher=LockedDownFetcher()
        ).render(
            stylesheets=[_stylesheet(template_dir() / STYLESHEET)],
            font_config=shared_font_config(),
        )
    return len(rendered.pages)


def _stylesheet(path: Path) -> CSS:
    # Parsed once per process and file version: parsing costs more than it seems.
    return _parsed_stylesheet(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _parsed_stylesheet(path: Path, mtime_ns: int) -> CSS:
    return CSS(filename=str(path), url_fetcher=LockedDownFetcher())


def _set_metadata(rendered: Document, document: OfficialDocument) -> None:
    metadata = rendered.metadata
    metadata.title = document.title
    metadata.description = f"{KIND_LABELS[document.kind]} {document.document_number}"
    metadata.keywords = [document.document_number, document.content_hash, document.disclosure.label]
    metadata.authors = [document.issuer.organization]
    metadata.created = document.enforcement_date.isoformat()
    metadata.lang = "ko"
    metadata.custom = {
        INFO_DOCUMENT_NUMBER: document.document_number,
        INFO_CONTENT_HASH: document.content_hash,
        INFO_DISCLOSURE: document.disclosure.label,
        INFO_VARIANT: document.variant,
    }
    if document.variant == "public":
        metadata.custom[INFO_APPROVED_VERSION_REF] = document.approved_version_ref


def _history_attachment(document: OfficialDocument) -> Attachment:
    record = json.dumps(document.approval_record(), ensure_ascii=False, indent=2)
    moment = datetime.now(UTC)
    return Attachment(
        string=record.encode(),
        name=HISTORY_FILE_NAME,
        description="결재 이력 (approval history)",
        created=moment,
        modified=moment,
        relationship="Data",
        url_fetcher=LockedDownFetcher(roots=()),
    )


def _context(document: OfficialDocument) -> dict[str, Any]:
    """What the templates print: the form's fields, laid out as the 편람 writes them.

    "끝." ends the body unless attachments follow, when it ends the last of them.
    """
    line = [s for s in document.signers if s.role != "consult"]
    consultees = [s for s in document.signers if s.role == "consult"]
    drafter = _signer_cell(document.drafter)
    return {
        "doc": document,
        "kind_label": KIND_LABELS[document.kind],
        "body_html": lay_out_body(document.body_html, end_mark=not document.attachments),
        # The box's columns: the drafter first, then the review and approval line.
        "columns": [drafter, *(_signer_cell(s) for s in line)],
        "consultees": [_signer_cell(s) for s in consultees],
        "drafter": drafter,
        "attachments": _attachment_lines(document.attachments),
        "enforcement_date": official_date(document.enforcement_date),
        "amount": official_amount(document.budget.amount_krw) if document.budget else "",
        "effective_date": (
            official_date(document.personnel.effective_date) if document.personnel else ""
        ),
        "qr_data_uri": qr_data_uri(document.verification_url),
    }


def _attachment_lines(attachments: tuple[AttachmentInfo, ...]) -> list[dict[str, Any]]:
    """붙임 lines: "1. 계획서 1부." — numbered only when there are several (편람)."""
    numbered = len(attachments) > 1
    return [
        {
            "name": item.name,
            "copies": item.copies,
            "label": f"{f'{index}. ' if numbered else ''}{item.name} {item.copies}부.",
        }
        for index, item in enumerate(attachments, start=1)
    ]


def _signer_cell(signer: LineSigner) -> dict[str, Any]:
    return {
        "position": signer.position,
        # A consultee is named by unit and title (인사과장); the line by the title.
        "header": (
            unit_title(signer.unit, signer.position)
            if signer.role == "consult"
            else signer.position
        ),
        "name": signer.name,
        "date": short_date(signer.signed_on),
        "role": ROLE_LABELS[signer.role],
        "role_code": signer.role,
        "unit": signer.unit,
        "mark": signer.mark,
        "marks": signer.marks,
        "delegated": signer.delegated,
        "proxy_for": signer.proxy_for or "",
        "post_approved_on": short_date(signer.post_approved_on) if signer.post_approved_on else "",
    }


def qr_data_uri(url: str) -> str:
    """A QR code opening `url`, as an SVG data: URI (vector, sharp at any zoom)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    svg: bytes = image.to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
