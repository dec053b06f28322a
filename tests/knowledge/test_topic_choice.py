"""Which topic answers a message: the classifier's ranking and the retrieval (assistant/knowledge/topic_choice.py)."""

from __future__ import annotations

import pytest

from assistant.knowledge.topic_choice import (
    UNSURE_CONFIDENCE,
    PartTopics,
    agreed_topic,
    classifier_guesses,
    clear_guess,
    part_candidates,
    part_topic,
    plausible_guesses,
    surer_topic,
    topics_per_part,
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


def test_an_unsure_classifier_s_guess_that_stands_clear_is_answered():
    """ "Wanneer kunt u verlof aanvragen?": 0.37 for when a child may stay away, 0.22 for the request form, and the
    retrieval finds nothing above its threshold: that guess, not a menu."""
    question = "Wanneer kunt u verlof aanvragen?"
    clear = _ranking(("nlu_fallback", 0.45), ("ask_geoorloofd_verzuim", 0.37), ("request_verlof", 0.22))
    found = clear_guess(question, clear)
    assert found is not None and found.id == "geoorloofd_verzuim"
    # too close to the next intent, too weak, no topic, a button, or a retrieval hit for another topic: none
    close = _ranking(
        ("nlu_fallback", 0.45), ("ask_geoorloofd_verzuim", 0.33), ("ask_verlof_vakantie", 0.3), ("ask_ziekte", 0.25)
    )
    assert clear_guess(question, close) is None
    assert clear_guess(question, _ranking(("nlu_fallback", 0.45), ("ask_geoorloofd_verzuim", 0.25))) is None
    assert clear_guess(question, _ranking(("nlu_fallback", 0.45), ("out_of_scope", 0.4), ("greet", 0.1))) is None
    assert clear_guess("/ask_bezwaar", clear) is None
    tied = _ranking(("nlu_fallback", 0.45), ("ask_vrijstelling_5", 0.43), ("ask_geoorloofd_verzuim", 0.43))
    exempted = clear_guess("When is your child exempted from going to school?", [*tied, *_ranking(("deny", 0.01))])
    assert exempted is not None and exempted.id == "geoorloofd_verzuim"  # of the tie, the retrieval's first
    assert clear_guess(question, [*tied, *_ranking(("ask_ziekte", 0.4))]) is None  # three close: no tie of two
    religious = _ranking(("nlu_fallback", 0.45), ("ask_verlof_vakantie", 0.4), ("greet", 0.1))
    assert clear_guess(JOM_KIPOER, religious) is None  # the retrieval finds the religious days


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


# -- two questions in one message ------------------------------------------------------------------------------------

FINE_PER_DAY = "is het waar dat elke dag verzuim 50 euro boete kost?"


def test_a_question_s_topic_is_the_retrieval_s_best_when_the_classifier_counts_it_for_the_whole_message():
    ranking = _ranking(("nlu_fallback", 0.45), ("ask_boete_school", 0.3), ("ask_luxe_verzuim", 0.12))
    found = part_topic(FINE_PER_DAY, ranking)
    assert found is not None and found.id == "luxe_verzuim"  # not the classifier's first guess: the question's own
    assert part_topic(FINE_PER_DAY, _ranking(("ask_ziekte", 0.9))) is None  # the classifier does not count it
    assert part_topic("/ask_luxe_verzuim", ranking) is None
    english = "is it true that every day of absence costs a €50 fine?"
    found = part_topic(english, ranking, "en")
    assert found is not None and found.id == "luxe_verzuim"


def test_the_whole_message_s_topic_stays_with_a_question_the_retrieval_finds_it_for():
    ranking = _ranking(("ask_kwalificatieplicht", 0.9))
    kept = part_topic("Tot wanneer geldt de kwalificatieplicht", ranking, keep="kwalificatieplicht")
    assert kept is not None and kept.id == "kwalificatieplicht"  # the retrieval ranks another topic first
    # a topic the retrieval does not find for the question is not kept
    assert part_topic("Is mijn kind van 4 leerplichtig", ranking, keep="boete_school") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Чи обов'язково відвідувати школу з 4 років", "uk"),
        ("Is it compulsory to go to school from age 4", "en"),
        ("4 yaşında okula gitmek zorunlu mu", "tr"),
        ("Czy dziecko w wieku 4 lat musi chodzić do szkoły", "pl"),
        ("هل يجب على طفلي الذهاب إلى المدرسة من عمر 4 سنوات", "ar"),
    ],
)
def test_a_question_about_an_age_has_the_age_of_leerplicht_among_the_topics_its_facts_may_fit(text, language):
    """No topic scores above the retrieval's threshold for such a short question; the age read fits a verdict."""
    assert "leerplicht_leeftijd" in part_candidates(text, language)
    assert part_candidates("/ask_leerplicht_leeftijd", language) == ()


