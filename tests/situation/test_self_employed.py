"""A self-employed parent asking about holiday leave is told in the first bubble to add their own or their
accountant's statement, not an employer's (`Facts.self_employed`, six languages); an employed parent gets the
employer's statement first and the self-employed line behind "Meer uitleg"."""

from __future__ import annotations

import pytest

from assistant.i18n import Localiser
from assistant.situation import read_facts
from tests.situation.helpers import TODAY, first_bubble, reply

TOPIC = "verlof_vakantie"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nl",
            "Wij hebben een eigen zaak, een bakkerij, en kunnen nooit dicht. Mogen we in maart een week weg?",
        ),
        ("nl", "Ik werk als zzp'er in de bouw; is een verklaring van mijn boekhouder genoeg voor vakantieverlof?"),
        ("en", "I'm self-employed and work every school holiday. Can we take a week off in March?"),
        ("pl", "Prowadzę własną firmę i w ferie nie mogę wyjechać. Czy możemy wyjechać na tydzień w marcu?"),
        ("tr", "Kendi işim var ve okul tatillerinde çalışıyorum. Martta bir hafta tatile gidebilir miyiz?"),
        ("uk", "Я ФОП і працюю в усі шкільні канікули. Чи можемо ми поїхати на тиждень у березні?"),
        ("ar", "أعمل لحسابي وأعمل في كل العطل المدرسية. هل يمكننا السفر أسبوعًا في مارس؟"),
    ],
)
def test_a_self_employed_parent_gets_their_own_statement_first(language: str, text: str) -> None:
    facts = read_facts(text, language, today=TODAY)
    assert facts.self_employed is True and facts.reason == "werk"
    found = reply(TOPIC, text, language)
    own = Localiser(language)(
        "Vraag het ruim van tevoren schriftelijk aan bij de directeur. Als zelfstandige geeft u een eigen verklaring "
        "of een verklaring van uw accountant mee waaruit blijkt dat u in geen enkele schoolvakantie weg kunt."
    )
    assert own in first_bubble(found, language)
    employer = Localiser(language)(
        "Vraag het ruim van tevoren schriftelijk aan bij de directeur, met een verklaring van de werkgever."
    )
    assert employer not in first_bubble(found, language)


def test_an_employed_parent_gets_the_employers_statement_and_the_rest_behind_more() -> None:
    text = "Mijn vrouw werkt bij de politie en heeft nooit vrij in de zomer. Mogen we in maart een week weg?"
    assert read_facts(text, "nl", today=TODAY).self_employed is None
    found = reply(TOPIC, text)
    assert "met een verklaring van de werkgever" in first_bubble(found)
    assert any("Bent u zelfstandig" in Localiser("nl")(line) for line in found.details)
