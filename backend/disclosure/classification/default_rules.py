"""The rules Dojang ships: signals of every ground of Article 9(1) and the
counter-signals that keep a document open, each citing its source.

Built from the law's text (공공기관의 정보공개에 관한 법률 제9조제1항) and from the
detailed non-disclosure criteria Korean agencies publish under its Article 9(3)
(비공개 대상정보 세부기준; Seoul's is on its information portal). The data migration
disclosure/0005 writes these rows; records officers edit the database copy, and
docs/disclosure.md explains every rule. A keyword is matched with spacing ignored.
"""

from __future__ import annotations

from disclosure.classification.rules import DocumentKind, Effect, LapseEvent, Level, RuleSpec

LAW = "정보공개법 제9조제1항제{}호"
SEOUL = "서울특별시 비공개 대상정보 세부기준(제{}호 관련)"


def _cite(ground: int, *more: str) -> str:
    return "; ".join((LAW.format(ground), SEOUL.format(ground), *more))


def withhold(
    ground: int,
    level: Level,
    keyword: str | None,
    ko: str,
    en: str,
    *,
    kind: DocumentKind | None = None,
    context: str | None = None,
    lapse: LapseEvent | None = None,
    law: tuple[str, ...] = (),
) -> RuleSpec:
    return RuleSpec(
        level=level,
        ground=ground,
        document_kind=kind,
        keyword=keyword,
        description_ko=ko,
        description_en=en,
        context=context,
        lapse_event=lapse,
        source=_cite(ground, *law),
    )


def keep_open(
    ground: int, keyword: str, ko: str, en: str, *, lapse: LapseEvent | None = None
) -> RuleSpec:
    return RuleSpec(
        level=Level.OPEN,
        ground=ground,
        keyword=keyword,
        description_ko=ko,
        description_en=en,
        effect=Effect.KEEP_OPEN,
        lapse_event=lapse,
        source=_cite(ground),
    )


P, C = Level.PARTIAL, Level.CLOSED
E = LapseEvent
SECURITY_RULES = ("보안업무규정 제4조(비밀의 구분)", "보안업무규정 시행규칙(대외비)")
EMERGENCY_LAW = ("비상대비에 관한 법률",)
CONTRACT_LAW = ("지방자치단체를 당사자로 하는 계약에 관한 법률 시행령(예정가격의 결정)",)

_CLASSIFIED = ("비밀 또는 대외비로 지정된 문서", "a document classified secret or restricted")
_EMERGENCY = (
    "비상대비 계획은 다른 법령에 따라 비공개",
    "an emergency-preparedness plan, closed by law",
)
_TAX = (
    "과세정보는 지방세기본법상 비밀유지 대상",
    "tax information, secret under the Local Tax Act",
)
_MILITARY = ("국방·군사 작전에 관한 사항", "defence and military operations")
_SAFETY = (
    "공개 시 시설과 사람의 안전을 해칠 우려",
    "its release could endanger people or facilities",
)
_REPORTER = ("신고자·제보자의 신원은 보호 대상", "the identity of a reporter or whistle-blower")
_CASE = ("진행 중인 수사·재판에 관한 사항", "an investigation or trial in progress")
_AUDIT = ("진행 중인 감사·조사에 관한 사항", "an audit or inspection in progress")
_PRICE = ("입찰 전 예정가격 등 계약 정보", "contract prices before the tender or award")
_PERSONNEL = ("개인별 인사평가·승진심사 자료", "individual ratings and promotion review")
_NEGOTIATION = ("진행 중인 협상에 관한 사항", "a negotiation in progress")
_DRAFT = ("의사결정 전 내부검토 중인 사항", "a matter under internal review before decision")
_TRADE = ("법인 등이 제출한 경영상·영업상 비밀", "a firm's business secrets submitted to the city")
_LAND = ("미공개 개발·매입 예정지로 투기 우려", "unannounced development or purchase sites")
_HEALTH = (
    "감염병 환자·접촉자 정보는 감염병예방법상 비밀유지 대상",
    "patients and contacts of an infectious disease, secret under the Infectious Disease Act",
)
_FOREIGN = ("외교관계에 관한 사항", "foreign relations")
_DEFECTOR = ("북한이탈주민의 신변보호에 관한 사항", "the protection of a North Korean defector")
_TESTING = (
    "진행 중인 시험·평가의 개인별 점수와 평가위원",
    "individual scores and evaluators of a selection in progress",
)
_PERSONAL = (
    "특정 개인을 알아볼 수 있는 개인정보",
    "personal information about identifiable people",
)
_CHILD = (
    "아동학대 사례는 특정 아동·가정에 관한 민감정보",
    "a child-abuse case: sensitive information on one child and family",
)
HEALTH_LAW = ("감염병의 예방 및 관리에 관한 법률 제74조(비밀누설의 금지)",)
TAX_LAW = ("지방세기본법 제86조(비밀유지)",)
PRIVACY_LAW = ("개인정보 보호법 제23조·제24조",)

