"""How people ask for each topic: the training examples of its intent (`ask_<topic>`), per language.

The retrieval fallback indexes these beside the topic's own text. A topic's answer says "vrij bij een bijzondere
gebeurtenis" where a parent writes "mag mijn dochter thuisblijven voor de bruiloft van haar tante"; the examples bring
the parents' words, in every language, to the index. They are read from the Rasa NLU files (`nlu_data/<language>/`),
the one place they are written, with entity annotations ("[bruiloft](gebeurtenis)") reduced to their text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.knowledge.ids import topic_id_for_intent
from assistant.knowledge.paths import NLU_DATA_DIR

NLU_DATA = NLU_DATA_DIR
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def _examples(block: str) -> list[str]:
    lines = (line.strip() for line in block.splitlines())
    return [_ANNOTATION.sub(r"\1", line[2:]).strip() for line in lines if line.startswith("- ")]


def read_questions(directory: Path) -> dict[str, tuple[str, ...]]:
    """Topic id -> the example questions of its intent in the NLU files under `directory` (no directory: none)."""
    questions: dict[str, list[str]] = {}
    for path in sorted(directory.glob("*.yml")) if directory.is_dir() else []:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in document.get("nlu") or []:
            topic_id = topic_id_for_intent(str(item.get("intent") or ""))
            if topic_id and isinstance(item.get("examples"), str):
                questions.setdefault(topic_id, []).extend(_examples(item["examples"]))
    return {topic_id: tuple(examples) for topic_id, examples in questions.items()}


@lru_cache(maxsize=16)
def asked_questions(language: str) -> dict[str, tuple[str, ...]]:
    """The example questions per topic in `language`, from the project's NLU data."""
    return read_questions(NLU_DATA / language)
