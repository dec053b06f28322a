"""Request size limits, enforced before any body is parsed."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.i18n import _, best_match, translate

TOO_LARGE = _("Uw bericht is te groot om te verwerken. Maak het korter en probeer het opnieuw.")


class BodySizeLimitMiddleware:
    """Answers 413 when a request body is larger than `max_bytes` (declared or streamed).

    Rasa's calls to the token-protected internal endpoints (`/webhook` for actions, `/nlg`) carry the whole domain
    and tracker, so they get `internal_max_bytes` instead.
    """

    INTERNAL_PATHS = ("/webhook", "/nlg")

    def __init__(self, app: ASGIApp, max_bytes: int, internal_max_bytes: int = 8 * 1024 * 1024) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.internal_max_bytes = internal_max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        language = best_match(headers.get(b"accept-language", b"").decode("latin-1"))
        limit = self.internal_max_bytes if scope["path"] in self.INTERNAL_PATHS else self.max_bytes
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._reject(send, language)
            return

        received = 0
        too_large = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            if too_large:
                await self._reject(send, language)

    @staticmethod
    async def _reject(send: Send, language: str) -> None:
        body = json.dumps({"detail": translate(TOO_LARGE, language)}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(Exception):
    pass
