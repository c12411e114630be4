import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user(username="kim", password="correct-horse-9")


@pytest.mark.django_db
def test_token_login_returns_a_token_that_authenticates(api_client: APIClient, user) -> None:
    response = api_client.post(
        "/api/auth/token/", {"username": "kim", "password": "correct-horse-9"}, format="json"
    )

    assert response.status_code == 200
    token = response.json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.post("/api/auth/session/logout/").status_code == 204


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "password"),
    [("kim", "wrong"), ("nobody", "correct-horse-9")],
)
def test_wrong_credentials_get_one_message(api_client: APIClient, user, username, password) -> None:
    response = api_client.post(
        "/api/auth/token/", {"username": username, "password": password}, format="json"
    )

    assert response.status_code == 401
    assert response.json()["type"] == "authentication_failed"


@pytest.mark.django_db
def test_a_disabled_account_gets_the_same_message_as_a_wrong_password(
    api_client: APIClient, user
) -> None:
    user.is_active = False
    user.save()
    disabled = api_client.post(
        "/api/auth/token/", {"username": "kim", "password": "correct-horse-9"}, format="json"
    )
    wrong = api_client.post(
        "/api/auth/token/", {"username": "kim", "password": "nope"}, format="json"
    )

    assert disabled.status_code == wrong.status_code
    assert disabled.json() == wrong.json()


@pytest.mark.django_db
def test_validation_errors_name_the_field_and_the_reason(api_client: APIClient) -> None:
    response = api_client.post("/api/auth/token/", {"username": "kim"}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "validation_error"
    assert body["errors"] == [
        {"field": "password", "code": "required", "message": body["errors"][0]["message"]}
    ]


@pytest.mark.django_db
def test_session_login_requires_csrf_for_later_unsafe_requests(user) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    csrf = browser.get("/api/auth/csrf/").json()["csrf_token"]
    login = browser.post(
        "/api/auth/session/",
        {"username": "kim", "password": "correct-horse-9"},
        format="json",
        HTTP_X_CSRFTOKEN=csrf,
    )
    assert login.status_code == 200

    without_token = browser.post("/api/auth/session/logout/")

    assert without_token.status_code == 403
    assert without_token.json()["type"] == "permission_denied"


@pytest.mark.django_db
def test_api_is_closed_to_anonymous_by_default(api_client: APIClient) -> None:
    response = api_client.post("/api/auth/session/logout/")

    assert response.status_code == 401
    assert response.json()["type"] == "not_authenticated"


@pytest.mark.django_db
def test_failed_logins_are_throttled(api_client: APIClient, user, settings) -> None:
    from django.core.cache import cache

    cache.clear()
    for _ in range(10):
        api_client.post("/api/auth/token/", {"username": "kim", "password": "x"}, format="json")

    response = api_client.post(
        "/api/auth/token/", {"username": "kim", "password": "correct-horse-9"}, format="json"
    )

    assert response.status_code == 429
    assert response.json()["type"] == "throttled"
