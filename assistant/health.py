"""`GET /health`: 200 only when everything a chat answer needs answers: the gateway, Rasa (with a model loaded), the
database and the action server Rasa calls for its custom actions and responses."""

from __future__ import annotations

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from assistant.db.session import database_answers

router = APIRouter(tags=["health"])


class ActionServerProbe:
    """Asks the action server's `/health`; with no URL this process serves the actions itself (always ready)."""

    def __init__(self, url: str | None, timeout: float, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._target = (url, httpx.AsyncClient(timeout=timeout, transport=transport)) if url else None

    async def ready(self) -> bool:
        if self._target is None:
            return True
        url, client = self._target
        try:
            response = await client.get(url)
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    async def close(self) -> None:
        if self._target is not None:
            await self._target[1].aclose()


@router.get("/health", summary="Readiness of the gateway, Rasa, the database and the action server")
async def health(request: Request) -> JSONResponse:
    rasa_ok = await request.app.state.chat_service.rasa.model_loaded()
    database_ok = await run_in_threadpool(database_answers)
    actions_ok = await request.app.state.action_server.ready()
    checks = {"gateway": "ok", "rasa": "ok" if rasa_ok else "unavailable",
              "database": "ok" if database_ok else "unavailable",
              "action_server": "ok" if actions_ok else "unavailable"}
    healthy = rasa_ok and database_ok and actions_ok
    return JSONResponse({"status": "ok" if healthy else "unavailable", "checks": checks},
                        status_code=200 if healthy else 503)
