"""Failures Rasa 3.6 hides, made loud (runs inside Rasa, environment B).

- The tracker store. `Agent` wraps the configured store in a `FailSafeTrackerStore`: when saving fails (a read-only
  or full database), it logs the error and saves the conversation in an `InMemoryTrackerStore` instead; when reading
  fails, it starts a new, empty conversation. The user gets an answer while the conversation is lost (or forgotten),
  and nothing outside Rasa's log shows it. `make_strict` gives that wrapper an error callback that raises
  `TrackerStoreUnavailable` instead, so the gateway channel can refuse the turn (503) and the gateway can tell the
  user to try again. `tracker_store_writable` is the write test behind the channel's health probe.
- The action server and the NLG endpoint. `MessageProcessor._run_action` catches every exception of an action,
  including a refused connection, and carries on: with the action server down every turn ends with no messages
  (HTTP 200, nothing said). `watching_endpoints` collects, for the turn in progress, the endpoint calls that could
  not reach their server (connection refused or dropped, timeout, 502/503/504); the channel then refuses the turn
  before its tracker is saved, so a retry starts from the same state.

Installed when the gateway channel is imported.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, List, Optional

import aiohttp
import sqlalchemy.exc
from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore, SQLTrackerStore
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from rasa_plugins.version_guard import require_supported_rasa

logger = logging.getLogger(__name__)

UNREACHABLE_STATUSES = (502, 503, 504)
PROBE_SENDER = "__health_probe__"


class TrackerStoreUnavailable(Exception):
    """The tracker store could not be read or written; the turn must not go on as if it had been."""


class ActionServerUnavailable(Exception):
    """An action or a response could not be fetched because its server could not be reached."""


def _refuse(error: Exception) -> None:
    raise TrackerStoreUnavailable(f"{type(error).__name__}: {error}") from error


def make_strict(agent: Any) -> None:
    """Let tracker-store errors through Rasa's fail-safe wrapper instead of falling back to memory (idempotent)."""
    require_supported_rasa(__name__)
    store = getattr(agent, "tracker_store", None)
    if isinstance(store, FailSafeTrackerStore) and store._on_tracker_store_error is not _refuse:
        store._on_tracker_store_error = _refuse  # the constructor's `on_tracker_store_error`; Agent passes none


def _primary_store(agent: Any) -> Any:
    store = getattr(agent, "tracker_store", None)
    while isinstance(store, (FailSafeTrackerStore, AwaitableTrackerStore)):
        store = store._tracker_store
    return store


def tracker_store_writable(agent: Any) -> bool:
    """Whether the SQL tracker store takes a write now: one event row inserted and rolled back (nothing remains).
    Other stores (in memory, in tests) always count as writable."""
    store = _primary_store(agent)
    if not isinstance(store, SQLTrackerStore):
        return True
    events = SQLTrackerStore.SQLEvent.__table__
    try:
        with store.engine.connect() as connection:
            transaction = connection.begin()
            try:
                connection.execute(
                    events.insert().values(sender_id=PROBE_SENDER, type_name="health_probe", timestamp=time.time())
                )
            finally:
                transaction.rollback()
    except sqlalchemy.exc.SQLAlchemyError as error:
        logger.error("Tracker store write test failed: %s", error)
        return False
    return True


# --- endpoint calls of the turn in progress ----------------------------------------------------------------------

_failures: ContextVar[Optional[List[str]]] = ContextVar("endpoint_failures", default=None)
_original_request = EndpointConfig.request


@contextmanager
def watching_endpoints() -> Iterator[List[str]]:
    """The endpoint calls of this turn that could not reach their server, as they happen."""
    failures: List[str] = []
    token = _failures.set(failures)
    try:
        yield failures
    finally:
        _failures.reset(token)


def _record(config: EndpointConfig, error: Exception) -> None:
    failures = _failures.get()
    if failures is not None:
        failures.append(f"{config.url}: {type(error).__name__}")


async def request_recording_failures(self: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
    try:
        return await _original_request(self, *args, **kwargs)
    except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as error:
        _record(self, error)
        raise
    except ClientResponseError as error:
        if error.status in UNREACHABLE_STATUSES:
            _record(self, error)
        raise


def install() -> None:
    require_supported_rasa(__name__)
    EndpointConfig.request = request_recording_failures
