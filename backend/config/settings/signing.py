"""Signing and the official form's settings, read by base.py (SIGNING_DIR stays there,
beside the other paths under var/): every variable and its default is described in
docs/operations/signing.md and docs/official-pdf.md."""

from django.core.exceptions import ImproperlyConfigured

from core.env import env_bool, env_int, env_list, env_optional, env_str

SIGNING_KEY_PATH = env_optional("SIGNING_KEY_PATH")
SIGNING_KEY_PASSWORD = env_optional("SIGNING_KEY_PASSWORD")
SIGNING_CERT_PATH = env_optional("SIGNING_CERT_PATH")
SIGNING_PKCS12_PATH = env_optional("SIGNING_PKCS12_PATH")
SIGNING_PKCS12_PASSWORD = env_optional("SIGNING_PKCS12_PASSWORD")
SIGNING_TRUST_ANCHORS = env_list("SIGNING_TRUST_ANCHORS", default=[])
SIGNING_TSA_URL = env_optional("SIGNING_TSA_URL")
# The organisation as the official form prints it (documented in docs/official-pdf.md):
# its name heads every document, its head's title is 발신명의 of documents sent outside,
# and the contact line gives its postcode, address (a unit's own address wins),
# homepage and fax. OFFICIAL_SEAL_OMITTED prints 관인생략 beside 발신명의.
ORGANIZATION_NAME = env_str("ORGANIZATION_NAME", "도장특별시")
ORGANIZATION_HEAD_TITLE = env_str("ORGANIZATION_HEAD_TITLE", "도장특별시장")
ORGANIZATION_POSTCODE = env_str("ORGANIZATION_POSTCODE", "04524")
ORGANIZATION_ADDRESS = env_str("ORGANIZATION_ADDRESS", "도장특별시 중구 세종대로 110")
ORGANIZATION_HOMEPAGE = env_str("ORGANIZATION_HOMEPAGE", "www.dojang.go.kr")
ORGANIZATION_FAX = env_str("ORGANIZATION_FAX", "02-120-0000")
OFFICIAL_SEAL_OMITTED = env_bool("OFFICIAL_SEAL_OMITTED", default=True)
SIGNING_ORGANIZATION = env_str("SIGNING_ORGANIZATION", ORGANIZATION_NAME)
SIGNING_MAX_PAGES = env_int("SIGNING_MAX_PAGES", default=200)
SIGNING_RENDER_TIMEOUT_SECONDS = env_int("SIGNING_RENDER_TIMEOUT_SECONDS", default=60)
SIGNING_VERIFY_MAX_BYTES = env_int("SIGNING_VERIFY_MAX_BYTES", default=20 * 1024 * 1024)
SIGNING_VERIFY_THROTTLE_RATE = env_str("SIGNING_VERIFY_THROTTLE_RATE", "30/min")

# Issuance: from an approved document to its signed official PDF (the Rendition
# outbox, its task and its sweep): docs/official-pdf.md, "From approval to signed PDF".
# The QR code of both PDFs opens SITE_URL/verify/?document=<number>&year=<year>.
# The public verification answer names a published document by its content hash:
# the dotted path of `lookup(content_hash) -> dict | None`.
SIGNING_DOCUMENT_LOOKUP = env_optional("SIGNING_DOCUMENT_LOOKUP") or (
    "signing.lookup.approved_version_by_hash"
)
# A worker's claim on a rendition; a row left rendering longer is taken over (its worker
# died). Must exceed the task's time limit, so a live job never loses its claim.
SIGNING_RENDITION_LEASE_SECONDS = env_int("SIGNING_RENDITION_LEASE_SECONDS", default=600)
SIGNING_ISSUE_TIME_LIMIT_SECONDS = env_int("SIGNING_ISSUE_TIME_LIMIT_SECONDS", default=300)
# Retries of a transient failure (growing delays), and claims before a rendition fails.
SIGNING_ISSUE_MAX_RETRIES = env_int("SIGNING_ISSUE_MAX_RETRIES", default=5)
SIGNING_ISSUE_MAX_ATTEMPTS = env_int("SIGNING_ISSUE_MAX_ATTEMPTS", default=8)

if SIGNING_ISSUE_TIME_LIMIT_SECONDS >= SIGNING_RENDITION_LEASE_SECONDS:
    raise ImproperlyConfigured(
        "SIGNING_RENDITION_LEASE_SECONDS must exceed SIGNING_ISSUE_TIME_LIMIT_SECONDS."
    )
# Rendering is CPU-heavy: a deployment may give the signing tasks workers of their own
# (`celery worker -Q signing`); by default they share Celery's queue.
SIGNING_CELERY_QUEUE = env_str("SIGNING_CELERY_QUEUE", "celery")
