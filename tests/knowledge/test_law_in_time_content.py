"""The corrected content of the legal review of 2026-12-06 (issue 14), topic by topic.

Each test reads the repository's own knowledge (statements with their basis and citations, and the rendered Dutch
answer) and checks one finding: the law that holds since 1 January 2026, the statute's own definitions, and guidance
or regional practice told as such.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.i18n import translate
from assistant.knowledge import KnowledgeBase, load_knowledge, render_answer
from assistant.knowledge.loader import DEFAULT_ROOT

TWENTE_NAMES = ("Hengelo", "Borne", "Enschede", "Losser", "Oldenzaal", "Dinkelland", "Hof van Twente", "Twente")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def answer(kb: KnowledgeBase, topic_id: str, variant: str | None = None) -> str:
    return render_answer(kb.topic(topic_id), variant, kb=kb).text


def sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+|\n+", text) if part.strip()]


def all_answer_texts(kb: KnowledgeBase) -> list[tuple[str, str]]:
    texts = []
    for topic in kb.topics:
        texts.append((topic.id, answer(kb, topic.id)))
        texts += [(f"{topic.id}/{v}", answer(kb, topic.id, v)) for v in topic.variants]
        texts += [(f"{topic.id} for {a}", render_answer(topic, audience=a, kb=kb).text) for a in topic.audiences]
    return texts


def statements_citing(kb: KnowledgeBase, cid: str):
    return [(topic.id, s) for topic in kb.topics for s in topic.statements if cid in s.citations]


# -- 1. 18+ reporting: under 27 since 2026-01-01 (WEB 9.2.1-9.2.2, WVO 2020 8.20) --------------------------------


def test_verzuim_18plus_states_27_and_cites_the_current_articles(kb: KnowledgeBase) -> None:
    topic = kb.topic("verzuim_18plus")
    short = answer(kb, "verzuim_18plus").split("\n")[0]
    assert "jonger dan 27 jaar" in short
    assert "ten minste 4 aaneengesloten weken" in short and "kortere periode" in short
    assert "{melding.age_limit_18plus} jaar" in topic.answer.short  # the text names the parameter, not the number
    current = [s for s in topic.statements if "web:9.2.1" in s.citations]
    assert current and all(s.basis == "law" and "27" in s.text for s in current)
    assert {"web:9.2.1", "web:9.2.2", "wvo:8.20"} <= set(topic.citations)
    assert topic.citations.index("web:9.2.1") < topic.citations.index("web:8.1.8a")


def test_the_old_23_rule_is_only_history_or_a_pages_wording(kb: KnowledgeBase) -> None:
    for where, statement in statements_citing(kb, "web:8.1.8a"):
        assert "31 december 2025" in statement.text, where
    for where, text in all_answer_texts(kb):
        for sentence in sentences(text):
            if re.search(r"\b23 jaar", sentence):
                assert re.search(r"2025|website|DUO", sentence), (where, sentence)
    assert "23" not in answer(kb, "verzuim_18plus").split("\n")[0]


def test_no_text_tells_schools_to_report_18plus_onverwijld(kb: KnowledgeBase) -> None:
    for where, text in all_answer_texts(kb):
        for sentence in sentences(text):
            if "onverwijld" in sentence:
                assert "Inspectie" in sentence and "8.14" in sentence, (where, sentence)


def test_meldplicht_and_voortijdig_schoolverlaten_use_the_current_limit(kb: KnowledgeBase) -> None:
    assert "jonger dan 27 jaar" in answer(kb, "meldplicht_verzuim")
    assert "web:9.2.2" in kb.topic("meldplicht_verzuim").citations
    vsv = answer(kb, "voortijdig_schoolverlaten")
    assert "jonger dan 27 jaar" in vsv and "tot 23 jaar" not in kb.topic("voortijdig_schoolverlaten").answer.short
    assert "27 jaar" in answer(kb, "kwalificatieplicht")


def test_the_hengelo_contact_note_quotes_23_as_the_pages_wording(kb: KnowledgeBase) -> None:
    contact = next(c for c in kb.region("Hengelo").contacts if c.kind == "doorstroompunt")
    assert "page's wording" in (contact.note or "") and "27" in (contact.note or "")
    assert "27" in (kb.source("src:hengelo-leerplicht").uncertain or "")


# -- 2. Startkwalificatie: Lpw art. 1 onder f, WEB 7.2.2 lid 1 onder b-e; entree is not one -------------------------


def test_the_statutes_hold_the_definition(kb: KnowledgeBase) -> None:
    definition = 'f. "startkwalificatie": een diploma van een opleiding als bedoeld in artikel 7.2.2, eerste lid'
    assert f"{definition} onder b tot en met e" in kb.article("lpw:1").text
    assert "a. de entreeopleiding" in kb.article("web:7.2.2").text


@pytest.mark.parametrize("topic_id", ["kwalificatieplicht", "voortijdig_schoolverlaten", "leerplicht_leeftijd"])
def test_startkwalificatie_statements_cite_lpw_1_and_web_7_2_2(kb: KnowledgeBase, topic_id: str) -> None:
    defining = [s for s in kb.topic(topic_id).statements if "startkwalificatie" in s.text and "7.2.2" in s.text]
    assert defining, topic_id
    assert all(s.basis == "law" and {"lpw:1", "web:7.2.2"} <= set(s.citations) for s in defining)


def test_an_entree_diploma_is_no_startkwalificatie(kb: KnowledgeBase) -> None:
    text = answer(kb, "kwalificatieplicht")
    assert "entreeopleiding (mbo niveau 1) ook niet" in text
    assert "artikel 1 onder f" in text and "artikel 7.2.2" in text
    statements = kb.topic("kwalificatieplicht").statements
    assert any("entree" in s.text and "geen startkwalificatie" in s.text for s in statements)


# -- 3. Schorsing: not to DUO, but to the Inspectie above one day (WVO 2020 8.14); verwijdering (8.15) --------------


def test_schorsing_mentions_the_inspectie_and_cites_wvo_8_14_and_8_15(kb: KnowledgeBase) -> None:
    topic = kb.topic("schorsing")
    text = answer(kb, "schorsing")
    assert "ten hoogste één week" in text
    assert "langer dan één dag" in text and "Inspectie van het Onderwijs" in text
    assert {"wvo:8.14", "wvo:8.15"} <= set(topic.citations)
    inspectie = [s for s in topic.statements if "inspectie" in s.text and "één dag" in s.text]
    assert inspectie and inspectie[0].basis == "law" and inspectie[0].citations == ("wvo:8.14",)
    verwijdering = [s for s in topic.statements if "wvo:8.15" in s.citations]
    assert any("bereid is hem toe te laten" in s.text and "overlegd" in s.text for s in verwijdering)
    assert "voortgezet onderwijs" in text and "basisschool of het mbo" in text


def test_not_reporting_a_schorsing_is_only_said_of_duo(kb: KnowledgeBase) -> None:
    for where, text in all_answer_texts(kb):
        for sentence in sentences(text):
            if re.search(r"schorsing", sentence, re.I) and re.search(r"\bniet\b", sentence) and "meld" in sentence:
                assert "DUO" in sentence, (where, sentence)
    assert "Inspectie" in answer(kb, "meldplicht_verzuim")


# -- 4. Bezwaar goes to whoever decided -----------------------------------------------------------------------------


def test_bezwaar_names_the_leerplichtambtenaar_above_10_days(kb: KnowledgeBase) -> None:
    text = answer(kb, "bezwaar")
    assert "leerplichtambtenaar van uw woongemeente zelf" in text
    assert "Dan stuurt u het bezwaar naar die leerplichtambtenaar" in text
    assert "namens het college" not in text
    college = [s for s in sentences(text) if "college van burgemeester en wethouders" in s]
    assert college and all(re.search(r"artikel 3a|artikel 15", s) for s in college)
    who = [s for s in kb.topic("bezwaar").statements if "zelf" in s.text]
    assert who and who[0].basis == "law" and "lpw:14" in who[0].citations
    college_statement = next(s for s in kb.topic("bezwaar").statements if "college" in s.text)
    assert set(college_statement.citations) == {"lpw:3a", "lpw:3b", "lpw:15"}


def test_the_college_decides_only_in_3a_3b_and_15(kb: KnowledgeBase) -> None:
    for cid in ("lpw:3a", "lpw:3b", "lpw:15"):
        assert "college" in kb.article(cid).text, cid
    assert "besluit de ambtenaar van de woongemeente van de jongere" in kb.article("lpw:14").text


@pytest.mark.parametrize("topic_id", ["verlof_vakantie", "verlof_gewichtige_omstandigheden", "leerplichtambtenaar"])
def test_leave_topics_send_bezwaar_to_who_decided(kb: KnowledgeBase, topic_id: str) -> None:
    text = answer(kb, topic_id)
    assert re.search(r"bezwaar (maken )?bij (de directeur|die leerplichtambtenaar|wie besliste)", text), topic_id
    assert "namens het college" not in text


# -- 5. Newcomers: 3 months is guidance for asylum-seeker children -------------------------------------------------


def test_nieuwkomers_distinguishes_asylum_seekers(kb: KnowledgeBase) -> None:
    text = answer(kb, "nieuwkomers")
    three_months = [line for line in text.splitlines() if "3 maanden" in line]  # one bullet (step or detail) a line
    assert len(three_months) == 2
    for line in three_months:
        assert "asielzoeker" in line, line
    assert "vanaf de dag dat u hier woont" in text and "geen wachttijd" in text
    guidance = [s for s in kb.topic("nieuwkomers").statements if "3" in s.text and "maanden" in s.text]
    assert all(s.basis == "guidance" and s.citations == ("src:ingrado-vluchtelingen",) for s in guidance)
    assert any("asielzoekers" in fact for fact in kb.source("src:ingrado-vluchtelingen").facts)


# -- 6. Regional practice is named by its municipality ---------------------------------------------------------------


def test_every_regional_statement_names_where_it_applies(kb: KnowledgeBase) -> None:
    unnamed = [
        (t.id, s.text[:60])
        for t in kb.topics
        for s in t.statements
        if s.basis == "regional" and not any(name in s.text for name in TWENTE_NAMES)
    ]
    assert unnamed == []


def test_losser_oldenzaal_dinkelland_are_told_as_the_source_says(kb: KnowledgeBase) -> None:
    text = answer(kb, "leerplichtambtenaar")
    losser = next(s for s in sentences(text) if "Losser" in s)
    assert "handhaven" in losser and "2016" in losser
    assert "staat niet in dat bericht" in text
    for town in ("Losser", "Oldenzaal", "Dinkelland"):
        assert "art. 14 lid 3" in (kb.region(town).uncertain or ""), town
        assert "handhav" in (kb.region(town).note or ""), town
    for where, text in all_answer_texts(kb):
        for sentence in sentences(text):
            if re.search(r"Losser|Oldenzaal|Dinkelland", sentence):
                assert not re.search(r"\bbeslist\b|\bbeslissen\b", sentence) or "niet" in sentence, (where, sentence)


def test_leave_above_10_days_for_losser_is_not_told_as_decided_by_enschede() -> None:
    """Finding 7 in the leave check: art. 14 lid 3 gives the decision to the officer of the woongemeente; that
    Enschede's officers decide for Losser is not in the sources (only that they 'handhaven' there)."""
    from assistant.rules.verlof import VerlofFacts, evaluate_verlof

    facts = VerlofFacts(
        kind="gewichtige_omstandigheid",
        category="ernstige_ziekte",
        start_date=date(2026, 11, 2),
        end_date=date(2026, 11, 16),
        municipality="Losser",
        requested_on=date(2026, 6, 1),
    )
    message = translate(evaluate_verlof(facts, on=date(2026, 6, 1)).problem("needs_officer").message, "nl")
    assert "Losser" in message
    assert "is dat de leerplichtambtenaar van de gemeente Enschede" not in message
    assert "de leerplichtambtenaar van de gemeente waar uw kind woont: Losser" in message
    assert "handhaven de leerplicht ook in Losser" in message


