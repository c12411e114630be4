"""Publications for the portal's tests, made the way the product makes them.

`publish(...)` walks a new document through its approval line (tests/support/walk.py:
reviewed by the team leader, approved by the division head under a delegation rule),
tags it as its approval's commit does (disclosure_tag), has a records officer decide
what the test asks for through the review services, and publishes it with
publication_publish, which indexes it. `approved_document(...)` stops after tagging:
approved, awaiting its review, never published. Nothing here writes a document, a
version, a step, a review, a rendition or a publication.

PDFs are real and cost about half a second each, so they are made only on request:
``publish(pdf=True)`` renders and signs the public rendition the publication asked
for, and `sign_official(document)` the official one; both need the ``publishing``
fixture (tests/disclosure/records.py: throwaway signing keys).

The documents of one test share an organisation: the default one, or the one built
around a unit that `unit(name)` made. tests/portal/conftest.py calls `new_test` before
each test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from html import escape
from typing import Any
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from directory.models import Person, Unit
from disclosure.models import DisclosureReview
from disclosure.redaction import VersionTexts
from disclosure.services.marks import attachment_release
from disclosure.services.publish import publication_publish, publication_withdraw
from disclosure.services.review import redaction_add, review_decide
from disclosure.services.tagging import disclosure_tag
from documents.models import DisclosureLevel, Document
from documents.services.attachments import attachment_add
from portal.models import Publication
from signing.issuance import rendition_issue
from signing.models import Rendition, RenditionStatus, RenditionVariant
from tests.disclosure.records import officer
from tests.factories.directory import UnitFactory
from tests.support.walk import Organisation, Shape, draft, organisation, organisation_of, walk

SHAPE = Shape.DELEGATED_DIVISION
DECISION_REASON = "공개 여부를 검토하여 결정함"
# The paragraph a records officer removes on each ground a partial publication cites.
WITHHELD = "제{ground}호에 해당하여 공개하지 않는 내용입니다."


@dataclasses.dataclass
class _Test:
    """What the running test made: its organisation, a records officer per organisation,
    and whether it has signing keys of its own (the ``publishing`` fixture)."""

    org: Organisation | None = None
    officers: dict[int, Person] = dataclasses.field(default_factory=dict)
    signing_keys: bool = False


_test = _Test()


def new_test(*, signing_keys: bool) -> None:
    """Forget what the previous test made (its rows are gone)."""
    global _test
    _test = _Test(signing_keys=signing_keys)


def _default_organisation() -> Organisation:
    """The organisation the documents of this test share."""
    if _test.org is None:
        _test.org = organisation()
    return _test.org


def _organisation(unit: Unit | None) -> Organisation:
    if unit is None:
        return _default_organisation()
    return organisation_of(unit) or organisation(team=unit)


def _officer(org: Organisation) -> Person:
    """The records officer of the organisation's team (one per test and organisation)."""
    person = _test.officers.get(org.team.pk)
    if person is None:
        person = _test.officers[org.team.pk] = officer(unit=org.team)
    return person


def _require_signing_keys() -> None:
    assert _test.signing_keys, "a test that makes a PDF uses the publishing fixture"


def unit(name: str) -> Unit:
    """A team named `name` in an organisation of its own (names may repeat: numbers do)."""
    team = UnitFactory.create(name=name)
    organisation(team=team)
    return team


@contextmanager
def _clock_at(moment: dt.datetime) -> Iterator[None]:
    """Run the block as if it were `moment`, the clock ticking on from there.

    The tests' control of time for an approval in the past: the approval services
    run as they would have then, so the approval date, the year of the number and
    every timestamp of the line agree.
    """
    real = timezone.now
    offset = moment - real()

    def shifted() -> dt.datetime:
        return real() + offset

    with mock.patch("django.utils.timezone.now", shifted):
        yield


def _paragraphs(text: str) -> str:
    """The body a drafter typing `text` makes: a paragraph a line, as text."""
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _approved(
    org: Organisation,
    *,
    title: str,
    body: str,
    kind: str,
    approved_at: dt.datetime | None,
    attachments: Sequence[str] = (),
    **fields: Any,
) -> Document:
    """Draft (with `attachments`, text files the drafter uploads), walk, tag."""
    fields["title"] = title
    if body:
        fields["body"] = body
    with _clock_at(approved_at) if approved_at else nullcontext():
        document = draft(org, kind, **fields)
        for name in attachments:
            upload = SimpleUploadedFile(name, name.encode(), content_type="text/plain")
            attachment_add(document=document, actor=org.drafter, upload=upload)
        document = walk(org, SHAPE, kind, document=document).document
    disclosure_tag(document_id=document.pk)
    return document


def approved_document(
    *,
    title: str,
    body: str = "",
    unit: Unit | None = None,
    kind: str = "memo",
    approved_at: dt.datetime | None = None,
) -> Document:
    """An approved document awaiting its disclosure review, never published.

    ``body`` is HTML (the factory's when empty); ``approved_at`` walks it then.
    """
    org = _organisation(unit)
    return _approved(org, title=title, body=body, kind=kind, approved_at=approved_at)


