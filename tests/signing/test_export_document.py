"""manage.py export_document --number N --out FILE."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line

from signing.services import official_pdf_verify
from tests.factories.approvals import approval_org
from tests.signing.issuance_support import approve

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path, signing_dir: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def test_writes_the_signed_pdf_of_an_approved_document(
    django_capture_on_commit_callbacks, tmp_path: Path
):
    # GIVEN an approved document whose PDF was issued
    with django_capture_on_commit_callbacks(execute=True):
        document, rendition = approve(approval_org())
    rendition.refresh_from_db()
    out = tmp_path / "out.pdf"
    # WHEN it is exported by number
    call_command("export_document", number=document.number, out=str(out))
    # THEN the file is the signed PDF, and it verifies
    data = out.read_bytes()
    assert len(data) == rendition.size
    result = official_pdf_verify(data=data)
    assert result.valid
    assert result.document_number == document.number


def test_a_pdf_not_made_yet_is_refused(django_capture_on_commit_callbacks, tmp_path: Path):
    with django_capture_on_commit_callbacks(execute=False):
        document, _ = approve(approval_org())
    out = tmp_path / "out.pdf"
    with pytest.raises(CommandError, match=r"not ready \(status: pending\)"):
        call_command("export_document", number=document.number, out=str(out))
    assert not out.exists()


def test_an_unknown_number_exits_1_with_a_clear_message(tmp_path: Path, capsys):
    # Run from the command line as an operator would: exit status and stderr.
    argv = ["manage.py", "export_document", "--number", "NOPE-2025-99999", "--out"]
    with pytest.raises(SystemExit) as exited:
        execute_from_command_line([*argv, str(tmp_path / "x.pdf")])
    assert exited.value.code == 1
    assert "No document has the number NOPE-2025-99999." in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
