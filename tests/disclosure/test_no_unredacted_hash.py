"""Nothing public can undo a redaction: no hash of the unredacted version on any public surface.

The approved version's content hash is the sha256 of sorted-key JSON whose fields
are public or come from small enums; with it, a redacted phone number falls to a
brute force in seconds. This runs that attack against every public surface of a
partially disclosed document and must recover nothing.
"""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from disclosure.services.publish import publication_publish
from disclosure.services.tagging import disclosure_tag
from documents.services.versions import content_hash
from tests.disclosure.records import (
    BODY_WITH_PERSONAL_DATA,
    approved_document,
    officer,
    publishing,  # noqa: F401 - fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publishing")]

REDACTED_PHONE = "010-2345-6789"
_HEX64 = re.compile(rb"[0-9a-f]{64}")


def _candidates(content: dict[str, Any]) -> dict[str, str]:
    """The attacker's guesses: the content with each phone number of one block put back."""
    text = json.dumps(content, ensure_ascii=False)
    guesses = {}
    for last in range(10_000):
        phone = f"010-2345-{last:04d}"
        guessed = json.loads(text.replace(REDACTED_PHONE, phone))
        guesses[content_hash(guessed)] = phone
    return guesses


def _public_surfaces(client: APIClient, publication: Any, pdf: bytes) -> list[bytes]:
    pages = [
        reverse("portal:document", kwargs={"pk": publication.pk}),
        reverse("portal:document-pdf", kwargs={"pk": publication.pk}),
        reverse("portal:open-data-publications"),
        reverse("portal:open-data-publications-csv"),
        reverse("portal:feed"),
        reverse("portal:search") + "?q=민원",
        reverse("portal:verify") + f"?document={publication.number}",
    ]
    bodies = [_body(client.get(page)) for page in pages]
    verified = client.post(
        "/api/verify/", {"file": _upload(pdf)}, format="multipart", HTTP_ACCEPT="application/json"
    )
    bodies.append(verified.content)
    uploaded = client.post(reverse("portal:verify"), {"file": _upload(pdf)})
    bodies.append(uploaded.content)
    return [*bodies, pdf]


def _body(response: Any) -> bytes:
    assert response.status_code == 200, response
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def _upload(data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("public.pdf", data, content_type="application/pdf")


def test_the_brute_force_of_a_redacted_phone_recovers_nothing(django_capture_on_commit_callbacks):
    # GIVEN a document published partially: the phone number is redacted
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    disclosure_tag(document_id=document.pk)
    with django_capture_on_commit_callbacks(execute=True):
        publication = publication_publish(document=document, actor=officer())
    publication.refresh_from_db()
    assert publication.level == "partial"
    assert REDACTED_PHONE not in publication.public_text
    pdf = Path(publication.public_pdf.path).read_bytes()
    # AND the attacker's guesses include the truth (the attack works on the real hash)
    version = document.current_version
    assert version is not None
    guesses = _candidates(version.content)
    assert guesses.get(version.content_hash) == REDACTED_PHONE

    # WHEN every public surface is searched for any 64-hex value among the guesses
    client = APIClient()
    found = {
        match.decode()
        for body in _public_surfaces(client, publication, pdf)
        for match in _HEX64.findall(body.lower())
    }
    # THEN the search sees the hashes that are there (the public PDF names its own content)
    assert publication.public_rendition is not None
    assert publication.public_rendition.content_key in found
    # AND none is a guess: the redacted number cannot be recovered
    assert not found & guesses.keys()
    assert version.content_hash not in found
