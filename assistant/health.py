"""`GET /health`: 200 only when the gateway, Rasa (with a model loaded) and the database all answer."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from assistant.db.session import database_answers

router = APIRouter(tags=["health"])


@router.get("/health", summary="Readiness of the gateway, Rasa and the database")
async def health(request: Request) -> JSONResponse:
    rasa_ok = await request.app.state.chat_service.rasa.model_loaded()
    database_ok = await run_in_threadpool(database_answers)
    checks = {"gateway": "ok", "rasa": "ok" if rasa_ok else "unavailable",
              "database": "ok" if database_ok else "unavailable"}
    healthy = rasa_ok and database_ok
    return JSONResponse({"status": "ok" if healthy else "unavailable", "checks": checks},
                        status_code=200 if healthy else 503)
