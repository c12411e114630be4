"""Whether a review's document would be published by itself, and if not, why.

The same conditions as disclosure.services.publish.publications_auto_publish, said
one by one so the records officer sees what keeps a document for them.
"""

from __future__ import annotations

from typing import Any

from disclosure.models import DisclosureReview, ReviewStatus
from documents.models import DisclosureLevel

AUTO_PUBLICATION_BLOCKS = [
    ("not_pending", "not_pending"),
    ("not_open", "not_open"),
    ("held", "held"),
    ("disagrees", "disagrees"),
    ("has_signals", "has_signals"),
]


def auto_publication(review: DisclosureReview) -> dict[str, Any]:
    blocked = [
        code
        for code, applies in (
            ("not_pending", review.status != ReviewStatus.PENDING),
            ("not_open", review.level != DisclosureLevel.OPEN),
            ("held", review.held_at is not None),
            ("disagrees", review.disagrees),
            ("has_signals", review.has_signals),
        )
        if applies
    ]
    return {"eligible": not blocked, "blocked_by": blocked}
