"""A knowledge base built from the real statutes and regional layer plus the small topic fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.knowledge import KnowledgeBase, load_knowledge
from assistant.knowledge.loader import DEFAULT_ROOT

FIXTURES = Path(__file__).parent / "fixtures"


def build_fixture_root(target: Path) -> Path:
    """Real statutes, regional sources and regions.yml, with the fixture topics and fixture guidance source."""
    shutil.copytree(DEFAULT_ROOT / "statutes", target / "statutes")
    (target / "sources").mkdir()
    shutil.copy(DEFAULT_ROOT / "sources" / "regional.yml", target / "sources" / "regional.yml")
    shutil.copy(FIXTURES / "sources" / "fixture-guidance.yml", target / "sources" / "fixture-guidance.yml")
    shutil.copy(DEFAULT_ROOT / "regions.yml", target / "regions.yml")
    shutil.copytree(FIXTURES / "topics", target / "topics")
    return target


@pytest.fixture(scope="session")
def fixture_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_knowledge(build_fixture_root(tmp_path_factory.mktemp("knowledge")))


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    """A fresh, writable copy of the fixture knowledge directory (for tests that break it on purpose)."""
    return build_fixture_root(tmp_path / "knowledge")
