"""A change of law is one dated parameter entry: the answer texts change on that day, in every language, and not the
day before (issue 14: "never writes the number in code or in a translatable text")."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.knowledge import KnowledgeBase, load_knowledge, render_answer
from assistant.knowledge.loader import DEFAULT_ROOT

CHANGE = date(2027, 8, 1)
DAY_BEFORE = date(2027, 7, 31)


def _add_version(root: Path, group: str, name: str, value: int, citations: list[str]) -> None:
    path = root / "parameters" / f"{group}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    versions = data[name]["versions"]
    versions[-1]["valid_until"] = DAY_BEFORE
    versions.append({"value": value, "valid_from": CHANGE, "basis": "law", "citations": citations})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The repository's knowledge with two fictitious changes of law on 1 August 2027: the 18+ reporting duty up to
    30 and holiday leave up to 12 school days."""
    root = tmp_path_factory.mktemp("law-change") / "knowledge"
    shutil.copytree(DEFAULT_ROOT, root)
    _add_version(root, "melding", "age_limit_18plus", 30, ["web:9.2.1", "web:9.2.2"])
    _add_version(root, "verlof", "vakantie_max_school_days", 12, ["lpw:13a"])
    return load_knowledge(root)


def _text(kb: KnowledgeBase, topic: str, on: date, language: str = "nl") -> str:
    return render_answer(kb.topic(topic), kb=kb, on=on, language=language).text


def test_the_changed_knowledge_is_valid(changed: KnowledgeBase) -> None:
    assert changed.problems == []


@pytest.mark.parametrize(
    ("topic", "before", "after"),
    [
        ("verzuim_18plus", "jonger dan 27 jaar", "jonger dan 30 jaar"),
        ("meldplicht_verzuim", "jonger dan 27 jaar", "jonger dan 30 jaar"),
        ("voortijdig_schoolverlaten", "jonger dan 27 jaar", "jonger dan 30 jaar"),
        ("verlof_vakantie", "maximaal 10 schooldagen", "maximaal 12 schooldagen"),
        ("verhuizen_buitenland", "maximaal 10 schooldagen", "maximaal 12 schooldagen"),
    ],
)
def test_the_answer_text_changes_on_the_day_of_the_change_and_not_before(
    changed: KnowledgeBase, topic: str, before: str, after: str
) -> None:
    on_the_day_before = _text(changed, topic, DAY_BEFORE)
    on_the_day = _text(changed, topic, CHANGE)
    assert before in on_the_day_before and after not in on_the_day_before
    assert after in on_the_day and before not in on_the_day
    assert "Dit is de wet zoals die geldt op 1 augustus 2027." in on_the_day


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [
        ("en", "10 school days", "12 school days"),
        ("ar", "10 أيام", "12 أيام"),
        ("uk", "10 навчальних днів", "12 навчальних днів"),
        ("tr", "10 okul günü", "12 okul günü"),
        ("pl", "10 dni szkolnych", "12 dni szkolnych"),
    ],
)
def test_every_language_changes_with_the_law(changed: KnowledgeBase, language: str, before: str, after: str) -> None:
    on_the_day_before = _text(changed, "verlof_vakantie", DAY_BEFORE, language)
    on_the_day = _text(changed, "verlof_vakantie", CHANGE, language)
    assert before in on_the_day_before and after in on_the_day
    assert "{" not in on_the_day


def test_a_historic_value_stays_what_it_was(changed: KnowledgeBase) -> None:
    text = _text(changed, "verzuim_18plus", CHANGE)
    assert "Tot en met 31 december 2025 gold deze meldplicht tot 23 jaar" in text
    assert "Sinds 1 januari 2026 geldt zij tot 27 jaar" in text  # pinned: what held from that day on


def test_the_repository_answers_are_unchanged_today() -> None:
    kb = load_knowledge()
    assert "jonger dan 27 jaar" in _text(kb, "verzuim_18plus", date(2026, 12, 6))
    assert "één keer per schooljaar, maximaal 10 schooldagen" in _text(kb, "verlof_vakantie", date(2026, 12, 6))
