"""The answer actions for the asker's situation (issue 15): the verdict first, the topic's text as details, one
question with buttons that carry the facts, answers to that question typed or clicked, corrections, follow-ups."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswerTopic
from actions.fallback import ActionRetrievalFallback
from assistant.knowledge import KnowledgeBase, load_knowledge

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def real_kb() -> KnowledgeBase:
    return load_knowledge(strict=False)  # every topic (the verdicts name topics the fixtures do not have)


@pytest.fixture(autouse=True)
def use_fixture_kb(monkeypatch: pytest.MonkeyPatch, real_kb: KnowledgeBase, today_is) -> None:
    """Overrides tests/actions/conftest.py's fixture of the same name: the real topics, and a fixed today."""
    monkeypatch.setattr("actions.answer.get_knowledge_base", lambda: real_kb)
    monkeypatch.setattr("actions.fallback.get_knowledge_base", lambda: real_kb)
    today_is(TODAY)


def tracker(
    intent: str,
    text: str,
    *,
    language: str = "nl",
    previous: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    **slots: Any,
) -> Tracker:
    events: list[dict[str, Any]] = [{"event": "action", "name": "action_listen"}]
    if previous is not None:
        events = [{"event": "bot", "text": "…", "data": {"custom": {"situation": previous}}}, *events]
    events.append({"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}})
    return Tracker(
        sender_id="situation-test",
        slots={"topic": None, "gebeurtenis": None, **slots},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.9},
            "intent_ranking": [{"name": intent, "confidence": 0.9}],
            "entities": entities or [],
            "metadata": {"language": language},
        },
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(action: Any, state: Tracker) -> tuple[dict[str, Any], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, state, {})
    (message,) = dispatcher.messages
    return message, events


def payload_facts(payload: str) -> tuple[str, dict[str, Any]]:
    match = re.fullmatch(r"/(\w+)(\{.*\})", payload)
    assert match, payload
    return match.group(1), json.loads(match.group(2))["situation"]


def test_the_verdict_is_the_first_bubble_and_the_topic_text_the_details() -> None:
    message, events = run(
        ActionAnswerTopic(),
        tracker("ask_verlof_vakantie", "Ik werk in de horeca, mogen we in oktober drie weken op vakantie?"),
    )
    text = message["text"]
    assert text.startswith(
        "Nee, dat kan niet. 3 weken zijn ongeveer 15 schooldagen. Vakantieverlof kan voor ten "
        "hoogste 10 schooldagen per schooljaar"
    )
    # the law of the month asked is applied; it is today's law (no change before October), so today is named
    assert text.endswith("Dit is de wet zoals die geldt op 6 december 2026.")
    assert message["custom"]["details"].endswith("Dit is de wet zoals die geldt op 6 december 2026.")
    assert len(text) <= 470
    custom = message["custom"]
    assert "Wat kunt u doen?" in custom["details"]
    rule = custom["details"].index("Op vakantie gaan buiten de schoolvakanties mag in principe niet.")
    assert rule < custom["details"].index("Wat kunt u doen?")
    refs = [citation["ref"] for citation in custom["citations"]]
    assert refs[:2] == ["Leerplichtwet 1969, artikel 13a", "Leerplichtwet 1969, artikel 11"]
    assert len(refs) > 3  # the API keeps every citation; the page shows three
    assert custom["situation"] == {
        "topic": "verlof_vakantie",
        "facts": {"weeks": 3.0, "month": 10, "reason": "werk", "absence_kind": "luxe_vermoeden"},
    }
    school = next(button for button in message["buttons"] if button["title"] == "Ik vraag dit als school")
    intent, facts = payload_facts(school["payload"])
    assert intent == "ask_verlof_vakantie" and facts["role"] == "school" and facts["weeks"] == 3
    assert events == [SlotSet("topic", "verlof_vakantie"), SlotSet("gebeurtenis", None)]


def test_a_general_question_gets_the_short_answer_with_the_rest_as_details() -> None:
    message, _events = run(
        ActionAnswerTopic(), tracker("ask_verlof_vakantie", "Mag je buiten de schoolvakantie op vakantie?")
    )
    # the topic's own text states the rule, so it reads right for "mag je …?" and for "hoeveel dagen …?" alike
    assert message["text"].startswith("Op vakantie gaan buiten de schoolvakanties mag in principe niet. Alleen als")
    assert "Wat kunt u doen?" not in message["text"]
    assert message["custom"]["details"].startswith("Wat kunt u doen?")
    assert "Ik vraag dit als school" not in [button["title"] for button in message["buttons"]]


def test_a_missing_reason_is_asked_once_with_buttons_after_the_general_rule() -> None:
    message, events = run(
        ActionAnswerTopic(), tracker("ask_verlof_gewichtige_omstandigheden", "Kunnen we twee dagen vrij krijgen?")
    )
    text = message["text"]
    assert text.startswith("Bij een bijzondere gebeurtenis")  # the general rule is answered anyway
    assert text.endswith("Waarvoor vraagt u het verlof? Daar hangt het antwoord van af.")
    assert message["custom"]["citations"][0]["ref"] == "Leerplichtwet 1969, artikel 14"
    assert message["custom"]["situation"] == {
        "topic": "verlof_gewichtige_omstandigheden",
        "facts": {"days": 2.0},
        "asks": "reason",
    }
    titles = [button["title"] for button in message["buttons"]]
    assert titles[:2] == ["Een bruiloft", "Een overlijden of uitvaart"] and "Weet ik niet" in titles
    intent, facts = payload_facts(message["buttons"][0]["payload"])
    assert (intent, facts) == ("ask_verlof_gewichtige_omstandigheden", {"days": 2.0, "reason": "huwelijk"})
    assert events[0] == SlotSet("topic", "verlof_gewichtige_omstandigheden")


def test_a_clicked_answer_gives_the_verdict_and_no_second_question() -> None:
    payload = '/ask_verlof_gewichtige_omstandigheden{"situation":{"days":2.0,"reason":"huwelijk"}}'
    message, events = run(ActionAnswerTopic(), tracker("ask_verlof_gewichtige_omstandigheden", payload))
    assert message["text"].startswith(
        "Voor een huwelijk in de familie vraagt u vooraf verlof aan de directeur (artikel 14)."
    )
    assert "asks" not in message["custom"]["situation"]
    assert events == [SlotSet("topic", "verlof_gewichtige_omstandigheden"), SlotSet("gebeurtenis", "huwelijk")]


@pytest.mark.parametrize(
    ("intent", "action"),
    [
        ("inform", ActionRetrievalFallback()),
        ("nlu_fallback", ActionRetrievalFallback()),
        ("ask_verlof_gewichtige_omstandigheden", ActionAnswerTopic()),
    ],
)
def test_a_typed_answer_continues_the_question_wherever_the_classifier_puts_it(intent: str, action: Any) -> None:
    asked = {"topic": "verlof_gewichtige_omstandigheden", "facts": {"days": 2.0}, "asks": "reason"}
    message, _events = run(action, tracker(intent, "voor de begrafenis van opa", previous=asked))
    assert message["text"].startswith(
        "Vanaf uw kind geteld is een opa familie in de 2e graad. Voor een overlijden in de familie vraagt u vooraf "
        "verlof aan de directeur"
    )
    assert "asks" not in message["custom"]["situation"]
    assert message["custom"]["situation"]["facts"] == {"days": 2.0, "reason": "overlijden", "kin": "bare:opa"}


def test_i_do_not_know_still_gets_the_general_rule() -> None:
    asked = {"topic": "verlof_gewichtige_omstandigheden", "facts": {"days": 2.0}, "asks": "reason"}
    message, _events = run(ActionRetrievalFallback(), tracker("inform", "weet ik niet", previous=asked))
    assert "ten hoogste 10 schooldagen per schooljaar" in message["text"]
    assert "asks" not in message["custom"]["situation"]
    assert not any(button["title"] == "Een bruiloft" for button in message["buttons"])


def test_an_impossible_fact_gets_a_correction_and_the_answer_keeps_the_rest() -> None:
    first, _events = run(
        ActionAnswerTopic(), tracker("ask_leerplicht_leeftijd", "Mijn kind van 3 zit in groep 8, moet het naar school?")
    )
    assert (
        first["text"] == "Een leeftijd van 3 jaar past niet bij groep 8. Klopt de leeftijd, of de groep? De rest "
        "van uw vraag heb ik onthouden."
    )
    assert first["custom"]["citations"] == [] and "details" not in first["custom"]
    asked = first["custom"]["situation"]
    assert asked["asks"] == "correction" and asked["facts"]["role"] == "parent"
    second, _events = run(ActionRetrievalFallback(), tracker("inform_melding", "ze is 11", previous=asked))
    assert second["text"].startswith("Ja, uw kind is leerplichtig")


def test_a_birth_date_in_english_gets_english_dates() -> None:
    message, _events = run(
        ActionAnswerTopic(),
        tracker(
            "ask_leerplicht_leeftijd",
            "My daughter was born on 12 March 2021. When must she go to school?",
            language="en",
        ),
    )
    assert "April 1, 2026" in message["text"] and "July 31, 2037" in message["text"]


def test_a_follow_up_in_the_same_topic_keeps_what_was_said() -> None:
    before = {"topic": "verlof_vakantie", "facts": {"weeks": 3.0, "month": 10, "reason": "werk"}}
    message, _events = run(
        ActionAnswerTopic(),
        tracker("ask_followup", "en als het twee weken is?", previous=before, topic="verlof_vakantie"),
    )
    # the job named before is still the test; the two weeks now fit within the maximum
    assert message["text"].startswith("Dat kan alleen als het werk van een ouder een gezinsvakantie")
    assert "het past binnen het maximum van 10 schooldagen" in message["text"]
    assert message["custom"]["situation"]["facts"] == {"weeks": 2.0, "month": 10, "reason": "werk"}


def test_another_topic_keeps_who_asks_but_not_the_other_facts() -> None:
    before = {"topic": "verlof_vakantie", "facts": {"role": "school", "weeks": 3.0}}
    message, _events = run(
        ActionAnswerTopic(), tracker("ask_meldplicht_verzuim", "en bij 16 uur verzuim?", previous=before)
    )
    assert message["text"].startswith("U moet dit verzuim melden bij DUO.")  # the school's duty, not the parent's
    assert message["custom"]["situation"]["facts"] == {"role": "school", "hours": 16.0, "absence_kind": "ongeoorloofd"}


def test_a_message_in_another_language_mid_conversation_is_read_the_same() -> None:
    asked = {"topic": "leerplicht_leeftijd", "facts": {"role": "parent"}, "asks": "age"}
    message, _events = run(ActionRetrievalFallback(), tracker("inform", "she is 4 years old", previous=asked))
    assert message["text"].startswith("Nee, uw kind is nog niet leerplichtig.")


def test_a_new_question_about_another_topic_is_no_answer_to_the_question_asked() -> None:
    asked = {"topic": "leerplicht_leeftijd", "facts": {"role": "parent"}, "asks": "age"}
    message, _events = run(
        ActionAnswerTopic(),
        tracker(
            "ask_meldplicht_verzuim",
            "Mijn zoon van 7 heeft deze maand 20 uur gespijbeld, wordt hij dan gemeld bij DUO?",
            previous=asked,
        ),
    )
    assert message["custom"]["topic"] == "meldplicht_verzuim"
    assert message["text"].startswith("Ja. De school moet dit verzuim melden bij DUO")
    short, _events = run(ActionAnswerTopic(), tracker("ask_vijfjarigen", "hij is 4", previous=asked))
    assert short["custom"]["topic"] == "leerplicht_leeftijd"  # a short reply answers the question asked


def test_an_unsure_classifier_is_answered_when_the_facts_fit_one_of_its_guesses() -> None:
    state = tracker(
        "nlu_fallback",
        "Yazın restoranda çalışıyorum. Çocuklarımı kasımda üç hafta okuldan alabilir miyim?",
        language="tr",
    )
    state.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.45},
        {"name": "ask_problemen_op_school", "confidence": 0.2},
        {"name": "ask_verlof_vakantie", "confidence": 0.15},
    ]
    message, _events = run(ActionRetrievalFallback(), state)
    assert message["custom"]["topic"] == "verlof_vakantie"
    assert "15" in message["text"] and "10" in message["text"] and "13a" in message["text"]


