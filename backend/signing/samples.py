"""Sample official documents of each kind: for layout previews, tests and `make bench`.

They are plausible city-hall documents, not fixtures of any model; the
documents app builds real ones from approved versions.
"""

import hashlib
from datetime import UTC, date, datetime

from signing.snapshot import (
    ApprovalEvent,
    AttachmentInfo,
    BudgetDetails,
    DisclosureMark,
    DocumentKind,
    Issuer,
    LineSigner,
    OfficialDocument,
    PersonnelDetails,
)

PARAGRAPH = (
    "<p>1. 관련: 도장특별시 정보공개 운영 지침(2025. 1. 2.)</p>"
    "<p>2. 시민의 알 권리 보장을 위하여 결재 문서 원문을 정보소통광장에 공개하고자 "
    "하오니 검토하여 주시기 바랍니다. 공개 대상은 과장급 이상 결재 문서이며, "
    "비공개 대상 정보는 정보공개법 제9조 제1항 각 호에 따라 분리하여 처리합니다.</p>"
)


def sample_official_document(
    kind: DocumentKind = "memo", *, paragraphs: int = 1
) -> OfficialDocument:
    """A complete document of `kind` whose body repeats PARAGRAPH `paragraphs` times."""
    body = PARAGRAPH * paragraphs
    content_hash = hashlib.sha256(f"{kind}:{body}".encode()).hexdigest()
    return OfficialDocument(
        kind=kind,
        issuer=SAMPLE_ISSUER,
        recipient="내부결재",
        title=_TITLES[kind],
        body_html=body,
        drafter=_DRAFTER,
        signers=_SIGNERS,
        document_number="정보공개과-1234",
        enforcement_date=date(2025, 3, 14),
        disclosure=DisclosureMark(level="partial", grounds=(6,)),
        content_hash=content_hash,
        approved_version_ref=content_hash,
        verification_url="https://dojang.example.go.kr/verify/?document=정보공개과-1234&year=2025",
        attachments=(
            AttachmentInfo(name="공개 대상 목록"),
            AttachmentInfo(name="비공개 사유서"),
        ),
        history=_HISTORY,
        budget=_BUDGET if kind == "budget" else None,
        personnel=_PERSONNEL if kind == "personnel" else None,
    )


_TITLES: dict[DocumentKind, str] = {
    "memo": "결재문서 원문공개 확대 계획",
    "budget": "정보소통광장 서버 유지보수비 집행",
    "personnel": "2025년 상반기 정기 인사발령",
}
SAMPLE_ISSUER = Issuer(
    organization="도장특별시",
    sender="",
    seal_omitted=False,
    postcode="04524",
    address="도장특별시 중구 세종대로 110 정보공개과",
    homepage="www.dojang.go.kr",
    phone="02-120-1234",
    fax="02-120-1299",
    email="kim.minji@dojang.go.kr",
)
_DRAFTER = LineSigner(
    position="주무관", unit="정보공개과", name="김민지", signed_on=date(2025, 3, 12), role="draft"
)
_SIGNERS = (
    LineSigner(position="팀장", name="이준호", signed_on=date(2025, 3, 12), role="review"),
    LineSigner(
        position="팀장",
        unit="예산팀",
        name="최서연",
        signed_on=date(2025, 3, 13),
        role="consult",
        opinion="agree",
    ),
    LineSigner(
        position="과장", name="박성우", signed_on=date(2025, 3, 14), role="approve", delegated=True
    ),
)
_HISTORY = (
    ApprovalEvent(at=datetime(2025, 3, 12, 9, 5, tzinfo=UTC), actor="김민지", action="submit"),
    ApprovalEvent(at=datetime(2025, 3, 12, 14, 30, tzinfo=UTC), actor="이준호", action="review"),
    ApprovalEvent(at=datetime(2025, 3, 13, 10, 0, tzinfo=UTC), actor="최서연", action="consult"),
    ApprovalEvent(
        at=datetime(2025, 3, 14, 8, 45, tzinfo=UTC),
        actor="박성우",
        action="approve",
    ),
)
_BUDGET = BudgetDetails(
    fiscal_year=2025,
    budget_line="일반회계 > 정보화 > 전산운영비",
    amount_krw=12_500_000,
    payee="(주)한빛정보",
    purpose="정보소통광장 서버 연간 유지보수",
)
_PERSONNEL = PersonnelDetails(
    person="정하늘",
    action="전보",
    effective_date=date(2025, 4, 1),
    target_unit="기획조정실 정보공개과",
    target_position="행정6급 주무관",
)