def test_leave_above_10_days_for_borne_names_hengelos_officer() -> None:
    """Borne's leerplicht is run by Hengelo without doubt in the sources: the rule says so plainly."""
    from assistant.rules.verlof import VerlofFacts, evaluate_verlof

    facts = VerlofFacts(
        kind="gewichtige_omstandigheid",
        category="ernstige_ziekte",
        start_date=date(2026, 11, 2),
        end_date=date(2026, 11, 16),
        municipality="Borne",
        requested_on=date(2026, 6, 1),
    )
    message = translate(evaluate_verlof(facts, on=date(2026, 6, 1)).problem("needs_officer").message, "nl")
    assert "Voor Borne is dat de leerplichtambtenaar van de gemeente Hengelo" in message


def test_a_submitted_request_above_10_days_from_losser_names_the_home_municipality() -> None:
    from types import SimpleNamespace

    from assistant.verlof_requests.form import submitted_text

    request = SimpleNamespace(
        decided_by="leerplichtambtenaar",
        reference="VL-TEST",
        municipality="Enschede",
        home_municipality="Losser",
        start_date=date(2026, 11, 2),
        school_id=None,
        school_name="De Esch",
    )
    text = submitted_text(request)
    assert "beslist de leerplichtambtenaar van de gemeente Losser" in text
    assert "gemeente Enschede" not in text
    borne = SimpleNamespace(**{**vars(request), "municipality": "Hengelo", "home_municipality": "Borne"})
    assert "beslist de leerplichtambtenaar van de gemeente Hengelo" in submitted_text(borne)