def test_an_unsure_classifier_without_fitting_facts_still_offers_topics() -> None:
    state = tracker("nlu_fallback", "Wat is de hoofdstad van Frankrijk?")
    state.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.45},
        {"name": "ask_verlof_vakantie", "confidence": 0.2},
    ]
    message, _events = run(ActionRetrievalFallback(), state)
    assert "topic" not in message.get("custom", {}) or message["custom"] is None


def test_the_topic_text_states_the_law_of_the_day_the_verdict_applied() -> None:
    """Issue 14: the topic text behind "Meer uitleg" renders its legal numbers on the verdict's law date and ends
    with that date, the same day as the first bubble."""
    message, _events = run(
        ActionAnswerTopic(),
        tracker("ask_verlof_vakantie", "Ik werk in de horeca, mogen we in oktober drie weken op vakantie?"),
    )
    first_law_line = re.findall(r"Dit is de wet zoals die geldt op [^.]+\.", message["text"])
    details_law_line = re.findall(r"Dit is de wet zoals die geldt op [^.]+\.", message["custom"]["details"])
    assert first_law_line and details_law_line and details_law_line[-1] == first_law_line[-1]
    assert "{" not in message["custom"]["details"] and "maximaal 10 schooldagen" in message["custom"]["details"]


def test_a_decisive_retrieval_answers_when_the_classifier_was_unsure_of_another_topic():
    """Every content word is the religious days' own; the classifier's 0.62 for holiday leave gives way."""
    state = tracker(
        "ask_verlof_vakantie", "Mijn dochter blijft thuis met Jom Kipoer, moet ik dat aan de school laten weten?"
    )
    state.latest_message["intent"]["confidence"] = 0.62
    message, events = run(ActionAnswerTopic(), state)
    assert message["custom"]["topic"] == "religieuze_feestdag"
    assert SlotSet("topic", "religieuze_feestdag") in events
    sure = tracker(
        "ask_verlof_vakantie", "Mijn dochter blijft thuis met Jom Kipoer, moet ik dat aan de school laten weten?"
    )
    assert run(ActionAnswerTopic(), sure)[0]["custom"]["topic"] == "verlof_vakantie"  # 0.9: the classifier stays


