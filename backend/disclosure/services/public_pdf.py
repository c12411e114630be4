"""The public PDF's input: what a review makes public, frozen for the signing app.

Rules:
- the content is built from the public version only: redacted title, recipient,
  body HTML and kind fields; the original text never reaches the renderer, so it
  cannot reach the PDF, its metadata or its embedded approval record;
- the level and grounds are the records officer's decision;
- only the attachments published with the document are listed;
- the private persons named in the structured fields are passed on so the
  approval box shows a mark where a signer bears such a name;
- the PDF itself is built by signing.snapshot_builder (the one builder of both
  variants) and rendered by the renditions' outbox, never in the request.
"""

from __future__ import annotations

from disclosure.models import DisclosureReview
from disclosure.redaction import PublicVersion, VersionTexts
from documents.models import Attachment
from signing.public_content import PublicContent

# Kind fields that redaction may change and the public PDF shows.
PUBLIC_KIND_FIELDS = ("payee", "purpose", "person")


def public_content_for(
    *, review: DisclosureReview, public: PublicVersion, attachments: list[Attachment]
) -> PublicContent:
    """The PublicContent of a reviewed, open or partial document (see the module's rules)."""
    texts = VersionTexts(review.version.content)
    return PublicContent(
        title=public.title,
        recipient=public.fields.get("recipient", ""),
        body_html=public.html,
        level=review.level,  # type: ignore[arg-type]  # DisclosureLevel values are the Literal's
        grounds=tuple(sorted(set(review.grounds))),
        fields={k: public.fields[k] for k in PUBLIC_KIND_FIELDS if k in public.fields},
        attachments=tuple(a.name for a in attachments),
        private_names=texts.private_names(),
    )
