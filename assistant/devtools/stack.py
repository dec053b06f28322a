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

ROOT = Path(__file__).resolve().parents[2]
GATEWAY = "http://127.0.0.1:8000"
RASA = "http://127.0.0.1:5005"


@dataclass
class RunningStack:
    process: subprocess.Popen
    startup_seconds: float

    def process_ids(self) -> list[int]:
        """The `make run` process and every process below it (honcho, Rasa, uvicorn)."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(parent, []).append(int(entry.name))
        found, queue = [], [self.process.pid]
        while queue:
            pid = queue.pop()
            found.append(pid)
            queue.extend(children.get(pid, []))
        return found


def _healthy() -> bool:
    try:
        return httpx.get(f"{GATEWAY}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


# Benchmarks send everything from one client: without these, the rate limits would measure themselves.
NO_RATE_LIMITS = {"CHAT_RATE_LIMIT_PER_CONVERSATION": "100000/minute", "CHAT_RATE_LIMIT_PER_IP": "100000/minute"}


@contextmanager
def running_stack(
    name: str, limit_seconds: float = 300, settings: dict[str, str] | None = None
) -> Iterator[RunningStack]:
    """`make run` on a fresh SQLite database under var/<name>/; stopped with Ctrl-C (SIGINT) on exit. `settings`:
    environment variables for the stack (default: no rate limits)."""
    if _healthy():
        raise RuntimeError("something already answers on port 8000: stop it first")
    data = ROOT / "var" / name
    data.mkdir(parents=True, exist_ok=True)
    for leftover in data.glob("*.db*"):
        leftover.unlink()
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{data / 'assistant.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{data / 'tracker.db'}",
        "LOG_LEVEL": "WARNING",
        **(NO_RATE_LIMITS if settings is None else settings),
    }
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run"],  # noqa: S607 - make from PATH, as a user
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while not _healthy():
            if process.poll() is not None or time.monotonic() - started > limit_seconds:
                raise RuntimeError("the stack did not become healthy (see `make run` output)")
            time.sleep(0.5)
        yield RunningStack(process, time.monotonic() - started)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Ctrl-C, as a user stops `make run`; SIGKILL only if it does not stop within 30 s."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
