"""Fixtures of the approvals API tests: a client logged in as a given person."""

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from directory.models import Person


@pytest.fixture
def client_as() -> Callable[[Person], APIClient]:
    def make(person: Person) -> APIClient:
        client = APIClient()
        client.force_authenticate(user=person.user)
        return client

    return make
