"""No public output carries personal information the detector found in the original.

GIVEN documents whose original text holds a resident registration number, phones,
an e-mail address, a home address and a private person's name, published partial
and closed through tagging and review (the detector learns the name, as it does in
the product, from a structured field: the payee of a compensation), WHEN every
public output is fetched (pages, search snippets, feed, sitemap, open data in JSON
and CSV, transparency) THEN none contains any substring the detector, told that
name, finds in the original.
"""

import pytest
from django.urls import reverse

from disclosure.detection import DetectionConfig, detect
from tests.portal.factories import publish

pytestmark = pytest.mark.django_db

PRIVATE_NAME = "홍길동"
ORIGINAL = (
    f"민원인 {PRIVATE_NAME}(주민등록번호 800101-1234567, 연락처 010-2345-6789, "
    "hong.gildong@gmail.com)의 요청에 따라 교량 점검을 실시하였다. "
    "주소: 서울특별시 중구 세종대로 110. 점검은 3일간 진행되었다."
)
CONFIG = DetectionConfig(private_names=(PRIVATE_NAME,))
PURPOSE = "민원 손실보상금 지급"


def _secrets() -> list[str]:
    found = [ORIGINAL[f.start : f.end] for f in detect(ORIGINAL, CONFIG)]
    kinds = {f.kind.value for f in detect(ORIGINAL, CONFIG)}
    # The seed must exercise every kind this test is about, or it proves nothing.
    assert {"rrn", "phone", "email", "person_name"} <= kinds
    return found


@pytest.fixture
def seeded():
    partial = publish(
        title="교량 점검 결과 보고",
        original=ORIGINAL,
        level="partial",
        grounds=[6],
        kind="budget",
        budget__payee=PRIVATE_NAME,
        budget__purpose=PURPOSE,
    )
    closed = publish(
        title="민원 처리 결과",
        original=ORIGINAL,
        level="closed",
        grounds=[6],
        kind="budget",
        budget__payee=PRIVATE_NAME,
        budget__purpose=PURPOSE,
    )
    return partial, closed


def _outputs(client, partial, closed) -> dict[str, str]:
    urls = {
        "home": reverse("portal:home"),
        "search": reverse("portal:search") + "?q=점검",
        "partial page": reverse("portal:document", kwargs={"pk": partial.pk}),
        "closed page": reverse("portal:document", kwargs={"pk": closed.pk}),
        "request form": reverse("portal:request-new") + f"?document={partial.pk}",
        "feed": reverse("portal:feed"),
        "sitemap": "/sitemap-documents.xml",
        "json": reverse("portal:open-data-publications"),
        "transparency": reverse("portal:transparency"),
        "transparency json": reverse("portal:open-data-transparency"),
    }
    outputs = {name: client.get(url).content.decode() for name, url in urls.items()}
    csv = client.get(reverse("portal:open-data-publications-csv"))
    outputs["csv"] = b"".join(csv.streaming_content).decode("utf-8-sig")
    return outputs


def test_no_public_output_contains_what_the_detector_found(anonymous, seeded):
    partial, closed = seeded
    secrets = _secrets()
    outputs = _outputs(anonymous, partial, closed)
    # The outputs are real: the document is there, with its marks.
    assert "교량 점검 결과 보고" in outputs["search"]
    assert "[비공개(6)]" in outputs["partial page"]
    assert "<mark>점검</mark>" in outputs["search"]
    for name, body in outputs.items():
        for secret in secrets:
            assert secret not in body, f"{name} shows a finding"


def test_searching_for_a_redacted_name_finds_nothing(anonymous, seeded):
    html = anonymous.get(reverse("portal:search"), {"q": PRIVATE_NAME}).content.decode()
    assert "교량 점검 결과 보고" not in html
