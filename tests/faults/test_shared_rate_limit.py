"""Two gateway workers behind one port share the chat rate limit through Redis (`RATE_LIMIT_REDIS_URL`).

With the in-memory store each worker would count on its own and a client could send up to twice the limit. The
test starts `assistant serve --workers 2` as `make scale` does, sends more messages than the per-address ceiling from
one client address (as a trusted proxy names it in X-Forwarded-For), each in a new conversation and on a new
connection (so the kernel hands them to both workers), and expects exactly the ceiling to pass.
Rasa is not running: messages within the limit get the friendly 503, messages over it the 429.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import GATEWAY_TOKEN

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)
LIMIT = 4
SENT = 10


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_unreachable() -> str | None:
    try:
        with socket.create_connection(REDIS, timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            if not sock.recv(16).startswith(b"+PONG"):
                return "Redis at 127.0.0.1:6379 did not answer PING"
    except OSError as error:
        return f"Redis not reachable at 127.0.0.1:6379: {error}"
    return None


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[str]:
    reason = _redis_unreachable()
    if reason:
        pytest.skip(reason)
    port = _free_port()
    env = {
        **os.environ,
        "APP_ENV": "test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
        "GATEWAY_TOKEN": GATEWAY_TOKEN,
        "ASSISTANT_HOST": "127.0.0.1",
        "ASSISTANT_PORT": str(port),
        "RASA_URLS": f"http://127.0.0.1:{_free_port()}",  # nothing listens there
        "CHAT_RATE_LIMIT_PER_IP": f"{LIMIT}/minute",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",  # the test plays the reverse proxy
        "RATE_LIMIT_REDIS_URL": "redis://127.0.0.1:6379/15",
        "LOG_JSON": "false",
    }
    assistant = [sys.executable, "-m", "assistant.cli"]
    subprocess.run([*assistant, "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    server = subprocess.Popen(
        [*assistant, "serve", "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code in (200, 503):
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("the gateway did not start within 60 s")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def test_two_workers_share_one_limit_per_client(two_workers: str) -> None:
    client_ip = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
    statuses = Counter()
    for number in range(SENT):
        response = httpx.post(
            f"{two_workers}/api/chat",
            json={"sender_id": f"limit-{client_ip}-{number}", "message": "hallo"},
            headers={"X-Forwarded-For": client_ip, "Connection": "close"},  # a new connection each time
            timeout=10,
        )
        statuses[response.status_code] += 1
        if response.status_code == 429:
            assert int(response.headers["Retry-After"]) >= 1
            assert "erg druk" in response.json()["detail"]
    assert statuses == Counter({503: LIMIT, 429: SENT - LIMIT})
