"""Rasa killed with SIGKILL in the middle of a conversation and started again: the conversation goes on with its
slots, because they live in the SQL tracker store and not in the Rasa process.

Runs the Procfile's processes one by one (not under honcho, which stops every process when one dies) on their own
ports and databases under var/faults/, so it never collides with `make run`. Marker `e2e`: needs the trained model.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.devtools.stack import NO_RATE_LIMITS, ROOT, RunningStack, stop

pytestmark = pytest.mark.e2e

GATEWAY_PORT, ACTION_SERVER_PORT, RASA_PORT = 8100, 8101, 5105
GATEWAY = f"http://127.0.0.1:{GATEWAY_PORT}"
DATA = ROOT / "var" / "faults"
# The model `make train` writes; FAULTS_MODEL may name another trained model (e.g. while the data is being changed).
MODEL = Path(os.environ.get("FAULTS_MODEL", ROOT / "models" / "leerplicht.tar.gz"))


def procfile() -> dict[str, list[str]]:
    """The Procfile's commands, moved to this test's ports and Rasa configuration."""
    commands = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        if ":" in line and not line.startswith("#"):
            name, command = line.split(":", 1)
            command = (
                command.replace("var/rasa/", "var/faults/rasa/")
                .replace("--port 5005", f"--port {RASA_PORT}")
                .replace("models/leerplicht.tar.gz", str(MODEL))
            )
            commands[name.strip()] = command.strip()
    return {name: ["bash", "-c", command] for name, command in commands.items()}


@pytest.fixture(scope="module")
def environment() -> dict[str, str]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` first")
    DATA.mkdir(parents=True, exist_ok=True)
    for leftover in DATA.glob("*.db*"):
        leftover.unlink()
    env = {
        **os.environ,
        "APP_ENV": "test",
        "ASSISTANT_HOST": "127.0.0.1",
        "ASSISTANT_PORT": str(GATEWAY_PORT),
        "ACTION_SERVER_PORT": str(ACTION_SERVER_PORT),
        "DATABASE_URL": f"sqlite:///{DATA / 'assistant.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{DATA / 'tracker.db'}",
        "RASA_URLS": f"http://127.0.0.1:{RASA_PORT}",
        **NO_RATE_LIMITS,
        "LOG_LEVEL": "WARNING",
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
    }
    assistant = str(ROOT / ".venv" / "bin" / "assistant")
    subprocess.run([assistant, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(
        [assistant, "rasa-config", "--out", str(DATA / "rasa")], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return env


def start(name: str, env: dict[str, str]) -> subprocess.Popen:
    log = open(DATA / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        procfile()[name], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def wait_healthy(limit: float = 240) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{GATEWAY}/health", timeout=3).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise AssertionError(f"not healthy within {limit} s (see {DATA}/*.log)")


@pytest.fixture(scope="module")
def processes(environment) -> Iterator[dict[str, subprocess.Popen]]:
    running = {name: start(name, environment) for name in ("web", "actions", "rasa")}
    try:
        wait_healthy()
        yield running
    finally:
        for process in running.values():
            stop(process)


def chat(sender_id: str, message: str) -> httpx.Response:
    return httpx.post(f"{GATEWAY}/api/chat", json={"sender_id": sender_id, "message": message}, timeout=30)


def slots_in_tracker(sender_id: str) -> dict[str, object]:
    with sqlite3.connect(DATA / "tracker.db") as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' ORDER BY id", (sender_id,)
        ).fetchall()
    return {event["name"]: event["value"] for event in (json.loads(row[0]) for row in rows)}


def refs(body: dict) -> list[str]:
    return [citation["ref"] for message in body["messages"] for citation in message["citations"]]


def test_conversation_survives_kill_9_of_rasa(processes, environment):
    sender = f"fault-{uuid.uuid4().hex[:10]}"
    first = chat(sender, "Hoeveel dagen vrij krijgt mijn zoon voor de bruiloft van mijn zus?")
    assert first.status_code == 200, first.text
    assert first.json()["intent"]["name"] == "ask_verlof_gewichtige_omstandigheden"
    slots = slots_in_tracker(sender)
    assert slots.get("topic"), f"no topic slot set: {slots}"

    rasa = processes["rasa"]
    [rasa_pid] = [
        pid
        for pid in RunningStack(rasa, 0).process_ids()
        if b"rasa" in Path(f"/proc/{pid}/cmdline").read_bytes() and b"run" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ][-1:]
    os.kill(rasa_pid, signal.SIGKILL)
    rasa.wait(timeout=10)

    started = time.monotonic()
    down = chat(sender, "Zijn er nog andere regels?")
    assert down.status_code == 503 and time.monotonic() - started < 2
    assert "bewaard" in down.json()["detail"]

    processes["rasa"] = start("rasa", environment)
    wait_healthy()
    assert slots_in_tracker(sender) == slots  # nothing lost with the process

    follow_up = chat(sender, "en voor een begrafenis?")
    assert follow_up.status_code == 200, follow_up.text
    assert "Leerplichtwet 1969, artikel 14" in refs(follow_up.json()), refs(follow_up.json())
    assert slots_in_tracker(sender)["topic"] == slots["topic"]
