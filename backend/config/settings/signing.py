"""Signing and the official form's settings, read by base.py (SIGNING_DIR stays there,
beside the other paths under var/): every variable and its default is described in
docs/operations/signing.md and docs/official-pdf.md."""

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
# Dotted path of `lookup(content_hash) -> dict | None`, set by the documents app.
SIGNING_DOCUMENT_LOOKUP = env_optional("SIGNING_DOCUMENT_LOOKUP")
