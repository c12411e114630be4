"""Disclosure's and the portal's settings, read by base.py: the records officers' review,
publication, disclosure requests and personal-information detection
(docs/disclosure.md, docs/disclosure-detection.md), and the portal's rates per client
address, "N/s|min|hour|day" (docs/portal.md)."""

from core.env import env_int, env_list, env_str

# Working days a records officer has to review an approved document.
DISCLOSURE_REVIEW_DUE_WORKING_DAYS = env_int("DISCLOSURE_REVIEW_DUE_WORKING_DAYS", default=5)
# Open documents publish by themselves this many days after approval unless held.
DISCLOSURE_AUTO_PUBLISH_DAYS = env_int("DISCLOSURE_AUTO_PUBLISH_DAYS", default=7)
# Documents withheld on ground 5 (decision in progress) come back after this many months.
DISCLOSURE_GROUND5_REVIEW_MONTHS = env_int("DISCLOSURE_GROUND5_REVIEW_MONTHS", default=6)
# Disclosure requests: working days to decide, the one extension, the reminder lead.
DISCLOSURE_REQUEST_DECISION_WORKING_DAYS = env_int(
    "DISCLOSURE_REQUEST_DECISION_WORKING_DAYS", default=10
)
DISCLOSURE_REQUEST_EXTENSION_WORKING_DAYS = env_int(
    "DISCLOSURE_REQUEST_EXTENSION_WORKING_DAYS", default=10
)
DISCLOSURE_REQUEST_REMIND_WORKING_DAYS = env_int(
    "DISCLOSURE_REQUEST_REMIND_WORKING_DAYS", default=2
)
DISCLOSURE_REQUEST_THROTTLE_RATE = env_str("DISCLOSURE_REQUEST_THROTTLE_RATE", "10/hour")
DISCLOSURE_STATUS_THROTTLE_RATE = env_str("DISCLOSURE_STATUS_THROTTLE_RATE", "60/hour")
# Unit code of the records office: requests for no document (or a unit without
# records officers) go there.
DISCLOSURE_RECORDS_OFFICE_UNIT_CODE = env_str("DISCLOSURE_RECORDS_OFFICE_UNIT_CODE", "")
# Korean public holidays (ISO dates, comma-separated); weekends are never working days.
# The default lists 2025-2027 (substitute holidays and election days included);
# extend it every year, as the government announces them.
DISCLOSURE_HOLIDAYS = env_list(
    "DISCLOSURE_HOLIDAYS",
    default=[
        "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-03-03",
        "2025-05-05", "2025-05-06", "2025-06-03", "2025-06-06", "2025-08-15",
        "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09",
        "2025-12-25",
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-02",
        "2026-05-05", "2026-05-25", "2026-06-03", "2026-08-17", "2026-09-24",
        "2026-09-25", "2026-10-05", "2026-10-09", "2026-12-25",
        "2027-01-01", "2027-02-08", "2027-02-09", "2027-03-01", "2027-05-05",
        "2027-05-13", "2027-08-16", "2027-09-14", "2027-09-15", "2027-09-16",
        "2027-10-04", "2027-10-11", "2027-12-27",
    ],
)  # fmt: skip
# Disclosure tagging's outbox (disclosure.services.tagging_jobs): a job pending this long
# is sent again by the sweep; after this many runs it is failed.
DISCLOSURE_TAGGING_RETRY_SECONDS = env_int("DISCLOSURE_TAGGING_RETRY_SECONDS", default=300)
DISCLOSURE_TAGGING_MAX_ATTEMPTS = env_int("DISCLOSURE_TAGGING_MAX_ATTEMPTS", default=5)
# Personal-information detection (docs/disclosure-detection.md): e-mail domains of
# officials beyond go.kr and korea.kr, and office numbers known to be public.
DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS = env_list("DISCLOSURE_GOVERNMENT_EMAIL_DOMAINS", default=[])
DISCLOSURE_OFFICE_NUMBERS = env_list("DISCLOSURE_OFFICE_NUMBERS", default=[])

# The portal.
PORTAL_REQUEST_RATE = env_str("PORTAL_REQUEST_RATE", "5/hour")
PORTAL_STATUS_RATE = env_str("PORTAL_STATUS_RATE", "30/hour")
PORTAL_VERIFY_RATE = env_str("PORTAL_VERIFY_RATE", "20/min")
