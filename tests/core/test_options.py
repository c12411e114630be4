"""OPTIONS answers on every API route, for anyone, without a 500.

The routes are read from the URL map itself, so a route added later is covered.
"""

import re
from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from rest_framework.test import APIClient

from tests.support.walk import Organisation, organisation

pytestmark = pytest.mark.django_db

# A value for each path parameter: ids of objects that need not exist (OPTIONS
# reads none), a box name for /api/boxes/<box>/.
_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)|<(?:\w+:)?(\w+)>")
_VALUES = {"box": "inbox", "receipt_number": "R-2026-000001"}


def _routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        text = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, text)
        else:
            yield text


def _path(route: str) -> str:
    def value(match: re.Match[str]) -> str:
        return _VALUES.get(match.group(1) or match.group(2), "1")

    return "/" + _GROUP.sub(value, route).replace("\\", "")


API_PATHS = sorted({_path(r) for r in _routes(get_resolver().url_patterns) if r.startswith("api/")})


def test_every_api_route_is_listed() -> None:
    # Guards the route reader: each path resolves, and the routes of each app are in.
    for path in API_PATHS:
        resolve(path)
    assert "/api/documents/1/attachments/" in API_PATHS
    assert "/api/documents/1/line/validate/" in API_PATHS
    assert len(API_PATHS) > 60


@pytest.fixture
def org() -> Organisation:
    return organisation()


@pytest.mark.parametrize("path", API_PATHS)
def test_options_never_fails(org: Organisation, path: str) -> None:
    anonymous, drafter = APIClient(), APIClient()
    drafter.force_authenticate(org.drafter.user)

    for who, client in (("anonymous", anonymous), ("drafter", drafter)):
        response = client.options(path)

        assert response.status_code in {200, 401, 403, 404, 405}, (who, response.content[:300])
        # JSON, or the schema's own JSON-compatible media type
        assert response["Content-Type"].startswith(("application/json", "application/vnd.oai")), who
        if response.status_code == 200 and "json" in response["Content-Type"]:
            assert "name" in response.json(), who
