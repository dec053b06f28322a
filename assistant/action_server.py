"""The action server: Rasa's custom actions (`POST /webhook`) and responses (`POST /nlg`) in a process of their own.

Rasa calls these endpoints two or three times for every message. Served by the chat gateway's process, they shared
its event loop (and the GIL) with `/api/chat`: the actions run on the loop, so a chat turn of one conversation waited
for an action of another. With ten conversations the gateway then added ~16 ms to Rasa's p50; with the action server
in its own process ~9 ms (docs/performance.md). `make run` starts it on ACTION_SERVER_PORT, on loopback like the rest;
Rasa's endpoints (`assistant rasa-config`) point at it. Both endpoints need the gateway token.

The gateway's app still has both routes, so one process can serve everything where that suits (set
ACTION_SERVER_PORT to ASSISTANT_PORT and run only `assistant serve`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from assistant import __version__
from assistant.http.errors import install_error_handlers
from assistant.http.limits import BodySizeLimitMiddleware
from assistant.http.routes import ACTION_SERVER_ROUTES, include_routes
from assistant.logging_setup import RequestIdMiddleware, configure_logging
from assistant.settings import Settings, get_settings
from assistant.warm_up import warmed_up


def create_action_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with warmed_up(serves_actions=True):
            yield

    app = FastAPI(
        title="Leerplicht-assistent action server",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    install_error_handlers(app)
    include_routes(app, ACTION_SERVER_ROUTES)

    @app.get("/health", include_in_schema=False)
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestIdMiddleware)
    return app
