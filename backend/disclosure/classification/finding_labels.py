"""What each kind of personal information is called in an explanation a person reads.

The detector's kind names ("rrn", "bank_account") are a contract between machines;
a records officer reads "주민등록번호". Both languages are stored with the
suggestion, so these are plain pairs rather than messages translated on request.
"""

from disclosure.detection import Kind

__all__ = ["finding_label"]

# (Korean, English) for every kind the detector reports.
FINDING_LABELS: dict[Kind, tuple[str, str]] = {
    Kind.RRN: ("주민등록번호", "resident registration number"),
    Kind.FOREIGNER_RRN: ("외국인등록번호", "alien registration number"),
    Kind.PHONE: ("전화번호", "phone number"),
    Kind.EMAIL: ("전자우편 주소", "e-mail address"),
    Kind.BANK_ACCOUNT: ("계좌번호", "bank account number"),
    Kind.CARD: ("카드번호", "card number"),
    Kind.PASSPORT: ("여권번호", "passport number"),
    Kind.DRIVER_LICENCE: ("운전면허번호", "driving licence number"),
    Kind.HEALTH_INSURANCE: ("건강보험증 번호", "health insurance number"),
    Kind.ADDRESS: ("주소", "address"),
    Kind.PERSON_NAME: ("개인 성명", "name of a private person"),
}


def finding_label(kind: Kind, language: str) -> str:
    """The kind's name in `language` ("ko" or "en"); a kind without a label yet is "other"."""
    korean, english = FINDING_LABELS.get(kind, ("기타", "other"))
    return korean if language == "ko" else english