def test_overig_verzuim_is_a_hengelo_borne_request(kb: KnowledgeBase) -> None:
    agreement = next(a for a in kb.agreements if a.id == "overig-verzuim-melden")
    assert agreement.applies_to == ("Hengelo", "Borne")
    assert "geen regel voor heel Twente" in agreement.text
    text = answer(kb, "meldplicht_verzuim")
    assert "In Hengelo en Borne vraagt leerplicht scholen" in text
    assert "In Twente is afgesproken" not in text
    regional = [s for s in kb.topic("meldplicht_verzuim").statements if s.basis == "regional"]
    assert regional and all("Hengelo en Borne" in s.text for s in regional)


def test_the_5b_yearly_investigation_is_enschedes_practice(kb: KnowledgeBase) -> None:
    agreement = next(a for a in kb.agreements if a.id == "vrijstelling-5b-jaarlijks-onderzoek")
    assert agreement.applies_to == ("Enschede",) and "In Enschede" in agreement.text
    text = answer(kb, "vrijstelling_5")
    assert "In Enschede onderzoekt leerplicht" in text and "In Twente" not in text


# -- 7. Guidance is not law -----------------------------------------------------------------------------------------


def test_law_statements_are_not_practice(kb: KnowledgeBase) -> None:
    practice_words = re.compile(r"\bin de praktijk\b|\brichtlijn|\bvolgens\b|\bcarnaval\b", re.IGNORECASE)
    practice = [
        (t.id, s.text[:60])
        for t in kb.topics
        for s in t.statements
        if s.basis == "law" and practice_words.search(s.text)
    ]
    assert practice == []


