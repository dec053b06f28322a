"""The non-reasons and the abroad guidance of knowledge/rules/verlof.yml: each non-reason rests on a source that names
it, statute first; an abroad number is a dated guidance parameter of a source that states it, never a new number."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from assistant.knowledge.parameters import params
from assistant.knowledge.paths import KNOWLEDGE_DIR
from assistant.rules.verlof import event_abroad_guidance, event_abroad_max_days, get_rules

ON = date(2026, 12, 6)
SOURCES = {
    entry["id"]: entry
    for name in ("guidance.yml", "regional.yml")
    for entry in yaml.safe_load((KNOWLEDGE_DIR / "sources" / name).read_text(encoding="utf-8")) or ()
}

# What each new non-reason's guidance source says (words of its `facts`), so a citation is not only an id.
NAMED_BY = {
    "geen_boeking": {
        "src:assen-gewichtige-omstandigheden": "boekingsmogelijkheden",
        "src:menso-emmen-verlof": "geen tickets meer",
    },
    "wintersport": {"src:inspectie-vakantie": "wintersport", "src:reggesteyn-verlof": "wintersport"},
    "feest": {"src:zuiderpad-geen-verlof": "culturele evenementen"},
    "evenement": {"src:zuiderpad-geen-verlof": "sportieve of culturele evenementen"},
    "familiebezoek": {"src:pijnacker-nootdorp-geen-verlof": "familiebezoek", "src:inspectie-vakantie": "familie"},
    "al_geboekt": {"src:rb-overijssel-2018-1221": "al geboekte", "src:menso-emmen-verlof": "al gekocht"},
    "broers_zussen_vrij": {"src:pijnacker-nootdorp-geen-verlof": "andere kinderen uit het gezin nog vrij"},
}


@pytest.mark.parametrize("reason", sorted(NAMED_BY))
def test_each_non_reason_cites_a_source_that_names_it(reason: str) -> None:
    entry = get_rules().non_reasons[reason]
    guidance = [cid for cid in entry["citations"] if cid.startswith("src:")]
    statute = [cid for cid in entry["citations"] if not cid.startswith("src:")]
    assert entry["citations"] == [*statute, *guidance]  # statute first
    for source, words in NAMED_BY[reason].items():
        assert source in guidance
        assert any(words in fact for fact in SOURCES[source]["facts"]), (reason, source)


def test_a_feast_is_measured_against_article_13_and_14() -> None:
    entry = get_rules().non_reasons["feest"]
    assert entry["citations"][:3] == ["lpw:13", "lpw:11", "lpw:14"]
    assert entry["topic"] == "verlof_gewichtige_omstandigheden"
    assert entry["text"].startswith("Carnaval")


@pytest.mark.parametrize("event", ["huwelijk", "overlijden"])
def test_the_abroad_guidance_is_a_dated_guidance_parameter_its_sources_state(event: str) -> None:
    rules = get_rules().events[event]
    law = params(ON)
    message = event_abroad_guidance(rules, law)
    assert message is not None and "Als richtlijn" in message.template and "per gemeente" in message.template
    value = event_abroad_max_days(rules, law)
    assert value == law.richtlijn.verlof_abroad_max_days.value == message.values["abroad"]
    assert law.richtlijn.verlof_abroad_max_days.basis == "guidance"
    for source in rules["abroad_citations"]:
        assert any("buitenland" in fact and str(value) in fact for fact in SOURCES[source]["facts"]), source


@pytest.mark.parametrize("event", ["ernstige_ziekte", "verhuizing", "jubileum", "gezinsuitbreiding", "overig"])
def test_events_without_an_abroad_number_get_none(event: str) -> None:
    rules = get_rules().events[event]
    assert event_abroad_guidance(rules, params(ON)) is None and event_abroad_max_days(rules, params(ON)) is None