def test_a_question_about_one_point_gets_the_short_answer_then_that_point():
    message, _ = run(
        ActionAnswerTopic(), tracker("ask_bezwaar", "Kunnen we bij een spoedeisende zaak naar de voorzieningenrechter?")
    )
    short, point = message["text"].split("\n\n")[:2]
    assert short.startswith("Bent u het niet eens met een besluit")
    assert "voorlopige voorziening" in point
    general, _ = run(ActionAnswerTopic(), tracker("ask_bezwaar", "bezwaar maken"))
    assert "voorlopige voorziening" not in general["text"]


def test_leave_answers_offer_the_request_form_and_other_topics_do_not():
    message, _ = run(
        ActionAnswerTopic(), tracker("ask_verlof_gewichtige_omstandigheden", "Wanneer kunt u verlof aanvragen?")
    )
    assert {"title": "Verlof aanvragen", "payload": "/request_verlof"} in message["buttons"]
    english, _ = run(
        ActionAnswerTopic(), tracker("ask_verlof_vakantie", "holiday outside school holidays?", language="en")
    )
    assert {"title": "Apply for leave", "payload": "/request_verlof"} in english["buttons"]
    other, _ = run(ActionAnswerTopic(), tracker("ask_bezwaar", "bezwaar maken"))
    assert all(button["payload"] != "/request_verlof" for button in other["buttons"])


