"""The public verification page: look up a number or a file hash, or upload a PDF."""

import datetime as dt
import hashlib
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from portal.models import Publication
from portal.selectors import verification_by_number
from signing.verification import VerificationResult
from tests.portal.factories import (
    approved_document,
    publish,
    sign_official,
    unit,
    withdraw,
)

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


def _upload(client: Client, data: bytes, name: str = "document.pdf"):
    file = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(reverse("portal:verify"), {"file": file})


def test_the_form_is_a_labelled_multipart_post_with_csrf(visitor):
    html = visitor.get(reverse("portal:verify")).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="id_file">' in html


def test_csrf_is_enforced():
    client = Client(enforce_csrf_checks=True)
    assert _upload(client, b"%PDF-1.7").status_code == 403


def _file(publication: Publication) -> bytes:
    """The signed public PDF the portal serves for ``publication``."""
    return Path(publication.public_pdf.path).read_bytes()


@pytest.mark.usefixtures("publishing")
def test_a_signed_pdf_is_valid_and_matched_to_its_publication(visitors: dict[str, Client]):
    # GIVEN a publication with its signed public PDF (made once, uploaded by every visitor)
    publication = publish(title="공개 문서", pdf=True)
    for name, visitor in visitors.items():
        html = _upload(visitor, _file(publication)).content.decode()
        assert "유효한 서명" in html, name
        assert "신뢰할 수 있는 서명자" in html, name
        assert publication.number in html, name
        assert f"/documents/{publication.pk}/" in html, name


@pytest.mark.usefixtures("publishing")
def test_a_changed_pdf_is_not_valid(anonymous):
    # GIVEN a publication's signed PDF with bytes appended
    changed = _file(publish(title="공개 문서", pdf=True)) + b"\n% appended\n"
    html = _upload(anonymous, changed).content.decode()
    assert "유효하지 않음" in html
    assert "이 파일과 일치하는 공개 문서가 없습니다" in html


def test_a_file_that_is_not_a_pdf_is_not_valid(anonymous):
    html = _upload(anonymous, b"hello").content.decode()
    assert "유효하지 않음" in html


@pytest.mark.usefixtures("publishing")
def test_a_withdrawn_publication_is_not_named(anonymous):
    # GIVEN a publication, and its document's official PDF: our trusted signature names
    # the approved version, so an upload of it is matched to the publication
    publication = publish(title="철회 문서")
    official = sign_official(publication.document).pdf.read()
    assert "철회 문서" in _upload(anonymous, official).content.decode()
    # WHEN the publication is withdrawn THEN the same upload no longer names it
    withdraw(publication)
    html = _upload(anonymous, official).content.decode()
    assert "유효한 서명" in html
    assert "철회 문서" not in html


def test_an_empty_form_names_the_field(anonymous):
    response = anonymous.post(reverse("portal:verify"), {})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()


def test_uploads_are_rate_limited_per_client(anonymous, settings):
    settings.PORTAL_VERIFY_RATE = "2/min"
    assert _upload(anonymous, b"x").status_code == 200
    assert _upload(anonymous, b"x").status_code == 200
    assert _upload(anonymous, b"x").status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert _upload(other, b"x").status_code == 200


# The look-ups: the QR code's ?document=<number>[&year=], and ?hash=<file SHA-256>.


def _lookup(client: Client, **params: str | int | None):
    """GET the page with ``params``; a None (a number the model may lack) is left out."""
    query = {name: value for name, value in params.items() if value is not None}
    return client.get(reverse("portal:verify"), query)


