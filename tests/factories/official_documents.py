"""Sample official documents of each kind: for tests, `make bench` and layout previews.

They are plausible city-hall documents, not fixtures of any model; the
documents app builds real ones from approved versions. The options exercise
every part of the form: an external recipient (발신명의 and 관인생략) and a via
(경유), a deputy's 대결 of a 전결 post-approved (후결), attachments or none, and a
table in the body.
"""

import hashlib
from dataclasses import replace
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

INTERNAL_RECIPIENT = "내부결재"
HEAD_TITLE = "도장특별시장"
# One repetition of each kind's body; the memo's has items of four levels (1. 가.
# 1) 가)), some long enough to wrap, so the hanging indent shows.
PARAGRAPH = (
    "<p>1. 관련: 도장특별시 정보공개 운영 지침(2025. 1. 2.)</p>"
    "<p>2. 시민의 알 권리 보장을 위하여 결재 문서 원문을 정보소통광장에 공개하고자 "
    "하오니 검토하여 주시기 바랍니다. 공개 대상은 과장급 이상 결재 문서이며, "
    "비공개 대상 정보는 정보공개법 제9조 제1항 각 호에 따라 분리하여 처리합니다.</p>"
    "<p>가. 공개 대상: 2025. 4. 1. 이후 결재한 과장급 이상 문서</p>"
    "<p>나. 비공개 정보의 분리: 원문 중 비공개 대상 정보가 있는 부분은 가리고 "
    "나머지를 공개하며, 가린 부분마다 해당 근거 조항을 적습니다.</p>"
    "<p>1) 개인에 관한 정보: 성명, 주민등록번호, 연락처(제6호)</p>"
    "<p>2) 법인 등의 경영상·영업상 비밀(제7호)</p>"
    "<p>가) 계약 단가와 산출 내역</p>"
    "<p>나) 기술 제안서의 세부 내용</p>"
)
SCHEDULE_TABLE = (
    "<p>3. 추진 일정</p>"
    "<table><thead><tr><th>구분</th><th>기간</th><th>내용</th></tr></thead><tbody>"
    "<tr><td>준비</td><td>2025. 3.</td><td>공개 대상 목록 작성, 부서 안내</td></tr>"
    "<tr><td>시범 공개</td><td>2025. 4.</td><td>정보공개과 문서 우선 공개</td></tr>"
    "<tr><td>전면 공개</td><td>2025. 5. ~</td><td>전 부서 과장급 이상 결재 문서</td></tr>"
    "</tbody></table>"
    "<p>4. 각 부서에서는 공개 대상 문서의 비공개 정보 표시에 협조하여 주시기 바랍니다.</p>"
)
BUDGET_PARAGRAPH = (
    "<p>1. 관련: 정보소통광장 운영 계획(정보공개과-1100, 2025. 1. 10.)</p>"
    "<p>2. 정보소통광장 서버의 안정적 운영을 위하여 위와 같이 연간 유지보수비를 "
    "집행하고자 합니다.</p>"
    "<p>가. 계약 방법: 수의계약(지방자치단체를 당사자로 하는 계약에 관한 법률 "
    "시행령 제25조 제1항 제5호)</p>"
    "<p>나. 계약 기간: 2025. 4. 1. ~ 2026. 3. 31.(12개월)</p>"
    "<p>다. 지급 방법: 분기별 후급(4회)</p>"
)
PERSONNEL_PARAGRAPH = (
    "<p>1. 관련: 2025년 상반기 정기 인사 계획(인사과-512, 2025. 3. 2.)</p>"
    "<p>2. 위와 같이 2025년 상반기 정기 인사발령을 하고자 합니다.</p>"
    "<p>가. 발령 사유: 정기 전보(같은 직위 근무 기간 2년 경과)</p>"
    "<p>나. 부임 기한: 발령일부터 3일 이내</p>"
)
_BODIES: dict[DocumentKind, str] = {
    "memo": PARAGRAPH,
    "budget": BUDGET_PARAGRAPH,
    "personnel": PERSONNEL_PARAGRAPH,
}
# A single attachment is not numbered (personnel); several are (편람).
ATTACHMENTS: dict[DocumentKind, tuple[AttachmentInfo, ...]] = {
    "memo": (AttachmentInfo(name="공개 대상 목록"), AttachmentInfo(name="비공개 사유서", copies=2)),
    "budget": (AttachmentInfo(name="견적서"), AttachmentInfo(name="유지보수 과업 내용서")),
    "personnel": (AttachmentInfo(name="인사발령 대상자 명단"),),
}


