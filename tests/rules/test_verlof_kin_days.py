"""The guidance per degree of kinship in knowledge/rules/verlof.yml (`kin_days`, `kin_abroad`): every count is a dated
guidance parameter that a cited source states for that event and degree, the texts say they are guidance, and no
band reaches beyond the degrees its sources name."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from assistant.knowledge.parameters import params
from assistant.knowledge.paths import KNOWLEDGE_DIR
from assistant.rules.verlof import event_parameter, get_rules

ON = date(2026, 12, 6)
SOURCES = {
    entry["id"]: entry
    for name in ("guidance.yml", "regional.yml")
    for entry in yaml.safe_load((KNOWLEDGE_DIR / "sources" / name).read_text(encoding="utf-8")) or ()
}
# The words a source's fact uses for the event.
EVENT_WORDS = {"huwelijk": "huwelijk", "overlijden": "overlijden", "ernstige_ziekte": "ziekte"}
BANDED = sorted(name for name, event in get_rules().events.items() if event.get("kin_days"))


def test_the_events_with_degrees() -> None:
    from assistant.situation.kinship import KIN_EVENTS

    assert BANDED == ["ernstige_ziekte", "huwelijk", "overlijden"] == sorted(KIN_EVENTS)


@pytest.mark.parametrize("name", BANDED)
def test_each_count_is_a_guidance_parameter_a_cited_source_states(name: str) -> None:
    event = get_rules().events[name]
    law = params(ON)
    facts = [
        fact for source in event["kin_citations"] for fact in SOURCES[source]["facts"] if EVENT_WORDS[name] in str(fact)
    ]
    assert facts, name
    for band in event["kin_days"]:
        for key in ("min", "max", "days"):
            if key not in band:
                continue
            parameter = event_parameter(law, band[key])
            assert parameter.basis in ("guidance", "law"), band[key]
            value = str(parameter.value)
            assert any(re.search(rf"(?<!\d){value}(?!\d)", str(fact)) for fact in facts), (name, band[key], value)


@pytest.mark.parametrize("name", BANDED)
def test_the_last_degree_is_one_the_sources_name(name: str) -> None:
    event = get_rules().events[name]
    up_to = int(event["kin_days"][-1]["up_to"])
    named = [
        fact
        for source in event["kin_citations"]
        for fact in SOURCES[source]["facts"]
        if EVENT_WORDS[name] in str(fact) and f"{up_to}e" in str(fact)
    ]
    assert named, (name, up_to)


@pytest.mark.parametrize("name", BANDED)
def test_band_texts_are_guidance_and_fill_every_field(name: str) -> None:
    event = get_rules().events[name]
    texts = [band["text"] for band in event["kin_days"] if band.get("text")]
    texts += [event["kin_abroad"]] if event.get("kin_abroad") else []
    for text in texts:
        assert text.startswith("Als richtlijn") and text.endswith("Dit kan per gemeente verschillen."), text
        assert not re.search(r"\d", text), text  # every count is a placeholder
    for band in event["kin_days"]:
        fields = set(re.findall(r"\{(\w+)\}", band.get("text", "")))
        assert fields <= {key for key in ("min", "max", "days") if key in band}, band


def test_the_abroad_texts_use_the_abroad_parameter() -> None:
    for name in ("huwelijk", "overlijden"):
        event = get_rules().events[name]
        assert "{abroad}" in event["kin_abroad"]
        assert event["abroad_numbers"]["abroad"] == "richtlijn.verlof_abroad_max_days"
