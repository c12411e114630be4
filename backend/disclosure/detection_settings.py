"""The detector's configuration for this organisation, from settings.

The tagging service and `scan_disclosure` both build their DetectionConfig here, so the
organisation's extra government e-mail domains and public office numbers
(DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS, DISCLOSURE_OFFICE_NUMBERS) apply everywhere.
A document's officials (`document_official_names`) are public names to the detector.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q

from approvals.models import ApprovalStep, Reference
from directory.models import Person
from disclosure.detection import DEFAULT_GOVERNMENT_EMAIL_DOMAINS, DetectionConfig
from documents.models import Document


def organisation_detection_config(
    *,
    government_email_domains: Iterable[str] = (),
    office_numbers: Iterable[str] = (),
    private_names: Iterable[str] = (),
    public_names: Iterable[str] = (),
) -> DetectionConfig:
    """The settings' domains and numbers plus what the caller knows of one document."""
    return DetectionConfig(
        government_email_domains=DEFAULT_GOVERNMENT_EMAIL_DOMAINS
        | frozenset(settings.DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS)
        | frozenset(government_email_domains),
        office_numbers=frozenset(settings.DISCLOSURE_OFFICE_NUMBERS) | frozenset(office_numbers),
        private_names=tuple(private_names),
        public_names=tuple(public_names),
    )


def document_official_names(document: Document) -> tuple[str, ...]:
    """The names of the people who acted on the document as officials: its drafter,
    everyone on its line (assigned or acting) and its references. Their names and
    positions are public under Article 9(1)6 (e), so no context makes them private."""
    steps = ApprovalStep.objects.filter(stage__document=document)
    people = Person.objects.filter(
        Q(pk=document.drafter_id)
        | Q(pk__in=steps.values("assignee"))
        | Q(pk__in=steps.exclude(acted_by=None).values("acted_by"))
        | Q(pk__in=Reference.objects.filter(document=document).values("person"))
    )
    return tuple(sorted(set(people.values_list("name", flat=True))))