REQUEST = {"title": "Verlof aanvragen", "payload": "/request_verlof"}


@pytest.mark.parametrize(
    ("intent", "text", "entities"),
    [
        ("ask_verlof_vakantie", "Mogen we een week eerder weg voor wintersport?", []),
        ("ask_verlof_vakantie", "Mogen we een week eerder weg omdat de tickets goedkoper zijn?", []),
        ("ask_verlof_gewichtige_omstandigheden", "Mag mijn kind vrij voor carnaval?", ["overig"]),
        ("ask_verlof_vakantie", "Mogen we drie weken in oktober weg? Ik werk in de horeca.", []),
        ("ask_verlof_gewichtige_omstandigheden", "Mag mijn zoon vrij voor een voetbaltoernooi?", ["overig"]),
    ],
)
def test_a_leave_answer_that_says_no_does_not_offer_the_request_form(
    intent: str, text: str, entities: list[str]
) -> None:
    message, events = run(
        ActionAnswerTopic(),
        tracker(intent, text, entities=[{"entity": "gebeurtenis", "value": value} for value in entities]),
    )
    assert message["text"].startswith("Nee")
    assert all(button["payload"] != "/request_verlof" for button in message["buttons"])
    assert events[0] in (SlotSet("topic", "verlof_vakantie"), SlotSet("topic", "verlof_gewichtige_omstandigheden"))


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("ask_verlof_vakantie", "Mag ik een week eerder op vakantie omdat ik in de zomer moet werken?"),
        ("ask_verlof_gewichtige_omstandigheden", "Mag mijn kind 15 dagen vrij voor de begrafenis van opa in Marokko?"),
        ("ask_verlof_gewichtige_omstandigheden", "Hoeveel dagen vrij voor de bruiloft van mijn zus?"),
    ],
)
def test_a_leave_answer_that_allows_or_depends_offers_the_request_form(intent: str, text: str) -> None:
    message, _ = run(ActionAnswerTopic(), tracker(intent, text))
    assert not message["text"].startswith("Nee")
    assert REQUEST in message["buttons"]


