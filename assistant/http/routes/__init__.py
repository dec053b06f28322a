"""Every route of the application, one module per area: `routes/<area>.py`.

A route module exposes `router` (JSON endpoints, in the OpenAPI schema) and/or `pages` (server-rendered HTML, not
in the schema); the back office's modules are `backoffice_<area>.py`. Routes are thin: they parse, call one
service or rule, and shape the answer; what they need comes through `assistant.http.deps`.
"""

from __future__ import annotations

from types import ModuleType

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from assistant.backoffice.views import STATIC_DIR as BACKOFFICE_STATIC_DIR
from assistant.http.routes import (
    backoffice,
    backoffice_cases,
    backoffice_erasure,
    backoffice_insight,
    backoffice_review,
    backoffice_verlof,
    chat,
    chat_feedback,
    health,
    leerplicht,
    melding,
    nlg,
    rasa_actions,
    verlof,
    verlof_requests,
    verlof_status,
    web,
)
from assistant.web.pages import STATIC_DIR as WEB_STATIC_DIR

# In the order they are added (the order of the OpenAPI schema).
GATEWAY_ROUTES: tuple[ModuleType, ...] = (
    chat,
    chat_feedback,
    health,
    leerplicht,
    melding,
    verlof,
    verlof_requests,
    rasa_actions,
    nlg,
    backoffice,
    backoffice_cases,
    backoffice_insight,
    backoffice_review,
    backoffice_verlof,
    backoffice_erasure,
    verlof_status,
    web,
)
# The action server's own process serves only what Rasa calls.
ACTION_SERVER_ROUTES: tuple[ModuleType, ...] = (rasa_actions, nlg)


def include_routes(app: FastAPI, modules: tuple[ModuleType, ...] = GATEWAY_ROUTES) -> None:
    """Add the `pages` and `router` of each module, then (for the gateway) the static files."""
    for module in modules:
        for name in ("pages", "router"):
            if hasattr(module, name):
                app.include_router(getattr(module, name))
    if modules is GATEWAY_ROUTES:
        app.mount("/backoffice/static", StaticFiles(directory=str(BACKOFFICE_STATIC_DIR)), name="backoffice_static")
        app.mount("/static", StaticFiles(directory=str(WEB_STATIC_DIR)), name="static")