@pytest.mark.usefixtures("publishing")
def test_the_qr_link_of_a_published_document_shows_its_public_record(
    visitors: dict[str, Client],
):
    # GIVEN a published document whose official PDF is signed
    publication = publish(title="도로 안전점검 결과 보고", level="partial", grounds=[6])
    sign_official(publication.document)
    for name, visitor in visitors.items():
        # WHEN its QR code is followed
        response = _lookup(visitor, document=publication.document.number)
        # THEN the page names it by its public record and links its portal page
        html = response.content.decode()
        assert response.status_code == 200, name
        assert "도로 안전점검 결과 보고" in html, name
        assert publication.number in html, name
        assert publication.unit_name in html, name
        assert publication.approved_at.astimezone(SEOUL).strftime("%Y-%m-%d") in html, name
        assert "부분공개" in html, name
        assert f'href="/documents/{publication.pk}/"' in html, name
        assert "결재를 마치고 전자서명한 문서입니다" in html, name
        # AND the upload form is still below
        assert 'enctype="multipart/form-data"' in html, name


def test_an_unpublished_approved_document_is_only_said_to_exist(visitor):
    # GIVEN an approved document that was never published and has no signed PDF yet
    document = approved_document(title="내부 검토 중인 인사 문서", body="<p>본문</p>")
    # WHEN its number is looked up
    response = _lookup(visitor, document=document.number)
    # THEN the page says it exists, is approved, and its PDF is being prepared
    html = response.content.decode()
    assert response.status_code == 200
    assert "이 번호의 문서가 있습니다" in html
    assert "전자서명한 PDF는 아직 준비하고 있습니다" in html
    assert "결재를 마치고 전자서명한 문서입니다" not in html
    # AND nothing else: no title, no date beyond the year, no content hash
    assert "내부 검토 중인 인사 문서" not in html
    assert document.approved_at is not None
    assert document.approved_at.astimezone(SEOUL).strftime("%Y-%m-%d") not in html
    assert document.current_version is not None
    assert document.current_version.content_hash not in html
    assert "/documents/" not in html


@pytest.mark.usefixtures("publishing")
def test_an_unpublished_document_with_a_signed_pdf_is_said_signed(anonymous):
    # GIVEN an approved, unpublished document whose official PDF is signed
    document = approved_document(title="서명된 내부 문서", body="<p>본문</p>")
    rendition = sign_official(document)
    # WHEN its number is looked up
    html = _lookup(anonymous, document=document.number).content.decode()
    # THEN the page says the city signed it, and still not its title or the PDF's hash
    assert "결재를 마치고 전자서명한 문서입니다" in html
    assert "아직 준비하고 있습니다" not in html
    assert "서명된 내부 문서" not in html
    assert rendition.sha256 not in html


@pytest.mark.parametrize("state", ["never published", "withdrawn"])
def test_a_publication_that_is_not_public_is_answered_as_unpublished(anonymous, state):
    # GIVEN an approved document awaiting its review, or a withdrawn publication
    if state == "withdrawn":
        document = withdraw(publish(title="철회된 공개 문서")).document
    else:
        document = approved_document(title="철회된 공개 문서")
    # WHEN its number is looked up
    html = _lookup(anonymous, document=document.number).content.decode()
    # THEN only its existence is told: no title, no link to a page
    assert "이 번호의 문서가 있습니다" in html
    assert "철회된 공개 문서" not in html
    assert "/documents/" not in html


def test_the_year_picks_the_document_of_that_year(anonymous):
    # GIVEN this year's published document and last year's one with the same number
    # (the serial restarts each year; last year's was approved then: the tests' clock)
    this_year = publish(title="올해 문서").document
    assert this_year.number_year is not None
    last_june = dt.datetime(this_year.number_year - 1, 6, 1, 3, 0, tzinfo=dt.UTC)
    last_year = approved_document(title="작년 문서", unit=this_year.unit, approved_at=last_june)
    assert (last_year.number, last_year.number_year) == (
        this_year.number,
        this_year.number_year - 1,
    )
    # WHEN the number is looked up with each year, and without one
    current = _lookup(anonymous, document=this_year.number, year=this_year.number_year)
    previous = _lookup(anonymous, document=this_year.number, year=this_year.number_year - 1)
    both = _lookup(anonymous, document=this_year.number)
    absent = _lookup(anonymous, document=this_year.number, year=this_year.number_year - 5)
    # THEN each year answers its own document; no year answers both
    assert "올해 문서" in current.content.decode()
    assert "1건" in current.content.decode()
    assert previous.status_code == 200
    assert "올해 문서" not in previous.content.decode()
    assert f"<dd>{this_year.number_year - 1}</dd>" in previous.content.decode()
    assert "2건" in both.content.decode()
    assert absent.status_code == 404
    assert f"{this_year.number_year - 5}년에 결재된 문서 가운데" in absent.content.decode()


