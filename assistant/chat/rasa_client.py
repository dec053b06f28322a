"""Talks to the Rasa server through the project's own `gateway` input channel (rasa_plugins/gateway_channel.py).

That channel returns the bot messages together with the parsed intent, and needs the shared gateway token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx


class RasaUnavailable(Exception):
    """Rasa did not answer in time, refused the connection or returned an error."""


@dataclass(frozen=True)
class RasaReply:
    messages: list[dict[str, Any]]
    intent: dict[str, Any] | None = None
    active_loop: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)


class RasaClient:
    def __init__(self, base_url: str, token: str, timeout: float, health_timeout: float = 2.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._token = token
        self._health_timeout = health_timeout
        self._client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 2.0)),
            transport=transport,
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
        )

    async def close(self) -> None:
        await self._client.aclose()

    async def send(self, sender_id: str, text: str, metadata: dict[str, Any]) -> RasaReply:
        try:
            response = await self._client.post(
                "/webhooks/gateway/webhook",
                json={"sender": sender_id, "message": text, "metadata": metadata},
                headers={"X-Gateway-Token": self._token},
            )
            response.raise_for_status()
            body = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(str(error)) from error
        return RasaReply(
            messages=list(body.get("messages") or []),
            intent=body.get("intent"),
            active_loop=body.get("active_loop"),
            slots=dict(body.get("slots") or {}),
        )

    async def model_loaded(self) -> bool:
        try:
            response = await self._client.get(
                "/webhooks/gateway/", headers={"X-Gateway-Token": self._token}, timeout=self._health_timeout
            )
        except httpx.HTTPError:
            return False
        return response.status_code == 200 and bool(response.json().get("model_id"))
