"""A browser session ends after SESSION_COOKIE_AGE idle; activity renews it (once a minute)."""

import datetime as dt
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from core.api.session import RENEWED_AT

PASSWORD = "correct-horse-9"
ME = "/api/me/"


@pytest.fixture
def signed_in(db, settings) -> Client:
    settings.SESSION_COOKIE_AGE = 600
    settings.SESSION_RENEW_SECONDS = 60
    get_user_model().objects.create_user(username="kim", password=PASSWORD)
    client = Client()
    response = client.post(
        "/api/auth/session/", {"username": "kim", "password": PASSWORD}, "application/json"
    )
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 600
    return client


def _session(client: Client) -> Session:
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def _age_renewal(client: Client, seconds: int) -> None:
    """Pretend the last renewal was `seconds` ago, and its expiry that much nearer."""
    row = _session(client)
    data = row.get_decoded()
    data[RENEWED_AT] = int(time.time()) - seconds
    row.session_data = Session.objects.encode(data)
    row.expire_date -= dt.timedelta(seconds=seconds)
    row.save()


def test_activity_after_the_renew_interval_moves_the_expiry_on(signed_in):
    _age_renewal(signed_in, 120)
    before = _session(signed_in).expire_date

    response = signed_in.get(ME)

    assert response.status_code != 401
    after = _session(signed_in).expire_date
    assert after - before >= dt.timedelta(seconds=110)
    assert after > timezone.now() + dt.timedelta(seconds=590)
    assert response.cookies["sessionid"]["max-age"] == 600  # the cookie follows


def test_activity_within_the_interval_writes_nothing(signed_in):
    _age_renewal(signed_in, 10)
    before = _session(signed_in).expire_date

    response = signed_in.get(ME)

    assert _session(signed_in).expire_date == before
    assert "sessionid" not in response.cookies


def test_an_idle_session_ends_and_the_api_says_so(signed_in):
    row = _session(signed_in)
    row.expire_date = timezone.now() - dt.timedelta(seconds=1)
    row.save()

    response = signed_in.get(ME)

    assert response.status_code == 401
    assert response.json()["type"] == "not_authenticated"


@pytest.mark.django_db
def test_an_anonymous_visit_makes_no_session():
    response = Client().get(ME)
    assert response.status_code == 401
    assert not Session.objects.exists()