def test_carnaval_tagged_as_another_event_is_no_and_gets_no_event_text() -> None:
    """The classifier tags "carnaval" as the open event "overig"; the answer is "Nee" with article 13, and the text
    about other events is not put beside it."""
    message, events = run(
        ActionAnswerTopic(),
        tracker(
            "ask_verlof_gewichtige_omstandigheden",
            "Mag mijn kind vrij voor carnaval?",
            entities=[{"entity": "gebeurtenis", "value": "overig"}],
        ),
    )
    assert message["text"].startswith("Nee. Carnaval of een ander feest is geen plicht uit geloof")
    assert "Een andere gebeurtenis telt alleen" not in message["custom"].get("details", "")
    refs = [citation["ref"] for citation in message["custom"]["citations"]]
    assert refs[0] == "Leerplichtwet 1969, artikel 13"
    assert events == [SlotSet("topic", "verlof_gewichtige_omstandigheden"), SlotSet("gebeurtenis", None)]


def test_a_false_sick_report_is_answered_in_luxe_verzuim() -> None:
    message, _events = run(
        ActionAnswerTopic(),
        tracker("ask_ziekte", "can I just call in sick and leave a day early?", language="en"),
    )
    assert message["text"].startswith("No. Reporting your child sick when it is not sick is unauthorised absence")
    assert message["custom"]["topic"] == "luxe_verzuim"


def test_a_school_asking_about_a_pupil_who_left_gets_no_parent_text_and_is_offered_a_person() -> None:
    message, _events = run(
        ActionAnswerTopic(),
        tracker(
            "ask_in_uitschrijving", "Een leerling is vertrokken zonder zich af te melden, mogen we hem uitschrijven?"
        ),
    )
    assert message["text"].startswith("Nee. U mag een leerplichtige leerling alleen uitschrijven")
    everything = message["text"] + " " + message["custom"].get("details", "")
    assert "Als ouder" not in everything and "uw kind" not in everything.lower()
    assert "binnen 7 dagen" in message["custom"]["details"]
    assert {"title": "Met een medewerker praten", "payload": "/request_human"} in message["buttons"]
    refs = [citation["ref"] for citation in message["custom"]["citations"]]
    assert refs[0] == "Leerplichtwet 1969, artikel 10"


def test_a_school_asking_about_psychological_complaints_in_english_gets_the_school_answer() -> None:
    message, _events = run(
        ActionAnswerTopic(),
        tracker("ask_ziekte", "How do we register pupils with long-term mental health problems?", language="en"),
    )
    assert message["text"].startswith("Psychological complaints are illness, and so authorised absence (artikel 11")
    everything = message["text"] + " " + message["custom"].get("details", "")
    assert "your child" not in everything.lower() and "as a parent" not in everything.lower()
    assert "Other absence (overig verzuim)" in message["text"]


