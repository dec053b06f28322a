"""Which passage (assistant/knowledge/passages.py) and which first bubble each evaluation question gets, to compare
two versions of the code.

    python scripts/passage_choice.py dump before.json     # on the old version (run from its checkout)
    python scripts/passage_choice.py dump after.json      # on the new version
    python scripts/passage_choice.py diff before.json after.json [nl en ...]

`dump` runs every question of the held-out set (`scripts/eval_heldout.jsonl`, its labelled topic) and of the
development set (`../shared/eval/dev.jsonl`, answered in the topic `docs/eval/answers.md` records, since its labels
are categories) through the real answer action as a first message, on a fixed day, and writes per question: the
passages chosen, the first bubble and its buttons. `diff` prints every question whose first bubble or buttons differ
(optionally only for the languages named), to review by hand. Run it with the repository root on the path
(`PYTHONPATH=.`); `DEV_SET` names another path of the development set.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "scripts" / "eval_heldout.jsonl"
DEV = Path(os.environ.get("DEV_SET") or ROOT.parent / "shared" / "eval" / "dev.jsonl")
DEV_ANSWERS = ROOT / "docs" / "eval" / "answers.md"
DAY = date(2026, 12, 7)


def _questions() -> list[tuple[str, str, str, str]]:
    """(id, language, topic, question) of every question whose topic is known."""
    rows = []
    answered = dict(re.findall(r"^## (q\d+) .*?answered in topic `(\w+)`", DEV_ANSWERS.read_text(), re.M | re.S))
    if DEV.exists():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            question = json.loads(line)
            if question["id"] in answered:
                rows.append((question["id"], question["lang"], answered[question["id"]], question["question"]))
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        question = json.loads(line)
        rows.append((question["id"], question["lang"], question["topic"], question["question"]))
    return rows


def dump(out: Path) -> None:
    from rasa_sdk.executor import CollectingDispatcher

    from actions.answer import ActionAnswerTopic
    from assistant import clock
    from assistant.knowledge import get_knowledge_base
    from tests.actions.trackers import message_tracker

    try:
        from assistant.knowledge.passages import answering_passages
    except ImportError:  # a version that chose one passage at most
        from assistant.knowledge.passages import answering_passage

        def answering_passages(question: str, topic: str, language: str) -> tuple[str, ...]:
            found = answering_passage(question, topic, language=language)
            return (found,) if found else ()

    kb = get_knowledge_base()
    found: dict[str, Any] = {}
    with clock.fixed_today(DAY):
        for qid, language, topic, question in _questions():
            if not kb.has_topic(topic):
                continue  # a flow, not a topic (request_verlof)
            dispatcher = CollectingDispatcher()
            state = message_tracker(question, [(f"ask_{topic}", 0.9)], language, sender=qid)
            ActionAnswerTopic().run(dispatcher, state, {})
            first = dispatcher.messages[0] if dispatcher.messages else {}
            found[qid] = {
                "lang": language,
                "topic": topic,
                "question": question,
                "passages": list(answering_passages(question, topic, language=language)),
                "answered_topic": (first.get("custom") or {}).get("topic"),
                "first": first.get("text"),
                "buttons": [button["title"] for button in first.get("buttons") or []],
            }
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(found)} questions written to {out}")


def diff(before: Path, after: Path, languages: list[str]) -> None:
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    changed = 0
    for qid, was in old.items():
        now = new.get(qid)
        if now is None or (languages and was["lang"] not in languages):
            continue
        if (was["first"], was["buttons"]) == (now["first"], now["buttons"]):
            continue
        changed += 1
        print(f"===== {qid} [{was['lang']}] {was['topic']} -> {now['answered_topic']}\nQ: {was['question']}")
        for line in difflib.unified_diff(was["first"].split("\n\n"), now["first"].split("\n\n"), lineterm="", n=0):
            if not line.startswith(("---", "+++", "@@")):
                print("  " + line)
        if was["buttons"] != now["buttons"]:
            print(f"  buttons: {was['buttons']} -> {now['buttons']}")
    print(f"changed: {changed}")


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "dump" and len(args) == 1:
        dump(Path(args[0]))
    elif command == "diff" and len(args) >= 2:
        diff(Path(args[0]), Path(args[1]), args[2:])
    else:
        print(__doc__)
        sys.exit(2)
