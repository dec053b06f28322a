"""Keep-alive HTTP sessions for Rasa's calls to the action and NLG endpoints (runs inside Rasa, environment B).

Rasa 3.6's `EndpointConfig.request` opens a new `aiohttp.ClientSession` for every call and closes it afterwards, so
each custom action and each rendered response costs a new TCP connection to the gateway (about 5 % of a turn on this
machine, measured with py-spy). Here `EndpointConfig.session()` hands out one shared session per event loop and
endpoint configuration (headers, basic auth); `async with` no longer closes it, so its connection pool keeps
connections open between calls. Requests, headers, timeouts and errors are unchanged: only the session's lifetime
is. Installed when the gateway channel is imported.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.utils.endpoints import EndpointConfig

from rasa_plugins.version_guard import require_supported_rasa

# Below uvicorn's keep-alive timeout (5 s by default): the client gives an idle connection up before the gateway
# closes it, so a request never goes out on a connection that is being closed.
KEEPALIVE_SECONDS = 4.0

_sessions: dict[tuple[Any, ...], aiohttp.ClientSession] = {}
_original_session = EndpointConfig.session


class _SharedSession:
    """`async with` yields the shared session and leaves it open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *_exc: object) -> None:
        return None


def _key(config: EndpointConfig, loop: asyncio.AbstractEventLoop) -> tuple[Any, ...]:
    headers = tuple(sorted((config.headers or {}).items()))
    auth = tuple(sorted((config.basic_auth or {}).items()))
    return id(loop), headers, auth


def shared_session(self: EndpointConfig) -> Any:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not inside a loop: Rasa's own behaviour
        return _original_session(self)
    key = _key(self, loop)
    session = _sessions.get(key)
    if session is None or session.closed:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(limit=100, keepalive_timeout=KEEPALIVE_SECONDS),
        )
        _sessions[key] = session
    return _SharedSession(session)


async def close_all() -> None:
    """Close every shared session (at shutdown, and between tests)."""
    sessions = list(_sessions.values())
    _sessions.clear()
    for session in sessions:
        if not session.closed:
            await session.close()


def install() -> None:
    require_supported_rasa(__name__)
    EndpointConfig.session = shared_session
