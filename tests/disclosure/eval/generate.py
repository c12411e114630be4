"""Write eval.jsonl: labelled Korean administrative snippets for the detector.

    python -m tests.disclosure.eval.generate     (from the repository root)

Deterministic (fixed seed): the same file every run, so it is committed and a
change to it shows in review. A snippet is built from parts; a part that is
personal information records its kind and span as it is placed, so every label
is exact. Hard negatives (office numbers, work e-mail, company numbers, dates,
amounts, document numbers, budget codes, office addresses) carry no label.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from tests.disclosure.eval import pieces

SEED = 20240915
COUNT = 320
# The variants of issue 11 come after, from a seed of their own, so that the
# snippets above stay as they were.
VARIANT_SEED = 20261203
VARIANT_COUNT = 160
OUTPUT = Path(__file__).with_name("eval.jsonl")
HANDWRITTEN = Path(__file__).with_name("handwritten.txt")
HANDWRITTEN_OUTPUT = Path(__file__).with_name("handwritten.jsonl")
_LABEL = re.compile(r"\[\[(?P<kind>[a-z_]+)\|(?P<value>.+?)\]\]")

Maker = Callable[[random.Random], str]
# A part: literal text, or (maker, kind) where kind None marks a hard negative.
Part = str | tuple[Maker, str | None]


def _fixed(text: str) -> Maker:
    return lambda rng: text


def _choice(*options: str) -> Maker:
    return lambda rng: rng.choice(options)


def _foreigner(rng: random.Random) -> str:
    return pieces.rrn(rng, foreigner=True)


def _compact_rrn(rng: random.Random) -> str:
    return pieces.rrn(rng, compact=True)


def _work_email(rng: random.Random) -> str:
    return pieces.email(rng, work=True)


def _date(rng: random.Random) -> str:
    y, m, d = rng.randrange(2019, 2026), rng.randrange(1, 13), rng.randrange(1, 29)
    return rng.choice((f"{y}. {m}. {d}.", f"{y}-{m:02d}-{d:02d}", f"{y}.{m:02d}.{d:02d}."))


def _amount(rng: random.Random) -> str:
    return f"{rng.randrange(1, 999):,}{rng.randrange(0, 1000):03d},000원"


def _doc_number(rng: random.Random) -> str:
    unit = rng.choice(("행정지원과", "예산담당관", "인사과", "정보공개팀"))
    return f"{unit}-{rng.randrange(100, 99999)}"


def _budget_code(rng: random.Random) -> str:
    parts = (
        rng.randrange(100, 999),
        rng.randrange(1, 99),
        rng.randrange(100, 999),
        rng.randrange(1, 99),
    )
    return "{}-{:02d}-{}-{:02d}".format(*parts)


PROSE = (
    "본 계획은 시민 참여 예산 사업의 추진 현황을 점검하기 위한 것입니다.",
    "관련 규정에 따라 다음과 같이 보고합니다.",
    "붙임 자료를 참고하시기 바랍니다.",
    "세부 추진 일정은 추후 통보할 예정입니다.",
    "제9조제1항에 근거하여 추진한다.",
    "회의 참석 대상은 각 부서 담당자 20명입니다.",
)

# Each template: parts of one snippet; {prose} parts are drawn from PROSE.
TEMPLATES: tuple[tuple[Part, ...], ...] = (
    ("신청인 주민등록번호: ", (pieces.rrn, "rrn"), " (본인 확인 완료)"),
    ("외국인등록번호 ", (_foreigner, "foreigner_rrn"), "인 신청인의 체류 자격을 확인함."),
    ("주민등록번호 ", (_compact_rrn, "rrn"), " 확인"),
    ("민원인 연락처 ", (pieces.mobile, "phone"), "으로 처리 결과를 안내함."),
    ("보호자 휴대전화: ", (pieces.mobile, "phone"), ", 자택 전화: ", (pieces.landline, "phone")),
    ("신청인 이메일 ", (pieces.email, "email"), "로 회신 바랍니다."),
    (
        "보조금은 ",
        (_choice(*pieces.BANKS), None),
        " ",
        (pieces.account, "bank_account"),
        "(예금주 본인) 계좌로 지급한다.",
    ),
    ("환불 계좌: ", (_choice(*pieces.BANKS), None), " ", (pieces.account, "bank_account")),
    ("결제 카드번호 ", (pieces.card, "card"), " 승인 취소 요청"),
    ("여권번호 ", (pieces.passport, "passport"), "로 출국 사실을 확인하였음."),
    ("운전면허번호 ", (pieces.licence, "driver_licence"), " 소지자"),
    ("건강보험증 번호 ", (pieces.health_insurance, "health_insurance"), "를 제출함."),
    ("신청인 주소: ", (pieces.road_address, "address")),
    ("거주지 ", (pieces.lot_address, "address"), "에 대한 현장 확인을 실시함."),
    (
        "자택 주소는 ",
        (pieces.road_address, "address"),
        "이며, 연락처는 ",
        (pieces.mobile, "phone"),
        "입니다.",
    ),
    # Hard negatives: public by law or not personal at all.
    ("담당: 행정지원과 주무관 ", (pieces.landline, None), ", ", (_work_email, None)),
    ("문의: 정보공개팀(", (pieces.landline, None), ")"),
    ("다산콜센터 02-120 또는 대표번호 ", (pieces.representative_number, None), "로 문의"),
    (
        "법인등록번호 ",
        (pieces.corporate_number, None),
        ", 사업자등록번호 ",
        (pieces.business_number, None),
    ),
    ("업체 사업자등록번호: ", (pieces.business_number, None), " (주)한빛건설"),
    ("시행일 ", (_date, None), ", 사업비 ", (_amount, None), " 집행"),
    ("문서번호 ", (_doc_number, None), "(", (_date, None), ") 관련"),
    ("세출예산 과목 ", (_budget_code, None), " 사업비 ", (_amount, None)),
    ("장소: 시청 본관 대회의실(", (_fixed("세종대로 110"), None), ")"),
    ("담당자 전자우편 ", (_work_email, None), ", 전화 ", (pieces.landline, None)),
    ("회의 결과 총 ", (_amount, None), "을 확정하였다."),
)


def _work_email_variant(rng: random.Random) -> str:
    return pieces.email_variant(rng, work=True)


def _compound_name(rng: random.Random) -> str:
    return rng.choice(("남궁", "제갈", "황보", "선우")) + rng.choice(pieces.GIVEN)


VARIANT_TEMPLATES: tuple[tuple[Part, ...], ...] = (
    ("주민등록번호 ", (pieces.rrn_variant, "rrn"), " 확인"),
    ("신청인 연락처 ", (pieces.mobile_variant, "phone"), "으로 회신함."),
    ("보호자 휴대전화: ", (pieces.mobile_variant, "phone")),
    ("신청인 이메일 ", (pieces.email_variant, "email"), " 으로 회신 바랍니다."),
    ("전자우편: ", (pieces.email_variant, "email")),
    ("여권번호 ", (pieces.passport_any, "passport"), "로 출국 사실을 확인하였음."),
    ("Passport No. ", (pieces.passport_any, "passport")),
    # Hard negatives: an official's address spelled out, codes near a passport's shape.
    ("담당 주무관 전자우편 ", (_work_email_variant, None)),
    ("문의: 정보공개팀(", (_fixed("02\u20132133\u20135678"), None), ")"),
    ("모델명 ", (pieces.passport_any, None), " 장비 3대를 구매한다."),
    ("시행일 ", (_date, None), ", 사업비 ", (_amount, None), " 집행"),
)


def _cued_name(rng: random.Random) -> tuple[list[str], list[str], tuple[Part, ...]]:
    """A private person named in context, an official named by title, or a cue word
    followed by no name; returns (names, officials, parts)."""
    name = _compound_name(rng) if rng.random() < 0.15 else pieces.person_name(rng)
    choice = rng.random()
    if choice < 0.55:
        template, kind, officials = rng.choice(pieces.CUED_NAMES), "person_name", []
    elif choice < 0.8:
        template, kind = rng.choice(pieces.OFFICIAL_NAMES), None
        officials = [name] if rng.random() < 0.5 else []
    else:
        return [], [], (rng.choice(pieces.CUE_WORDS),)
    before, after = template.split("{name}")
    parts: tuple[Part, ...] = (before, (_fixed(name), kind), after)
    if kind and rng.random() < 0.3:
        # Named once in context, then again bare: the second mention is the person too.
        parts = (*parts, ". ", (_fixed(name), kind), "의 주소지를 확인함.")
    return [], officials, parts


def _with_names(rng: random.Random) -> tuple[list[str], tuple[Part, ...]]:
    name = pieces.person_name(rng)
    particle = rng.choice(("은", "의", " 씨는", "에게", "이", "님께서는", ""))
    maker = _fixed(name)
    parts: tuple[Part, ...] = (
        "인사발령 대상자 ",
        (maker, "person_name"),
        particle,
        " 2025. 1. 1.자로 행정지원과 근무를 명함. ",
        (maker, "person_name"),
        " 주무관 참조.",
    )
    return [name], parts


def snippet(rng: random.Random, index: int) -> dict[str, object]:
    """One labelled snippet: prose around one template (or a names case)."""
    names: list[str] = []
    if index % 9 == 0:
        names, parts = _with_names(rng)
    else:
        parts = rng.choice(TEMPLATES)
    return _assemble(rng, f"gen-{index:04d}", parts, names)


def variant_snippet(rng: random.Random, index: int) -> dict[str, object]:
    """One labelled snippet of the variants: dashes, full-width, spelled-out e-mail,
    every passport letter, names in context."""
    names: list[str] = []
    officials: list[str] = []
    if index % 3 == 0:
        names, officials, parts = _cued_name(rng)
    else:
        parts = rng.choice(VARIANT_TEMPLATES)
    return _assemble(rng, f"var-{index:04d}", parts, names, officials)


def _assemble(
    rng: random.Random,
    case_id: str,
    parts: tuple[Part, ...],
    names: list[str],
    officials: list[str] | None = None,
) -> dict[str, object]:
    text, expected = rng.choice(PROSE) + " ", []
    for part in parts:
        if isinstance(part, str):
            text += part
            continue
        maker, kind = part
        value = maker(rng)
        if kind is not None:
            expected.append({"kind": kind, "start": len(text), "end": len(text) + len(value)})
        text += value
    text += " " + rng.choice(PROSE)
    case: dict[str, object] = {"id": case_id, "text": text, "names": names}
    if officials:
        case["officials"] = officials
    case["expected"] = expected
    return case


def handwritten(line: str) -> dict[str, object]:
    """One hand-written case: its [[kind|value]] labels become spans of the bare text.

    A fourth column, when present, names the document's officials (comma separated).
    """
    case_id, names, marked, *rest = line.split("\t")
    text, expected, cursor = "", [], 0
    for label in _LABEL.finditer(marked):
        text += marked[cursor : label.start()]
        value = label.group("value")
        expected.append(
            {"kind": label.group("kind"), "start": len(text), "end": len(text) + len(value)}
        )
        text += value
        cursor = label.end()
    text += marked[cursor:]
    case: dict[str, object] = {
        "id": case_id,
        "text": text,
        "names": [n for n in names.split(",") if n],
    }
    officials = [n for n in (rest[0] if rest else "").split(",") if n]
    if officials:
        case["officials"] = officials
    case["expected"] = expected
    return case


def main() -> None:
    rng = random.Random(SEED)
    lines = [json.dumps(snippet(rng, i), ensure_ascii=False) for i in range(COUNT)]
    variants = random.Random(VARIANT_SEED)
    lines += [
        json.dumps(variant_snippet(variants, i), ensure_ascii=False) for i in range(VARIANT_COUNT)
    ]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = [
        ln
        for ln in HANDWRITTEN.read_text(encoding="utf-8").splitlines()
        if ln and not ln.startswith("#")
    ]
    cases = [json.dumps(handwritten(ln), ensure_ascii=False) for ln in source]
    HANDWRITTEN_OUTPUT.write_text("\n".join(cases) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} generated and {len(cases)} hand-written snippets")


if __name__ == "__main__":
    main()
