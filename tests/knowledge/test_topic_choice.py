"""Which topic answers a message: the classifier's ranking and the retrieval (assistant/knowledge/topic_choice.py)."""

from __future__ import annotations

from assistant.knowledge.topic_choice import (
    UNSURE_CONFIDENCE,
    agreed_topic,
    classifier_guesses,
    plausible_guesses,
    surer_topic,
)

JOM_KIPOER = "Mijn dochter blijft thuis met Jom Kipoer, moet ik dat aan de school laten weten?"


def _ranking(*pairs: tuple[str, float]) -> list[dict[str, object]]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def test_the_guesses_are_the_topic_intents_that_hold_a_fair_share_of_the_topic_confidence():
    ranking = _ranking(
        ("nlu_fallback", 0.45),
        ("inform", 0.40),  # a form answer: no topic
        ("ask_verlof_vakantie", 0.10),
        ("ask_luxe_verzuim", 0.06),
        ("ask_bezwaar", 0.01),  # under a quarter of the topics' confidence
    )
    assert classifier_guesses(ranking) == ["verlof_vakantie", "luxe_verzuim"]
    assert plausible_guesses(ranking) == []  # none reaches the confidence to be offered on its own
    assert plausible_guesses(_ranking(("ask_ziekte", 0.3), ("ask_bezwaar", 0.25))) == ["ziekte", "bezwaar"]


def test_the_classifier_and_the_retrieval_agree_on_a_topic_or_give_none():
    ranking = _ranking(("nlu_fallback", 0.45), ("ask_religieuze_feestdag", 0.3), ("ask_verlof_vakantie", 0.2))
    agreed = agreed_topic(JOM_KIPOER, ranking)
    assert agreed is not None and agreed.id == "religieuze_feestdag"
    assert agreed_topic(JOM_KIPOER, _ranking(("ask_bezwaar", 0.4))) is None  # the retrieval does not find bezwaar
    assert agreed_topic("/ask_bezwaar", ranking) is None  # a button is no text to search


def test_a_decisive_retrieval_beats_an_unsure_classifier_but_not_a_sure_one():
    assert surer_topic(JOM_KIPOER, "verlof_vakantie", 0.62) == "religieuze_feestdag"
    assert surer_topic(JOM_KIPOER, "verlof_vakantie", UNSURE_CONFIDENCE) == "verlof_vakantie"
    # no decisive retrieval: the classifier's pick stays
    assert surer_topic("mag ik eerder op vakantie", "verlof_vakantie", 0.5) == "verlof_vakantie"
    assert surer_topic("/ask_verlof_vakantie", "verlof_vakantie", 0.1) == "verlof_vakantie"


def test_the_retrieval_s_topic_among_the_classifier_s_first_three_is_agreement_too():
    """A question in words of its own: the classifier spreads its confidence, the retrieval finds one topic."""
    ranking = _ranking(
        ("nlu_fallback", 0.45),
        ("ask_verlof_vakantie", 0.30),
        ("ask_bezwaar", 0.20),
        ("ask_religieuze_feestdag", 0.06),  # third, under a quarter of the topics' confidence
    )
    agreed = agreed_topic(JOM_KIPOER, ranking)
    assert agreed is not None and agreed.id == "religieuze_feestdag"
    faint = _ranking(("nlu_fallback", 0.45), ("ask_verlof_vakantie", 0.5), ("ask_religieuze_feestdag", 0.04))
    assert agreed_topic(JOM_KIPOER, faint) is None  # too faint a guess
