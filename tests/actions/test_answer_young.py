"""A young person asking about their own obligations gets the topic's text for young people (`audiences.young`),
addressed to them ("je") and not about "uw kind": illness and who reports it (art. 12, 13b), religious days (art.
13), the kwalificatieplicht (art. 4a), leaving school without a startkwalificatie (the Doorstroompunt) and the
penalty for truancy from 12 (art. 26). A parent asking the same topic still gets the parents' text. The role is read
from the message ("ik ben 17", "mijn diploma", "wanneer ben ik ...")."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from assistant.knowledge import KnowledgeBase
from tests.actions.test_answer_audience import ask, refs, rendered

TODAY = date(2026, 12, 7)
pytestmark = pytest.mark.real_knowledge
ABOUT_A_CHILD = re.compile(r"\buw kind\b|\buw zoon\b|\buw dochter\b", re.IGNORECASE)

# topic: (a young person's question, what the young text says, a parent's question)
CASES: dict[str, tuple[str, str, str]] = {
    "ziekte": (
        "Ik ben 18 en woon in een studentenhuis. Wie meldt mij ziek bij school?",
        "dan meld je jezelf ziek (artikel 13b)",
        "Mijn zoon heeft koorts. Hoe meld ik hem ziek?",
    ),
    "religieuze_feestdag": (
        "Ik ben 14 en wil met het Offerfeest thuisblijven. Mag dat?",
        "dan mag je die dag",
        "Mag mijn dochter thuisblijven met het Offerfeest?",
    ),
    "kwalificatieplicht": (
        "Ik heb alleen mijn vmbo-diploma. Moet ik nog verder naar school?",
        "moet je naar school tot je 18",
        "Mijn zoon heeft een vmbo-diploma. Moet hij nog verder leren?",
    ),
    "voortijdig_schoolverlaten": (
        "Ik ben 21 en heb mijn opleiding afgebroken zonder diploma. Bij wie kan ik terecht?",
        "Dan hoef je niet meer naar school",
        "Mijn dochter van 19 is gestopt met haar opleiding. Waar kan zij hulp krijgen?",
    ),
    "luxe_verzuim": (
        "Ik ben 15 en ga een week eerder op vakantie met mijn oom. Kan ik zelf gestraft worden?",
        "Vanaf 12 jaar kun je zelf gestraft worden",
        "Wat riskeer ik als ik met mijn kind zonder verlof op vakantie ga?",
    ),
}


def text(message: dict[str, Any]) -> str:
    return message["text"]


@pytest.mark.parametrize("topic_id", sorted(CASES))
def test_a_young_person_gets_the_text_written_to_them(real_kb: KnowledgeBase, topic_id: str) -> None:
    question, says, _parent = CASES[topic_id]
    message = ask(topic_id, question)
    young = rendered(real_kb, topic_id, audience="young")
    assert message["custom"]["topic"] == topic_id
    assert says in text(message)
    assert not ABOUT_A_CHILD.search(text(message))
    assert set(refs(message)) <= {citation.ref for citation in young.citations}
    assert refs(message)[0].startswith(("Leerplichtwet", "Wet educatie"))  # the statute first


@pytest.mark.parametrize("topic_id", sorted(CASES))
def test_a_parent_still_gets_the_parents_text(real_kb: KnowledgeBase, topic_id: str) -> None:
    _young, says, question = CASES[topic_id]
    message = ask(topic_id, question)
    assert says not in text(message)


def test_the_young_text_is_read_in_another_language(real_kb: KnowledgeBase) -> None:
    message = ask("ziekte", "I am 17 and live on my own. Who reports me sick at school?", "en")
    young = rendered(real_kb, "ziekte", language="en", audience="young")
    assert young.short.split(".")[0] in text(message)
