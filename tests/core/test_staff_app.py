"""The staff web app is one page for every path under /app/, with the CSRF cookie set."""

from pathlib import Path

import pytest
from django.test import Client, override_settings


@pytest.fixture
def built_app(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="ko"><div id="root"></div></html>', encoding="utf-8"
    )
    return tmp_path


def test_a_deep_link_gets_the_app_page_and_the_csrf_cookie(client: Client, built_app: Path) -> None:
    # GIVEN a built app WHEN someone opens a link a notification wrote
    with override_settings(STAFF_APP_DIST=built_app):
        response = client.get("/app/documents/12")
    # THEN the page is the app's, never cached, and the CSRF cookie is set for its API calls
    assert response.status_code == 200
    assert b'<div id="root">' in response.content
    assert "no-cache" in response["Cache-Control"]
    assert "csrftoken" in response.cookies


def test_the_app_root_and_sign_in_are_the_same_page(client: Client, built_app: Path) -> None:
    with override_settings(STAFF_APP_DIST=built_app):
        assert client.get("/app/").status_code == 200
        assert client.get("/app/sign-in?next=/boxes/to_act").status_code == 200


def test_an_unbuilt_app_says_how_to_build_it_in_korean(client: Client, tmp_path: Path) -> None:
    with override_settings(STAFF_APP_DIST=tmp_path / "missing"):
        response = client.get("/app/", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 503
    assert "make frontend" in response.content.decode()
    assert "빌드" in response.content.decode()


def test_only_get_is_served(client: Client, built_app: Path) -> None:
    with override_settings(STAFF_APP_DIST=built_app):
        assert client.post("/app/").status_code in (403, 405)
