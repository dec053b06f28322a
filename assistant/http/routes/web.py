"""The chat page (`/`) and the privacy statement (`/privacy`); the rendering is in `assistant.web.pages`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from assistant.i18n import translate
from assistant.web.pages import (
    CHAT_SCRIPT_TEXTS,
    DEFAULT_CHAT_RETENTION_DAYS,
    EXAMPLE_QUESTIONS,
    FEEDBACK_SCRIPT_TEXTS,
    render_page,
    setting,
)

pages = APIRouter(include_in_schema=False)


@pages.get("/", response_class=HTMLResponse, name="chat_page")
async def chat_page(request: Request) -> HTMLResponse:
    max_chars = int(setting(request, "max_message_chars", 2000))

    def extra(language: str) -> dict[str, Any]:
        return {
            "max_chars": max_chars,
            "retention_days": int(setting(request, "chat_retention_days", DEFAULT_CHAT_RETENTION_DAYS)),
            "script_texts": {
                key: translate(text, language) for key, text in {**CHAT_SCRIPT_TEXTS, **FEEDBACK_SCRIPT_TEXTS}.items()
            },
            "examples": [translate(question, language) for question in EXAMPLE_QUESTIONS],
        }

    return render_page(request, "chat.html", "chat", extra)


@pages.get("/privacy", response_class=HTMLResponse, name="privacy_page")
async def privacy_page(request: Request) -> HTMLResponse:
    def extra(language: str) -> dict[str, Any]:
        return {
            "chat_retention_days": int(setting(request, "chat_retention_days", DEFAULT_CHAT_RETENTION_DAYS)),
            "case_retention_days": setting(request, "case_retention_days", None),
            "undecided_retention_days": setting(request, "verlof_undecided_retention_days", None),
            "organisation_name": setting(request, "organisation_name", None),
            "privacy_contact_url": setting(request, "privacy_contact_url", None),
        }

    return render_page(request, "privacy.html", "privacy", extra)