def test_two_units_with_the_same_name_are_both_listed(anonymous):
    # GIVEN two units named alike, each with an approved document of the same number
    published = publish(title="예산 집행 공개 문서", unit=unit("예산총괄팀")).document
    other = approved_document(title="다른 팀 내부 문서", unit=unit("예산총괄팀"))
    assert (other.number, other.number_year) == (published.number, published.number_year)
    # WHEN the number is looked up with its year
    response = _lookup(anonymous, document=published.number, year=published.number_year)
    # THEN both are listed, the unpublished one by its existence only
    html = response.content.decode()
    assert response.status_code == 200
    assert "2건" in html
    assert "이름이 같은 부서의 문서는 번호가 같을 수 있습니다" in html
    assert "예산 집행 공개 문서" in html
    assert "이 번호의 문서가 있습니다" in html
    assert "다른 팀 내부 문서" not in html


def test_the_look_up_reads_every_match_in_two_queries(django_assert_num_queries):
    # GIVEN three documents of one number (three units named alike), one of them published
    first = publish(title="공개 문서", unit=unit("팀")).document
    for _ in range(2):
        assert approved_document(title="내부", unit=unit("팀")).number == first.number
    # WHEN they are looked up THEN the documents and their publications take a query each
    with django_assert_num_queries(2):
        matches = verification_by_number(number=str(first.number))
    assert len(matches) == 3
    assert [m.published is not None for m in matches].count(True) == 1


def test_an_unknown_number_is_404(anonymous):
    # GIVEN an approved document
    document = approved_document(title="문서")
    assert document.number
    # WHEN a number that is only part of it is looked up
    response = _lookup(anonymous, document=document.number[:-1])
    # THEN no document has it: numbers match exactly
    assert response.status_code == 404
    assert "이 번호의 문서가 없습니다" in response.content.decode()


@pytest.mark.usefixtures("publishing")
def test_the_hash_of_a_signed_official_pdf_names_its_document(anonymous):
    # GIVEN an unpublished approved document whose official PDF is signed
    document = approved_document(title="내부 문서")
    rendition = sign_official(document)
    # WHEN the citizen gives the SHA-256 of the PDF, in either case
    lower = _lookup(anonymous, hash=rendition.sha256)
    upper = _lookup(anonymous, hash=rendition.sha256.upper())
    # THEN the page says it is a PDF the city signed, of that document number
    for response in (lower, upper):
        html = response.content.decode()
        assert response.status_code == 200
        assert f"{django_settings.SIGNING_ORGANIZATION}에서 전자서명한 PDF입니다" in html
        assert str(document.number) in html
        assert "내부 문서" not in html


@pytest.mark.usefixtures("publishing")
def test_the_hash_of_a_published_pdf_names_its_publication(anonymous):
    # GIVEN a published document with its public PDF
    publication = publish(title="공개 PDF 문서", pdf=True)
    # WHEN the hash of that file is given
    response = _lookup(anonymous, hash=hashlib.sha256(_file(publication)).hexdigest())
    # THEN its public record is shown
    assert response.status_code == 200
    assert "공개 PDF 문서" in response.content.decode()
    assert f"/documents/{publication.pk}/" in response.content.decode()


