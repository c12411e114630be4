"""The whole road once for the variants of issue 11.

GIVEN a memo whose title and body hold a private person's name in context, resident
numbers and phones with other dashes and full-width digits, spelled-out and
full-width e-mail and a 2021-form passport number, and its officials' names,
WHEN it is walked to approval, tagged, decided partial with the suggested
redactions and published with its public PDF,
THEN none of the values is on the portal page, in the feed, in search snippets or in
the public PDF, and the officials' names are.
"""

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.urls import reverse

from disclosure.detection.folding import fold
from disclosure.models import DisclosureReview
from tests.disclosure.eval.pieces import fullwidth
from tests.disclosure.pdf_text import hidden_strings, visible_text
from tests.disclosure.records import publishing  # noqa: F401 - fixture
from tests.portal import factories
from tests.support.walk import organisation_of

pytestmark = pytest.mark.django_db

PRIVATE = "홍길동"
COMPANION = "김영희"
VALUES = (
    PRIVATE,
    COMPANION,
    "010\u20142345\u20146789",  # em dashes
    fullwidth("900101-1234568"),  # full-width digits and hyphen
    "850315\u20131234567",  # en dash
    fullwidth("010-9876-5432"),
    "hong (at) gmail (dot) com",
    "gildong 골뱅이 naver.com",
    "jiwoo\uff20daum.net",  # a full-width at sign
    "G123A4567",
)
TITLE = f"민원인 {PRIVATE}의 민원에 대한 회신 (연락처 {VALUES[2]})"


def _body(drafter: str, leader: str) -> str:
    return "\n".join(
        [
            f"1. 민원인 {PRIVATE}의 주민등록번호 {VALUES[3]} 확인 후 회신합니다.",
            f"2. 동행한 신청인 {COMPANION} 씨(주민등록번호 {VALUES[4]})의 휴대전화 {VALUES[5]}",
            f"3. 회신 전자우편 {VALUES[6]} 또는 {VALUES[7]}, {VALUES[8]}",
            f"4. 여권번호 {VALUES[9]} 확인 완료.",
            f"5. {PRIVATE}은 현장 확인을 요청하였다.",
            f"6. 담당자 {drafter} 주무관이 회신하며 {leader}님께 보고하였다.",
        ]
    )


@pytest.fixture
def published(publishing, settings, tmp_path) -> Iterator[tuple[object, str, str]]:  # noqa: F811
    settings.MEDIA_ROOT = tmp_path / "media"
    factories.new_test(signing_keys=True)
    cache.clear()
    team = factories.unit("민원회신팀")
    org = organisation_of(team)
    assert org is not None
    drafter, leader = org.drafter.name, org.chain.team_leader.name
    publication = factories.publish(
        title=TITLE,
        original=_body(drafter, leader),
        level="partial",
        grounds=[6],
        unit=team,
        pdf=True,
    )
    yield publication, drafter, leader
    cache.clear()


def _secrets() -> list[str]:
    """Each value as typed, and as it reads folded (ASCII digits, one dash)."""
    return sorted({v for value in VALUES for v in (value, fold(value))})


def test_no_variant_reaches_a_public_surface_and_officials_stay(published, client):
    publication, drafter, leader = published
    review = DisclosureReview.objects.get(document_id=publication.document_id)
    # The redactions were the detector's suggestions, one per value (the name twice
    # in the body, once in the title), each with its reason.
    detected = review.redactions.filter(source="detector")
    assert detected.count() >= len(VALUES) + 2
    assert all(r.reason for r in detected)
    assert detected.filter(reason__contains="민원인, 신청인, 청구인").exists()
    pdf = publication.public_pdf.path
    with open(pdf, "rb") as handle:
        data = handle.read()
    surfaces = {
        "page": client.get(reverse("portal:document", kwargs={"pk": publication.pk})),
        "feed": client.get(reverse("portal:feed")),
        "search": client.get(reverse("portal:search") + "?q=회신"),
    }
    texts = {name: answer.content.decode() for name, answer in surfaces.items()}
    texts["pdf text"] = visible_text(pdf).replace("\n", "")
    texts["pdf strings"] = hidden_strings(data)
    # The surfaces are real: the document is there with its marks.
    assert "[비공개(6)]" in texts["page"]
    assert "<mark>회신</mark>" in texts["search"]
    assert "[비공개(6)]" in texts["pdf text"]
    for name, text in texts.items():
        for secret in _secrets():
            assert secret not in text, f"the {name} shows {secret!r}"
    # Officials' names are public (Article 9(1)6): the body still names them, the
    # drafter after his title, the team leader as one of the document's line.
    assert f"담당자 {drafter} 주무관" in publication.public_text
    assert f"{leader}님께 보고" in publication.public_text
