"""The demo portal's first publications: some approved demo documents, published.

Without them the portal of a first `make run` is empty until someone works the
records officer's queue. They go the product's way: the approved document is tagged
(disclosure_tag, as the approval's outbox would), the demo's records officer decides
its level with a reason, and publication_publish publishes it, so the portal shows
what the product itself would have published:
- open: memos and budget requests the tagging found nothing in, published as they are;
- partial: memos whose drafter proposed partial disclosure (ground 5, a deliberation
  in progress); the officer removes the paragraph still under deliberation (its last)
  on that ground.
Personnel actions are left to the officers (private persons are named in them).
Deterministic: approved documents are taken in id order.
"""

import logging

from directory.models import Person
from disclosure.models import DisclosureReview, ReviewStatus
from disclosure.redaction import VersionTexts
from disclosure.services.public import accepted_spans, withheld_paragraphs
from disclosure.services.publish import publication_publish
from disclosure.services.review import redaction_add, review_decide
from disclosure.services.tagging import disclosure_tag
from documents.models import DisclosureLevel, Document, DocumentKind, DocumentStatus

logger = logging.getLogger(__name__)

OPEN_PUBLICATIONS = 8
PARTIAL_PUBLICATIONS = 4
DELIBERATION = 5  # Article 9(1) ground 5: a decision still in deliberation


def publish_demo_documents(*, officer: Person) -> tuple[int, int]:
    """Publish the first approved demo documents (see the module); returns (open, partial)."""
    opened = partial = 0
    approved = Document.objects.filter(
        status=DocumentStatus.APPROVED, kind__in=(DocumentKind.MEMO, DocumentKind.BUDGET)
    ).order_by("pk")
    for document_id in approved.values_list("pk", flat=True):
        if opened >= OPEN_PUBLICATIONS and partial >= PARTIAL_PUBLICATIONS:
            break
        review = disclosure_tag(document_id=document_id)
        if review.status != ReviewStatus.PENDING:
            continue
        removed = bool(accepted_spans(review) or withheld_paragraphs(review))
        if review.level == DisclosureLevel.OPEN and not removed and opened < OPEN_PUBLICATIONS:
            _publish_open(review, officer)
            opened += 1
        elif _deliberating(review) and partial < PARTIAL_PUBLICATIONS:
            _publish_partial(review, officer)
            partial += 1
    logger.info("demo portal: %d open and %d partial publications", opened, partial)
    return opened, partial


def _deliberating(review: DisclosureReview) -> bool:
    return review.level == DisclosureLevel.PARTIAL and review.grounds == [DELIBERATION]


def _publish_open(review: DisclosureReview, officer: Person) -> None:
    review_decide(
        review=review, actor=officer, level=DisclosureLevel.OPEN, grounds=[],
        reason="개인정보 등 비공개 대상 정보가 없어 전부 공개함",
    )  # fmt: skip
    publication_publish(document=review.document, actor=officer)


def _publish_partial(review: DisclosureReview, officer: Person) -> None:
    body = VersionTexts(review.version.content).fields["body"]
    last = body.rsplit("\n", 1)[-1]
    redaction_add(
        review=review, actor=officer, field="body", start=len(body) - len(last), end=len(body),
        ground=DELIBERATION, reason="의사결정 과정에 있는 사항",
    )  # fmt: skip
    review_decide(
        review=review, actor=officer, level=DisclosureLevel.PARTIAL, grounds=[DELIBERATION],
        reason="의사결정 과정에 있는 부분을 제외하고 공개함",
    )  # fmt: skip
    publication_publish(document=review.document, actor=officer)
