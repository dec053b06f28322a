"""Starts the whole stack with `make run` (as a user does), waits for /health 200, and stops it again."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GATEWAY = "http://127.0.0.1:8000"
RASA = "http://127.0.0.1:5005"


@dataclass
class RunningStack:
    process: subprocess.Popen
    startup_seconds: float


def _healthy() -> bool:
    try:
        return httpx.get(f"{GATEWAY}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def running_stack(name: str, limit_seconds: float = 300) -> Iterator[RunningStack]:
    """`make run` on a fresh SQLite database under var/<name>/; stopped with Ctrl-C (SIGINT) on exit."""
    if _healthy():
        raise RuntimeError("something already answers on port 8000: stop it first")
    data = ROOT / "var" / name
    data.mkdir(parents=True, exist_ok=True)
    for leftover in data.glob("*.db*"):
        leftover.unlink()
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{data / 'assistant.db'}",
                   "TRACKER_STORE_URL": f"sqlite:///{data / 'tracker.db'}", "LOG_LEVEL": "WARNING",
                   "CHAT_RATE_LIMIT": "100000/minute"}  # one client sends everything here
    started = time.monotonic()
    process = subprocess.Popen(["make", "--no-print-directory", "run"],  # noqa: S607 - make from PATH, as a user
                               cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        while not _healthy():
            if process.poll() is not None or time.monotonic() - started > limit_seconds:
                raise RuntimeError("the stack did not become healthy (see `make run` output)")
            time.sleep(0.5)
        yield RunningStack(process, time.monotonic() - started)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