def publish(
    *,
    title: str = "도로 안전점검 결과 보고",
    original: str = "",
    public_text: str = "",
    level: str = "open",
    grounds: list[int] | None = None,
    unit: Unit | None = None,
    kind: str = "memo",
    approved_at: dt.datetime | None = None,
    published_at: dt.datetime | None = None,
    pdf: bool = False,
    attachments: Sequence[str] = (),
    released: Sequence[str] = (),
    **fields: Any,
) -> Publication:
    """A new document approved, reviewed and published at ``level`` on ``grounds``.

    The body is ``original`` or ``public_text``, a paragraph a line. ``public_text`` is
    text with nothing to withhold: the public sees it as it is (checked).
    ``original`` may hold what the detector removes. A partial publication also
    withholds one paragraph per ground it cites, which a records officer removes
    (WITHHELD), so every ground has its removed part. ``attachments`` are uploaded
    by the drafter; of a partial or closed document the officer releases
    ``released``. ``published_at`` moves the publication date afterwards. ``fields``
    go to the kind's factory (``budget__payee=...``).
    """
    if original and public_text:
        raise ValueError("give original (what is withheld is removed) or public_text, not both")
    if pdf and level == DisclosureLevel.CLOSED:
        raise ValueError("a closed document is published without a PDF")
    cited = sorted(set(grounds or []))
    text = original or public_text
    if level == DisclosureLevel.PARTIAL:
        text = "\n".join([text, *(WITHHELD.format(ground=g) for g in cited)])
    org = _organisation(unit)
    records = _officer(org)
    document = _approved(
        org,
        title=title,
        body=_paragraphs(text),
        kind=kind,
        approved_at=approved_at,
        attachments=attachments,
        **fields,
    )
    review = DisclosureReview.objects.get(document=document)
    _decide(review, records, level=level, grounds=cited)
    for attachment in document.attachments.filter(name__in=released):
        attachment_release(review=review, attachment=attachment, actor=records)
    publication = _published(document, records, pdf=pdf)
    for line in public_text.splitlines() if level != DisclosureLevel.CLOSED else ():
        assert line.strip() in publication.public_text, f"{line!r} was withheld"
    if published_at is not None:
        # The test's control of time: only the publication date moves into the past.
        Publication.objects.filter(pk=publication.pk).update(published_at=published_at)
        publication.refresh_from_db()
    return publication


def _decide(review: DisclosureReview, records: Person, *, level: str, grounds: list[int]) -> None:
    """The records officer's decision: ``level`` on ``grounds``, with its removals."""
    if level == DisclosureLevel.OPEN:
        # The officer accepts an open suggestion; anything found is a test's mistake.
        assert (review.level, list(review.grounds)) == ("open", []), (
            f"tagging suggests {review.level} {review.grounds}: publish it partial"
        )
        return
    if level == DisclosureLevel.PARTIAL:
        body = VersionTexts(review.version.content).fields["body"]
        for ground in grounds:
            paragraph = WITHHELD.format(ground=ground)
            if paragraph not in body:
                raise ValueError(f"the body has no paragraph to withhold on ground {ground}")
            start = body.index(paragraph)
            redaction_add(
                review=review,
                actor=records,
                field="body",
                start=start,
                end=start + len(paragraph),
                ground=ground,
                reason=DECISION_REASON,
            )
    review_decide(
        review=review, actor=records, level=level, grounds=grounds, reason=DECISION_REASON
    )


def _published(document: Document, records: Person, *, pdf: bool) -> Publication:
    """Publish; with ``pdf`` let the public rendition it asked for render and attach."""
    if not pdf:
        return publication_publish(document=document, actor=records)
    _require_signing_keys()
    # What the publication's commit sends runs in process, as a worker would run it:
    # the rendition is issued, and the answer to rendition_finished attaches it.
    with TestCase.captureOnCommitCallbacks(execute=True):
        publication = publication_publish(document=document, actor=records)
    publication.refresh_from_db()
    rendition = publication.public_rendition
    assert rendition is not None
    assert publication.public_pdf, f"public PDF not attached: {rendition.last_error}"
    return publication


def withdraw(publication: Publication, reason: str = "개인정보 포함 확인") -> Publication:
    """A records officer withdraws it; what the withdrawal's commit sends runs (the
    public rendition and its file are deleted)."""
    records = _officer(_organisation(publication.unit))
    with TestCase.captureOnCommitCallbacks(execute=True):
        return publication_withdraw(publication=publication, actor=records, reason=reason)


def republish(publication: Publication, *, level: str, grounds: list[int]) -> Publication:
    """Withdraw it, have the officer decide ``level`` on ``grounds`` and publish it again
    (partial needs the paragraphs a partial publication withholds: closed is simplest)."""
    withdrawn = withdraw(publication, reason="공개 범위 재검토")
    review = DisclosureReview.objects.get(document_id=withdrawn.document_id)
    records = _officer(_organisation(withdrawn.unit))
    _decide(review, records, level=level, grounds=sorted(set(grounds)))
    with TestCase.captureOnCommitCallbacks(execute=True):
        return publication_publish(document=withdrawn.document, actor=records)


def sign_official(document: Document) -> Rendition:
    """Issue the official PDF the approval asked for, as the renditions' worker does."""
    _require_signing_keys()
    rendition = Rendition.objects.get(
        version_id=document.current_version_id, variant=RenditionVariant.OFFICIAL
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        rendition_issue(rendition_id=rendition.pk, last_try=True)
    rendition.refresh_from_db()
    assert rendition.status == RenditionStatus.DONE, rendition.last_error
    return rendition
