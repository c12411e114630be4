"""The approval line of a published document, as the portal shows it.

Rules:
- it is the line the public PDF prints (signing.snapshot_builder, public variant):
  the drafter, then each column with its title, the official who signed, the date
  and the marks 전결, 대결, 동의/부동의; a private person's name is masked;
- it is read live, not copied at publication: a post-approval (후결) made after
  publishing shows here as it does in the approval-box API;
- a closed document, or one whose public PDF was never requested, shows none: its
  metadata alone is public.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from documents.models import DisclosureLevel
from portal.models import Publication
from signing.public_content import PublicContent
from signing.snapshot import LineSigner
from signing.snapshot_builder import official_document_for, proposed_disclosure

ROLE_LABELS: dict[str, Promise] = {
    "draft": pgettext_lazy("approval role", "Drafted"),
    "review": pgettext_lazy("approval role", "Reviewed"),
    "consult": pgettext_lazy("approval role", "Consulted"),
    "approve": pgettext_lazy("approval role", "Approved"),
}


@dataclass(frozen=True, slots=True)
class PublicSigner:
    role: str
    role_label: Promise | str
    position: str
    name: str
    signed_on: date
    marks: tuple[str, ...]
    proxy_for: str
    post_approved_on: date | None


@dataclass(frozen=True, slots=True)
class PublicLine:
    signers: tuple[PublicSigner, ...]
    mark_at_approval: str  # the 공개구분 the official PDF printed


def public_approval_line(publication: Publication) -> PublicLine | None:
    """The line of `publication` (see the module's rules), or None."""
    rendition = publication.public_rendition
    if publication.level == DisclosureLevel.CLOSED or rendition is None:
        return None
    content = PublicContent.from_json(rendition.public_content)
    snapshot = official_document_for(version=publication.version, public=content)
    signers = (snapshot.drafter, *snapshot.signers)
    return PublicLine(
        signers=tuple(_shown(signer) for signer in signers),
        mark_at_approval=proposed_disclosure(publication.version.content).label,
    )


def _shown(signer: LineSigner) -> PublicSigner:
    return PublicSigner(
        role=signer.role,
        role_label=ROLE_LABELS[signer.role],
        position=signer.position,
        name=signer.name,
        signed_on=signer.signed_on,
        marks=signer.marks,
        proxy_for=signer.proxy_for or "",
        post_approved_on=signer.post_approved_on,
    )
