"""Rasa's NLG endpoint, served by the gateway: `POST /nlg?token=…` answers every `utter_*` response in the
conversation's language (the rendering is in `assistant.nlg`). Any caller without the gateway token is refused."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from assistant.nlg import render_response
from assistant.settings import get_settings

router = APIRouter(tags=["rasa"])


@router.post("/nlg", include_in_schema=False)
async def generate(request: Request, token: str = Query(default="")) -> JSONResponse:
    expected = get_settings().gateway_token.get_secret_value()
    if not hmac.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="Onbekende afzender.")
    try:
        body = await request.json()
    except ValueError as error:
        raise HTTPException(status_code=400, detail="Geen geldige JSON.") from error
    if not isinstance(body, dict) or not isinstance(body.get("response"), str):
        raise HTTPException(status_code=400, detail="Geen geldige NLG-aanroep.")
    tracker: dict[str, Any] = body["tracker"] if isinstance(body.get("tracker"), dict) else {}
    channel: dict[str, Any] = body["channel"] if isinstance(body.get("channel"), dict) else {}
    arguments: dict[str, Any] = body["arguments"] if isinstance(body.get("arguments"), dict) else {}
    rendered = render_response(body["response"], tracker, channel.get("name"), arguments)
    if rendered is None:
        return JSONResponse({"error": "unknown response", "response": body["response"]}, status_code=404)
    return JSONResponse(rendered)