@pytest.mark.usefixtures("publishing")
def test_an_approved_versions_content_hash_matches_nothing(anonymous):
    # GIVEN a published partial document (its approved hash covers what was redacted)
    publication = publish(title="부분공개 문서", level="partial", grounds=[6])
    sign_official(publication.document)
    # WHEN someone gives the approved version's content hash as a file hash
    response = _lookup(anonymous, hash=publication.version.content_hash)
    # THEN it matches no PDF: the page cannot confirm guesses of the original
    assert response.status_code == 404
    assert "부분공개 문서" not in response.content.decode()


def test_an_unknown_hash_is_404(anonymous):
    response = _lookup(anonymous, hash="0" * 64)
    assert response.status_code == 404
    organization = django_settings.SIGNING_ORGANIZATION
    assert f"{organization}에서 전자서명한 PDF 가운데 이 해시값을 가진 파일이 없습니다" in (
        response.content.decode()
    )


@pytest.mark.parametrize("value", ["xyz", "a" * 63, "a" * 65, "g" * 64, "a" * 32 + " " + "a" * 31])
def test_a_malformed_hash_is_a_form_error_naming_it(anonymous, value):
    response = _lookup(anonymous, hash=value)
    html = response.content.decode()
    assert response.status_code == 400
    assert '<p class="error">hash 값은' in html


def test_a_number_and_a_hash_together_are_refused(anonymous):
    response = _lookup(anonymous, document="예산총괄팀-1", hash="0" * 64)
    assert response.status_code == 400
    assert "하나만 입력하세요" in response.content.decode()


def test_a_year_alone_asks_for_the_number(anonymous):
    response = _lookup(anonymous, year=2026)
    assert response.status_code == 400
    assert 'class="field has-error"' in response.content.decode()


def test_empty_parameters_show_the_forms(anonymous):
    response = _lookup(anonymous, document="", year="", hash="")
    assert response.status_code == 200
    assert "verification" not in response.content.decode()


@pytest.mark.usefixtures("publishing")
def test_the_log_names_neither_the_number_nor_the_hash(anonymous, caplog):
    document = approved_document(title="문서")
    rendition = sign_official(document)
    with caplog.at_level(logging.DEBUG, logger="portal"):
        _lookup(anonymous, document=document.number)
        _lookup(anonymous, hash=rendition.sha256)
    assert caplog.records
    assert str(document.number) not in caplog.text
    assert rendition.sha256 not in caplog.text


def test_look_ups_share_the_upload_rate_limit(anonymous, settings):
    # GIVEN a verification rate of three a minute
    settings.PORTAL_VERIFY_RATE = "3/min"
    # WHEN one client looks up twice and uploads once
    assert _lookup(anonymous, document="없는-1").status_code == 404
    assert _lookup(anonymous, hash="0" * 64).status_code == 404
    assert _upload(anonymous, b"x").status_code == 200
    # THEN its next look-up is refused, while the bare page and other clients still answer
    assert _lookup(anonymous, document="없는-1").status_code == 429
    assert anonymous.get(reverse("portal:verify")).status_code == 200
    assert _lookup(Client(REMOTE_ADDR="10.0.0.9"), document="없는-1").status_code == 404


@pytest.mark.parametrize(("trusted", "named"), [(False, False), (True, True)])
def test_an_upload_is_matched_by_content_hash_only_under_a_trusted_signature(
    anonymous, monkeypatch, trusted, named
):
    # GIVEN a published document, and an upload whose intact signature names its
    # approved content hash (anyone can sign a file naming a guessed hash)
    publication = publish(title="부분공개 문서", level="partial", grounds=[6])
    answer = VerificationResult(
        valid=trusted,
        code="valid" if trusted else "untrusted",
        reason="",
        intact=True,
        trusted=trusted,
        unmodified=True,
        content_hash=publication.version.content_hash,
    )
    monkeypatch.setattr("portal.views.verify.official_pdf_verify", lambda *, data: answer)
    # WHEN it is uploaded
    html = _upload(anonymous, b"%PDF-1.7 crafted").content.decode()
    # THEN the document is named only when the signature is ours
    assert ("부분공개 문서" in html) is named
