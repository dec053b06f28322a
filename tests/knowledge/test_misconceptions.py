"""Known misconceptions are never stated: not in any answer topic (every variant, every text for school staff), nor in
any bot response.

Each check looks at single sentences: a sentence that names the misconception must also negate it ("niet", "geen",
"nooit"), which is how the answers correct it ("Leerplicht duurt dus niet tot 18 jaar").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from assistant.knowledge import get_knowledge_base, render_answer

ROOT = Path(__file__).resolve().parents[2]
NEGATION = re.compile(r"\b(niet|geen|nooit|alleen)\b", re.IGNORECASE)
MISCONCEPTIONS = {
    "holiday leave above 10 days through the leerplichtambtenaar": lambda s: (
        re.search(r"vakantieverlof|op vakantie|vakantie buiten", s, re.I)
        and re.search(r"leerplichtambtenaar", s, re.I)
        and re.search(r"\b(10|tien)\b", s)
        and not re.search(r"gewichtige|artikel 14", s, re.I)
    ),
    "leerplicht lasts until 18": lambda s: (
        not re.search(r"kwalificatieplicht", s, re.I)
        and re.search(
            r"\bleerplicht\s+(duurt|geldt|loopt|blijft)\b[^.]{0,30}\b(tot|t/m)\b[^.]{0,15}\b18\b"
            r"|\bleerplichtig\s+(tot|t/m)\b[^.]{0,15}\b18\b",
            s,
            re.I,
        )
    ),
    "schools report after 3 days": lambda s: (
        re.search(r"meld", s, re.I) and re.search(r"\b(na|binnen)\s+(3|drie)\s+(school)?dag", s, re.I)
    ),
    "leerplicht starts at 4": lambda s: re.search(
        r"\bleerplicht(ig)?\b[^.]{0,30}\b(vanaf|met|bij)\s+(4|vier)\s+jaar", s, re.I
    ),
    "a vmbo diploma is a startkwalificatie": lambda s: (
        re.search(r"vmbo", s, re.I) and re.search(r"startkwalificatie", s, re.I)
    ),
}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def sentences(text: str) -> list[str]:
    return [fold(part.strip()) for part in re.split(r"(?<=[.!?])\s+|\n+", text) if part.strip()]


def all_texts() -> list[tuple[str, str]]:
    kb = get_knowledge_base()
    texts = []
    for topic in kb.topics:
        texts.append((topic.id, render_answer(topic, kb=kb).text))
        for variant in topic.variants:
            texts.append((f"{topic.id}/{variant}", render_answer(topic, variant, kb=kb).text))
        for audience in topic.audiences:
            texts.append((f"{topic.id} for {audience}", render_answer(topic, audience=audience, kb=kb).text))
        texts += [(f"{topic.id} statement", statement.text) for statement in topic.statements]
    for path in sorted((ROOT / "domain").glob("*.yml")):
        for name, variations in (yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}).items():
            texts += [(f"{path.name}:{name}", variation.get("text") or "") for variation in variations]
    return texts


@pytest.mark.parametrize("misconception", sorted(MISCONCEPTIONS))
def test_no_text_states_the_misconception(misconception):
    states = MISCONCEPTIONS[misconception]
    offending = [
        (where, sentence)
        for where, text in all_texts()
        for sentence in sentences(text)
        if states(sentence) and not NEGATION.search(sentence)
    ]
    assert offending == []


def test_the_checks_do_catch_the_misconceptions():
    wrong = {
        "holiday leave above 10 days through the leerplichtambtenaar": (
            "Voor vakantieverlof van meer dan 10 dagen gaat u naar de leerplichtambtenaar."
        ),
        "leerplicht lasts until 18": "De leerplicht duurt tot 18 jaar.",
        "schools report after 3 days": "De school meldt het verzuim na 3 dagen.",
        "leerplicht starts at 4": "Uw kind is leerplichtig vanaf 4 jaar.",
        "a vmbo diploma is a startkwalificatie": "Een vmbo-diploma is ook een startkwalificatie.",
    }
    for name, sentence in wrong.items():
        assert MISCONCEPTIONS[name](sentence) and not NEGATION.search(sentence), name


def test_the_answers_correct_the_misconceptions_explicitly():
    kb = get_knowledge_base()
    leeftijd = render_answer(kb.topic("leerplicht_leeftijd"), kb=kb).text
    assert "niet tot 18" in leeftijd
    vakantie = render_answer(kb.topic("verlof_vakantie"), kb=kb).text
    assert "Meer dan 10 schooldagen vakantieverlof kan niet" in vakantie
    kwalificatie = render_answer(kb.topic("kwalificatieplicht"), kb=kb).text.lower()
    assert "vmbo" in kwalificatie and "geen startkwalificatie" in kwalificatie
