"""Retrieval fallback: Dutch normalisation and BM25 over the topics."""

from __future__ import annotations

import pytest

from assistant.knowledge import KnowledgeBase, search
from assistant.knowledge.dutch_text import fold, terms


def test_terms_lemmatise_fold_accents_and_drop_stop_words() -> None:
    assert terms("Mogen mijn kinderen vrij van de scholen voor één bruiloft?") == [
        "kind", "vrij", "school", "bruiloft"
    ]  # fmt: skip
    assert terms("Hoeveel weken en dagen?") == ["hoeveel", "week", "dag"]
    assert fold("Geïnformeerd, één") == "geinformeerd, een"


def test_lemmatizer_works_from_the_installed_lookup_tables() -> None:
    assert terms("verlofaanvragen boetes vakanties") == ["verlofaanvraag", "boete", "vakantie"]


@pytest.mark.parametrize(
    ("question", "topic_id"),
    [
        ("Mogen wij in maart een week eerder weg omdat de vliegtickets dan goedkoper zijn?", "verlof_vakantie"),
        ("Ik werk in de toeristensector met seizoenswerk, kan mijn kind later terug van vakantie?",
         "verlof_vakantie"),
        ("Mijn zus gaat trouwen in Marokko, krijgt mijn zoon daarvoor vrij?", "verlof_gewichtige_omstandigheden"),
        ("Opa is overleden, hoeveel dagen mag mijn dochter thuisblijven voor de uitvaart?",
         "verlof_gewichtige_omstandigheden"),
        ("Mijn kind zit al maanden thuis en heeft geen school", "thuiszitters"),
    ],
)  # fmt: skip
def test_paraphrases_find_the_right_topic(fixture_kb: KnowledgeBase, question: str, topic_id: str) -> None:
    hits = search(question, kb=fixture_kb)
    assert hits, question
    assert hits[0][0].id == topic_id
    assert all(score > 0 for _topic, score in hits)


def test_compound_words_match_their_parts(fixture_kb: KnowledgeBase) -> None:
    hits = search("wintersportvakantieverlof", kb=fixture_kb)
    assert [topic.id for topic, _score in hits][:1] == ["verlof_vakantie"]


@pytest.mark.parametrize("question", ["Wat voor weer wordt het morgen?", "hallo", "", "?!"])
def test_unrelated_text_finds_nothing(fixture_kb: KnowledgeBase, question: str) -> None:
    assert search(question, kb=fixture_kb) == []


def test_results_are_sorted_and_limited(fixture_kb: KnowledgeBase) -> None:
    hits = search("verlof vakantie bruiloft thuis school", k=2, kb=fixture_kb)
    assert 1 <= len(hits) <= 2
    scores = [score for _topic, score in hits]
    assert scores == sorted(scores, reverse=True)
