"""What the demo documents say: titles, bodies, amounts, personnel actions, budget lines.

Everything is drawn from a random.Random the caller seeds, so the same seed writes
the same documents. Bodies name no private person: a personnel action names its
person only in its structured field, as a real one does.
"""

import datetime
import random
from typing import Any

from django.utils import timezone

from directory.models import Person, Position, Unit, UnitKind
from documents.models import (
    BudgetLine,
    DisclosureLevel,
    PersonnelActionType,
    RetentionPeriod,
)

MEMO_TOPICS = (
    "시민참여예산 설명회", "청사 에너지 절감", "공공 와이파이 확충", "도시숲 조성",
    "어린이 보호구역 정비", "정보공개 담당자 교육", "민원 응대 매뉴얼 개정",
    "재난 대비 합동 훈련", "전통시장 활성화", "자전거도로 정비", "폭염 대비 그늘막 설치",
    "청년 일자리 박람회", "공공데이터 개방", "주민자치회 운영", "탄소중립 실천 캠페인",
    "장애인 편의시설 점검", "겨울철 제설 대책", "지역축제 안전관리", "청렴 교육",
    "노후 하수관로 정비", "경로당 냉난방비 지원", "공유재산 실태조사",
)  # fmt: skip
MEMO_FORMS = (
    "{year}년 {topic} 추진 계획", "{topic} 결과 보고", "{topic} 관련 협조 요청",
    "{topic} 추진 상황 보고", "{topic} 개선 방안", "{year}년 하반기 {topic} 시행",
)  # fmt: skip
BUDGET_ITEMS = (
    ("사무용품 구입", "(주)한빛오피스"), ("행사 운영 용역", "(주)도장이벤트"),
    ("시설 보수 공사", "(주)새솔건설"), ("홍보물 제작", "(주)푸른인쇄"),
    ("전산장비 교체", "(주)도장정보기술"), ("교육 강사 수당", "도장특별시 인재개발원"),
    ("수목 식재", "(주)한빛조경"), ("안전점검 용역", "(주)세이프엔지니어링"),
    ("연구 용역", "도장시정연구원"), ("차량 임차", "(주)도장모빌리티"),
)  # fmt: skip
# (lowest, highest) amount in KRW of each band of the default delegation rules.
AMOUNT_BANDS: dict[str, tuple[int, int]] = {
    "division": (1_000_000, 9_900_000),
    "bureau": (10_000_000, 99_000_000),
    "deputy_mayor": (100_000_000, 990_000_000),
    "mayor": (1_000_000_000, 1_500_000_000),
}
LINE_ALLOCATION = 5_000_000_000


def _paragraphs(*lines: str) -> str:
    return "".join(f"<p>{index}. {line}</p>" for index, line in enumerate(lines, start=1))


class Writer:
    """Writes the content (the `data` of draft_create) of one demo document at a time."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.year = timezone.localdate().year

    def memo(self, title: str | None = None) -> dict[str, Any]:
        topic = self.rng.choice(MEMO_TOPICS)
        title = title or self.rng.choice(MEMO_FORMS).format(year=self.year, topic=topic)
        data: dict[str, Any] = {
            "title": title,
            "body": _paragraphs(
                f"관련: 도장특별시 {topic} 기본계획({self.year}. 1.)",
                f"위 호와 관련하여 {topic} 업무를 아래와 같이 추진하고자 합니다.",
                "세부 내용: 붙임 계획서 참조",
            ),
            "recipient": "내부결재",
            "retention_period": self.rng.choice(
                (RetentionPeriod.YEARS_3, RetentionPeriod.YEARS_5, RetentionPeriod.YEARS_10)
            ),
            "proposed_disclosure_level": DisclosureLevel.OPEN,
        }
        if self.rng.random() < 0.15:  # a deliberation in progress (ground 5)
            data["proposed_disclosure_level"] = DisclosureLevel.PARTIAL
            data["proposed_disclosure_grounds"] = [5]
        return data

    def amount(self, band: str) -> int:
        low, high = AMOUNT_BANDS[band]
        return self.rng.randrange(low, high + 1, 10_000)

    def budget(self, *, line: BudgetLine, amount: int) -> dict[str, Any]:
        purpose, payee = self.rng.choice(BUDGET_ITEMS)
        return {
            "title": f"{line.name} {purpose} 예산 집행 품의",
            "body": _paragraphs(
                f"목적: {purpose}",
                f"소요 예산: 금 {amount:,}원 ({line.code})",
                "집행 방법: 계약 관련 법령에 따름",
            ),
            "recipient": "내부결재",
            "retention_period": RetentionPeriod.YEARS_5,
            "proposed_disclosure_level": DisclosureLevel.OPEN,
            "budget": {
                "fiscal_year": line.fiscal_year,
                "budget_line": line.pk,
                "amount": amount,
                "payee": payee,
                "purpose": purpose,
            },
        }

    def personnel(
        self,
        *,
        person: Person,
        action_type: str,
        effective_date: datetime.date,
        target_unit: Unit | None = None,
        target_position: Position | None = None,
    ) -> dict[str, Any]:
        label = PersonnelActionType(action_type).label
        return {
            "title": f"{effective_date:%Y. %m. %d.}자 직원 인사발령({label})",
            "body": _paragraphs(
                f"{effective_date:%Y. %m. %d.}자로 붙임과 같이 인사발령하고자 합니다.",
                "붙임: 인사발령안 1부.",
            ),
            "recipient": "내부결재",
            "retention_period": RetentionPeriod.SEMI_PERMANENT,
            "proposed_disclosure_level": DisclosureLevel.PARTIAL,
            "proposed_disclosure_grounds": [6],
            "personnel": {
                "person": person.pk,
                "action_type": action_type,
                "effective_date": effective_date.isoformat(),
                "target_unit": target_unit.pk if target_unit else None,
                "target_position": target_position.pk if target_position else None,
            },
        }


def next_month_first() -> datetime.date:
    """The first day of next month: when transfers and promotions take effect."""
    today = timezone.localdate()
    return (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def promotion_position(person: Person) -> Position | None:
    """The staff position one grade above the person's, if there is one."""
    rank = person.position.rank if person.position is not None else None
    if rank is None:
        return None
    return Position.objects.filter(rank=rank + 10, is_head=False).order_by("title").first()


def line_of(lines: dict[int, BudgetLine], person: Person) -> BudgetLine:
    """The budget line of the division the person's team belongs to."""
    division_id = person.unit.parent_id
    if division_id is None or division_id not in lines:
        raise LookupError("the person's unit is not a team of a division with a line")
    return lines[division_id]


def budget_lines_seed() -> dict[int, BudgetLine]:
    """One budget line of this fiscal year per active division (created once, by code).

    Budget lines are reference data an administrator keeps; there is no workflow
    behind them, so they are written directly. Returns the lines by division id.
    """
    year = timezone.localdate().year
    divisions = list(Unit.objects.filter(kind=UnitKind.DIVISION, active=True).order_by("code"))
    codes = {f"{year}-{unit.code}-01": unit for unit in divisions}
    existing = set(BudgetLine.objects.filter(code__in=codes).values_list("code", flat=True))
    BudgetLine.objects.bulk_create(
        BudgetLine(
            code=code,
            name=f"{unit.name} 기본사업",
            fiscal_year=year,
            unit=unit,
            allocation=LINE_ALLOCATION,
        )
        for code, unit in codes.items()
        if code not in existing
    )
    lines = BudgetLine.objects.filter(code__in=codes)
    return {line.unit_id: line for line in lines}
