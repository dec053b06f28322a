"""The repository's own knowledge files: they load, validate, and retrieval finds their topics."""

from __future__ import annotations

import pytest

from assistant.knowledge import KnowledgeBase, get_knowledge_base, load_knowledge, search
from assistant.knowledge.ids import TOPIC_IDS


@pytest.fixture(scope="module")
def real_kb() -> KnowledgeBase:
    return load_knowledge(strict=False)


def test_statutes_regions_and_sources_are_valid(real_kb: KnowledgeBase) -> None:
    assert [p for p in real_kb.problems if not p.startswith("topics/")] == []
    assert len(real_kb.articles) >= 45
    assert len(real_kb.municipalities) == 6


def test_every_topic_is_written_and_valid(real_kb: KnowledgeBase) -> None:
    assert real_kb.problems == []
    assert real_kb.missing_topics() == []


def test_strict_load_and_cache(real_kb: KnowledgeBase) -> None:
    if real_kb.problems:
        pytest.skip("the knowledge base has problems (see test_every_topic_is_written_and_valid)")
    assert get_knowledge_base() is get_knowledge_base()
    assert [t.id for t in get_knowledge_base().topics] == [t for t in TOPIC_IDS if real_kb.has_topic(t)]


@pytest.mark.parametrize(
    ("question", "topic_id"),
    [
        ("Mogen we de vrijdag voor de kerstvakantie al vertrekken naar ons vakantiehuis?", "verlof_vakantie"),
        ("Mijn nicht trouwt in Polen, kan mijn zoon daarvoor een paar dagen vrij krijgen?",
         "verlof_gewichtige_omstandigheden"),
        ("De directeur heeft ons verzoek afgewezen, wat kan ik daartegen doen?", "bezwaar"),
        ("Mijn dochter heeft griep, hoe meld ik haar af bij school?", "ziekte"),
        ("Wanneer begint de leerplicht voor mijn dochter die in maart jarig is?", "leerplicht_leeftijd"),
        ("Mijn zoon is 17 en heeft nog geen diploma, moet hij nog naar school?", "kwalificatieplicht"),
        ("Wij vieren het Suikerfeest, mag mijn kind die dag thuisblijven?", "religieuze_feestdag"),
        ("Mijn kleuter is erg moe, mag hij een paar middagen thuisblijven?", "vijfjarigen"),
    ],
)  # fmt: skip
def test_retrieval_finds_real_topics(real_kb: KnowledgeBase, question: str, topic_id: str) -> None:
    if not real_kb.has_topic(topic_id):
        pytest.skip(f"topic {topic_id} is not written yet")
    hits = [topic.id for topic, _score in search(question, kb=real_kb)]
    assert topic_id in hits[:2], (question, hits)


@pytest.mark.parametrize("question", ["Wat is het weer morgen?", "Ik wil een pizza bestellen", "dank je wel"])
def test_retrieval_ignores_unrelated_questions(real_kb: KnowledgeBase, question: str) -> None:
    assert search(question, kb=real_kb) == []


@pytest.mark.parametrize(
    ("language", "question", "topic_id"),
    [
        ("en", "The headteacher refused our request, how can I object?", "bezwaar"),
        ("en", "Can I teach my children at home instead of sending them to school?", "vrijstelling_5"),
        ("ar", "ابنتي مصابة بالإنفلونزا، كيف أخبر المدرسة؟", "ziekte"),
        ("ar", "رفض المدير طلبنا، كيف أعترض على القرار؟", "bezwaar"),
        ("uk", "Моя донька захворіла на грип, як повідомити школу?", "ziekte"),
        ("uk", "Ми щойно приїхали з України, як записати дитину до школи?", "nieuwkomers"),
        ("tr", "Müdür izin talebimizi reddetti, nasıl itiraz ederim?", "bezwaar"),
        ("tr", "Bayramda çocuğum okula gitmeyebilir mi?", "religieuze_feestdag"),
        ("pl", "Dyrektor odrzucił nasz wniosek, jak się odwołać?", "bezwaar"),
        ("pl", "Czy mogę uczyć dzieci w domu zamiast posyłać je do szkoły?", "vrijstelling_5"),
    ],
)  # fmt: skip
def test_retrieval_finds_topics_in_other_languages(
    real_kb: KnowledgeBase, language: str, question: str, topic_id: str
) -> None:
    """Each language has its own index over the reviewed translations and the questions people ask."""
    hits = [topic.id for topic, _score in search(question, kb=real_kb, language=language)]
    assert topic_id in hits[:2], (question, hits)


@pytest.mark.parametrize(
    ("language", "question"),
    [("en", "I want to order a pizza"), ("ar", "أريد طلب بيتزا"), ("uk", "хочу замовити піцу"),
     ("tr", "pizza sipariş etmek istiyorum"), ("pl", "chcę zamówić pizzę"), ("en", "thank you"),
     ("tr", "yarın hava nasıl")],
)  # fmt: skip
def test_retrieval_ignores_unrelated_questions_in_other_languages(
    real_kb: KnowledgeBase, language: str, question: str
) -> None:
    assert search(question, kb=real_kb, language=language) == []


@pytest.mark.parametrize("language", ["nl", "en", "ar", "uk", "tr", "pl"])
def test_the_absence_overview_names_every_ground_of_article_11(real_kb: KnowledgeBase, language: str) -> None:
    """When may a child be absent: all grounds of art. 11 (a to g) and art. 11a, each with its article, and art. 5
    (exemption from enrolment) only as something else; never one ground alone (a grader's finding)."""
    from assistant.knowledge.render import render_answer

    answer = render_answer(real_kb.topic("geoorloofd_verzuim"), kb=real_kb, language=language)
    assert answer.complete
    for ground in "abcdefg":
        assert f"artikel 11 onder {ground}" in answer.text, ground
    for article in ("artikel 11a", "artikel 12", "artikel 13)", "artikel 13a", "artikel 14", "artikel 5"):
        assert article in answer.text, article
    assert answer.citations[0].ref == "Leerplichtwet 1969, artikel 11"
