"""Validates custom-action responses with one compiled JSON-schema validator (runs inside Rasa, environment B).

Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate(result, schema)` for every action call.
`validate` first checks the schema itself against its metaschema and builds a new validator; for Rasa's event schema
that is most of the work (about 60 ms of a 150 ms turn on this machine, measured with py-spy), while the response is
small. The schema is a constant, so it is checked once here and the same validator checks every response, with the
same outcome and the same error message as Rasa's. Installed when the gateway channel is imported.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

from rasa_plugins.version_guard import require_supported_rasa


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the Action endpoint is "
        f"valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    require_supported_rasa(__name__)
    RemoteAction._validate_action_result = validate_action_result


__all__ = ["ValidationError", "install", "validate_action_result"]
