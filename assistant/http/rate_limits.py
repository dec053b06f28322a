"""Rate limits: what counts against which limit, and the polite 429 that answers when one is reached.

Parents often share one address: a school, a reception centre for newcomers, a library or a mobile carrier's NAT.
So the chat is limited per conversation (the sender id), with only a loose ceiling per client address that bounds what
one address can send over all its conversations together (`ChatAddressCeiling`, before the body is read). Leave
requests and status look-ups are limited per client address (`per_client_address`).

The client address is the peer of the connection, or what a trusted reverse proxy says in X-Forwarded-For
(`FORWARDED_ALLOW_IPS`, handled by uvicorn before the app sees the request).

Counting uses the `limits` library's sliding-window counter, in memory for one process or in Redis when several
workers must share the counts (`RATE_LIMIT_REDIS_URL`). The in-memory moving window was avoided: it keeps every hit
and expires them in a worker thread on every request (docs/performance.md).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable
from functools import lru_cache

from fastapi import Request
from limits import RateLimitItem, parse_many
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.i18n import _, best_match, translate

# Not the user's fault, whoever sent the messages: the same text for every limit, with when to try again.
BUSY_SECONDS = _("Het is op dit moment erg druk. Probeer het over {seconds} seconden opnieuw.")
BUSY_MINUTES = _("Het is op dit moment erg druk. Probeer het over {minutes} minuten opnieuw.")


def busy_text(retry_after: int, language: str) -> str:
    if retry_after <= 90:
        return translate(BUSY_SECONDS, language, seconds=retry_after)
    return translate(BUSY_MINUTES, language, minutes=math.ceil(retry_after / 60))


class RateLimited(Exception):
    """A limit is reached: answer 429 with `Retry-After` (assistant.http.errors turns this into the response)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited, retry after {retry_after} s")
        self.retry_after = retry_after


def storage_for(redis_url: str | None) -> Storage:
    """In memory for one process; Redis (shared by every worker) when configured."""
    if redis_url:
        return RedisStorage(redis_url.replace("redis://", "async+redis://", 1))
    return MemoryStorage()


@lru_cache(maxsize=32)
def parse_limit(notation: str) -> tuple[RateLimitItem, ...]:
    """ "5/minute;30/hour" -> its items (validated when the settings load)."""
    return tuple(parse_many(notation))


class RateLimiter:
    """Counts hits per (limit name, key) and says how long to wait once a limit is reached."""

    def __init__(self, storage: Storage) -> None:
        self._strategy = SlidingWindowCounterRateLimiter(storage)

    async def hit(self, name: str, notation: str, key: str) -> int | None:
        """Count one hit against every item of `notation` ("5/minute;30/hour") when all allow it and return None;
        otherwise count nothing (a refused request does not use up the longer windows) and return the seconds to
        wait."""
        items = parse_limit(notation)
        # A refused hit counts nothing; with several items, test them all first (one storage call more each).
        blocked = [item for item in items if not await self._strategy.test(item, name, key)] if len(items) > 1 else []
        if not blocked:
            allowed = [await self._strategy.hit(item, name, key) for item in items]
            blocked = [item for item, ok in zip(items, allowed, strict=True) if not ok]  # raced for the last one
        if not blocked:
            return None
        waits = []
        for item in blocked:
            stats = await self._strategy.get_window_stats(item, name, key)
            waits.append(max(1, math.ceil(stats.reset_time - time.time())))
        return max(waits)

    async def check(self, name: str, notation: str, key: str) -> None:
        """`hit`, raising `RateLimited` when a limit is reached."""
        retry_after = await self.hit(name, notation, key)
        if retry_after is not None:
            raise RateLimited(retry_after)


def client_address(request: Request) -> str:
    return (request.client.host if request.client else "unknown")[:64]


def per_client_address(name: str, setting: str) -> Callable[[Request], Awaitable[None]]:
    """A route dependency: the limit named by the settings field `setting`, counted per client address."""

    async def limit(request: Request) -> None:
        await request.app.state.rate_limiter.check(
            name, getattr(request.app.state.settings, setting), client_address(request)
        )

    return limit


class ChatAddressCeiling:
    """The loose per-address ceiling on `POST /api/chat`, before the body is read (a flood of any content costs no
    parsing). The per-conversation limit is checked by the route, once the sender id is known."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, limit: str, paths: tuple[str, ...] = ("/api/chat",)) -> None:
        self.app = app
        self.limiter = limiter
        self.limit = limit
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        retry_after = await self.limiter.hit("chat-address", self.limit, client[0] if client else "unknown")
        if retry_after is None:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        language = best_match(headers.get(b"accept-language", b"").decode("latin-1"))
        body = json.dumps({"detail": busy_text(retry_after, language)}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 429,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"retry-after", str(retry_after).encode()),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