def test_starting_school_at_4_is_guidance_only(kb: KnowledgeBase) -> None:
    for topic in kb.topics:
        for statement in topic.statements:
            if re.search(r"\b4 jaar\b", statement.text):
                assert statement.basis != "law", (topic.id, statement.text)
    for topic_id in ("leerplicht_leeftijd", "nieuwkomers"):
        practice = next(s for s in sentences(answer(kb, topic_id)) if "4 jaar" in s)
        assert practice.startswith("In de praktijk"), (topic_id, practice)


def test_the_8_year_rule_is_in_the_leerplicht_end_answer(kb: KnowledgeBase) -> None:
    text = answer(kb, "leerplicht_leeftijd")
    assert "minder dan 8 schooljaren" in text and "artikel 3 lid 2" in text
    rule = [s for s in kb.topic("leerplicht_leeftijd").statements if "acht schooljaren" in s.text]
    assert rule and rule[0].basis == "law" and rule[0].citations == ("lpw:3",)
    assert "in minder dan acht schooljaren heeft doorlopen" in kb.article("lpw:3").text


def test_carnaval_is_not_claimed_without_a_source(kb: KnowledgeBase) -> None:
    for where, text in all_answer_texts(kb):
        assert "carnaval" not in text.lower(), where


# -- 8/9. Validation and the changelog -------------------------------------------------------------------------------


def test_the_knowledge_reports_no_problems() -> None:
    assert load_knowledge(strict=False).problems == []


def test_every_change_of_a_parameter_is_in_the_changelog(kb: KnowledgeBase) -> None:
    changelog = (DEFAULT_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert kb.parameters is not None
    for name, definition in kb.parameters.items():
        for version in definition.versions[1:]:
            assert version.valid_from.isoformat() in changelog, name
    assert "WEB 9.2.1–9.2.2 (under 27)" in changelog and "knowledge/parameters/README.md" in changelog
    assert "### 2026-12-06" in changelog


def test_every_topic_was_checked_in_this_review(kb: KnowledgeBase) -> None:
    assert all(topic.last_verified >= date(2026, 12, 6) for topic in kb.topics)
