"""client_address: the peer unless trusted proxies say otherwise; forged hops are ignored."""

import pytest
from django.http import HttpRequest
from django.test import RequestFactory

from core.request import client_address


def request(remote: str = "203.0.113.5", forwarded: str | None = None) -> HttpRequest:
    made = RequestFactory().get("/")
    made.META["REMOTE_ADDR"] = remote
    if forwarded is not None:
        made.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return made


def test_without_trusted_proxies_the_peer_is_the_client(settings) -> None:
    settings.AUDIT_TRUSTED_PROXY_COUNT = 0

    assert client_address(request(forwarded="198.51.100.9")) == "203.0.113.5"


def test_behind_one_proxy_the_last_hop_is_the_client(settings) -> None:
    settings.AUDIT_TRUSTED_PROXY_COUNT = 1

    # The client forged the first entry; the proxy appended the real one.
    assert client_address(request(remote="10.0.0.2", forwarded="1.2.3.4, 198.51.100.9")) == (
        "198.51.100.9"
    )


def test_behind_two_proxies_the_second_hop_from_the_right_is_the_client(settings) -> None:
    settings.AUDIT_TRUSTED_PROXY_COUNT = 2

    forwarded = "1.2.3.4, 198.51.100.9, 10.0.0.3"
    assert client_address(request(remote="10.0.0.2", forwarded=forwarded)) == "198.51.100.9"


def test_a_request_that_bypassed_the_proxies_is_recorded_by_its_peer(settings) -> None:
    settings.AUDIT_TRUSTED_PROXY_COUNT = 2

    assert client_address(request(forwarded="198.51.100.9")) == "203.0.113.5"


@pytest.mark.parametrize(
    ("remote", "expected"),
    [("::ffff:192.0.2.7", "192.0.2.7"), ("2001:DB8::1", "2001:db8::1"), ("not-an-ip", None)],
)
def test_addresses_are_normalised_or_dropped(settings, remote: str, expected: str | None) -> None:
    settings.AUDIT_TRUSTED_PROXY_COUNT = 0

    assert client_address(request(remote=remote)) == expected


def test_a_garbage_forwarded_entry_gives_no_address(settings) -> None:
    settings.AUDIT_TRUSTED_PROXY_COUNT = 1

    assert client_address(request(forwarded="<script>")) is None
