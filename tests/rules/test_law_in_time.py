"""The law as it holds on the day asked: dated parameters, the 2026 change of the 18+ duty, and the review's findings.

Each test of a finding fails on the code before the law-in-time work (issue 14)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.calendar import get_calendar
from assistant.knowledge.loader import load_knowledge
from assistant.knowledge.parameters import PARAMETERS_DIR, LawNotKnown, ParameterError, load_parameter_set, params
from assistant.melding_facts import next_questions, parse_melding_text
from assistant.rules.melding import MeldingFacts, evaluate_melding
from assistant.rules.verlof import VerlofFacts, evaluate_verlof

TODAY = date(2026, 12, 5)
IN_2025 = date(2025, 10, 15)


def melding(on: date = TODAY, **values) -> object:
    values.setdefault("school_type", "mbo")
    values.setdefault("has_startkwalificatie", False)
    values.setdefault("absence_kind", "ongeoorloofd")
    return evaluate_melding(MeldingFacts(**values), on=on)


# --- finding 1: the 18+ reporting duty moved to WEB 9.2.1-9.2.2 on 1 January 2026 (under 27) ----------------------


@pytest.mark.parametrize(
    ("age", "weeks", "category"),
    [
        (24, 5, "18_plus"),
        (24, 4, "18_plus"),
        (24, 3, "geen"),
        (26, 4, "18_plus"),
        (27, 4, "geen"),
        (27, 10, "geen"),
    ],
)
def test_eighteen_plus_under_27_since_2026(age, weeks, category):
    decision = melding(age=age, consecutive_weeks_absent=weeks)
    assert decision.category == category
    assert decision.law_date == TODAY
    if category == "18_plus":
        assert decision.obligation == "verplicht"
        assert {"web:9.2.1", "web:9.2.2"} <= set(decision.citations)
        assert "jonger dan 27 jaar" in decision.explanation
        assert "web:8.1.8a" not in decision.citations


def test_the_same_24_year_old_in_2025_falls_under_the_2025_law():
    decision = melding(on=IN_2025, age=24, consecutive_weeks_absent=5)
    assert (decision.obligation, decision.category) == ("niet_nodig", "geen")
    assert "web:8.1.8a" in decision.citations and "web:9.2.1" not in decision.citations
    assert "Vanaf 23 jaar" in decision.explanation
    under_23 = melding(on=IN_2025, age=22, consecutive_weeks_absent=5)
    assert under_23.category == "18_plus" and "jonger dan 23 jaar" in under_23.explanation


@pytest.mark.parametrize(("on", "category"), [(date(2025, 12, 31), "geen"), (date(2026, 1, 1), "18_plus")])
def test_the_change_takes_effect_on_1_january_2026_and_not_before(on, category):
    assert melding(on=on, age=25, consecutive_weeks_absent=4).category == category


def test_the_answer_says_which_day_s_law_it_applies_and_that_it_changed():
    decision = melding(age=24, consecutive_weeks_absent=5)
    assert "Dit is de wet zoals die geldt op 5 december 2026." in decision.notes
    assert any(
        "sinds 1 januari 2026" in note and "tot 27 jaar" in note and "tot 23 jaar" in note for note in decision.notes
    )


def test_melding_api_reports_under_the_current_law_and_the_law_of_the_date_asked(client):
    body = dict(
        school_type="mbo", age=24, has_startkwalificatie=False, absence_kind="ongeoorloofd", consecutive_weeks_absent=5
    )
    today = client.post("/api/melding/check", json={**body, "on_date": "2026-12-05"})
    assert today.status_code == 200
    assert (today.json()["obligation"], today.json()["category"]) == ("verplicht", "18_plus")
    refs = [citation["ref"] for citation in today.json()["citations"]]
    assert "Wet educatie en beroepsonderwijs, artikel 9.2.1" in refs
    assert today.json()["law_date"] == "2026-12-05"
    autumn_2025 = client.post("/api/melding/check", json={**body, "on_date": "2025-10-15"})
    assert autumn_2025.json()["category"] == "geen"


def test_a_date_before_the_known_law_is_a_422_with_a_reason(client):
    response = client.post(
        "/api/melding/check",
        json={"school_type": "vo", "age": 14, "absence_kind": "ongeoorloofd", "on_date": "2019-05-01"},
    )
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "Ik ken de wet pas vanaf 1 januari 2024. Wat de wet op 1 mei 2019 zei, kan ik u niet zeggen."
    )
    english = client.post(
        "/api/melding/check",
        headers={"Accept-Language": "en"},
        json={"school_type": "vo", "age": 14, "absence_kind": "ongeoorloofd", "on_date": "2019-05-01"},
    )
    assert english.status_code == 422 and "I only know the law from January 1, 2024" in english.json()["detail"]


def test_the_rules_refuse_a_day_before_the_known_law():
    with pytest.raises(LawNotKnown) as caught:
        params(date(2023, 12, 31))
    assert caught.value.known_from == date(2024, 1, 1)


# --- finding 2: a startkwalificatie is never inferred from "mbo-diploma" ----------------------------------------


def test_an_mbo_diploma_without_level_is_not_a_startkwalificatie_and_the_level_is_asked():
    facts = parse_melding_text("leerling van 17, mbo diploma gehaald")
    assert "startkwalificatie" not in facts
    assert "startkwalificatie" in next_questions(facts, on=TODAY)


@pytest.mark.parametrize(
    ("text", "has_sk"),
    [
        ("entree diploma gehaald", False),
        ("heeft de entree-opleiding afgerond", False),
        ("mbo-1 diploma", False),
        ("mbo niveau 2 diploma gehaald", True),
        ("mbo-3 gehaald", True),
        ("havo diploma gehaald", True),
    ],
)
def test_the_level_decides(text, has_sk):
    assert parse_melding_text(text).get("startkwalificatie") is has_sk


# --- finding 3: the two days of art. 14 lid 2 follow the Algemene termijnenwet --------------------------------------


def gewichtig(start: date, requested_on: date) -> object:
    request = VerlofFacts(
        kind="gewichtige_omstandigheid",
        start_date=start,
        end_date=start,
        municipality="Hengelo",
        category="overlijden",
        requested_on=requested_on,
    )
    return evaluate_verlof(request, on=requested_on)


def test_a_death_on_friday_reported_on_monday_is_in_time():
    friday, monday, tuesday = date(2026, 11, 6), date(2026, 11, 9), date(2026, 11, 10)
    on_monday = gewichtig(friday, monday)
    assert on_monday.problem("short_notice").severity == "info" and on_monday.allowed is True
    assert any(
        note.code == "termijn_verlengd" and "maandag" not in note.text and "9 november 2026" in note.text
        for note in on_monday.notes
    )
    on_tuesday = gewichtig(friday, tuesday)
    assert on_tuesday.problem("short_notice").severity == "blocking"
    assert "9 november 2026" in on_tuesday.problem("short_notice").text


def test_a_term_ending_on_a_feestdag_runs_to_the_next_working_day():
    calendar = get_calendar()
    assert calendar.term_end(date(2026, 12, 23), 2) == date(2026, 12, 28)  # 25 Dec, 26 Dec (Sat), 27 Dec (Sun)
    assert calendar.term_end(date(2027, 5, 4), 2) == date(2027, 5, 7)  # 6 May 2027 is Hemelvaartsdag
    assert calendar.term_end(date(2026, 11, 2), 2) == date(2026, 11, 4)  # a plain week: not extended


def test_art_13_two_days_before_is_a_backward_term_and_not_extended():
    thursday = date(2026, 11, 12)
    request = VerlofFacts(
        kind="religieus",
        start_date=date(2026, 11, 16),
        end_date=date(2026, 11, 16),
        municipality="Hengelo",
        requested_on=date(2026, 11, 15),
    )
    assert evaluate_verlof(request, on=thursday).problem("short_notice").severity == "blocking"


# --- finding 4: schorsing is not reported to DUO, but to the Inspectie when longer than a day ----------------------


@pytest.mark.parametrize("age", [14, 19])
def test_schorsing_mentions_the_inspectie_and_the_one_week_maximum(age):
    decision = melding(school_type="vo", age=age, absence_kind="schorsing")
    assert decision.obligation == "niet_nodig"
    assert "Inspectie van het Onderwijs" in decision.explanation
    assert "Een schorsing duurt ten hoogste één week." in decision.explanation  # as WVO 2020 art. 8.14 says it
    assert {"wvo:8.14", "wvo:8.15"} <= set(decision.citations)


# --- the dated-parameter model ------------------------------------------------------------------------------------


def _fixture_parameters(tmp_path: Path, edit) -> Path:
    target = tmp_path / "parameters"
    shutil.copytree(PARAMETERS_DIR, target)
    path = target / "verlof.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def test_a_future_change_of_law_switches_the_rule_and_the_text_on_its_date_and_not_before(tmp_path):
    def five_days_from_2027(data):
        versions = data["vakantie_max_school_days"]["versions"]
        versions[0]["valid_until"] = date(2026, 12, 31)
        versions.append({"value": 5, "valid_from": date(2027, 1, 1), "basis": "law", "citations": ["lpw:13a"]})

    parameters = load_parameter_set(_fixture_parameters(tmp_path, five_days_from_2027))
    request_2026 = VerlofFacts(
        kind="vakantie",
        start_date=date(2026, 11, 2),
        end_date=date(2026, 11, 9),
        municipality="Hengelo",
        requested_on=date(2026, 6, 1),
    )
    before = evaluate_verlof(request_2026, on=date(2026, 6, 1), law=parameters.on(request_2026.start_date))
    assert before.allowed is True
    request_2027 = VerlofFacts(
        kind="vakantie",
        start_date=date(2027, 1, 11),
        end_date=date(2027, 1, 18),
        municipality="Hengelo",
        requested_on=date(2026, 11, 1),
    )
    after = evaluate_verlof(request_2027, on=date(2026, 11, 1), law=parameters.on(request_2027.start_date))
    assert after.codes[0] == "too_many_days" and "ten hoogste 5" in after.problems[0].text
    assert parameters.change_days() == [date(2026, 1, 1), date(2027, 1, 1)]  # the 18+ change and this one


def test_the_numbers_in_the_rule_texts_follow_the_parameters_of_the_day(tmp_path):
    """Issue 14: the melding and verlof texts write no legal number; a changed parameter changes the text."""
    target = tmp_path / "parameters"
    shutil.copytree(PARAMETERS_DIR, target)
    for name, key, value in (
        ("melding.yml", "period_lesweken", 3),
        ("bezwaar.yml", "objection_weeks", 8),
        ("richtlijn.yml", "verlof_huwelijk_days", 2),
    ):
        path = target / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data[key]["versions"][-1]["value"] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    law = load_parameter_set(target).on(TODAY)

    decision = evaluate_melding(
        MeldingFacts(school_type="vo", age=14, absence_kind="ongeoorloofd", unauthorized_hours_4_weeks=18),
        on=TODAY,
        law=law,
    )
    assert "De leerling heeft in drie aaneengesloten lesweken 18 lesuren" in decision.explanation
    wedding = VerlofFacts(
        kind="gewichtige_omstandigheid",
        category="huwelijk",
        start_date=date(2027, 3, 1),
        end_date=date(2027, 3, 1),
        municipality="Hengelo",
        requested_on=TODAY,
    )
    texts = [note.text for note in evaluate_verlof(wedding, on=TODAY, law=law).notes]
    assert any("binnen acht weken bezwaar maken" in text for text in texts)
    assert any(text.startswith("Als richtlijn geven veel gemeenten 2 schooldag voor een huwelijk") for text in texts)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda data: data["vakantie_max_school_days"]["versions"][0].update(citations=[]), "at least 1 item"),
        (
            lambda data: data["vakantie_max_school_days"]["versions"].append(
                {"value": 5, "valid_from": date(2026, 1, 1), "basis": "law", "citations": ["lpw:13a"]}
            ),
            "overlap",
        ),
        (
            lambda data: (
                data["vakantie_max_school_days"]["versions"][0].update(valid_until=date(2025, 12, 31))
                or data["vakantie_max_school_days"]["versions"].append(
                    {"value": 5, "valid_from": date(2026, 3, 1), "basis": "law", "citations": ["lpw:13a"]}
                )
            ),
            "gap",
        ),
        (lambda data: data["vakantie_notice_weeks"]["versions"][0].update(basis="regional"), "applies_to"),
        (
            lambda data: data.update(
                unknown_number={
                    "description": "x",
                    "unit": "days",
                    "versions": [
                        {"value": 1, "valid_from": date(2024, 1, 1), "basis": "law", "citations": ["lpw:13a"]}
                    ],
                }
            ),
            "not a known",
        ),
    ],
)
def test_the_parameter_files_refuse_bad_entries(tmp_path, edit, message):
    with pytest.raises(ParameterError, match=message):
        load_parameter_set(_fixture_parameters(tmp_path, edit))


def test_the_knowledge_validation_refuses_a_law_value_without_a_statute_or_with_a_wrong_quote(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(PARAMETERS_DIR.parent, root)

    def edit(data):
        data["vakantie_max_school_days"]["versions"][0]["citations"] = ["src:assen-vakantieverlof"]
        data["gewichtig_director_max_school_days"]["versions"][0]["quote"] = "voor ten hoogste twaalf dagen"

    _fixture_parameters(tmp_path / "unused", lambda data: None)
    path = root / "parameters" / "verlof.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = load_knowledge(root, strict=False).problems
    assert any("vakantie_max_school_days" in p and "cites no statute article" in p for p in problems)
    assert any("gewichtig_director_max_school_days" in p and "is not in the text" in p for p in problems)


def test_every_parameter_today_has_a_citation_that_resolves():
    from assistant.knowledge import resolve_citations

    for param in params(TODAY).all():
        assert resolve_citations(param.citations), param.name
