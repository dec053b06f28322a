"""Security headers on every response, and per-client rate limits on the chat API."""

from __future__ import annotations

import json
import time

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.i18n import _, best_match, translate

# Strict: no inline scripts or styles anywhere; pages load only their own assets.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's interactive API docs load Swagger UI / ReDoc from a CDN and use an inline bootstrap script.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
STATIC_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

TOO_MANY = _("U stuurt te veel berichten kort na elkaar. Wacht even en probeer het over {seconds} seconden opnieuw.")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CONTENT_SECURITY_POLICY if scope["path"].startswith(DOCS_PATHS) else CONTENT_SECURITY_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"content-security-policy"]
                headers += [*STATIC_HEADERS, (b"content-security-policy", policy.encode())]
                if self.hsts:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def rate_limit_storage(redis_url: str | None) -> Storage:
    """In memory for one process; Redis (shared by every worker) when configured."""
    if redis_url:
        return RedisStorage(redis_url.replace("redis://", "async+redis://", 1))
    return MemoryStorage()


class ChatRateLimitMiddleware:
    """Per-client sliding-window limit on POST /api/chat: 429 with a reason and Retry-After.

    A sliding window counter (two counters per client) rather than a moving window: the in-memory moving window keeps
    every hit and, on every request, hands each client's list to a worker thread to expire old hits; with many
    parents that was one thread hop per client per message (docs/performance.md)."""

    def __init__(self, app: ASGIApp, limit: str, storage: Storage, paths: tuple[str, ...] = ("/api/chat",)) -> None:
        self.app = app
        self.item: RateLimitItem = parse(limit)
        self.limiter = SlidingWindowCounterRateLimiter(storage)
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = client[0] if client else "unknown"
        if await self.limiter.hit(self.item, "chat", key):
            await self.app(scope, receive, send)
            return
        stats = await self.limiter.get_window_stats(self.item, "chat", key)
        retry_after = max(1, int(stats.reset_time - time.time()) + 1)
        headers = dict(scope["headers"])
        language = best_match(headers.get(b"accept-language", b"").decode("latin-1"))
        body = json.dumps({"detail": translate(TOO_MANY, language, seconds=retry_after)}).encode()
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", b"application/json"), (b"retry-after", str(retry_after).encode()),
            (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
