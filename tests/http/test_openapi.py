"""schemathesis against the app in-process (ASGI, with the fake Rasa): every operation of the OpenAPI document, every
check schemathesis has (no 5xx; status codes, content types, headers and bodies as documented; schema-valid input
accepted, schema-invalid input rejected; ...), and every phase, including the stateful one that follows the document's
links (a chat answer to the conversation's officer messages and its next message, a stored leave request to its
status).

The configuration is the project's `schemathesis.toml`, which `st run http://127.0.0.1:8000/openapi.json` reads too;
here the seed is fixed so a failure can be repeated, and the number of examples keeps the run near a minute. The rate
limits are raised: they are tested in tests/http/test_rate_limits.py, and here they would only turn most generated
requests into 429s.
"""

from __future__ import annotations

from collections import Counter

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events, from_schema

from assistant.app import create_app
from tests.conftest import FakeRasa
from tests.http.conftest import PROJECT_ROOT, without_rate_limits

SEED = 20261206
MAX_EXAMPLES = 40


def _config() -> SchemathesisConfig:
    config = SchemathesisConfig.from_path(PROJECT_ROOT / "schemathesis.toml")
    config.update(seed=SEED, max_failures=None)
    config.projects.default.generation.update(max_examples=MAX_EXAMPLES, database="none")
    return config


def test_the_api_conforms_to_its_openapi_document(configured):
    app = create_app(without_rate_limits(configured), rasa_transport=FakeRasa().transport)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=_config())
    operations = {
        f"{operation.method.upper()} {operation.path}"
        for operation in (result.ok() for result in schema.get_all_operations())
    }

    failures: dict[tuple[str, str], str] = {}
    errors: list[str] = []
    tested: Counter[str] = Counter()
    stateful_transitions = 0
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            tested[event.recorder.label] += 1
            for checks in event.recorder.checks.values():
                for check in checks:
                    if check.failure_info is not None:
                        failure = check.failure_info.failure
                        failures.setdefault(
                            (str(failure.operation), check.name), f"{failure}\n{check.failure_info.code_sample[:500]}"
                        )
        elif isinstance(event, events.NonFatalError):
            errors.append(f"{event.label}: {event.value}")
        elif isinstance(event, events.FatalError):
            errors.append(f"fatal: {event.exception}")
        elif isinstance(event, events.PhaseStarted) and isinstance(event.payload, events.StatefulPhasePayload):
            stateful_transitions = event.payload.transitions_selected

    assert not errors, errors
    assert not failures, "\n\n".join(f"{operation} [{check}]\n{text}" for (operation, check), text in failures.items())
    assert len(operations) >= 20 and "POST /api/chat" in operations
    assert operations <= set(tested), f"not tested: {sorted(operations - set(tested))}"
    assert stateful_transitions >= 3  # the OpenAPI links: chat -> officer messages, chat -> chat, request -> status
