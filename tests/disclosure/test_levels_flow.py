"""Disclosure levels that follow Article 9(1), through the real flow: a drafter who
proposed "open", the approval, the tagging, the seven-day auto-publication, the
records officer's console and the event that ends a time-limited withholding."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import AuditEvent
from disclosure.models import DisclosureReview, ReviewStatus, WithholdingLapse
from disclosure.services.publish import publication_publish, publications_auto_publish
from disclosure.services.review import review_decide
from disclosure.services.tagging import disclosure_tag, disclosure_tag_on_approval
from portal.selectors import public_publications
from tests.disclosure.records import approved_document, officer, publishing  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publishing")]

CIVIL_DEFENCE_PLAN = (
    "<p>2026년 민방위 대피 훈련 세부 시행계획을 다음과 같이 수립합니다.</p>"
    "<p>가. 대피 시설별 통제 인원 배치(대외비)</p><p>나. 훈련 일정: 2026. 8. 20.</p>"
)
PRE_TENDER_PRICE = (
    "<p>○○로 확장공사 발주에 앞서 예정가격을 다음과 같이 결정합니다.</p>"
    "<p>가. 예정가격: 4,812,000,000원</p><p>나. 입찰 공고 예정: 2026. 9. 1.</p>"
)
PROMOTION_RATING = (
    "<p>2026년 하반기 5급 승진 후보자 근무성적평정 점수를 보고합니다.</p>"
    "<p>가. 대상: 행정6급 48명</p><p>나. 개인별 평정점: 붙임 명부</p>"
)
TENDER_RESULT = (
    "<p>「서울광장 잔디 교체 공사」 전자입찰 결과를 다음과 같이 공고합니다.</p>"
    "<p>가. 낙찰자: (주)푸른조경, 낙찰금액 312,450,000원</p>"
    "<p>나. 예정가격: 356,100,000원</p>"
)
THANK_YOU_PLAQUE = (
    "<p>정년퇴직 공무원의 공로에 감사하는 뜻으로 감사패를 수여하고자 합니다.</p>"
    "<p>가. 수여 일시: 2026. 6. 26.(금) 15:00, 다목적홀</p>"
)


def _tagged(body: str, kind: str = "memo", title: str = "보고") -> DisclosureReview:
    document = approved_document(kind, title=title, body=body, proposed_disclosure_level="open")
    return disclosure_tag(document_id=document.pk)


def _days_pass(settings) -> None:
    settings.DISCLOSURE_AUTO_PUBLISH_DAYS = 7
    DisclosureReview.objects.update(queued_at=timezone.now() - dt.timedelta(days=8))


def _console(person) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=person.user)
    return client


@pytest.mark.parametrize(
    ("kind", "body", "ground", "level"),
    [
        ("memo", CIVIL_DEFENCE_PLAN, 1, "closed"),
        ("budget", PRE_TENDER_PRICE, 5, "closed"),
        ("personnel", PROMOTION_RATING, 5, "closed"),
    ],
    ids=["대외비 plan", "pre-tender 예정가격", "promotion rating"],
)
def test_a_document_the_law_withholds_is_never_published_automatically(
    settings, kind, body, ground, level
):
    # GIVEN a document its drafter proposed "open", approved and tagged
    review = _tagged(body, kind=kind)
    # THEN the suggestion withholds it on its ground, with the rule's source
    assert review.suggested_level == level
    assert ground in review.suggested_grounds
    assert review.has_signals
    signal = next(e for e in review.explanations if e["ground"] == ground)
    assert signal["citation"].startswith(f"정보공개법 제9조제1항제{ground}호")
    # WHEN the seven days pass with no one deciding
    _days_pass(settings)
    # THEN the sweep publishes nothing: an officer has to decide
    assert publications_auto_publish() == 0
    assert not public_publications().filter(document=review.document).exists()
    # AND the console says why
    answer = _console(officer()).get(f"/api/disclosure/reviews/{review.pk}/")
    assert answer.status_code == 200
    assert "has_signals" in answer.json()["auto_publication"]["blocked_by"]


def test_a_signal_keeps_it_for_an_officer_even_when_the_proposal_agrees_and_is_set_open(settings):
    # GIVEN a 대외비 plan whose drafter proposed exactly what the rules suggest
    document = approved_document(
        title="민방위 훈련 계획", body=CIVIL_DEFENCE_PLAN,
        proposed_disclosure_level="closed", proposed_disclosure_grounds=[1],
    )  # fmt: skip
    review = disclosure_tag(document_id=document.pk)
    assert not review.disagrees
    # WHEN a records officer sets it open without publishing, and the days pass
    review_decide(review=review, actor=officer(), level="open", grounds=[], reason="검토")
    _days_pass(settings)
    # THEN only the signal keeps it from the sweep, and the console says so
    assert publications_auto_publish() == 0
    answer = _console(officer()).get(f"/api/disclosure/reviews/{review.pk}/")
    assert answer.json()["auto_publication"] == {"eligible": False, "blocked_by": ["has_signals"]}


@pytest.mark.parametrize(
    "body", [TENDER_RESULT, THANK_YOU_PLAQUE], ids=["tender result after award", "감사패"]
)
def test_words_that_only_look_like_a_ground_are_suggested_open_and_published(settings, body):
    # GIVEN a tender result after the award, or a thank-you plaque, proposed open
    review = _tagged(body)
    # THEN the suggestion is open, with no signal standing
    assert (review.suggested_level, review.suggested_grounds) == ("open", [])
    assert not review.has_signals
    assert not review.disagrees
    # AND after the seven days the sweep publishes it
    _days_pass(settings)
    assert publications_auto_publish() == 1
    assert public_publications().filter(document=review.document).exists()


def test_a_ground_5_withholding_reopens_when_its_event_is_recorded():
    # GIVEN a pre-tender estimated price, published closed on ground 5
    review = _tagged(PRE_TENDER_PRICE, kind="budget")
    assert review.lapse_events == ["contract_awarded", "tender_announced"]
    records = officer()
    review_decide(review=review, actor=records, level="closed", grounds=[5], reason="입찰 전")
    publication_publish(document=review.document, actor=records)
    assert DisclosureReview.objects.get(pk=review.pk).status == ReviewStatus.PUBLISHED
    # WHEN the records officer records that the contract was awarded
    answer = _console(records).post(
        f"/api/disclosure/reviews/{review.pk}/lapse/",
        {"event": "contract_awarded", "occurred_on": "2026-09-30", "note": "낙찰자 결정"},
        format="json",
    )
    # THEN the review is back in the queue, open, with nothing left to wait for
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert data["review"]["status"] == ReviewStatus.PENDING
    assert (data["review"]["level"], data["review"]["grounds"]) == ("open", [])
    assert data["lapse_events"] == []
    assert data["has_signals"] is False
    assert [lapse["event"] for lapse in data["lapses"]] == ["contract_awarded"]
    assert AuditEvent.objects.filter(action="disclosure.lapse_recorded").count() == 1
    # AND the same event cannot be recorded twice, nor one the document does not wait for
    again = _console(records).post(
        f"/api/disclosure/reviews/{review.pk}/lapse/", {"event": "contract_awarded"}, format="json"
    )
    assert again.status_code == 409
    other = _console(records).post(
        f"/api/disclosure/reviews/{review.pk}/lapse/", {"event": "case_closed"}, format="json"
    )
    assert other.status_code == 409


def test_only_a_records_officer_records_a_lapse():
    review = _tagged(PRE_TENDER_PRICE, kind="budget")
    drafter = review.document.drafter
    answer = _console(drafter).post(
        f"/api/disclosure/reviews/{review.pk}/lapse/", {"event": "contract_awarded"}, format="json"
    )
    assert answer.status_code == 403
    assert not WithholdingLapse.objects.exists()


def test_the_related_decisions_approval_records_decision_taken(
    django_capture_on_commit_callbacks,
):
    # GIVEN a draft under internal review, published partial on ground 5, naming its decision
    review = _tagged("<p>조례 개정안을 내부 검토 중입니다.</p><p>개정 배경: 주차장 개방</p>")
    assert review.lapse_events == ["decision_taken"]
    decision = approved_document(body="<p>조례 개정안 확정</p>", proposed_disclosure_level="open")
    records = officer()
    review_decide(
        review=review, actor=records, level="partial", grounds=[5], reason="검토 중",
        related_document=decision,
    )  # fmt: skip
    publication_publish(document=review.document, actor=records)
    # WHEN the decision is approved
    with django_capture_on_commit_callbacks(execute=True):
        disclosure_tag_on_approval(document=decision)
    # THEN the event is recorded by itself and the review is back in the queue, open
    review.refresh_from_db()
    assert list(review.lapses.values_list("event", flat=True)) == ["decision_taken"]
    assert review.status == ReviewStatus.PENDING
    assert (review.level, review.grounds) == ("open", [])
