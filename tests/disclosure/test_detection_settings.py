"""The organisation's own public contacts, from settings, are not personal information."""

from disclosure.detection import detect
from disclosure.detection_settings import organisation_detection_config

TEXT = "신청인 메일 hong@city-hall.example, 연락처 031-555-1234"


def _kinds(config) -> list[str]:
    return sorted(finding.kind for finding in detect(TEXT, config))


def test_without_settings_the_unknown_domain_and_number_are_private(settings) -> None:
    settings.DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS = []
    settings.DISCLOSURE_OFFICE_NUMBERS = []

    assert _kinds(organisation_detection_config()) == ["email", "phone"]


def test_the_settings_domains_and_office_numbers_are_public(settings) -> None:
    settings.DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS = ["city-hall.example"]
    settings.DISCLOSURE_OFFICE_NUMBERS = ["0315551234"]

    assert _kinds(organisation_detection_config()) == []
