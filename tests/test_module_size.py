"""The house rule of issue 19: small modules named for what they do. No module of the application or of the Rasa
actions grows past 400 lines (as `ruff format` writes them); split it by what its parts do instead."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400
MODULES = sorted([*ROOT.joinpath("assistant").rglob("*.py"), *ROOT.joinpath("actions").rglob("*.py")])


def test_the_modules_are_found() -> None:
    assert len(MODULES) > 100


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_is_longer_than_400_lines(module: Path) -> None:
    lines = module.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module.relative_to(ROOT)} has {lines} lines: split it by what its parts do"
