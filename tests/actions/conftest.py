"""The actions run against the fixture knowledge base of tests/knowledge."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.insight import record
from assistant.knowledge import KnowledgeBase, load_knowledge
from tests.knowledge.conftest import build_fixture_root


@pytest.fixture(scope="session")
def fixture_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_knowledge(build_fixture_root(tmp_path_factory.mktemp("knowledge")))


@pytest.fixture(autouse=True)
def use_fixture_kb(monkeypatch: pytest.MonkeyPatch, fixture_kb: KnowledgeBase) -> None:
    monkeypatch.setattr("actions.answer.get_knowledge_base", lambda: fixture_kb)


@pytest.fixture(autouse=True)
def insight_writes(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Without a configured database (`configured`), the figures an action records are collected here instead of
    written (no test writes to the project's own database)."""
    if "configured" in request.fixturenames:
        yield []
        return
    with record.collected_not_written() as written:
        yield written
