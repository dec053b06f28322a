"""Content a leerplichtambtenaar found missing: what follows a bezwaar (hoorzitting, beroep, voorlopige voorziening),
the penalty path of luxe verzuim, and how a vrijstelling under art. 5 (thuisonderwijs) works. Each point is a detail
sentence that stands alone, backed by a statement with its basis and citations; the Awb articles it rests on are
quoted word for word from the RegelRecht mirror's consolidation valid from 2026-07-01."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.knowledge import KnowledgeBase, load_knowledge
from assistant.knowledge.models import Topic
from assistant.knowledge.placeholders import render

AWB_MIRROR_EXCERPTS = Path(__file__).parent / "fixtures" / "awb-regelrecht-2026-07-01.md"
MIRROR_COMMIT = "1980e54b015b099c5fd191537c2eb7c0a79afa72"
NEW_AWB_ARTICLES = ("awb:6:5", "awb:6:16", "awb:7:2", "awb:7:3", "awb:8:1", "awb:8:6", "awb:8:81")


@pytest.fixture(scope="module")
def real_kb() -> KnowledgeBase:
    return load_knowledge(strict=False)


def _statement(topic: Topic, *words: str):
    found = [s for s in topic.statements if all(w.lower() in s.text.lower() for w in words)]
    assert found, (topic.id, words)
    return found[0]


def _detail(topic: Topic, *words: str) -> str:
    passages = (*topic.answer.steps, *topic.answer.details)  # a step or a detail
    found = [d for d in passages if all(w.lower() in d.lower() for w in words)]
    assert len(found) == 1, (topic.id, words, found)
    return found[0]


def _assert_backed(topic: Topic, words: tuple[str, ...], basis: str, citations: set[str]) -> None:
    statement = _statement(topic, *words)
    assert statement.basis == basis, (topic.id, words)
    assert citations <= set(statement.citations), (topic.id, words, statement.citations)
    assert citations <= set(topic.citations), (topic.id, citations)


def test_the_knowledge_with_the_additions_validates(real_kb: KnowledgeBase) -> None:
    assert real_kb.problems == []


@pytest.mark.parametrize(
    ("detail_words", "statement_words", "citations"),
    [
        (("Na uw bezwaar", "hoorzitting"), ("gelegenheid te worden", "gehoord"), {"awb:7:2"}),
        (("hoorzitting", "vervallen"), ("afgezien",), {"awb:7:3"}),
        (("Tegen de beslissing op bezwaar", "rechtbank", "{bezwaar.objection_weeks}"), ("rechtbank", "zes weken"),
         {"awb:8:1", "awb:8:6", "awb:6:7"}),
        (("voorzieningenrechter", "voorlopige voorziening"), ("voorzieningenrechter", "onverwijlde spoed"),
         {"awb:8:81"}),
    ],
)  # fmt: skip
def test_bezwaar_says_what_follows_the_bezwaar(
    real_kb: KnowledgeBase, detail_words: tuple[str, ...], statement_words: tuple[str, ...], citations: set[str]
) -> None:
    topic = real_kb.topic("bezwaar")
    _detail(topic, *detail_words)
    _assert_backed(topic, statement_words, "law", citations)
    # the decision on the bezwaar (art. 7:10) is still there
    _detail(topic, "beslissing op bezwaar komt binnen", "{bezwaar.decision_weeks}")


def test_bezwaar_says_what_a_bezwaarschrift_contains_and_that_it_does_not_suspend(real_kb: KnowledgeBase) -> None:
    topic = real_kb.topic("bezwaar")
    _detail(topic, "naam en adres", "de datum", "over welk besluit", "Onderteken", "artikel 6:5")
    _assert_backed(topic, ("ondertekend", "gronden van het bezwaar"), "law", {"awb:6:5"})
    _detail(topic, "schorst het besluit niet", "artikel 6:16", "ongeoorloofd verzuim", "voorlopige voorziening")
    _assert_backed(topic, ("schorst niet de werking",), "law", {"awb:6:16", "lpw:13a", "lpw:14"})
    assert "schorst niet de werking van het besluit" in real_kb.article("awb:6:16").text
    assert "d. de gronden van het bezwaar of beroep." in real_kb.article("awb:6:5").text


def test_ziekte_splits_the_law_on_a_doctors_note_from_the_schools_and_regional_practice(real_kb: KnowledgeBase):
    topic = real_kb.topic("ziekte")
    _detail(topic, "vraagt geen doktersverklaring", "bij de directeur is genoeg", "artikel 12", "schoolgids")
    _assert_backed(topic, ("doktersverklaring staat niet in de wet",), "law", {"lpw:12"})
    _assert_backed(topic, ("afspraken over ziekmeldingen", "jeugdarts"), "regional", {"src:triangel-schoolverzuim"})
    _detail(topic, "begin van langdurig wegblijven", "Hengelo en Borne", "jeugdartsen")
    _assert_backed(topic, ("dikwijls bij ziekteverzuim",), "regional", {"src:hengelo-jaarverslag-leerplicht-2024-2025"})
    facts = real_kb.source("src:hengelo-jaarverslag-leerplicht-2024-2025").facts
    assert any("Langdurige schoolafwezigheid begint dikwijls bij ziekteverzuim" in fact for fact in facts)


def test_luxe_verzuim_gives_the_penalty_path(real_kb: KnowledgeBase) -> None:
    topic = real_kb.topic("luxe_verzuim")
    _detail(topic, "Ongeoorloofd schoolverzuim is strafbaar voor ouders", "artikel 2", "artikel 26")
    _assert_backed(topic, ("niet zorgen", "hechtenis"), "law", {"lpw:2", "lpw:26"})
    _detail(topic, "Voor ouders noemt de wet", "{leerplicht.hechtenis_max_months:words}", "tweede categorie")
    _detail(topic, "{leerplicht.own_obligation_age}", "zelf ook worden gestraft", "Halt")
    _assert_backed(topic, ("zelf worden gestraft",), "law", {"lpw:26"})
    _assert_backed(topic, ("Volgens Halt", "niet eerder"), "guidance", {"src:halt"})
    _detail(topic, "richtlijn van het Openbaar Ministerie", "{richtlijn.om_warning_max_school_days}", "waarschuwing")
    _assert_backed(topic, ("OM-richtlijn", "waarschuwing"), "guidance", {"src:om-richtlijn-schoolverzuim-2017"})
    _detail(topic, "Na een proces-verbaal", "officier van justitie", "In de praktijk", "strafbeschikking", "verzet")
    _assert_backed(topic, ("officier van justitie", "strafbeschikking"), "guidance",
                   {"lpw:22", "src:akbzh-schoolverzuim"})  # fmt: skip


def test_vrijstelling_5_explains_thuisonderwijs_the_melding_and_5a(real_kb: KnowledgeBase) -> None:
    topic = real_kb.topic("vrijstelling_5")
    _detail(topic, "Thuisonderwijs kan alleen met een vrijstelling", "5 onder b", "5 onder a")
    _assert_backed(topic, ("thuisonderwijs", "vrijstelling"), "law", {"lpw:2", "lpw:5"})
    _detail(topic, "geen toestemming", "college van burgemeester en wethouders", "6 tot en met 9")
    _assert_backed(topic, ("kennis hebben gegeven", "besluit"), "law", {"lpw:5", "lpw:6"})
    _detail(topic, "{leerplicht.vrijstelling_notice_months:words}", "vóór 1 juli", "artikel 6")
    _detail(topic, "5 onder a", "aangewezen", "behandelend arts", "{leerplicht.vrijstelling_statement_max_age_months}")
    _assert_backed(topic, ("aangewezen arts", "niet de behandelend"), "law", {"lpw:7"})
    _detail(topic, "trekkend bestaan", "artikel 5a")
    _assert_backed(topic, ("trekkend bestaan",), "law", {"lpw:5a"})
    assert "vrijstelling_5a" in topic.related


@pytest.mark.parametrize("topic_id", ["bezwaar", "luxe_verzuim", "vrijstelling_5", "ziekte"])
def test_every_detail_renders_on_the_review_day(real_kb: KnowledgeBase, topic_id: str) -> None:
    for text in (*real_kb.topic(topic_id).answer.steps, *real_kb.topic(topic_id).answer.details):
        assert "{" not in render(text, date(2026, 12, 6)), text


def _mirror_sections() -> dict[str, str]:
    text = AWB_MIRROR_EXCERPTS.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^## ([0-9a-z:]+)\n", text)[1:]
    sections = dict(zip(parts[::2], parts[1::2], strict=True))
    return {number: _normalise(re.sub(r"\[([^\]]+)\]\[ref\d+\]", r"\1", body)) for number, body in sections.items()}


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("cid", NEW_AWB_ARTICLES)
def test_new_awb_articles_are_word_for_word_the_mirror_text(fixture_kb: KnowledgeBase, cid: str) -> None:
    article = fixture_kb.article(cid)
    assert article.fidelity == "verbatim"
    assert article.url == f"https://wetten.overheid.nl/BWBR0005537/2026-07-01#Artikel{article.number}"
    assert MIRROR_COMMIT in (article.notes or "")
    section = _mirror_sections()[article.number]
    assert _normalise(article.text) in section, cid


def test_the_awb_excerpts_say_what_the_answers_rely_on(fixture_kb: KnowledgeBase) -> None:
    assert "stelt het belanghebbenden in de gelegenheid te worden gehoord" in fixture_kb.article("awb:7:2").text
    assert "het bezwaar kennelijk ongegrond is" in fixture_kb.article("awb:7:3").text
    assert "Het beroep kan worden ingesteld bij de rechtbank" in fixture_kb.article("awb:8:6").text
    assert fixture_kb.article("awb:8:6").excerpt == "lid 1"
    voorziening = fixture_kb.article("awb:8:81")
    assert "voorafgaand aan een mogelijk beroep bij de bestuursrechter, bezwaar is gemaakt" in voorziening.text
    assert "indien onverwijlde spoed, gelet op de betrokken belangen, dat vereist" in voorziening.text


@pytest.mark.parametrize(
    ("question", "topic_id"),
    [
        ("Wat gebeurt er na mijn bezwaar? Komt er een hoorzitting?", "bezwaar"),
        ("We vertrekken volgende week en het bezwaar loopt nog, kan ik naar de rechter?", "bezwaar"),
        ("Wie beslist over een vrijstelling voor thuisonderwijs?", "vrijstelling_5"),
        ("Is ongeoorloofd verzuim strafbaar voor ouders?", "luxe_verzuim"),
    ],
)  # fmt: skip
def test_questions_about_the_new_points_find_their_topic(real_kb: KnowledgeBase, question: str, topic_id: str) -> None:
    from assistant.knowledge import search

    assert [topic.id for topic, _score in search(question, kb=real_kb)][:1] == [topic_id]