@pytest.mark.parametrize(
    "question",
    [
        "Voor wie geldt de uitzondering voor religieuze feestdagen?",
        "Mag mijn kind vrij voor het Suikerfeest?",
        "Wij zijn hindoe en vieren Divali. Moeten we daar verlof voor aanvragen bij school?",
        "We willen het Suikerfeest bij familie vieren en dan 3 dagen extra wegblijven. Valt dat er nog onder?",
    ],
)
def test_a_religious_day_answer_states_the_rule_without_a_yes_that_would_answer_another_question(question) -> None:
    """The rule itself (may stay home that day; no leave or permission, a notice 2 days before; extra days do not
    count) reads right whether the asker asks may, must we ask leave, must the school consent or extra days."""
    message, _ = run(ActionAnswerTopic(), tracker("ask_religieuze_feestdag", question))
    text = message["text"]
    assert not text.startswith(("Ja", "Nee"))
    assert text.startswith("Moet uw kind een plicht vervullen die voortkomt uit zijn geloof of levensovertuiging")
    assert "U vraagt daarvoor geen verlof of toestemming" in text and "uiterlijk 2 dagen vooraf" in text
    assert "Extra dagen, bijvoorbeeld om te reizen of familie te bezoeken, vallen er niet onder" in text


def test_a_school_asking_whether_it_must_consent_to_a_religious_day_gets_the_schools_rule() -> None:
    """ "Moeten wij toestemming geven?" is school staff asking (assistant/locale/situation.yml): no permission is
    asked, the parents give notice (art. 13), said to the school, not to a parent."""
    question = "Een Joodse familie laat weten dat hun dochter met Jom Kipoer niet komt. Moeten wij toestemming geven?"
    message, _ = run(ActionAnswerTopic(), tracker("ask_religieuze_feestdag", question))
    text = message["text"]
    assert text.startswith("De ouders hoeven geen toestemming te vragen voor een plicht uit geloof")
    assert "(artikel 13 Leerplichtwet)" in text and "uw kind" not in text


@pytest.mark.parametrize(
    ("text", "language", "no", "rule"),
    [
        (
            "Hoe lang van tevoren moet ik vakantieverlof aanvragen?",
            "nl",
            "Nee",
            "Op vakantie gaan buiten de schoolvakanties mag in principe niet. Alleen als",
        ),
        (
            "How far in advance do I have to apply for holiday leave?",
            "en",
            "No",
            "Going on holiday outside the school holidays is in principle not allowed. Only if",
        ),
        ("متى يجب أن أطلب إجازة العطلة؟", "ar", "لا", "السفر في عطلة خارج العطل المدرسية غير مسموح من حيث المبدأ"),
        (
            "Коли треба подати заяву на відпустку на канікули?",
            "uk",
            "Ні",
            "Їхати у відпустку поза шкільними канікулами",
        ),
        ("Kaç hafta önceden tatil izni istemeliyim?", "tr", "Hayır", "Okul tatilleri dışında tatile gitmeye prensip"),
        ("Kiedy muszę złożyć wniosek o urlop wakacyjny?", "pl", "Nie", "Wyjazd na wakacje poza feriami szkolnymi"),
    ],
)
def test_an_open_question_gets_the_rule_not_a_no(text: str, language: str, no: str, rule: str) -> None:
    """ "Hoe lang van tevoren …?" asks for a term: the answer opens with what holds (the topic's rule), never with a
    "Nee" that answers another question; "Mag ik …?" reads the same rule as its no."""
    message, _ = run(ActionAnswerTopic(), tracker("ask_verlof_vakantie", text, language=language))
    assert not message["text"].startswith(no)
    assert message["text"].startswith(rule)
    closed, _ = run(
        ActionAnswerTopic(), tracker("ask_verlof_vakantie", "Mag ik buiten de schoolvakanties op vakantie?")
    )
    assert closed["text"].startswith("Op vakantie gaan buiten de schoolvakanties mag in principe niet. Alleen als")


def test_an_open_question_about_the_term_gets_the_term_without_a_no() -> None:
    message, _ = run(
        ActionAnswerTopic(), tracker("ask_verlof_vakantie", "Hoe lang van tevoren moet ik vakantieverlof aanvragen?")
    )
    assert not message["text"].startswith("Nee")
    assert "Alleen als het beroep van een ouder" in message["text"]
    assert "ongeveer 8 weken van tevoren" in message["text"]


