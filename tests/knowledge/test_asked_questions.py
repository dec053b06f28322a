"""The example questions per topic come from the NLU files, annotations reduced to their text."""

from __future__ import annotations

from pathlib import Path

from assistant.knowledge.asked_questions import asked_questions, read_questions
from assistant.knowledge.ids import TOPIC_IDS


def test_reads_topic_intents_only_and_strips_annotations(tmp_path: Path) -> None:
    (tmp_path / "verlof.yml").write_text(
        'version: "3.1"\nnlu:\n'
        "  - intent: ask_verlof_gewichtige_omstandigheden\n    examples: |\n"
        "      - vrij voor de [bruiloft](gebeurtenis) van mijn zus\n"
        '      - mag hij mee naar een [begrafenis]{"entity": "gebeurtenis"}\n'
        "  - intent: greet\n    examples: |\n      - hallo\n"
        "  - lookup: gebeurtenis\n    examples: |\n      - bruiloft\n",
        encoding="utf-8",
    )
    assert read_questions(tmp_path) == {
        "verlof_gewichtige_omstandigheden": ("vrij voor de bruiloft van mijn zus", "mag hij mee naar een begrafenis"),
    }
    assert read_questions(tmp_path / "missing") == {}


def test_every_language_has_questions_for_every_topic() -> None:
    for language in ("nl", "en", "ar", "uk", "tr", "pl"):
        questions = asked_questions(language)
        assert set(questions) == set(TOPIC_IDS), language
        assert all(len(examples) >= 5 for examples in questions.values()), language
