"""The DUO-melding outcome in every language: fully translated (no "not translated yet" notice), every placeholder
filled in after translation, and the numbers the same as in the Dutch."""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.melding import ActionMeldingOutcome, known_facts
from assistant.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, UNTRANSLATED_NOTICE, Message, lookup, translate
from assistant.i18n.formatting import format_number
from assistant.melding_facts import build_facts
from assistant.rules.melding import EXPLANATION, MeldingDecision, MeldingFacts, evaluate_melding

ON = date(2026, 12, 6)  # the day the law is applied in these tests

TRANSLATED = tuple(code for code in SUPPORTED_LANGUAGES if code != SOURCE_LANGUAGE)

# One case per branch of the rules, as the form's slots (unknown answers included).
CASES: dict[str, dict[str, Any]] = {
    "16 hours, late arrivals": {"school_type": "vo", "age": 14, "kind": "te_laat", "late_count": 9, "hours": 18},
    "below the threshold, half hours": {
        "school_type": "po",
        "age": 8,
        "kind": "ongeoorloofd",
        "hours": 12.5,
        "weeks": 0,
    },
    "late below the threshold": {"school_type": "vo", "age": 13, "kind": "te_laat", "late_count": 7, "hours": 3},
    "long-term relative": {"school_type": "vo", "age": 14, "kind": "ongeoorloofd", "hours": 40, "weeks": 6},
    "luxe verzuim": {"school_type": "vo", "age": 12, "kind": "luxe_vermoeden"},
    "sick, suspicion unknown": {"school_type": "po", "age": 9, "kind": "ziekte", "suspected": "onbekend"},
    "suspended, no suspicion": {
        "school_type": "vo",
        "age": 16,
        "startkwalificatie": "onbekend",
        "kind": "schorsing",
        "suspected": False,
    },
    "sick in Hengelo": {"school_type": "po", "age": 9, "kind": "ziekte", "suspected": False, "municipality": "hengelo"},
    "granted leave": {"school_type": "po", "age": 8, "kind": "verlof"},
    "18 plus, required": {
        "school_type": "mbo",
        "age": 19,
        "startkwalificatie": False,
        "kind": "ongeoorloofd",
        "weeks": 6,
    },
    "18 plus, not yet, vo": {
        "school_type": "vo",
        "age": 18,
        "startkwalificatie": False,
        "kind": "ongeoorloofd",
        "weeks": 2,
    },
    "18 plus, sick": {"school_type": "mbo", "age": 20, "startkwalificatie": False, "kind": "ziekte", "suspected": True},
    "23 and older": {"school_type": "mbo", "age": 25},
    "startkwalificatie at 17": {"school_type": "mbo", "age": 17, "startkwalificatie": True},
    "not yet leerplichtig": {"school_type": "po", "age": 4},
    "everything unknown": {
        "school_type": "onbekend",
        "age": "onbekend",
        "kind": "onbekend",
        "hours": "onbekend",
        "weeks": "onbekend",
    },
    "outside Twente": {
        "school_type": "vo",
        "age": 14,
        "kind": "ongeoorloofd",
        "hours": 4,
        "weeks": 0,
        "municipality": "utrecht",
    },
}


def _tracker(known: dict[str, Any], language: str) -> Tracker:
    slots = {f"melding_{name}": value for name, value in known.items()}
    return Tracker(
        "school-1",
        slots,
        {"text": "", "intent": {"name": "affirm"}, "entities": [], "metadata": {"language": language}},
        [],
        False,
        None,
        {},
        "action_listen",
    )


def _outcome(known: dict[str, Any], language: str) -> tuple[str, MeldingDecision]:
    dispatcher = CollectingDispatcher()
    tracker = _tracker(known, language)
    ActionMeldingOutcome().run(dispatcher, tracker, {})
    decision = evaluate_melding(build_facts(known_facts(tracker))[0], on=ON)
    parts = [
        part
        for message in dispatcher.messages
        for part in (message["text"], (message.get("custom") or {}).get("details", ""))
    ]
    return "\n\n".join(part for part in parts if part), decision


def _messages(decision: MeldingDecision) -> list[Message]:
    """Every Message of a decision, the values that are Messages too."""
    texts = decision.texts
    found: list[Message] = [
        *(finding.message for finding in decision.findings),
        *texts.checklist,
        *texts.fields,
        texts.count_unit,
    ]
    found += [
        text
        for text in (
            texts.duo_category,
            texts.channel,
            texts.recipient,
            texts.deadline,
            texts.deadline_guidance,
            texts.fine_risk,
        )
        if text is not None
    ]
    for message in list(found):
        found += [value for value in message.values.values() if isinstance(value, Message)]
    return found


