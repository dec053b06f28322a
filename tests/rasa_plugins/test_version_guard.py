"""The plugins that patch private Rasa internals refuse any Rasa but the one they were written for."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from rasa_plugins.version_guard import SUPPORTED_RASA_VERSION, UnsupportedRasaVersion, require_supported_rasa


def _fake_rasa(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    module = types.ModuleType("rasa")
    module.__version__ = version  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rasa", module)


def test_another_rasa_version_is_refused_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_rasa(monkeypatch, "3.7.0")
    with pytest.raises(UnsupportedRasaVersion, match=r"rasa_plugins.endpoint_sessions patches private Rasa 3\.6\.21"):
        require_supported_rasa("rasa_plugins.endpoint_sessions")


def test_the_supported_version_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_rasa(monkeypatch, SUPPORTED_RASA_VERSION)
    require_supported_rasa("rasa_plugins.action_validation")


def test_the_guard_and_the_pin_agree() -> None:
    pin = Path(__file__).resolve().parents[2] / "requirements" / "rasa.txt"
    assert f"rasa=={SUPPORTED_RASA_VERSION}" in pin.read_text(encoding="utf-8")
