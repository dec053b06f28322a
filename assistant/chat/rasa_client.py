"""Talks to the Rasa server(s) through the project's own `gateway` input channel (rasa_plugins/gateway_channel.py).

That channel returns the bot messages together with the parsed intent, and needs the shared gateway token.
With several Rasa processes (`RASA_URLS`), each conversation goes to the same process (a stable hash of the sender
id); when that process refuses the connection, the next one takes the message. All processes share the tracker store
and a Redis lock store, so any of them can continue any conversation.
"""

from __future__ import annotations

import asyncio
import zlib
from dataclasses import dataclass, field
from typing import Any

import httpx


class RasaUnavailable(Exception):
    """No Rasa process answered in time, refused the connection or returned an error."""


class TurnRefused(RasaUnavailable):
    """Rasa was reached but refused the turn because something behind it is down: `reason` is `tracker_store` (the
    conversation could not be read or saved) or `action_server` (actions and responses could not be fetched). Another
    Rasa process shares both, so the message is not sent there."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"Rasa refused the turn: {reason} unavailable")
        self.reason = reason


REFUSAL_REASONS = ("tracker_store", "action_server")


@dataclass(frozen=True)
class RasaReadiness:
    model_loaded: bool
    tracker_store_writable: bool

    @property
    def ready(self) -> bool:
        return self.model_loaded and self.tracker_store_writable


@dataclass(frozen=True)
class RasaReply:
    messages: list[dict[str, Any]]
    intent: dict[str, Any] | None = None
    active_loop: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)


class RasaClient:
    def __init__(
        self,
        base_urls: list[str],
        token: str,
        timeout: float,
        health_timeout: float = 2.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not base_urls:
            raise ValueError("at least one Rasa URL is needed")
        self._base_urls = [url.rstrip("/") for url in base_urls]
        self._deadline = timeout  # for the whole send, fail-over included
        self._token = token
        self._health_timeout = health_timeout
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 1.0)),
            transport=transport,
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
            headers={"X-Gateway-Token": token},
        )

    async def close(self) -> None:
        await self._client.aclose()

    def _order_for(self, sender_id: str) -> list[str]:
        start = zlib.crc32(sender_id.encode()) % len(self._base_urls)
        return self._base_urls[start:] + self._base_urls[:start]

    async def send(self, sender_id: str, text: str, metadata: dict[str, Any]) -> RasaReply:
        """The reply, or RasaUnavailable within the deadline (a hanging Rasa never holds the user up longer)."""
        try:
            return await asyncio.wait_for(self._send(sender_id, text, metadata), timeout=self._deadline)
        except asyncio.TimeoutError as error:
            raise RasaUnavailable(f"no answer within {self._deadline:g} s") from error

    async def _send(self, sender_id: str, text: str, metadata: dict[str, Any]) -> RasaReply:
        last_error: Exception | None = None
        for base_url in self._order_for(sender_id):
            try:
                response = await self._client.post(
                    f"{base_url}/webhooks/gateway/webhook",
                    json={"sender": sender_id, "message": text, "metadata": metadata},
                )
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                last_error = error  # never reached this process: safe to try the next one
                continue
            except httpx.HTTPError as error:
                raise RasaUnavailable(str(error)) from error  # may have been handled: do not send twice
            if response.status_code == 503:
                reason = _reason(response)
                if reason in REFUSAL_REASONS:
                    raise TurnRefused(reason)
                last_error = RasaUnavailable("no model loaded")  # up, but not ready yet: try the next one
                continue
            try:
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
        raise RasaUnavailable(str(last_error))

    async def readiness(self) -> RasaReadiness:
        """Whether a Rasa process has a model loaded and a tracker store that takes a write (the channel's probe
        tests one); ready when one process has both (the others fail over to it)."""
        model_loaded = writable = False
        for base_url in self._base_urls:
            try:
                response = await self._client.get(f"{base_url}/webhooks/gateway/", timeout=self._health_timeout)
                body = response.json()
            except (httpx.HTTPError, ValueError):
                continue
            if not isinstance(body, dict):
                continue
            loaded, store_ok = bool(body.get("model_id")), body.get("tracker_store") == "ok"
            model_loaded, writable = model_loaded or loaded, writable or store_ok
            if loaded and store_ok:
                break
        return RasaReadiness(model_loaded, writable)


def _reason(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("reason") if isinstance(body, dict) else None
