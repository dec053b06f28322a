"""The back office for leerplicht officers, school staff and administrators: pages under `/backoffice`, the JSON
API under `/api/backoffice`. `install_backoffice(app)` adds both and the back office's static files."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles


def install_backoffice(app: FastAPI) -> None:
    from assistant.backoffice.api import router as api_router
    from assistant.backoffice.routes import router as page_router
    from assistant.backoffice.views import STATIC_DIR
    from assistant.insight.backoffice import api as insight_api
    from assistant.insight.backoffice import pages as insight_pages

    app.include_router(page_router)
    app.include_router(api_router)
    app.include_router(insight_pages)
    app.include_router(insight_api)
    app.mount("/backoffice/static", StaticFiles(directory=str(STATIC_DIR)), name="backoffice_static")
