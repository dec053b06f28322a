"""The OpenAPI document, made to match what the API really answers (checked by schemathesis in
tests/http/test_openapi.py).

FastAPI documents its own error shapes, which this app never sends: every error leaves as
`{"detail": "<reason in the user's language>"}` (assistant.http.errors). This module
- replaces FastAPI's validation-error schema with that shape everywhere,
- documents the answers every operation can give whatever its route declares: 400 for a JSON body that is not JSON,
  413 for a body over MAX_BODY_BYTES, 503 (with Retry-After) when the database cannot take the request,
- writes the configured MAX_MESSAGE_CHARS into the chat message's schema,
- adds OpenAPI links between operations (a chat answer leads to the conversation's officer messages, a stored leave
  request to its status), which clients and schemathesis' stateful tests follow.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from assistant.settings import Settings

ERROR_REF = "#/components/schemas/ErrorResponse"
_FASTAPI_ERROR_SCHEMAS = ("HTTPValidationError", "ValidationError")
RETRY_AFTER_HEADER = {
    "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 1}}
}
ERROR_SCHEMA = {
    "title": "ErrorResponse",
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string", "title": "Detail"}},
}
_BODY_METHODS = ("post", "put", "patch", "delete")

COMMON_RESPONSES: dict[str, dict[str, Any]] = {
    "503": {
        "description": "The database cannot take the request now (read-only, full or unreachable); try again "
        "after `Retry-After` seconds.",
        "headers": RETRY_AFTER_HEADER,
    },
}
BODY_RESPONSES: dict[str, dict[str, Any]] = {
    "400": {"description": "The body is not valid JSON."},
    "413": {"description": "The body is larger than MAX_BODY_BYTES."},
}

# (operation, response status) -> links: where the answer leads.
LINKS: dict[tuple[str, str, str], dict[str, Any]] = {
    ("/api/chat", "post", "200"): {
        "OfficerMessages": {
            "operationId": "officer_messages_api_chat__sender_id__messages_get",
            "parameters": {"sender_id": "$response.body#/sender_id"},
            "description": "Officer and system messages of this conversation (poll while `handoff` is open).",
        },
        "NextMessage": {
            "operationId": "chat_api_chat_post",
            "requestBody": {"sender_id": "$response.body#/sender_id", "message": "/greet"},
            "description": "The next message of the same conversation.",
        },
    },
    ("/api/verlof/requests", "post", "201"): {
        "RequestStatus": {
            "operationId": "get_request_api_verlof_requests__reference__get",
            "parameters": {"reference": "$response.body#/reference", "email": "$request.body#/email"},
            "description": "The status of the request just stored (needs the e-mail address it was stored with).",
        },
    },
}


def _json_error(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
    }
    if headers:
        response["headers"] = headers
    return response


def _replace_validation_errors(schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ErrorResponse", ERROR_SCHEMA)
    for name in _FASTAPI_ERROR_SCHEMAS:
        components.pop(name, None)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    if media.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1] in _FASTAPI_ERROR_SCHEMAS:
                        media["schema"] = {"$ref": ERROR_REF}


def _add_common_responses(schema: dict[str, Any]) -> None:
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            extra = dict(COMMON_RESPONSES)
            if method in _BODY_METHODS and "requestBody" in operation:
                extra.update(BODY_RESPONSES)
            for status, spec in extra.items():
                if status not in responses:
                    responses[status] = _json_error(spec["description"], spec.get("headers"))
            for response in responses.values():  # FastAPI's "Successful Response" and friends keep their text
                response.setdefault("description", "")


def _set_message_limit(schema: dict[str, Any], max_chars: int) -> None:
    message = (
        schema.get("components", {}).get("schemas", {}).get("ChatRequest", {}).get("properties", {}).get("message")
    )
    if message is not None:
        message["maxLength"] = max_chars


def _add_links(schema: dict[str, Any]) -> None:
    for (path, method, status), links in LINKS.items():
        response = schema.get("paths", {}).get(path, {}).get(method, {}).get("responses", {}).get(status)
        if response is not None:
            response["links"] = copy.deepcopy(links)


def openapi_for(app: FastAPI, settings: Settings) -> Callable[[], dict[str, Any]]:
    """The app's `openapi()`: FastAPI's document, made to match the API (built once)."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            _replace_validation_errors(schema)
            _add_common_responses(schema)
            _set_message_limit(schema, settings.max_message_chars)
            _add_links(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    return build
