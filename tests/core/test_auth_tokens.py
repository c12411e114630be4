"""API tokens: 401 with WWW-Authenticate, idle expiry, revocation, logout revokes."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.models import TokenActivity

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-9"
PROTECTED = "/api/auth/token/revoke/"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def user(db) -> User:
    return User.objects.create_user(username="kim", password=PASSWORD)


def _token(client: APIClient) -> str:
    response = client.post(
        "/api/auth/token/", {"username": "kim", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    return str(response.json()["token"])


def _with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.mark.parametrize("authorization", [None, "Token not-a-token", "Bearer x"])
def test_missing_or_wrong_credentials_answer_401_with_www_authenticate(user, authorization) -> None:
    client = APIClient()
    if authorization:
        client.credentials(HTTP_AUTHORIZATION=authorization)

    response = client.post(PROTECTED)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    assert response.json()["type"] in ("not_authenticated", "authentication_failed")


def test_a_wrong_password_answers_401(user) -> None:
    response = APIClient().post(
        "/api/auth/token/", {"username": "kim", "password": "nope"}, format="json"
    )

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_a_session_without_its_csrf_token_is_still_refused_with_403(user) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    csrf = browser.get("/api/auth/csrf/").json()["csrf_token"]
    assert browser.post(
        "/api/auth/session/", {"username": "kim", "password": PASSWORD}, format="json",
        HTTP_X_CSRFTOKEN=csrf,
    ).status_code == 200  # fmt: skip

    response = browser.post(PROTECTED)

    assert response.status_code == 403
    assert response.json()["type"] == "permission_denied"


def test_a_token_idle_longer_than_the_limit_no_longer_authenticates(user, settings) -> None:
    # GIVEN a token that has not been used for longer than the idle limit
    settings.AUTH_TOKEN_IDLE_SECONDS = 3600
    token = _token(APIClient())
    TokenActivity.objects.filter(token_id=token).update(
        last_used_at=timezone.now() - timedelta(hours=2)
    )

    # WHEN it is used
    response = _with(token).post(PROTECTED)

    # THEN it is refused and gone; logging in again gives a new one
    assert response.status_code == 401
    assert not Token.objects.filter(key=token).exists()
    assert _token(APIClient()) != token


def test_a_token_in_use_stays_alive(user, settings) -> None:
    settings.AUTH_TOKEN_IDLE_SECONDS = 3600
    settings.AUTH_TOKEN_TOUCH_SECONDS = 60
    token = _token(APIClient())
    TokenActivity.objects.filter(token_id=token).update(
        last_used_at=timezone.now() - timedelta(minutes=50)
    )

    # used 50 minutes after the last use: accepted, and the idle clock starts again
    assert _with(token).get("/api/notifications/").status_code == 200
    activity = TokenActivity.objects.get(token_id=token)
    assert timezone.now() - activity.last_used_at < timedelta(minutes=1)


def test_the_revocation_endpoint_kills_the_token(user) -> None:
    token = _token(APIClient())
    client = _with(token)

    assert client.post(PROTECTED).status_code == 204

    assert client.post(PROTECTED).status_code == 401
    assert not Token.objects.filter(user=user).exists()


def test_logout_revokes_the_token(user) -> None:
    token = _token(APIClient())
    client = _with(token)

    assert client.post("/api/auth/session/logout/").status_code == 204

    assert client.post(PROTECTED).status_code == 401
