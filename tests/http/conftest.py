"""Gateway test helpers."""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NO_LIMIT = "100000/minute"


def without_rate_limits(settings: Settings) -> Settings:
    """The settings with every rate limit out of reach (for tests that send many requests from one client)."""
    for name in (
        "chat_rate_limit_per_conversation",
        "chat_rate_limit_per_ip",
        "verlof_request_rate_limit",
        "verlof_status_rate_limit",
    ):
        setattr(settings, name, NO_LIMIT)
    return settings
