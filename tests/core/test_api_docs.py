"""The API's documentation page works on a network that reaches no CDN."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

_URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|["'](https?://[^"']+)["']""")


@pytest.mark.django_db
def test_the_docs_page_references_no_external_host(client: Client) -> None:
    # GIVEN the Swagger UI page of the API
    response = client.get("/api/docs/")
    page = response.content.decode()

    # THEN it loads nothing from another host: no CDN, no "@latest"
    assert response.status_code == 200
    urls = {a or b for a, b in _URL.findall(page)}
    external = {url for url in urls if re.match(r"(https?:)?//", url)}
    assert not external, f"the docs page loads from other hosts: {sorted(external)}"
    assert "@latest" not in page

    # AND every script and stylesheet it names is one of the project's static files
    static_urls = {url for url in urls if url.startswith(settings.STATIC_URL)}
    assert any(url.endswith("swagger-ui-bundle.js") for url in static_urls)
    for url in static_urls:
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url
