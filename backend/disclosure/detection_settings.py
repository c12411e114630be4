"""The detector's configuration for this organisation, from settings.

The tagging service and `scan_disclosure` both build their DetectionConfig here, so the
organisation's extra government e-mail domains and public office numbers
(DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS, DISCLOSURE_OFFICE_NUMBERS) apply everywhere.
"""

from collections.abc import Iterable

from django.conf import settings

from disclosure.detection import DEFAULT_GOVERNMENT_EMAIL_DOMAINS, DetectionConfig


def organisation_detection_config(
    *,
    government_email_domains: Iterable[str] = (),
    office_numbers: Iterable[str] = (),
    private_names: Iterable[str] = (),
) -> DetectionConfig:
    """The settings' domains and numbers plus what the caller knows of one document."""
    return DetectionConfig(
        government_email_domains=DEFAULT_GOVERNMENT_EMAIL_DOMAINS
        | frozenset(settings.DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS)
        | frozenset(government_email_domains),
        office_numbers=frozenset(settings.DISCLOSURE_OFFICE_NUMBERS) | frozenset(office_numbers),
        private_names=tuple(private_names),
    )
