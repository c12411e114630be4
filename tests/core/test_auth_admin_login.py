"""/admin/login/ is throttled like the API's logins."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-9"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_user(
        username="admin-kim", password=PASSWORD, is_staff=True, is_superuser=True
    )


def _admin_login(password: str, *, address: str) -> int:
    response = Client(REMOTE_ADDR=address).post(
        "/admin/login/?next=/admin/", {"username": "admin-kim", "password": password}
    )
    return response.status_code


def test_guessing_the_admin_password_is_slowed_down_but_the_owner_gets_in(staff) -> None:
    # GIVEN someone guessing the administrator's password from one address
    answers = [_admin_login(f"guess-{n}", address="198.51.100.7") for n in range(12)]

    # THEN after the free failures each guess is refused with 429 and a wait
    assert answers[:3] == [200, 200, 200]  # the form again, with its error
    assert set(answers[4:]) == {429}
    refused = Client(REMOTE_ADDR="198.51.100.7").post(
        "/admin/login/", {"username": "admin-kim", "password": PASSWORD}
    )
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    # WHEN the administrator logs in from their own address THEN they get in
    assert _admin_login(PASSWORD, address="10.20.30.40") == 302


def test_the_admin_login_page_still_shows(staff) -> None:
    assert Client().get("/admin/login/").status_code == 200
