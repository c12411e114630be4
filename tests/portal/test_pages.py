"""The public pages: what they show, to whom, and what they never show."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.portal.factories import approved_document, publish, republish, withdraw

pytestmark = pytest.mark.django_db


def _html(response) -> str:
    return str(response.content.decode())


def test_home_lists_recent_public_publications_to_every_visitor(visitor):
    publish(title="교량 점검 결과")
    approved_document(title="미공개 문서")
    response = visitor.get(reverse("portal:home"))
    assert response.status_code == 200
    assert "교량 점검 결과" in _html(response)
    assert "미공개 문서" not in _html(response)


def test_pages_carry_lang_attributes_a_skip_link_and_no_script(anonymous):
    publication = publish(title="교량 점검 결과", public_text="교량 점검을 실시하였다.")
    for url in (
        reverse("portal:home"),
        reverse("portal:search") + "?q=점검",
        reverse("portal:document", kwargs={"pk": publication.pk}),
        reverse("portal:verify"),
        reverse("portal:transparency"),
        reverse("portal:open-data"),
    ):
        html = _html(anonymous.get(url))
        assert re.search(r'<html lang="ko">', html), url
        assert 'href="#content"' in html, url
        assert 'id="content"' in html, url
        assert "<script" not in html.lower(), url


def test_the_search_form_is_a_plain_get_form_with_labels(anonymous):
    html = _html(anonymous.get(reverse("portal:search")))
    form = re.search(r'<form class="search-form"[^>]*>', html)
    assert form is not None
    assert 'method="get"' in form.group(0)
    for name in ("q", "unit", "kind", "date_from", "date_to"):
        assert f'<label for="id_{name}">' in html, name


def test_english_is_beside_korean(anonymous):
    korean = _html(anonymous.get(reverse("portal:home")))
    english = _html(anonymous.get(reverse("portal:home"), headers={"accept-language": "en"}))
    assert "검색" in korean
    assert '<html lang="en">' in english
    assert "Search" in english


def test_the_language_switch_posts_to_set_language(anonymous):
    response = anonymous.post(
        reverse("portal:set_language"), {"language": "en", "next": reverse("portal:home")}
    )
    assert response.status_code == 302
    html = _html(anonymous.get(reverse("portal:home")))
    assert '<html lang="en">' in html


def test_search_results_show_hits_marked_and_filters_narrow(visitor):
    publish(title="교량 보고", public_text="교량 점검을 마쳤다.")
    publish(title="예산 보고", public_text="예산 집행")
    html = _html(visitor.get(reverse("portal:search"), {"q": "점검은"}))
    assert "교량 보고" in html
    assert "예산 보고" not in html
    assert "<mark>점검</mark>" in html


def test_search_escapes_what_the_public_text_holds(anonymous):
    publish(title="보고", public_text="점검 <script>alert(1)</script>")
    html = _html(anonymous.get(reverse("portal:search"), {"q": "점검"}))
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_search_list_query_count_is_bounded(anonymous, django_assert_max_num_queries):
    for number in range(6):  # more hits than queries allowed: a query per hit would show
        publish(title=f"점검 {number}", public_text="점검 결과")
    with django_assert_max_num_queries(5):
        response = anonymous.get(reverse("portal:search"), {"q": "점검"})
    assert response.status_code == 200


def test_an_invalid_filter_shows_the_error_and_still_answers(anonymous):
    response = anonymous.get(
        reverse("portal:search"), {"date_from": "2026-03-10", "date_to": "2026-03-01"}
    )
    assert response.status_code == 200
    assert 'class="error"' in _html(response)


@pytest.mark.usefixtures("publishing")
def test_document_page_shows_metadata_grounds_text_and_pdf_link(visitors: dict[str, Client]):
    # GIVEN a partial publication with its signed PDF (made once, asked by every visitor)
    publication = publish(
        title="인사 점검",
        original="담당자 김담당(010-2345-6789)의 점검 결과",
        level="partial",
        grounds=[6],
        pdf=True,
    )
    for name, visitor in visitors.items():
        html = _html(visitor.get(reverse("portal:document", kwargs={"pk": publication.pk})))
        assert "인사 점검" in html, name
        assert publication.number in html, name
        assert "부분공개" in html, name
        assert "개인정보" in html, name
        assert "[비공개(6)]" in html, name
        assert "010-2345-6789" not in html, name
        assert reverse("portal:document-pdf", kwargs={"pk": publication.pk}) in html, name
        assert reverse("portal:verify") in html, name
        assert f"{reverse('portal:request-new')}?document={publication.pk}" in html, name


def test_a_closed_document_shows_its_metadata_alone(anonymous):
    publication = publish(
        title="감사 계획", original="내부 감사 세부 내용", level="closed", grounds=[5]
    )
    html = _html(anonymous.get(reverse("portal:document", kwargs={"pk": publication.pk})))
    assert "감사 계획" in html
    assert "비공개" in html
    assert "내부 감사 세부 내용" not in html
    assert reverse("portal:document-pdf", kwargs={"pk": publication.pk}) not in html
    assert reverse("portal:request-new") in html


def test_an_open_document_offers_no_request_for_withheld_parts(anonymous):
    publication = publish(title="공개 문서", public_text="본문")
    html = _html(anonymous.get(reverse("portal:document", kwargs={"pk": publication.pk})))
    assert "?document=" not in html


def test_a_never_published_document_is_404_for_everyone(visitor):
    # GIVEN an approved document awaiting its review: its only id is the document's
    document = approved_document(title="미공개")
    response = visitor.get(reverse("portal:document", kwargs={"pk": document.pk}))
    assert response.status_code == 404
    assert visitor.get(reverse("portal:document", kwargs={"pk": 999999})).status_code == 404


@pytest.mark.usefixtures("publishing")
def test_a_withdrawn_document_is_410_with_its_title_number_date_and_reason(
    visitors: dict[str, Client],
):
    # GIVEN a publication whose signed PDF was served, then withdrawn
    published = publish(title="철회 문서", public_text="교량 보수 예정 구간 안내", pdf=True)
    pdf_url = reverse("portal:document-pdf", kwargs={"pk": published.pk})
    assert visitors["anonymous"].get(pdf_url).status_code == 200
    publication = withdraw(published, reason="오기 정정")
    for name, visitor in visitors.items():
        response = visitor.get(reverse("portal:document", kwargs={"pk": publication.pk}))
        html = _html(response)
        assert response.status_code == 410, name
        assert "철회" in html, name
        assert "오기 정정" in html, name
        assert publication.withdrawn_at is not None
        assert publication.withdrawn_at.astimezone().strftime("%Y") in html, name
        # AND it still names the document by its title and number, but not its content
        assert "철회 문서" in html, name
        assert publication.number in html, name
        assert publication.unit_name in html, name
        assert "교량 보수 예정 구간 안내" not in html, name
        assert visitor.get(pdf_url).status_code == 404, name


@pytest.mark.usefixtures("publishing")
def test_the_public_pdf_is_served_for_open_and_partial_only(anonymous):
    # GIVEN an open publication with its signed PDF
    open_one = publish(title="공개", pdf=True)
    url = reverse("portal:document-pdf", kwargs={"pk": open_one.pk})
    response = anonymous.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == Path(open_one.public_pdf.path).read_bytes()
    # WHEN it is re-reviewed as closed and published again THEN it has no PDF to serve
    closed = republish(open_one, level="closed", grounds=[2])
    assert (closed.pk, closed.level) == (open_one.pk, "closed")
    assert anonymous.get(url).status_code == 404


def test_only_released_attachments_are_listed_and_served(anonymous):
    from documents.models import Attachment

    # GIVEN a partial document with two attachments, one released by the records officer
    publication = publish(
        title="첨부 문서",
        public_text="본문",
        level="partial",
        grounds=[6],
        attachments=("released.txt", "withheld.txt"),
        released=("released.txt",),
    )
    released = publication.document.attachments.get(name="released.txt")
    withheld = publication.document.attachments.get(name="withheld.txt")
    page = _html(anonymous.get(reverse("portal:document", kwargs={"pk": publication.pk})))
    assert "released.txt" in page
    assert "withheld.txt" not in page

    def fetch(attachment: Attachment) -> int:
        url = reverse(
            "portal:attachment", kwargs={"pk": publication.pk, "attachment_id": attachment.pk}
        )
        status: int = anonymous.get(url).status_code
        return status

    assert fetch(released) == 200
    assert fetch(withheld) == 404
    withdraw(publication)
    assert fetch(released) == 404


def test_robots_txt_points_to_the_sitemap(anonymous):
    response = anonymous.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_the_sitemap_lists_public_documents_only(anonymous):
    shown = publish(title="공개")
    approved_document(title="미공개")  # approved, never published: it has no page
    withdraw(publish(title="철회"))
    index = anonymous.get("/sitemap.xml").content.decode()
    assert "sitemap-documents.xml" in index
    body = anonymous.get("/sitemap-documents.xml").content.decode()
    assert re.findall(r"/documents/(\d+)/", body) == [str(shown.pk)]


def test_the_feed_lists_recent_public_publications_only(visitor):
    shown = publish(title="교량 점검", public_text="점검 결과 요약")
    approved_document(title="미공개 문서")
    withdraw(publish(title="철회 문서"))
    response = visitor.get(reverse("portal:feed"))
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "교량 점검" in body
    assert f"/documents/{shown.pk}/" in body
    assert "미공개 문서" not in body
    assert "철회 문서" not in body


def test_the_feed_query_count_is_bounded(anonymous, django_assert_max_num_queries):
    for number in range(4):  # more entries than queries allowed: a query per entry would show
        publish(title=f"문서 {number}")
    with django_assert_max_num_queries(2):
        anonymous.get(reverse("portal:feed"))


def test_the_order_can_be_chosen_on_the_search_page(anonymous):
    import datetime as dt

    from django.utils import timezone

    # Published a day apart (the earlier one's date moved back: the tests' clock)
    publish(
        title="점검 결과", public_text="결과", published_at=timezone.now() - dt.timedelta(days=1)
    )
    publish(title="예산 보고", public_text="점검 일정")
    newest = _html(anonymous.get(reverse("portal:search"), {"q": "점검"}))
    best = _html(anonymous.get(reverse("portal:search"), {"q": "점검", "sort": "relevance"}))
    assert newest.index("예산 보고") < newest.index("점검 결과")
    assert best.index("점검 결과") < best.index("예산 보고")
    assert '<label for="id_sort">' in newest
