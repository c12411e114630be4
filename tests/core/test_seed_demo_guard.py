"""seed_demo under production settings: refused unless asked for, never a default password."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.support.services import ROOT

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "localhost",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DEMO_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, str(ROOT / "backend" / "manage.py"), *args],
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_refuse_seed_demo_and_have_no_demo_password() -> None:
    # WHEN seed_demo runs under the production settings, as docker-compose's services do
    refused = _manage("seed_demo")

    # THEN it refuses before touching anything, and says how to ask for it
    assert refused.returncode != 0
    assert "--allow-production" in refused.stderr
    printed = _manage(
        "shell", "-c", "from django.conf import settings; print(repr(settings.DEMO_PASSWORD))"
    )
    assert printed.stdout.strip().splitlines()[-1] == "''"


def test_asked_for_explicitly_it_still_needs_a_password() -> None:
    refused = _manage("seed_demo", "--allow-production")

    assert refused.returncode != 0
    assert "DEMO_PASSWORD" in refused.stderr


def test_a_refused_seed_creates_no_login(settings) -> None:
    settings.DEMO_SEED_ALLOWED = False

    with pytest.raises(CommandError):
        call_command("seed_demo")

    assert not User.objects.filter(username="admin").exists()