_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")


def _numbers(text: str) -> set[str]:
    """The numbers in a text: thousands separators removed ("1.000", "1,000", "1 000"), decimal comma as a point."""
    found = set()
    for number in _NUMBER.findall(text):
        grouped = re.fullmatch(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+", number)
        found.add(re.sub(r"\D", "", number) if grouped else number.replace(",", "."))
    return found


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("case", list(CASES))
def test_the_outcome_is_fully_translated(case: str, language: str) -> None:
    text, decision = _outcome(CASES[case], language)
    dutch, _decision = _outcome(CASES[case], SOURCE_LANGUAGE)
    assert translate(UNTRANSLATED_NOTICE, language) not in text and UNTRANSLATED_NOTICE not in text
    assert "{" not in text and "}" not in text, text
    for sentence in decision.messages(EXPLANATION):
        translated = translate(sentence, language)
        assert translated in text
        assert lookup(sentence.template, language) not in (None, sentence.template)
    assert decision.explanation not in text  # the Dutch explanation is not shown
    # the same numbers as the Dutch outcome, decimal signs aside ("12,5" in Dutch, "12.5" in English)
    assert _numbers(text) == _numbers(dutch)


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_are_filled_after_translation(language: str) -> None:
    _text, decision = _outcome(CASES["below the threshold, half hours"], language)
    [sentence, *_rest] = decision.messages(EXPLANATION)
    rendered = translate(sentence, language)
    unit = translate(sentence.values["unit"], language)
    assert unit in rendered and unit != sentence.values["unit"].template
    assert format_number(Decimal("12.5"), language) in rendered and "16" in rendered  # "12.5" in en and ar
    late, _decision = _outcome(CASES["16 hours, late arrivals"], language)
    assert {"18", "1000", "100000"} <= _numbers(late)
    sick = evaluate_melding(
        MeldingFacts(school_type="po", age=9, absence_kind="ziekte", municipality="hengelo", long_term_sickness=True),
        on=ON,
    )
    hengelo = " ".join(translate(sentence, language) for sentence in sick.messages(EXPLANATION))
    assert "Hengelo" in hengelo and "2024-2025" in hengelo and "{" not in hengelo


def test_the_dutch_outcome_is_unchanged() -> None:
    text, decision = _outcome(CASES["below the threshold, half hours"], SOURCE_LANGUAGE)
    assert decision.explanation.startswith("De leerling heeft in vier lesweken 12,5 klokuren ongeoorloofd gemist.")
    # every sentence is shown, the first ones in the first bubble and the rest behind "Meer uitleg"
    assert all(str(sentence) in text for sentence in decision.messages(EXPLANATION))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_of_every_decision_has_a_reviewed_translation(language: str) -> None:
    """All branches of the rules, not only the cases above: no message may fall back to Dutch."""
    missing: set[str] = set()
    for school_type, age, sk, kind, hours, weeks, municipality, suspected, spreekuur in itertools.product(
        ("po", "vo", "mbo"),
        (4, 10, 16, 17, 19, 30),
        (None, True, False),
        ("ongeoorloofd", "ziekte", "schorsing", "verlof", "te_laat", "luxe_vermoeden"),
        (3, 16),
        (0, 5),
        (None, "hengelo", "utrecht"),
        (False, True),
        (False, True),
    ):
        facts = MeldingFacts(
            school_type=school_type,
            age=age,
            has_startkwalificatie=sk,
            absence_kind=kind,
            unauthorized_hours_4_weeks=hours,
            consecutive_weeks_absent=weeks,
            late_count=2,
            municipality=municipality,
            suspected_unauthorised=suspected,
            preventive_spreekuur=spreekuur,
            long_term_sickness=True,
        )
        missing |= {
            message.template
            for message in _messages(evaluate_melding(facts, on=ON))
            if lookup(message.template, language) is None
        }
    assert not missing, sorted(missing)[:5]


def test_the_api_keeps_answering_in_dutch() -> None:
    decision = evaluate_melding(
        MeldingFacts(school_type="vo", age=14, absence_kind="ongeoorloofd", unauthorized_hours_4_weeks=16), on=ON
    )
    body = decision.model_dump()
    assert "texts" not in body
    assert body["explanation"].startswith("U moet dit verzuim melden bij DUO.")
    assert body["checklist"][0] == "Meld via uw administratiepakket of het verzuimloket in Mijn DUO."
