"""Failed logins are counted per username and per client address."""

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def kim(db) -> User:
    return User.objects.create_user(username="kim", password="correct-horse-9")


def _login(username: str, password: str, address: str = "10.0.0.1") -> int:
    response = APIClient(REMOTE_ADDR=address).post(
        "/api/auth/token/", {"username": username, "password": password}, format="json"
    )
    return response.status_code


def test_one_account_is_locked_after_its_failures_from_any_address(kim, settings) -> None:
    settings.LOGIN_FAILURES_PER_USERNAME = 3
    for index in range(3):
        assert _login("kim", "wrong", address=f"10.0.0.{index}") in (401, 403)

    assert _login("kim", "correct-horse-9", address="10.9.9.9") == 429


def test_one_address_is_stopped_after_failures_on_many_accounts(kim, settings) -> None:
    settings.LOGIN_FAILURES_PER_ADDRESS = 4
    for index in range(4):
        assert _login(f"guess{index}", "wrong") in (401, 403)

    assert _login("kim", "correct-horse-9") == 429
    assert _login("kim", "correct-horse-9", address="10.0.0.2") == 200


def test_successful_logins_are_not_counted(kim, settings) -> None:
    settings.LOGIN_FAILURES_PER_USERNAME = 2
    for _ in range(5):
        assert _login("kim", "correct-horse-9") == 200
