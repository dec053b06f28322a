"""The verlof form reads the reasons that do not count with the chat's vocabulary (`reasons` in
assistant/locale/situation.yml): the form refuses and explains the same reasons the chat does, in every language,
and both put an event named beside such a reason first (`first_reason`)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.i18n import Localiser
from assistant.rules.verlof import get_rules
from assistant.situation import read_facts
from assistant.situation.verdict import situational_reply
from assistant.verlof_requests.answers import check_category
from assistant.verlof_requests.reasons import NON_REASONS, first_reason, guess_non_reason

TODAY = date(2026, 12, 6)

SAID = [
    ("nl", "De tickets zijn in mei veel goedkoper.", "goedkopere_tickets"),
    ("nl", "De tickets zijn dan duur.", "goedkopere_tickets"),
    ("nl", "We hebben de reis al geboekt.", "al_geboekt"),
    ("nl", "De zomervakantie is helemaal volgeboekt.", "geen_boeking"),
    ("nl", "We willen opa en oma bezoeken.", "familiebezoek"),
    ("nl", "Om de drukte op de weg te ontlopen.", "drukte"),
    ("nl", "Zijn broertje heeft al vrij op een andere school.", "broers_zussen_vrij"),
    ("nl", "We gaan een week skiën in Oostenrijk.", "wintersport"),
    ("nl", "Wij vieren carnaval in Oldenzaal.", "feest"),
    ("nl", "Hij speelt mee in een voetbaltoernooi.", "evenement"),
    ("en", "We are going skiing in the Alps.", "wintersport"),
    ("en", "Flights in the summer holidays are sold out.", "geen_boeking"),
    ("tr", "Çocuğum karnaval için izin istiyor.", "feest"),
    ("pl", "Jedziemy na narty w Alpy.", "wintersport"),
    ("uk", "Він грає у футбольному турнірі.", "evenement"),
]


@pytest.mark.parametrize(("language", "text", "reason"), SAID)
def test_the_form_reads_the_reasons_that_do_not_count_as_the_chat_does(language: str, text: str, reason: str) -> None:
    assert guess_non_reason(text) == reason
    assert read_facts(text, language, today=TODAY).reason == reason  # the chat's reading of the same words


@pytest.mark.parametrize(
    "text",
    [
        "Ik werk in de horeca en kan in de zomer geen vrij krijgen.",
        "De bruiloft van mijn zus in Marokko.",
        "In de carnavalsvakantie moet ik werken, dus we willen in maart weg.",  # a holiday's name is no feast
        "We leave one day before the carnival holidays.",
        "We hebben nog niet geboekt.",
        "Mijn oma is ernstig ziek.",
    ],
)
def test_a_reason_that_names_none_of_them_is_no_non_reason(text: str) -> None:
    assert guess_non_reason(text) is None


def test_every_reason_the_form_reads_is_a_non_reason_of_the_rules() -> None:
    assert set(NON_REASONS) <= set(get_rules().non_reasons)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Wij vieren carnaval", "feest"),
        ("Een voetbaltoernooi in Duitsland", "evenement"),
        ("wintersport", "wintersport"),
        ("Alles is volgeboekt", "geen_boeking"),
        ("De bruiloft van mijn zus", "huwelijk"),  # an event named wins: the director assesses it
        ("Iets anders", "overig"),
    ],
)
def test_the_forms_event_question_reads_the_new_non_reasons(text: str, category: str) -> None:
    assert check_category(text)[0] == category


BOTH = [
    ("oma is ziek en de tickets zijn goedkoper", "ernstige_ziekte"),
    ("Mijn oma is ernstig ziek en de tickets zijn dan ook goedkoper.", "ernstige_ziekte"),
    ("De bruiloft van mijn zus, en de vliegtickets zijn dan goedkoper.", "huwelijk"),
    ("We verhuizen, en dan ontlopen we ook de drukte op de weg.", "verhuizing"),
    (
        "Zal ik mijn kind ziek melden omdat de tickets goedkoper zijn?",
        "goedkopere_tickets",
    ),  # no illness: a false report
    ("Iets anders: wij vieren carnaval.", "feest"),  # a reason that does not count comes before "overig"
]


@pytest.mark.parametrize(("text", "reason"), BOTH)
def test_the_form_and_the_chat_give_an_event_and_a_non_reason_in_one_order(text: str, reason: str) -> None:
    """One order (`first_reason`): a real circumstance named beside a reason that does not count is the reason, in
    the form's event question and in the chat."""
    assert check_category(text)[0] == reason
    assert read_facts(text, "nl", today=TODAY).reason == reason


def test_first_reason_puts_the_event_first_then_a_non_reason_then_overig() -> None:
    assert first_reason("ernstige_ziekte", {"goedkopere_tickets"}) == "ernstige_ziekte"
    assert first_reason("overig", {"feest"}) == "feest"
    assert first_reason("overig", set()) == "overig"
    assert first_reason(None, {"wintersport", "werk"}) == "wintersport"
    assert first_reason(None, {"werk"}) is None  # a parent's job is no event and no reason that does not count


def test_an_illness_named_with_cheaper_tickets_is_assessed_and_not_refused() -> None:
    text = "Mijn oma is ernstig ziek en de tickets zijn dan goedkoper, mogen we 3 dagen weg?"
    found = situational_reply("verlof_gewichtige_omstandigheden", read_facts(text, "nl", today=TODAY), TODAY)
    assert found is not None and not found.refuses
    first, line = (Localiser("nl")(message) for message in found.lines[:2])
    assert first == "Vanaf uw kind geteld is een oma van u een overgrootmoeder: familie in de 3e graad."
    assert line.startswith("Voor ernstige ziekte in de familie vraagt u vooraf verlof aan de directeur (artikel 14)")
    assert "Goedkopere tickets" not in " ".join(Localiser("nl")(message) for message in found.lines)
