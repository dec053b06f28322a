"""Property-based fuzzing of every documented endpoint from the OpenAPI schema (valid and invalid input alike):
no input ever gives a 500."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from assistant.app import create_app
from tests.conftest import FakeRasa


@pytest.fixture
def api_schema(configured):
    configured.chat_rate_limit = "100000/minute"
    app = create_app(configured, rasa_transport=FakeRasa().transport)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_endpoint_answers_500_to_generated_input(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert any(operation.path == "/api/chat" for operation in operations)
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(operation, mode)


def _fuzz(operation, mode: GenerationMode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def no_server_error(case):
        response = case.call()
        assert response.status_code < 500, (
            f"{operation.method.upper()} {operation.path} -> {response.status_code}: {response.text[:300]}"
        )

    try:
        no_server_error()
    except Unsatisfiable:
        # An operation without parameters or body (GET /health) has no invalid input to generate.
        assert mode is GenerationMode.NEGATIVE
