"""`GET /health`: 200 only when everything a chat answer needs answers: the gateway, Rasa (with a model loaded), Rasa's
tracker store and the database (each must take a write: a row inserted and rolled back), and the action server Rasa
calls for its custom actions and responses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from assistant.db.session import database_writable

router = APIRouter(tags=["health"])


def get_database_check() -> Callable[[], bool]:
    """Whether the application database takes a write (a dependency: tests replace it on their app)."""
    return database_writable


DatabaseCheck = Annotated[Callable[[], bool], Depends(get_database_check)]
Status = Literal["ok", "unavailable"]


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


class HealthChecks(BaseModel):
    gateway: Status
    rasa: Status = Field(description="a Rasa process answers with a model loaded")
    tracker_store: Status = Field(description="Rasa's tracker store takes a write")
    database: Status = Field(description="the application database takes a write")
    action_server: Status


class HealthReport(BaseModel):
    status: Status
    checks: HealthChecks


@router.get(
    "/health",
    summary="Readiness of the gateway, Rasa, its tracker store, the database and the action server",
    response_model=HealthReport,
    responses={503: {"model": HealthReport, "description": "Something a chat answer needs is unavailable."}},
)
async def health(request: Request, database_check: DatabaseCheck) -> JSONResponse:
    readiness = await request.app.state.chat_service.rasa.readiness()
    database_ok = await run_in_threadpool(database_check)
    actions_ok = await request.app.state.action_server.ready()
    checks = {
        "gateway": True,
        "rasa": readiness.model_loaded,
        "tracker_store": readiness.tracker_store_writable,
        "database": database_ok,
        "action_server": actions_ok,
    }
    healthy = all(checks.values())
    return JSONResponse(
        {"status": _status(healthy), "checks": {name: _status(ok) for name, ok in checks.items()}},
        status_code=200 if healthy else 503,
    )


def _status(ok: bool) -> str:
    return "ok" if ok else "unavailable"