@pytest.mark.parametrize(
    ("whole", "sure", "first", "second", "expected"),
    [
        # two different topics: each question its own answer
        (
            "boete_school",
            False,
            "leerplicht_leeftijd",
            "luxe_verzuim",
            PartTopics("leerplicht_leeftijd", True, "luxe_verzuim"),
        ),
        (None, False, "leerplicht_leeftijd", "luxe_verzuim", PartTopics("leerplicht_leeftijd", True, "luxe_verzuim")),
        (
            "luxe_verzuim",
            True,
            "leerplicht_leeftijd",
            "luxe_verzuim",
            PartTopics("leerplicht_leeftijd", True, "luxe_verzuim"),
        ),
        # a sure topic that is neither question's: the message is one question in it
        ("ziekte", True, "leerplicht_leeftijd", "luxe_verzuim", PartTopics("ziekte")),
        # a sure topic and the second question's own: the sure one is the first question's
        ("leerplicht_leeftijd", True, None, "luxe_verzuim", PartTopics("leerplicht_leeftijd", True, "luxe_verzuim")),
        ("luxe_verzuim", True, None, "luxe_verzuim", PartTopics("luxe_verzuim")),
        # one topic for both questions: one answer
        ("boete_school", False, "kwalificatieplicht", "kwalificatieplicht", PartTopics("kwalificatieplicht")),
        ("leerplicht_leeftijd", True, "kwalificatieplicht", "kwalificatieplicht", PartTopics("leerplicht_leeftijd")),
        # only the first question's topic: answered when the whole message's was unsure
        ("boete_school", False, "leerplicht_leeftijd", None, PartTopics("leerplicht_leeftijd", True)),
        ("boete_school", True, "leerplicht_leeftijd", None, PartTopics("boete_school")),
        ("leerplicht_leeftijd", False, "leerplicht_leeftijd", None, PartTopics("leerplicht_leeftijd")),
        # only the second question's, or none: the whole message's choice stands
        ("boete_school", False, None, "luxe_verzuim", PartTopics("boete_school")),
        (None, False, None, None, PartTopics(None)),
    ],
)
def test_the_answers_to_two_questions(whole, sure, first, second, expected):
    assert topics_per_part(whole, sure, first, second) == expected


def test_two_close_guesses_that_the_retrieval_both_finds_are_decided_by_its_order():
    question = (
        "Na de zomer vertrekt een leerling naar een andere school; welke uitschrijfdatum komt in onze administratie?"
    )
    close = _ranking(("nlu_fallback", 0.45), ("ask_meldplicht_verzuim", 0.44), ("ask_in_uitschrijving", 0.42))
    found = agreed_topic(question, close)
    assert found is not None and found.id == "in_uitschrijving"
    # well apart, the classifier's best stays
    apart = _ranking(("nlu_fallback", 0.45), ("ask_meldplicht_verzuim", 0.6), ("ask_in_uitschrijving", 0.3))
    kept = agreed_topic(question, apart)
    assert kept is not None and kept.id == "meldplicht_verzuim"


def test_an_unsure_picks_runner_up_that_the_retrieval_ranks_first_answers():
    question = "Czy za nieusprawiedliwione nieobecności dziecka w szkole grozi kara?"
    contender = _ranking(("ask_geoorloofd_verzuim", 0.47), ("ask_luxe_verzuim", 0.38), ("ask_ziekte", 0.05))
    assert surer_topic(question, "geoorloofd_verzuim", 0.47, "pl", ranking=contender) == "luxe_verzuim"
    # a runner-up far behind, a sure pick, or no ranking: the pick stays
    behind = _ranking(("ask_geoorloofd_verzuim", 0.47), ("ask_luxe_verzuim", 0.2))
    assert surer_topic(question, "geoorloofd_verzuim", 0.47, "pl", ranking=behind) == "geoorloofd_verzuim"
    sure = _ranking(("ask_geoorloofd_verzuim", 0.75), ("ask_luxe_verzuim", 0.2))
    assert surer_topic(question, "geoorloofd_verzuim", 0.75, "pl", ranking=sure) == "geoorloofd_verzuim"
    assert surer_topic(question, "geoorloofd_verzuim", 0.47, "pl") == "geoorloofd_verzuim"
    # the runner-up is not the retrieval's best: the pick stays
    other = _ranking(("ask_geoorloofd_verzuim", 0.47), ("ask_ziekte", 0.38))
    assert surer_topic(question, "geoorloofd_verzuim", 0.47, "pl", ranking=other) == "geoorloofd_verzuim"


def test_a_weak_retrieval_hit_does_not_overrule_an_unsure_pick():
    # the retrieval's best (leaving school early) scores just above its floor
    question = "Moet je tot je 18e naar school?"
    ranking = _ranking(("ask_leerplicht_leeftijd", 0.48), ("ask_voortijdig_schoolverlaten", 0.36))
    assert surer_topic(question, "leerplicht_leeftijd", 0.48, ranking=ranking) == "leerplicht_leeftijd"
