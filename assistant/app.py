"""The FastAPI application: chat gateway, Rasa action endpoint, web pages and health."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from assistant import __version__
from assistant.chat.rasa_client import RasaClient
from assistant.chat.service import ChatService
from assistant.http.errors import install_error_handlers
from assistant.http.limits import BodySizeLimitMiddleware
from assistant.http.openapi import openapi_for
from assistant.http.rate_limits import ChatAddressCeiling, RateLimiter, storage_for
from assistant.http.routes import include_routes
from assistant.http.routes.health import ActionServerProbe
from assistant.http.security_headers import SecurityHeadersMiddleware
from assistant.logging_setup import RequestIdMiddleware, configure_logging
from assistant.settings import Settings, get_settings
from assistant.warm_up import warmed_up


def create_app(
    settings: Settings | None = None,
    rasa_transport: httpx.AsyncBaseTransport | None = None,
    action_server_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)
    rasa = RasaClient(
        settings.rasa_url_list,
        settings.gateway_token.get_secret_value(),
        settings.rasa_timeout_seconds,
        settings.rasa_health_timeout_seconds,
        transport=rasa_transport,
    )
    separate_actions = settings.action_server_port != settings.assistant_port
    action_server = ActionServerProbe(
        f"http://{settings.assistant_host}:{settings.action_server_port}/health" if separate_actions else None,
        settings.rasa_health_timeout_seconds,
        transport=action_server_transport,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with warmed_up(serves_actions=not separate_actions):
            yield
        await rasa.close()
        await action_server.close()

    docs = settings.api_docs_enabled  # off in production unless API_DOCS=true
    app = FastAPI(
        title="Leerplicht-assistent",
        version=__version__,
        description="Chat gateway and API of the Leerplicht-assistent (Leerplichtwet 1969, Twente).",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.settings = settings
    app.state.rate_limiter = RateLimiter(storage_for(settings.rate_limit_redis_url))
    app.state.chat_service = ChatService(
        rasa,
        settings.max_message_chars,
        settings.default_language,
        answer_deadline_seconds=settings.rasa_timeout_seconds + 2,
    )
    app.state.action_server = action_server

    install_error_handlers(app)
    include_routes(app)
    app.openapi = openapi_for(app, settings)  # type: ignore[method-assign]

    # Added last runs first: request id, security headers, rate limit, size limit, then the routes.
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        ChatAddressCeiling,
        limiter=app.state.rate_limiter,
        limit=settings.chat_rate_limit_per_ip,
        paths=("/api/chat", "/api/chat/feedback", "/api/chat/satisfaction"),
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.app_env == "production")
    app.add_middleware(RequestIdMiddleware)
    return app
