"""Retrieval fallback: Dutch normalisation and BM25 over the topics."""

from __future__ import annotations

import pytest

from assistant.folding import fold
from assistant.knowledge import KnowledgeBase, search
from assistant.knowledge.dutch_text import terms


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


@pytest.mark.parametrize(
    ("question", "topic_id"),
    [
        ("mijn kind is ziekk, hoe afmelde?", "ziekte"),
        ("wij willen op wereldreiss met de kindren", "verhuizen_buitenland"),
    ],
)  # fmt: skip
def test_a_typo_does_not_push_a_question_out_of_its_topic(
    monkeypatch: pytest.MonkeyPatch, question: str, topic_id: str
) -> None:
    from assistant.knowledge import retrieval

    hits = search(question)
    assert hits and hits[0][0].id == topic_id, question
    monkeypatch.setattr(retrieval, "MIN_TYPO_WORD", 99)  # without the typo correction
    assert [topic.id for topic, _score in search(question)][:1] != [topic_id]


def test_only_unknown_words_that_are_a_typo_of_an_index_term_are_corrected() -> None:
    from assistant.knowledge import get_knowledge_base
    from assistant.knowledge.retrieval import topic_index

    index = topic_index(get_knowledge_base())
    assert index.corrected("horica") == "horeca"  # one wrong letter
    assert index.corrected("ziekk") == "ziek"  # one letter too many
    assert index.corrected("vakantie") == "vakantie"  # known words stay
    assert index.corrected("wintersportvakantie") == "wintersportvakantie"  # a compound of known words stays
    assert index.corrected("fiets") == "fiets"  # no index term close enough
    assert index.corrected("ziek") == "ziek" and index.corrected("abc") == "abc"  # short words are never guessed
