"""Fixtures of the documents suite."""

import pytest

from tests.factories.directory import OrgChain, org_chain
from tests.factories.documents import default_delegation_rules


@pytest.fixture
def chain(db) -> OrgChain:
    return org_chain()


@pytest.fixture
def default_rules(db) -> None:
    default_delegation_rules()
