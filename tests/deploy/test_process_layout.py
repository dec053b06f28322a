"""`make run`, `make scale` and the systemd units start the same kinds of processes, and Rasa's endpoints point at the
process that serves the actions."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYSTEMD = ROOT / "deploy" / "systemd"


def procfile_commands(path: Path) -> dict[str, str]:
    lines = [line for line in path.read_text().splitlines() if line and not line.startswith("#")]
    return {name.strip(): command.strip() for name, command in (line.split(":", 1) for line in lines)}


def unit_command(name: str) -> str:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.read(SYSTEMD / name)
    return parser["Service"]["ExecStart"]


def test_every_stack_runs_the_gateway_and_the_action_server():
    for procfile in (ROOT / "Procfile", ROOT / "deploy" / "Procfile.scale"):
        commands = procfile_commands(procfile)
        assert commands["web"].startswith(".venv/bin/assistant serve"), procfile
        assert commands["actions"] == ".venv/bin/assistant serve-actions", procfile
    assert unit_command("leerplicht-web.service").endswith("assistant serve")
    assert unit_command("leerplicht-actions.service").endswith("assistant serve-actions")


def test_the_target_starts_every_service_unit():
    wanted = configparser.ConfigParser(strict=False, interpolation=None)
    wanted.read(SYSTEMD / "leerplicht.target")
    wants = set(wanted["Unit"]["Wants"].split())
    services = {
        path.name
        for path in SYSTEMD.glob("leerplicht-*.service")
        if "@" not in path.name and path.with_suffix(".timer").name not in {p.name for p in SYSTEMD.iterdir()}
    }
    assert services <= wants, services - wants
    assert any(name.startswith("leerplicht-rasa@") for name in wants)
