"""Renders Rasa's endpoints.yml and credentials.yml from the settings, so one settings object drives both processes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import make_url

from assistant.settings import Settings


def tracker_store_config(url: str) -> dict[str, Any]:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return {"type": "SQL", "dialect": "sqlite", "db": parsed.database}
    config: dict[str, Any] = {
        "type": "SQL",
        "dialect": "postgresql",
        "url": parsed.host or "127.0.0.1",
        "port": parsed.port or 5432,
        "db": parsed.database,
        "username": parsed.username,
    }
    if parsed.password:
        config["password"] = parsed.password
    return config


def lock_store_config(url: str | None) -> dict[str, Any] | None:
    if not url:
        return None
    parsed = make_url(url)
    config: dict[str, Any] = {
        "type": "redis",
        "url": parsed.host or "127.0.0.1",
        "port": parsed.port or 6379,
        "db": int(parsed.database or 0),
        "key_prefix": "leerplicht",
    }
    if parsed.password:
        config["password"] = parsed.password
    return config


def endpoints(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {
        "action_endpoint": {
            "url": f"http://{settings.assistant_host}:{settings.action_server_port}/webhook",
            "token": settings.gateway_token.get_secret_value(),
            # Only actions marked `send_domain: true` in domain/*.yml get the domain (~45 KB of JSON) with each call.
            "enable_selective_domain": True,
        },
        # Every `utter_*` response is rendered by the gateway in the conversation's language (assistant.nlg).
        "nlg": {
            "url": f"http://{settings.assistant_host}:{settings.action_server_port}/nlg",
            "token": settings.gateway_token.get_secret_value(),
        },
        "tracker_store": tracker_store_config(settings.resolved_tracker_store_url),
    }
    lock_store = lock_store_config(settings.lock_store_url)
    if lock_store:
        config["lock_store"] = lock_store
    return config


def credentials(settings: Settings) -> dict[str, Any]:
    # Only the gateway channel: it needs the gateway token. Rasa's stock REST channel would take messages from any
    # local process without a token, past the gateway's redaction and limits, so it is not enabled.
    return {"rasa_plugins.gateway_channel.GatewayInput": {"token": settings.gateway_token.get_secret_value()}}


def write_rasa_config(settings: Settings, directory: Path) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    tracker = make_url(settings.resolved_tracker_store_url)
    if tracker.get_backend_name() == "sqlite" and tracker.database:
        Path(tracker.database).parent.mkdir(parents=True, exist_ok=True)
    endpoints_path, credentials_path = directory / "endpoints.yml", directory / "credentials.yml"
    for path, content in ((endpoints_path, endpoints(settings)), (credentials_path, credentials(settings))):
        path.write_text(
            "# Generated from the settings by `assistant rasa-config`; do not edit.\n"
            + yaml.safe_dump(content, sort_keys=False),
            encoding="utf-8",
        )
        path.chmod(0o600)
    return endpoints_path, credentials_path
