"""The error body is in the schema once (`Error`) and every error answer points at it."""

from collections.abc import Iterator
from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

ERROR_REF = {"$ref": "#/components/schemas/Error"}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    result: dict[str, Any] = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    return result


def _operations(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_error_is_one_component_with_the_fields_the_handler_writes(schema):
    error = schema["components"]["schemas"]["Error"]
    assert set(error["properties"]) == {"type", "detail", "errors", "acted_by"}
    assert sorted(error["required"]) == ["detail", "errors", "type"]
    acted_by = schema["components"]["schemas"]["ActedBy"]
    assert set(acted_by["properties"]) == {"name", "position", "action", "acted_at"}


def test_every_error_answer_without_a_body_of_its_own_is_an_error(schema):
    seen = 0
    for path, method, operation in _operations(schema):
        for code, response in operation["responses"].items():
            if not (code.startswith("4") or code == "503"):
                continue
            body = response["content"]["application/json"]["schema"]
            if path.endswith(("/rendition/", "/pdf/")) and code == "409":
                assert body != ERROR_REF  # the rendition that failed, declared by its view
                continue
            assert body == ERROR_REF, f"{method} {path} {code}"
            seen += 1
    assert seen > 300


def test_operations_declare_the_errors_they_can_answer(schema):
    approve = schema["paths"]["/api/tasks/{id}/approve/"]["post"]["responses"]
    assert {"400", "401", "403", "404", "409", "413", "422", "503"} <= set(approve)
    assert "Retry-After" in approve["503"]["headers"]
    # a public endpoint is never 401/403; a throttled one answers 429
    login = schema["paths"]["/api/auth/token/"]["post"]["responses"]
    assert "401" not in login
    assert "429" in login
    # a list without an id in its path has no 404
    bulk = schema["paths"]["/api/tasks/bulk-approve/"]["post"]["responses"]
    assert "404" not in bulk
    assert {"400", "401", "403", "413", "422"} <= set(bulk)