DEFAULT_RULES: tuple[RuleSpec, ...] = (
    # 1 — secret or closed under another law.
    withhold(1, C, "대외비", *_CLASSIFIED, law=SECURITY_RULES),
    withhold(1, C, "비밀로 분류", *_CLASSIFIED, law=SECURITY_RULES),
    withhold(1, C, "급 비밀", *_CLASSIFIED, law=SECURITY_RULES),
    withhold(1, C, "보안업무규정", *_CLASSIFIED, law=SECURITY_RULES),
    withhold(1, C, "충무계획", *_EMERGENCY, law=EMERGENCY_LAW),
    withhold(1, C, "비상대비계획", *_EMERGENCY, law=EMERGENCY_LAW),
    withhold(1, C, "비상대비 자원", *_EMERGENCY, law=EMERGENCY_LAW),
    withhold(1, C, "유출을 금", *_CLASSIFIED, law=SECURITY_RULES),
    withhold(1, P, "과세정보", *_TAX, law=TAX_LAW),
    withhold(1, P, "개인별 납세", *_TAX, law=TAX_LAW),
    withhold(1, P, "납세자별", *_TAX, law=TAX_LAW),
    withhold(1, P, "과세표준", *_TAX, law=TAX_LAW),
    withhold(1, P, "세무조사 결과", *_TAX, law=TAX_LAW),
    withhold(1, P, "역학조사서", *_HEALTH, law=HEALTH_LAW),
    withhold(1, P, "확진자 명단", *_HEALTH, law=HEALTH_LAW),
    withhold(1, P, "접촉자 명부", *_HEALTH, law=HEALTH_LAW),
    withhold(1, P, "환자 명단", *_HEALTH, law=HEALTH_LAW),
    # 2 — national security and defence, where they reach a city.
    withhold(2, C, "국가안보", *_MILITARY),
    withhold(2, C, "군사시설", *_MILITARY),
    withhold(2, C, "작전계획", *_MILITARY),
    withhold(2, C, "방공 작전", *_MILITARY),
    withhold(2, C, "통합방위 작전", *_MILITARY, law=("통합방위법",)),
    withhold(2, P, "군사보안", *_MILITARY),
    withhold(2, P, "군 시설", *_MILITARY),
    withhold(2, C, "외교관계", *_FOREIGN),
    withhold(2, C, "외교 현안", *_FOREIGN),
    withhold(2, C, "정세 분석", *_FOREIGN),
    withhold(2, C, "신변보호", *_DEFECTOR, context="북한이탈주민"),
    # 3 — lives, bodies and property.
    withhold(3, P, "CCTV 설치 위치", *_SAFETY),
    withhold(3, P, "경비 배치", *_SAFETY),
    withhold(3, P, "보안 취약", *_SAFETY),
    withhold(3, P, "테러 대응", *_SAFETY),
    withhold(3, C, "대테러", *_SAFETY),
    withhold(3, C, "취약 요소", *_SAFETY),
    withhold(3, C, "취약점", *_SAFETY),
    withhold(3, C, "서버 IP", *_SAFETY),
    withhold(3, C, "수송 경로", *_SAFETY),
    withhold(3, C, "경보 장치", *_SAFETY),
    withhold(3, P, "신변 위협", *_SAFETY),
    withhold(3, C, "경비 계획", *_SAFETY),
    withhold(3, C, "이동 동선", *_SAFETY),
    withhold(3, C, "보호 시설 위치", *_SAFETY),
    withhold(3, C, "소재지 비공개", *_SAFETY),
    withhold(3, C, "가정폭력", *_SAFETY),
    withhold(3, P, "신고인", *_REPORTER),
    withhold(3, P, "공익신고자", *_REPORTER, law=("공익신고자 보호법 제12조(비밀보장)",)),
    withhold(3, P, "제보자", *_REPORTER),
    withhold(3, P, "신고자 신원", *_REPORTER),
    # 4 — trials, investigation and prosecution in progress.
    withhold(4, P, "수사 의뢰", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "수사를 의뢰", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "수사 중", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "수사 진행", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "고발", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "고소", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "소송 진행", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "소송 계류", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "소송이 제기", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "소송을 제기하", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "진행 중", *_CASE, context="소송", lapse=E.CASE_CLOSED),
    withhold(4, P, "진행 중", *_CASE, context="재판", lapse=E.CASE_CLOSED),
    withhold(4, P, "항소심", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "가처분", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "답변서", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "수사와 관련", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "사건 수사", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "재판 진행", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "재판 계류", *_CASE, lapse=E.CASE_CLOSED),
    withhold(4, P, "공소", *_CASE, lapse=E.CASE_CLOSED),
    keep_open(
        4,
        "판결 확정",
        "판결이 확정되어 재판이 끝났다",
        "the judgment is final",
        lapse=E.CASE_CLOSED,
    ),
    keep_open(
        4,
        "판결이 확정",
        "판결이 확정되어 재판이 끝났다",
        "the judgment is final",
        lapse=E.CASE_CLOSED,
    ),
    keep_open(
        4,
        "소송을 제기하지 않",
        "소송이 제기되지 않아 다툼이 끝났다",
        "no suit was brought: the matter is settled",
    ),
    keep_open(4, "소송이 종결", "소송이 끝났다", "the case is closed", lapse=E.CASE_CLOSED),
    keep_open(4, "고발 안내", "안내문일 뿐 진행 중인 사건이 아니다", "a notice, not a case"),
    keep_open(4, "고발하는 방법", "안내문일 뿐 진행 중인 사건이 아니다", "a notice, not a case"),
    # 5 — audits, tenders, personnel management, negotiation, decisions in progress.
    withhold(5, P, "감사 진행 중", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "감사 실시 중", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "감사 중", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "감사가 진행", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "조사 진행 중", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "조사를 진행", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "조사 진행 상황", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "조사 경과", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    withhold(5, P, "처분 전", *_AUDIT, lapse=E.DISPOSITION_FINAL),
    keep_open(
        5,
        "처분이 확정",
        "처분이 확정된 감사 결과는 공개",
        "an audit whose disposition is final",
        lapse=E.DISPOSITION_FINAL,
    ),
    keep_open(
        5,
        "처분 확정",
        "처분이 확정된 감사 결과는 공개",
        "an audit whose disposition is final",
        lapse=E.DISPOSITION_FINAL,
    ),
    keep_open(
        5, "감사패", "감사의 뜻을 전하는 말이지 감사(監査)가 아니다", "a thank-you, not an audit"
    ),
    keep_open(
        5, "감사장", "감사의 뜻을 전하는 말이지 감사(監査)가 아니다", "a thank-you, not an audit"
    ),
    keep_open(
        5, "감사 인사", "감사의 뜻을 전하는 말이지 감사(監査)가 아니다", "a thank-you, not an audit"
    ),
    keep_open(
        5, "감사드", "감사의 뜻을 전하는 말이지 감사(監査)가 아니다", "a thank-you, not an audit"
    ),
    keep_open(
        5, "감사합니", "감사의 뜻을 전하는 말이지 감사(監査)가 아니다", "a thank-you, not an audit"
    ),
    withhold(5, C, "예정가격", *_PRICE, lapse=E.CONTRACT_AWARDED, law=CONTRACT_LAW),
    withhold(5, C, "복수예비가격", *_PRICE, lapse=E.CONTRACT_AWARDED, law=CONTRACT_LAW),
    withhold(5, C, "기초금액", *_PRICE, lapse=E.TENDER_ANNOUNCED, law=CONTRACT_LAW),
    withhold(5, P, "입찰 공고 전", *_PRICE, lapse=E.TENDER_ANNOUNCED, law=CONTRACT_LAW),
    keep_open(
        5,
        "입찰에 부칩니다",
        "입찰 공고로 기초금액이 공개되었다",
        "the tender is announced, with its base amount",
        lapse=E.TENDER_ANNOUNCED,
    ),
    withhold(5, P, "입찰 공고 예정", *_PRICE, lapse=E.TENDER_ANNOUNCED, law=CONTRACT_LAW),
    withhold(5, P, "공고에 앞서", *_PRICE, lapse=E.TENDER_ANNOUNCED, law=CONTRACT_LAW),
    keep_open(
        5,
        "입찰 결과",
        "입찰이 끝나 결과가 공고되었다",
        "the tender's result is announced",
        lapse=E.CONTRACT_AWARDED,
    ),
    keep_open(
        5,
        "낙찰자 결정",
        "낙찰자가 정해져 계약 정보는 공개",
        "the contract has been awarded",
        lapse=E.CONTRACT_AWARDED,
    ),
    keep_open(
        5,
        "계약을 체결",
        "계약이 체결되어 업체명과 계약금액은 공개",
        "the contract is signed",
        lapse=E.CONTRACT_AWARDED,
    ),
    keep_open(
        5,
        "개찰 결과",
        "개찰이 끝나 예정가격과 낙찰 결과는 공개",
        "the bids are opened: the price and the award are public",
        lapse=E.CONTRACT_AWARDED,
    ),
    keep_open(
        5,
        "개찰이 완료",
        "개찰이 끝나 예정가격과 낙찰 결과는 공개",
        "the bids are opened: the price and the award are public",
        lapse=E.CONTRACT_AWARDED,
    ),
    keep_open(
        5,
        "낙찰금액",
        "낙찰자가 정해져 계약 정보는 공개",
        "the contract has been awarded",
        lapse=E.CONTRACT_AWARDED,
    ),
    keep_open(
        5,
        "계약 체결 결과",
        "계약이 체결되어 업체명과 계약금액은 공개",
        "the contract is signed",
        lapse=E.CONTRACT_AWARDED,
    ),
    withhold(5, C, "근무성적평정", *_PERSONNEL),
    withhold(5, C, "승진심사", *_PERSONNEL),
    withhold(5, C, "승진 후보자", *_PERSONNEL),
    withhold(5, C, "평정 점수", *_PERSONNEL),
    withhold(5, C, "개인별 평가", *_PERSONNEL),
    withhold(5, C, "채점표", *_TESTING),
    withhold(5, C, "면접 점수", *_TESTING),
    withhold(5, P, "평가위원별", *_TESTING, lapse=E.CONTRACT_AWARDED),
    withhold(5, P, "응시자별", *_TESTING),
    withhold(5, P, "지원자별", *_TESTING),
    withhold(5, P, "심사 순위", *_TESTING),
    withhold(5, C, "다면평가", *_PERSONNEL),
    withhold(5, C, "개인별 점수", *_PERSONNEL),
    keep_open(
        5,
        "승진심사 의결",
        "심사가 끝난 결과의 발표로 개인별 심사 자료가 아니다",
        "the announced result of a review, not its individual ratings",
    ),
    keep_open(
        5,
        "만족도 평가",
        "사업·서비스에 대한 평가로 개인 평가가 아니다",
        "an evaluation of a service, not of a person",
    ),
    withhold(5, P, "협상 중", *_NEGOTIATION, lapse=E.DECISION_TAKEN),
    withhold(5, P, "협상 진행", *_NEGOTIATION, lapse=E.DECISION_TAKEN),
    withhold(5, C, "협상 한도", *_NEGOTIATION, lapse=E.DECISION_TAKEN),
    withhold(5, C, "협상 전략", *_NEGOTIATION, lapse=E.DECISION_TAKEN),
    withhold(5, C, "협상안", *_NEGOTIATION, lapse=E.DECISION_TAKEN),
    withhold(5, P, "협상 현황", *_NEGOTIATION, lapse=E.DECISION_TAKEN),
    keep_open(5, "협상 타결", "협상이 끝났다", "the negotiation is over", lapse=E.DECISION_TAKEN),
    withhold(5, P, "내부 검토 중", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "검토 중인", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "확정되지 않은", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "미확정", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "검토 중", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "확정 전", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "검토안", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "초안", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "입법예고 전", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "상정 전", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "의결 전", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "심의 전", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "중간 평가", *_DRAFT, lapse=E.DECISION_TAKEN),
    withhold(5, P, "미공개 검토", *_DRAFT, lapse=E.DECISION_TAKEN),
    keep_open(
        5,
        "검토 완료",
        "검토가 끝나 결정된 사항",
        "the review is over and decided",
        lapse=E.DECISION_TAKEN,
    ),
    keep_open(5, "최종 확정", "결정이 끝난 사항", "the decision is taken", lapse=E.DECISION_TAKEN),
    # 6 — personal information (the detector's findings add the rest).
    # Officials' names and positions are public (9(1)6 다목): a personnel action is
    # not withheld for being one; the person concerned, when private, is a finding.
    withhold(6, P, "피해자 성명", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "임차인 성명", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "소유자별", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "소유자 목록", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "기저질환", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "장애등급", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "생년월일", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "년생", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "대상자별", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "징계 대상자", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "징계의결", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "징계 처분", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "징계처분", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "비위 사실", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "비위 내용", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "진단서", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "질병휴직", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "계좌번호", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "수혜자별", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "진단명", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "개인별 성과", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "개인별 지급", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "공적조서", *_PERSONAL, law=PRIVACY_LAW),
    withhold(6, P, "범죄경력", *_PERSONAL, law=PRIVACY_LAW),
    withhold(
        6,
        P,
        "******",
        "가려 적은 주민등록번호도 생년월일과 성별을 드러낸다",
        "a masked resident number still gives a birth date and sex",
        law=PRIVACY_LAW,
    ),
    withhold(6, C, "아동학대", *_CHILD, law=("아동학대범죄의 처벌 등에 관한 특례법 제35조",)),
    # 7 — a firm's business secrets.
    withhold(7, P, "영업비밀", *_TRADE),
    withhold(7, P, "경영상 비밀", *_TRADE),
    withhold(7, P, "원가계산서", *_TRADE),
    withhold(7, P, "원가 산정 자료", *_TRADE),
    withhold(7, P, "운송원가", *_TRADE),
    withhold(7, P, "재무제표", *_TRADE),
    withhold(7, P, "기술자료", *_TRADE),
    withhold(7, P, "재무모델", *_TRADE),
    withhold(7, P, "업체별 견적", *_TRADE),
    withhold(7, P, "원가 명세", *_TRADE),
    withhold(7, P, "매출액 신고", *_TRADE),
    withhold(7, P, "업체 제출", *_TRADE),
    withhold(7, C, "기업 제출", *_TRADE),
    withhold(7, C, "비밀 유지", *_TRADE, context="기업"),
    # 8 — unfair gain.
    withhold(8, C, "개발 예정지", *_LAND),
    withhold(8, C, "매입 예정지", *_LAND),
    withhold(8, C, "후보지", *_LAND, context="미공개", lapse=E.DECISION_TAKEN),
    withhold(8, C, "후보지", *_LAND, context="미확정", lapse=E.DECISION_TAKEN),
    withhold(8, C, "후보지", *_LAND, context="발표 전", lapse=E.DECISION_TAKEN),
    withhold(8, C, "후보지", *_LAND, context="선정 전", lapse=E.DECISION_TAKEN),
    withhold(8, C, "후보지", *_LAND, context="입안 전", lapse=E.DECISION_TAKEN),
    withhold(8, C, "지정 예정지", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "필지 목록", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "용도 상향", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "토지 투기", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "토지 거래 급증", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "호가 상승", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "매입 예정", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "상향 예정", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "지번 목록", *_LAND, lapse=E.DECISION_TAKEN),
    withhold(8, C, "투기 우려", *_LAND),
)
