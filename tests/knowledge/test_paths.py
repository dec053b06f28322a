"""Where the data is read from: the checkout's folders here, the wheel's package data after a non-editable install."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from assistant.knowledge import paths

ROOT = Path(__file__).resolve().parents[2]
SOURCE_PARTS = (
    "assistant",
    "actions",
    "knowledge",
    "domain",
    "nlu_data",
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
)


def test_every_reader_takes_its_folder_from_paths():
    assert paths.KNOWLEDGE_DIR == ROOT / "knowledge"
    assert paths.DOMAIN_DIR == ROOT / "domain"
    assert paths.NLU_DATA_DIR == ROOT / "nlu_data"
    joins = []
    for module in (ROOT / "assistant").rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        for folder in ('"knowledge"', '"domain"', '"nlu_data"'):
            if f"/ {folder}" in text and module != ROOT / "assistant" / "knowledge" / "paths.py":
                joins.append(f"{module.relative_to(ROOT)} joins {folder}")
    assert joins == []


def test_a_wheel_carries_the_data_and_an_install_from_it_loads_the_knowledge_base(tmp_path: Path):
    source = tmp_path / "source"
    source.mkdir()
    for part in SOURCE_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, source / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"))
        else:
            shutil.copy2(ROOT / part, source / part)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(tmp_path / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "assistant/_data/knowledge/statutes/leerplichtwet-1969.yml" in names
    assert "assistant/_data/domain/verlof_form.yml" in names

    # The installed package alone (no checkout on the path): it must find its data inside itself.
    check = (
        "import assistant, pathlib\n"
        "from assistant.knowledge import load_knowledge, paths\n"
        "from assistant.calendar import get_calendar\n"
        "from assistant.rules.verlof import get_rules\n"
        "from assistant.nlg import load_responses\n"
        "site = pathlib.Path(assistant.__file__).resolve().parents[1]\n"
        "assert paths.KNOWLEDGE_DIR == site / 'assistant' / '_data' / 'knowledge', paths.KNOWLEDGE_DIR\n"
        "kb = load_knowledge()\n"
        "print(len(kb.topics), len(get_calendar().municipalities), len(get_rules().categories),\n"
        "      len(load_responses()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", check],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    from assistant.calendar import get_calendar
    from assistant.knowledge import get_knowledge_base
    from assistant.nlg import load_responses
    from assistant.rules.verlof import get_rules

    here = (
        len(get_knowledge_base().topics),
        len(get_calendar().municipalities),
        len(get_rules().categories),
        len(load_responses()),
    )
    assert tuple(int(n) for n in result.stdout.split()) == here
