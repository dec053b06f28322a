"""Rasa's NLG endpoint, served by the gateway: `POST /nlg?token=…` answers every `utter_*` response in the
conversation's language (the rendering is in `assistant.nlg`). Any caller without the gateway token is refused."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from assistant.clock import today
from assistant.i18n import Localiser, language_of_message
from assistant.knowledge.loader import get_knowledge_base
from assistant.nlg import render_response
from assistant.settings import get_settings
from assistant.situation.audience import school_response

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
    if rendered is not None:
        rendered = _for_school_staff(body["response"], tracker, rendered)
    if rendered is None:
        return JSONResponse({"error": "unknown response", "response": body["response"]}, status_code=404)
    return JSONResponse(rendered)


def _for_school_staff(name: str, tracker: dict[str, Any], rendered: dict[str, Any]) -> dict[str, Any]:
    """`rendered`, or the school staff's own verdict when the message it answers is written by school staff and the
    response has one (`assistant.situation.audience.school_response`), with its sources."""
    message = tracker.get("latest_message")
    latest: dict[str, Any] = message if isinstance(message, dict) else {}
    said = latest.get("text")
    text = said if isinstance(said, str) else ""
    language = language_of_message(latest)
    reply = school_response(name, text, language, today())
    if reply is None:
        return rendered
    loc = Localiser(language)
    citations = get_knowledge_base().resolve(list(reply.citations))
    custom = {**(rendered.get("custom") or {}), "citations": [{"ref": c.ref, "url": c.url} for c in citations]}
    return {**rendered, "text": loc.finish(" ".join(loc(line) for line in reply.lines)), "custom": custom}
