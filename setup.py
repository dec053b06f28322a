"""The data the application reads at run time (`knowledge/`, `domain/`, `nlu_data/`) goes into the wheel as package
data under `assistant/_data/`, so a non-editable install works; `assistant/knowledge/paths.py` finds it there. The
rest of the configuration is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_DIRS = ("knowledge", "domain", "nlu_data")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads the checkout's folders
            return
        for name in DATA_DIRS:
            shutil.copytree(ROOT / name, Path(self.build_lib) / "assistant" / "_data" / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithData})
