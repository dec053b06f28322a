"""A topic's text for school staff (`audiences: {school: …}`): loaded and validated like the answer (citations resolve,
a statute comes first, every citation backs a statement, every number rests on what the text cites and legal numbers
are placeholders), rendered instead of the parents' answer with its own citations, extracted for translation; and the
real school texts: short, addressed to the school, law first, translated into every language."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.i18n import SUPPORTED_LANGUAGES
from assistant.i18n.extract import topic_messages
from assistant.knowledge import KnowledgeBase, KnowledgeError, load_knowledge, render_answer
from assistant.knowledge.loader import DEFAULT_ROOT
from assistant.knowledge.placeholders import render

DAY = date(2026, 12, 7)
MAX_SHORT_CHARS = 530
SCHOOL_TEXT_TOPICS = (
    "luxe_verzuim",
    "absoluut_verzuim",
    "in_uitschrijving",
    "bezwaar",
    "vrijstelling_5",
    "vrijstelling_5a",
    "vrijstelling_15",
    "passend_onderwijs",
    "ziekte",
    "verhuizen_buitenland",
    "nieuwkomers",
    "thuiszitters",
)
PARENT_WORDS = re.compile(r"\buw kind|\bals ouder\b|\bmijn kind|\buw zoon|\buw dochter|\bU moet uw", re.IGNORECASE)

SCHOOL = {
    "short": "Een ziekmelding hoeft u niet bij DUO te melden (artikel 12 Leerplichtwet).",
    "steps": ["Praat met de leerling en de ouders."],
    "details": ["Twijfelt u? Overleg met de leerplichtambtenaar."],
    "citations": ["lpw:12"],
}


def _write_topic(root: Path, **changes: object) -> None:
    topic = {
        "id": "ziekte",
        "title": "Ziek melden",
        "last_verified": "2026-11-20",
        "answer": {
            "short": "Meld uw kind ziek bij de school, binnen twee dagen.",
            "steps": ["Bel de school."],
            "details": ["Volg de schoolgids."],
        },
        "statements": [{"text": "Meld ziekte binnen twee dagen.", "basis": "law", "citations": ["lpw:12"]}],
        "citations": ["lpw:12"],
        "audiences": {"school": SCHOOL},
    }
    topic.update(changes)
    (root / "topics" / "ziekte.yml").write_text(yaml.safe_dump(topic, allow_unicode=True), encoding="utf-8")


def _problems(root: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(root)
    return caught.value.problems


# -- loading and validation -------------------------------------------------------------------------------------------


def test_a_school_text_loads_and_is_found_for_school_staff_only(fixture_root: Path) -> None:
    _write_topic(fixture_root)
    topic = load_knowledge(fixture_root).topic("ziekte")
    school = topic.audience_text("school")
    assert school is not None and school.short == SCHOOL["short"] and school.citations == ("lpw:12",)
    assert topic.audience_text("parent") is None and topic.audience_text(None) is None


def test_an_unknown_audience_is_refused(fixture_root: Path) -> None:
    _write_topic(fixture_root, audiences={"jongere": SCHOOL})
    assert any(problem.startswith("topics/ziekte.yml: audiences.jongere") for problem in _problems(fixture_root))


def test_a_school_text_needs_a_short_answer_and_citations(fixture_root: Path) -> None:
    _write_topic(fixture_root, audiences={"school": {"steps": ["Bel de ouders."]}})
    problems = _problems(fixture_root)
    assert "topics/ziekte.yml: audiences.school.short: Field required" in problems
    assert "topics/ziekte.yml: audiences.school.citations: Field required" in problems


def test_a_school_texts_citations_resolve_name_a_statute_and_back_statements(fixture_root: Path) -> None:
    school = {**SCHOOL, "citations": ["src:fixture-verlofrichtlijn", "src:nergens"]}
    _write_topic(fixture_root, audiences={"school": school})
    assert sorted(_problems(fixture_root)) == [
        "topics/ziekte.yml: audience school: cites no statute article",
        "topics/ziekte.yml: audience school: cites src:fixture-verlofrichtlijn, which no statement of the topic cites",
        "topics/ziekte.yml: audience school: cites src:nergens, which no statement of the topic cites",
        "topics/ziekte.yml: unknown citation id src:nergens",
    ]


def test_a_statement_may_rest_on_a_citation_only_the_school_text_shows(fixture_root: Path) -> None:
    statements = [
        {"text": "Meld ziekte binnen twee dagen.", "basis": "law", "citations": ["lpw:12"]},
        {"text": "De ouders melden de ziekte.", "basis": "law", "citations": ["lpw:13b"]},
    ]
    _write_topic(fixture_root, statements=statements, audiences={"school": {**SCHOOL, "citations": ["lpw:13b"]}})
    assert load_knowledge(fixture_root).topic("ziekte").audience_text("school") is not None


def test_a_number_in_a_school_text_rests_on_its_own_citations(fixture_root: Path) -> None:
    school = {**SCHOOL, "short": "Meld het binnen 3 dagen bij DUO (artikel 12)."}
    _write_topic(fixture_root, audiences={"school": school})
    (problem,) = _problems(fixture_root)
    assert problem.startswith("topics/ziekte.yml: audience school: states '3 day' but none of lpw:12 does")


def test_a_statement_backing_a_text_the_topic_lacks_is_refused(fixture_root: Path) -> None:
    statements = [
        {"text": "Meld ziekte binnen twee dagen.", "basis": "law", "citations": ["lpw:12"]},
        {"text": "De school meldt ziekte niet.", "basis": "law", "citations": ["lpw:12"], "audience": "school"},
    ]
    _write_topic(fixture_root, statements=statements, audiences={})
    assert _problems(fixture_root) == [
        "topics/ziekte.yml: statement 2: backs the text for school, which the topic does not have"
    ]
    _write_topic(fixture_root, statements=statements)
    assert load_knowledge(fixture_root).topic("ziekte").statements[1].audience == "school"


@pytest.fixture
def real_root(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_ROOT, root)
    return root


def _change_school_short(root: Path, topic_id: str, short: str) -> None:
    path = root / "topics" / f"{topic_id}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["audiences"]["school"]["short"] = short
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_legal_number_in_a_school_text_is_a_placeholder(real_root: Path) -> None:
    _change_school_short(real_root, "ziekte", "De ouders melden de ziekte binnen 2 dagen (artikel 12 Leerplichtwet).")
    (problem,) = _problems(real_root)
    assert problem.startswith("topics/ziekte.yml: audience school: writes '2 day' literally")
    assert "{leerplicht.ziekte_report_days}" in problem


def test_a_placeholder_in_a_school_text_rests_on_what_it_cites(real_root: Path) -> None:
    _change_school_short(real_root, "ziekte", "Bezwaar kan binnen {bezwaar.objection_weeks} weken (artikel 11).")
    (problem,) = _problems(real_root)
    assert problem.startswith(
        "topics/ziekte.yml: audience school: {bezwaar.objection_weeks} rests on sources the answer does not cite"
    )


# -- rendering and extraction ------------------------------------------------------------------------------------------


def test_the_school_text_replaces_the_whole_answer_with_its_own_citations(fixture_root: Path) -> None:
    _write_topic(fixture_root, citations=["lpw:12", "lpw:13b"])
    kb = load_knowledge(fixture_root)
    topic = kb.topic("ziekte")
    school = render_answer(topic, audience="school", kb=kb, on=DAY)
    assert school.audience == "school"
    assert school.short == SCHOOL["short"]
    assert "Praat met de leerling en de ouders." in school.more and "Overleg met de leerplichtambtenaar" in school.more
    assert "Bel de school." not in school.text and "Volg de schoolgids." not in school.text
    assert "uw kind" not in school.text
    assert [citation.ref for citation in school.citations] == ["Leerplichtwet 1969, artikel 12"]
    general = render_answer(topic, kb=kb, on=DAY)
    assert general.audience is None and general.short.startswith("Meld uw kind ziek")
    assert len(general.citations) == 2


def test_an_audience_without_a_text_gets_the_general_answer(fixture_kb: KnowledgeBase) -> None:
    topic = fixture_kb.topic("verlof_vakantie")
    for audience in ("school", "parent", None):
        answer = render_answer(topic, audience=audience, kb=fixture_kb, on=DAY)
        assert answer.audience is None and answer.text == render_answer(topic, kb=fixture_kb, on=DAY).text


def test_a_variant_does_not_apply_to_the_school_text(fixture_root: Path) -> None:
    _write_topic(fixture_root, variants={"huwelijk": {"short": "Voor een huwelijk: vraag verlof."}})
    kb = load_knowledge(fixture_root)
    school = render_answer(kb.topic("ziekte"), "huwelijk", audience="school", kb=kb, on=DAY)
    assert school.short == SCHOOL["short"] and "huwelijk" not in school.text


def test_inside_a_form_the_school_text_is_brief_too(fixture_root: Path) -> None:
    _write_topic(fixture_root, related=["thuiszitters"])
    kb = load_knowledge(fixture_root)
    brief = render_answer(kb.topic("ziekte"), audience="school", brief=True, kb=kb, on=DAY)
    assert brief.short == SCHOOL["short"] and "Praat met de leerling" not in brief.text and brief.buttons == []
    assert render_answer(kb.topic("ziekte"), audience="school", kb=kb, on=DAY).buttons


def test_the_school_text_and_the_statements_behind_it_are_not_searched(kb: KnowledgeBase) -> None:
    """The retrieval index holds what every asker reads: the general answer and its statements (the school text
    and its statements would shift which topic a question finds)."""
    from assistant.knowledge.retrieval import _topic_text

    topic = kb.topic("luxe_verzuim")
    _title, _keywords, body = _topic_text(topic)
    school_statements = [statement.text for statement in topic.statements if statement.audience == "school"]
    assert school_statements and not any(text in body for text in school_statements)
    assert topic.statements[0].text in body
    school = topic.audience_text("school")
    assert school is not None and school.steps[0] not in body


def test_the_school_texts_are_extracted_for_translation() -> None:
    data = {"id": "ziekte", "title": "Ziek", "answer": {"short": "Algemeen."}, "audiences": {"school": SCHOOL}}
    found = dict(topic_messages(data))
    assert found[SCHOOL["short"]] == "topic ziekte, for school: short"
    assert found[SCHOOL["steps"][0]] == "topic ziekte, for school: steps"
    assert found[SCHOOL["details"][0]] == "topic ziekte, for school: details"


# -- the real school texts ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.mark.parametrize("topic_id", SCHOOL_TEXT_TOPICS)
def test_each_school_text_is_a_short_law_first_answer_to_the_school(kb: KnowledgeBase, topic_id: str) -> None:
    school = kb.topic(topic_id).audience_text("school")
    assert school is not None, topic_id
    short = render(school.short, DAY)
    assert len(short) <= MAX_SHORT_CHARS, (topic_id, len(short))
    assert len(school.steps) <= 4 and len(school.details) <= 5
    assert "artikel" in short and not school.citations[0].startswith("src:")  # the law first, with its article
    for text in school.texts:
        assert not PARENT_WORDS.search(text), (topic_id, text)


@pytest.mark.parametrize("topic_id", SCHOOL_TEXT_TOPICS)
def test_each_school_text_renders_completely_in_every_language(kb: KnowledgeBase, topic_id: str) -> None:
    dutch = render_answer(kb.topic(topic_id), audience="school", kb=kb, on=DAY)
    for language in SUPPORTED_LANGUAGES:
        answer = render_answer(kb.topic(topic_id), audience="school", kb=kb, language=language, on=DAY)
        assert answer.complete and answer.audience == "school", (topic_id, language)
        assert "{" not in answer.text
        assert answer.citations == dutch.citations  # sources stay as published


def test_the_school_texts_say_what_the_graders_missed(kb: KnowledgeBase) -> None:
    """The points of the held-out review (docs/eval/graded.md) that the school texts now give."""

    def text(topic_id: str) -> str:
        return render_answer(kb.topic(topic_id), audience="school", kb=kb, on=DAY).text

    assert "binnen 6 weken na afloop van de bezwaartermijn" in text("bezwaar") and "(artikel 7:2" in text("bezwaar")
    assert "31 juli" in text("in_uitschrijving") and "toezegging van de ouders" in text("in_uitschrijving")
    assert "artikel 10 onder b" in text("vrijstelling_5") and "(artikel 8)" in text("vrijstelling_5")
    assert "samenwerkingsverband" in text("passend_onderwijs")
    assert "internationale schakelklas (ISK)" in text("nieuwkomers") and "geen wachttijd" in text("nieuwkomers")
    assert "hoort de ouders" in text("luxe_verzuim") and "'overig verzuim'" in text("luxe_verzuim")
    assert "jeugdarts" in text("ziekte") and "In Hengelo en Borne" in text("ziekte")
    assert "(artikel 22)" in text("absoluut_verzuim") and "officier van justitie" in text("absoluut_verzuim")
    assert "basisregistratie personen (BRP)" in text("verhuizen_buitenland")
    assert "nog leerplichtig" in text("vrijstelling_15") and "artikel 10 onder c" in text("vrijstelling_15")