def sample_official_document(
    kind: DocumentKind = "memo",
    *,
    paragraphs: int = 1,
    recipient: str = INTERNAL_RECIPIENT,
    via: str = "",
    proxy: bool = False,
    attachments: bool = True,
    table: bool = False,
) -> OfficialDocument:
    """A complete document of `kind` whose body repeats the kind's paragraph `paragraphs` times.

    A `recipient` other than 내부결재 is sent outside: 발신명의 is the head's title
    and the seal is omitted (관인생략), as the deployment default has it. `proxy`
    makes the approval a deputy's 대결 of the 전결, post-approved (후결); `table`
    adds a schedule table and a closing item; `attachments=False` lists none.
    """
    body = _BODIES[kind] * paragraphs + (SCHEDULE_TABLE if table else "")
    content_hash = hashlib.sha256(f"{kind}:{body}".encode()).hexdigest()
    issuer = SAMPLE_ISSUER
    if recipient != INTERNAL_RECIPIENT:
        issuer = replace(SAMPLE_ISSUER, sender=HEAD_TITLE, seal_omitted=True)
    return OfficialDocument(
        kind=kind,
        issuer=issuer,
        recipient=recipient,
        via=via,
        title=_TITLES[kind],
        body_html=body,
        drafter=_DRAFTER,
        signers=(*_SIGNERS[:-1], _PROXY_APPROVER if proxy else _SIGNERS[-1]),
        document_number="정보공개과-1234",
        enforcement_date=date(2025, 3, 14),
        disclosure=DisclosureMark(level="partial", grounds=(6,)),
        content_hash=content_hash,
        approved_version_ref=content_hash,
        verification_url="https://dojang.example.go.kr/verify/?document=정보공개과-1234&year=2025",
        attachments=ATTACHMENTS[kind] if attachments else (),
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
    address="도장특별시 중구 세종대로 110",
    homepage="www.dojang.go.kr",
    phone="02-120-1234",
    fax="02-120-1299",
    email="kim.minji@dojang.go.kr",
)
_DRAFTER = LineSigner(
    position="주무관", unit="정보공개과", name="김민지", signed_on=date(2025, 3, 12), role="draft"
)
_SIGNERS = (
    LineSigner(
        position="팀장",
        unit="정보공개과",
        name="이준호",
        signed_on=date(2025, 3, 12),
        role="review",
    ),
    LineSigner(
        position="팀장",
        unit="예산총괄팀",
        name="최서연",
        signed_on=date(2025, 3, 13),
        role="consult",
        opinion="agree",
    ),
    LineSigner(
        position="과장",
        unit="인사과",
        name="정유진",
        signed_on=date(2025, 3, 13),
        role="consult",
        opinion="agree",
    ),
    LineSigner(
        position="과장",
        unit="정보공개과",
        name="박성우",
        signed_on=date(2025, 3, 14),
        role="approve",
        delegated=True,
    ),
)
# 박성우 was away: his deputy took the 전결 (대결), and he post-approved it on his return.
_PROXY_APPROVER = replace(
    _SIGNERS[-1], name="한지원", proxy_for="박성우", post_approved_on=date(2025, 3, 17)
)
_HISTORY = (
    ApprovalEvent(at=datetime(2025, 3, 12, 9, 5, tzinfo=UTC), actor="김민지", action="submit"),
    ApprovalEvent(at=datetime(2025, 3, 12, 14, 30, tzinfo=UTC), actor="이준호", action="review"),
    ApprovalEvent(at=datetime(2025, 3, 13, 10, 0, tzinfo=UTC), actor="최서연", action="consult"),
    ApprovalEvent(at=datetime(2025, 3, 13, 11, 20, tzinfo=UTC), actor="정유진", action="consult"),
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
