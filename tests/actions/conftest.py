"""The actions run against the fixture knowledge base of tests/knowledge; a test module marked `real_knowledge`
(`pytestmark = pytest.mark.real_knowledge`) runs them against the real topics instead, on the day its `TODAY` names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.insight import record
from assistant.knowledge import KnowledgeBase, load_knowledge
from tests.knowledge.conftest import build_fixture_root


@pytest.fixture(scope="session")
def fixture_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_knowledge(build_fixture_root(tmp_path_factory.mktemp("knowledge")))


@pytest.fixture(scope="session")
def real_kb() -> KnowledgeBase:
    return load_knowledge(strict=False)


@pytest.fixture(autouse=True)
def use_fixture_kb(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, today_is) -> None:
    """The knowledge base the actions read: the fixture one, or for a module marked `real_knowledge` the real one
    (and today is the module's `TODAY`)."""
    if request.node.get_closest_marker("real_knowledge") is None:
        kb = request.getfixturevalue("fixture_kb")
    else:
        kb = request.getfixturevalue("real_kb")
        today_is(request.module.TODAY)
    monkeypatch.setattr("actions.answer.get_knowledge_base", lambda: kb)
    monkeypatch.setattr("actions.fallback.get_knowledge_base", lambda: kb)


@pytest.fixture(autouse=True)
def insight_writes(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Without a configured database (`configured`), the figures an action records are collected here instead of
    written (no test writes to the project's own database)."""
    if "configured" in request.fixturenames:
        yield []
        return
    with record.collected_not_written() as written:
        yield written