@pytest.mark.parametrize(
    "text",
    [
        "Wat gebeurt er als ik met 17 zonder diploma stop?",
        "wat gebeurt er als ik op mijn 17e zonder diploma stop met het mbo",
    ],
)
def test_leaving_school_without_a_diploma_at_17_gets_the_verdict_first(text: str) -> None:
    message, _ = run(ActionAnswerTopic(), tracker("ask_voortijdig_schoolverlaten", text))
    assert message["custom"]["topic"] == "voortijdig_schoolverlaten"
    assert message["text"].startswith("Je bent kwalificatieplichtig: je moet naar school tot je 18 jaar bent")
    assert "artikel 21a Leerplichtwet" in message["text"] and "leerplichtambtenaar" in message["text"]
    assert message["custom"]["situation"]["facts"]["age"] == 17
    assert "het Doorstroompunt (voorheen RMC)" in message["custom"]["details"]  # the young text behind "Meer uitleg"


def test_leaving_school_without_a_diploma_at_19_gets_the_topics_text() -> None:
    text = "wat gebeurt er als ik met 19 zonder diploma stop met het mbo"
    message, _ = run(ActionAnswerTopic(), tracker("ask_voortijdig_schoolverlaten", text))
    assert message["text"].startswith("Ben je 18 of ouder en gestopt zonder startkwalificatie")  # the young text
    assert "Doorstroompunt" in message["text"]


def test_a_verdict_is_followed_by_the_point_asked_that_it_does_not_give() -> None:
    text = "Wij zijn een school. Een leerling mist 16 uur in vier weken. Binnen welke termijn moeten wij dat melden?"
    message, _events = run(ActionAnswerTopic(), tracker("ask_meldplicht_verzuim", text))
    first, _law = message["text"].split("\n\nDit is de wet")
    assert first.startswith("U moet dit verzuim melden bij DUO.")
    assert "Meld zo snel mogelijk. De wet noemt geen termijn in dagen." in first  # the term, before the law's day
    assert "binnen 5 werkdagen" in first


HUMAN = {"title": "Met een medewerker praten", "payload": "/request_human"}


@pytest.mark.parametrize(
    "text",
    [
        "Een leerling is vertrokken zonder zich af te melden, mogen we hem uitschrijven?",
        "Een kind is met de noorderzon vertrokken, wat nu?",
    ],
)
def test_a_pupil_gone_without_deregistration_is_offered_a_person(text: str) -> None:
    message, events = run(ActionAnswerTopic(), tracker("ask_in_uitschrijving", text))
    assert "U mag een leerplichtige leerling alleen uitschrijven" in message["text"]
    assert HUMAN in message["buttons"]
    assert events[0] == SlotSet("topic", "in_uitschrijving")


@pytest.mark.parametrize(
    "text",
    ["Wanneer mogen wij als school een leerling uitschrijven?", "Hoe schrijf ik mijn kind in op een nieuwe school?"],
)
def test_a_general_question_on_in_and_uitschrijving_is_not_offered_a_person(text: str) -> None:
    message, _ = run(ActionAnswerTopic(), tracker("ask_in_uitschrijving", text))
    assert HUMAN not in message["buttons"]


@pytest.mark.parametrize(
    ("text", "language", "question"),
    [
        ("mag ik op vakantie 30 februari?", "nl", "De datum '30 februari' bestaat niet. Welke datum bedoelt u?"),
        ("Mijn kind moet op 30 februari naar de bruiloft van zijn oom", "nl", "De datum '30 februari' bestaat niet."),
        ("Can we go on holiday on 30 February?", "en", "The date '30 February' does not exist."),
    ],
)
def test_an_impossible_date_outside_any_clear_topic_gets_the_correction_not_a_menu(
    text: str, language: str, question: str
) -> None:
    message, _events = run(ActionRetrievalFallback(), tracker("inform", text, language=language))
    assert message["text"].startswith(question), message["text"]
    assert message["custom"]["situation"]["asks"] == "correction"
    assert "fallback" not in message["custom"]
