"""Login throttling: an attacker slows only themselves; the client address is not forgeable."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from core.api.throttles import ClientAddressIdent
from core.login_throttle import login_delay_seconds

pytestmark = pytest.mark.django_db

OWNER_PASSWORD = "correct-horse-9"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def owner(db) -> User:
    return User.objects.create_user(username="kim", password=OWNER_PASSWORD)


def _login(password: str, *, address: str, username: str = "kim", forwarded: str = "") -> int:
    client = APIClient(REMOTE_ADDR=address)
    if forwarded:
        client.credentials(HTTP_X_FORWARDED_FOR=forwarded)
    response = client.post(
        "/api/auth/token/", {"username": username, "password": password}, format="json"
    )
    return response.status_code


def test_an_attackers_failures_do_not_lock_the_owner_out(owner) -> None:
    # GIVEN an attacker who tries forty wrong passwords for kim from one address
    answers = [_login(f"guess-{n}", address="198.51.100.7") for n in range(40)]

    # THEN the attacker is slowed down: after the free failures every try must wait
    assert answers[:3] == [401, 401, 401]
    assert set(answers[4:]) == {429}
    # and even the right password from the attacker's address waits now
    assert _login(OWNER_PASSWORD, address="198.51.100.7") == 429
    # WHEN the owner logs in from their own address
    # THEN they get in at once
    assert _login(OWNER_PASSWORD, address="10.20.30.40") == 200


def test_the_refusal_says_how_long_to_wait(owner, settings) -> None:
    settings.LOGIN_FREE_FAILURES = 1
    settings.LOGIN_DELAY_BASE_SECONDS = 30
    assert [_login("x", address="198.51.100.7") for _ in range(2)] == [401, 401]

    refused = APIClient(REMOTE_ADDR="198.51.100.7").post(
        "/api/auth/token/", {"username": "kim", "password": OWNER_PASSWORD}, format="json"
    )

    assert refused.status_code == 429
    assert refused.json()["type"] == "throttled"
    assert 1 <= int(refused["Retry-After"]) <= 31


def test_each_failure_past_the_free_ones_doubles_the_wait_up_to_the_ceiling(settings) -> None:
    settings.LOGIN_FREE_FAILURES = 3
    settings.LOGIN_DELAY_BASE_SECONDS = 2
    settings.LOGIN_DELAY_MAX_SECONDS = 300

    waits = [login_delay_seconds(failures) for failures in range(1, 14)]

    assert waits == [0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]


def test_a_username_stops_at_its_ceiling_from_every_address(owner, settings) -> None:
    settings.LOGIN_FAILURES_PER_USERNAME = 5
    for n in range(5):
        assert _login("wrong", address=f"203.0.113.{n}") == 401

    assert _login(OWNER_PASSWORD, address="10.20.30.40") == 429


def test_the_owners_success_clears_their_own_address(owner, settings) -> None:
    settings.LOGIN_FREE_FAILURES = 2
    assert [_login("typo", address="10.20.30.40") for _ in range(2)] == [401, 401]
    assert _login(OWNER_PASSWORD, address="10.20.30.40") == 200

    # the two typos are forgotten: two more are free again
    assert [_login("typo", address="10.20.30.40") for _ in range(2)] == [401, 401]


def test_every_attempt_of_an_address_is_rate_limited(owner, settings) -> None:
    settings.LOGIN_THROTTLE_RATE = "3/min"
    answers = [_login(OWNER_PASSWORD, address="10.20.30.40") for _ in range(4)]

    assert answers == [200, 200, 200, 429]


def test_a_forged_x_forwarded_for_does_not_escape_a_throttle(owner, settings) -> None:
    # GIVEN no trusted proxy in front of Dojang and three attempts a minute per address
    settings.AUDIT_TRUSTED_PROXY_COUNT = 0
    settings.LOGIN_THROTTLE_RATE = "3/min"
    # WHEN one client sends each attempt with a different forged X-Forwarded-For
    answers = [
        _login(OWNER_PASSWORD, address="198.51.100.7", forwarded=f"10.0.0.{n}") for n in range(4)
    ]

    # THEN they are counted as the one address they come from
    assert answers == [200, 200, 200, 429]


def test_behind_a_trusted_proxy_the_address_it_saw_is_the_client(owner, settings) -> None:
    settings.AUDIT_TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_THROTTLE_RATE = "2/min"
    proxy = "10.0.0.1"

    def via_proxy(client: str, forged: str = "") -> int:
        chain = f"{forged}, {client}" if forged else client
        return _login(OWNER_PASSWORD, address=proxy, forwarded=chain)

    # the client at .7 forges a different left-most hop every time: still one client
    assert [via_proxy("198.51.100.7", forged=f"1.2.3.{n}") for n in range(3)] == [200, 200, 429]
    # another client behind the same proxy is not held up
    assert via_proxy("198.51.100.8") == 200


def _views(patterns: list[URLPattern | URLResolver]) -> list[object]:
    found: list[object] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found.extend(_views(pattern.url_patterns))
        else:
            found.append(pattern.callback)
    return found


def test_every_throttle_of_the_api_names_the_client_by_the_trusted_address() -> None:
    throttles = set()
    for callback in _views(get_resolver().url_patterns):
        view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
        for klass in getattr(view, "throttle_classes", []) or []:
            throttles.add(klass)

    assert throttles, "the URL map has throttled views"
    assert [t.__name__ for t in throttles if not issubclass(t, ClientAddressIdent)] == []


def test_a_forged_x_forwarded_for_does_not_escape_a_public_endpoints_limit(settings) -> None:
    # GIVEN the citizens' request-status endpoint, two lookups an hour per address
    settings.AUDIT_TRUSTED_PROXY_COUNT = 0
    settings.DISCLOSURE_STATUS_THROTTLE_RATE = "2/hour"

    # WHEN one client sends each lookup with a different forged X-Forwarded-For
    answers = []
    for n in range(3):
        client = APIClient(REMOTE_ADDR="198.51.100.7")
        client.credentials(HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        response = client.post(
            "/api/public/disclosure-requests/2026-000001/",
            {"email": "citizen@example.com"},
            format="json",
        )
        answers.append(response.status_code)

    # THEN the third is refused: DRF's own reading of the header would have let it through
    assert answers[:2] != [429, 429]
    assert answers[2] == 429
