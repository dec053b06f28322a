"""The pure parser behind melding_form: facts from Dutch free text, the questions that remain, the cautious facts."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.melding_facts import (
    MORE_THAN_FOUR,
    UNKNOWN,
    build_facts,
    next_questions,
    parse_melding_text,
    to_number,
)
from assistant.rules.melding import evaluate_melding

ON = date(2026, 12, 6)  # the day the law is applied in these tests


def test_the_example_from_the_issue_gives_age_hours_weeks_and_kind() -> None:
    facts = parse_melding_text("een leerling van 14 heeft de afgelopen 3 weken 18 uur gespijbeld")
    assert facts == {"age": 14, "hours": 18, "weeks": 0, "kind": "ongeoorloofd"}
    assert next_questions(facts) == ["school_type"]


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("veertien", 14),
        ("zestien", 16),
        ("tweeëntwintig", 22),
        ("eenentwintig", 21),
        ("drieëndertig", 33),
        ("anderhalf", 1.5),
        ("twintig", 20),
        ("18", 18),
        ("2,5", 2.5),
        ("één", 1),
        ("geen", 0),
    ],
)
def test_numbers_as_digits_or_words(word: str, value: float) -> None:
    assert to_number(word) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wij zijn een basisschool, een leerling van negen mist twaalf klokuren zonder reden",
            {"school_type": "po", "age": 9, "hours": 12, "kind": "ongeoorloofd"},
        ),
        (
            "Een 15-jarige op het vmbo heeft 20 lesuren gespijbeld",
            {"school_type": "vo", "age": 15, "hours": 20, "kind": "ongeoorloofd"},
        ),
        (
            "student van 19 zonder startkwalificatie, mbo, al 5 weken niet op school",
            {"school_type": "mbo", "age": 19, "startkwalificatie": False, "weeks": 5, "kind": "ongeoorloofd"},
        ),
        ("Ze is 17 en heeft een havodiploma", {"age": 17, "startkwalificatie": True}),
        ("Leerling ziek gemeld vlak voor de meivakantie", {"kind": "luxe_vermoeden"}),
        ("zeventien keer te laat in vier weken, klas 2", {"school_type": "vo", "late_count": 17, "kind": "te_laat"}),
        (
            "De leerling is geschorst, maar ik vermoed dat hij ook zo wegblijft",
            {"kind": "schorsing", "suspected": True},
        ),
        ("Ze heeft verlof gekregen voor een bruiloft", {"kind": "verlof"}),
        ("Een leerling uit Hengelo is vaak ziek", {"kind": "ziekte", "municipality": "hengelo"}),
        ("Een leerling uit Hof van Twente is vaak ziek", {"kind": "ziekte", "municipality": "hof van twente"}),
        ("langer dan vier weken niet op school", {"weeks": MORE_THAN_FOUR, "kind": "ongeoorloofd"}),
        ("moet ik dit melden?", {}),
        ("op basis van de regels", {}),
    ],
)
def test_facts_from_a_first_message(text: str, expected: dict) -> None:
    assert parse_melding_text(text) == expected


def test_hours_over_a_longer_period_than_four_weeks_are_not_taken() -> None:
    facts = parse_melding_text("de afgelopen 8 weken 30 uur gespijbeld")
    assert "hours" not in facts and facts["kind"] == "ongeoorloofd"


@pytest.mark.parametrize(
    ("expected", "text", "answer"),
    [
        ("age", "14", 14),
        ("age", "veertien jaar", 14),
        ("hours", "ongeveer 20", 20),
        ("hours", "geen", 0),
        ("hours", "weet ik niet", UNKNOWN),
        ("school_type", "vo", "vo"),
        ("school_type", "basis", "po"),
        ("school_type", "geen idee", UNKNOWN),
        ("startkwalificatie", "ja", True),
        ("startkwalificatie", "nee", False),
        ("weeks", "nee", 0),
        ("weeks", "ja", MORE_THAN_FOUR),
        ("weeks", "6", 6),
        ("late_count", "9", 9),
        ("suspected", "ja hoor", True),
        ("kind", "luxe", "luxe_vermoeden"),
        ("kind", "ongeoorloofd", "ongeoorloofd"),
        ("kind", "ziek", "ziekte"),
        ("kind", "weet ik niet", UNKNOWN),
    ],
)
def test_a_bare_answer_is_read_as_the_answer_to_the_question(expected: str, text: str, answer: object) -> None:
    assert parse_melding_text(text, expected)[expected] == answer


def test_an_unreadable_answer_gives_nothing() -> None:
    assert parse_melding_text("hmm lastig", "age") == {}


def test_only_what_the_answer_depends_on_is_asked_in_order() -> None:
    assert next_questions({}) == ["school_type", "age"]
    assert next_questions({"school_type": "vo", "age": 14}) == ["kind"]
    assert next_questions({"school_type": "vo", "age": 14, "kind": "ongeoorloofd"}) == ["hours", "weeks"]
    assert next_questions({"school_type": "vo", "age": 14, "kind": "te_laat"}) == ["late_count", "hours"]
    assert next_questions({"school_type": "vo", "age": 14, "kind": "ziekte"}) == ["suspected"]
    assert next_questions({"school_type": "vo", "age": 14, "kind": "verlof"}) == []
    assert next_questions({"school_type": "po", "age": 4}) == []  # not yet leerplichtig: nothing else matters
    assert next_questions({"school_type": "mbo", "age": 16}) == ["startkwalificatie", "kind"]
    assert next_questions({"school_type": "mbo", "age": 17, "startkwalificatie": True}) == []
    assert next_questions({"school_type": "mbo", "age": 19, "startkwalificatie": False, "kind": "ongeoorloofd"}) == [
        "weeks"
    ]  # 18+: only the weeks in a row count
    assert next_questions({"school_type": "mbo", "age": 30}) == []


def test_unknown_answers_are_replaced_by_the_cautious_assumption_and_said() -> None:
    facts, assumptions = build_facts(
        {"school_type": "vo", "age": 15, "kind": "ongeoorloofd", "hours": UNKNOWN, "weeks": UNKNOWN}
    )
    assert facts.unauthorized_hours_4_weeks == 16 and facts.consecutive_weeks_absent == 0
    assert evaluate_melding(facts, on=ON).obligation == "verplicht"
    assert [values for _text, values in assumptions] == [{"hours": 16, "lesweken": 4}, {"long_term": 4}]
    assert "Tel de ongeoorloofd gemiste uren" in assumptions[0][0]
    # issue 14, finding 7: asking for overig verzuim is a Hengelo-Borne request, not a Twente-wide rule
    assert "in Hengelo en Borne" in assumptions[0][0] and "Twente" not in assumptions[0][0]


def test_unknown_age_school_type_and_kind_assume_a_leerplichtig_pupil() -> None:
    facts, assumptions = build_facts({"school_type": UNKNOWN, "age": UNKNOWN, "kind": UNKNOWN, "hours": 20, "weeks": 0})
    assert (facts.age, facts.school_type, facts.absence_kind) == (15, "vo", "ongeoorloofd")
    assert len(assumptions) == 3
    assert evaluate_melding(facts, on=ON).category == "16_uur"


def test_more_than_four_weeks_without_a_number_counts_as_long_term_relative_absence() -> None:
    facts, assumptions = build_facts(
        {"school_type": "po", "age": 8, "kind": "ongeoorloofd", "hours": 40, "weeks": MORE_THAN_FOUR}
    )
    assert facts.consecutive_weeks_absent == 5 and assumptions[0][1] == {"weeks": 5, "long_term": 4}
    assert evaluate_melding(facts, on=ON).category == "langdurig_relatief"


def test_eighteen_plus_unknown_weeks_assume_the_threshold() -> None:
    facts, _assumptions = build_facts(
        {"school_type": "mbo", "age": 19, "startkwalificatie": False, "kind": "ongeoorloofd", "weeks": UNKNOWN}
    )
    assert facts.consecutive_weeks_absent == 4
    assert evaluate_melding(facts, on=ON).category == "18_plus"


def test_unknown_suspicion_behind_a_sick_report_assumes_a_suspicion() -> None:
    facts, assumptions = build_facts(
        {"school_type": "vo", "age": 13, "kind": "ziekte", "suspected": UNKNOWN, "municipality": "hengelo"}
    )
    assert facts.suspected_unauthorised is True and len(assumptions) == 1
    assert evaluate_melding(facts, on=ON).obligation == "regionaal_afgesproken"
