"""Rasa's action endpoint, served by the gateway: the rasa_sdk executor runs the thin adapters in `actions/`.

Rasa calls `POST /webhook?token=…` (see `assistant.rasa_config`); any other caller is refused.
"""

from __future__ import annotations

import hmac
from functools import lru_cache

import structlog
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

from assistant.settings import get_settings

router = APIRouter(tags=["rasa"])
log = structlog.get_logger(__name__)


@lru_cache
def get_executor() -> ActionExecutor:
    executor = ActionExecutor()
    executor.register_package("actions")
    return executor


@router.post("/webhook", include_in_schema=False)
async def run_action(request: Request, token: str = Query(default="")) -> JSONResponse:
    expected = get_settings().gateway_token.get_secret_value()
    if not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="Onbekende afzender.")
    try:
        action_call = await request.json()
    except ValueError as error:
        raise HTTPException(status_code=400, detail="Geen geldige JSON.") from error
    if not isinstance(action_call, dict) or "next_action" not in action_call:
        raise HTTPException(status_code=400, detail="Geen geldige actie-aanroep.")
    try:
        result = await get_executor().run(action_call)
    except ActionExecutionRejection as error:
        return JSONResponse({"error": error.message, "action_name": error.action_name}, status_code=400)
    except ActionNotFoundException as error:
        log.error("action_not_found", action=error.action_name)
        return JSONResponse({"error": error.message, "action_name": error.action_name}, status_code=404)
    return JSONResponse(result or {"events": [], "responses": []})
