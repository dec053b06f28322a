"""The leave verdicts apply the law of the leave asked about: of its first day, or of the month named ("drie weken in
oktober", asked in December, is next October's law), and the day asked only when no period or month is said."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.i18n import Localiser
from assistant.knowledge.law_date import law_line
from assistant.knowledge.parameters import PARAMETERS_DIR, ParameterSet, load_parameter_set
from assistant.situation import read_facts
from assistant.situation.verdict import Reply, situational_reply

TODAY = date(2026, 12, 6)
OCTOBER = "Ik werk in de horeca, mogen we in oktober drie weken op vakantie?"


def reply(topic: str, text: str, language: str = "nl") -> Reply:
    found = situational_reply(topic, read_facts(text, language, today=TODAY), TODAY, may_ask=False)
    assert found is not None, text
    return found


def shown(found: Reply, language: str = "nl", parameters: ParameterSet | None = None) -> str:
    """The first bubble as the asker sees it on TODAY, with its law line (`parameters`: a changed law)."""
    loc = Localiser(language)
    assert found.law_date is not None
    law = parameters.on(found.law_date) if parameters is not None else None
    return " ".join(loc(line) for line in found.lines) + "\n\n" + loc(law_line(found.law_date, TODAY, law))


def test_a_month_without_dates_applies_the_law_of_that_month() -> None:
    found = reply("verlof_vakantie", OCTOBER)
    assert found.law_date == date(2027, 10, 1)
    # the same law holds then as now: the line does not name a day to come as if its law were known
    assert shown(found).endswith("Dit is de wet zoals die geldt op 6 december 2026.")


def test_the_same_question_in_english_names_the_same_day() -> None:
    found = reply("verlof_vakantie", "I work in hospitality, may we take three weeks in October?", "en")
    assert found.law_date == date(2027, 10, 1)
    assert shown(found, "en").endswith("This is the law as it applies on December 6, 2026.")


@pytest.mark.parametrize(
    ("language", "text", "month"),
    [
        ("nl", "Ik werk in de horeca, mogen we in okotber drie weken op vakantie?", 10),
        ("nl", "Mogen we drie weken in novmber weg? Ik werk in de horeca.", 11),
        ("nl", "Ik werk in de horeca, mogen we in feburari drie weken weg?", 2),
        ("en", "I work in hospitality, may we take three weeks in Ocotber?", 10),
        ("pl", "Pracuję w gastronomii, czy możemy wyjechać na trzy tygodnie w listopda?", 11),
        ("tr", "Restoranda çalışıyorum, Agutsos ayında üç hafta izin alabilir miyiz?", 8),
        ("uk", "Я працюю в ресторані, чи можна поїхати на три тижні у жовтян?", 10),
        ("ar", "أعمل في مطعم، هل يمكننا السفر ثلاثة أسابيع في نوفمير؟", 11),
    ],
)
def test_a_misspelt_month_applies_the_law_of_that_month(language: str, text: str, month: int) -> None:
    found = reply("verlof_vakantie", text, language)
    assert found.facts.month == month
    assert found.law_date == date(2027, month, 1)


def test_the_misspelt_october_answer_in_dutch() -> None:
    found = reply("verlof_vakantie", "Mogen we drie weken in okotber weg? Ik werk in de horeca.")
    assert shown(found).startswith("Nee, dat kan niet. 3 weken zijn ongeveer 15 schooldagen.")
    assert found.law_date == date(2027, 10, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Mogen we drie weken weg voor een match? Ik werk in de horeca.",
        "Mogen we drie weken weg, een kwart van de maand? Ik werk in de horeca.",
        "Mogen we drie weken weg met jullie? Ik werk in de horeca.",
    ],
)
def test_ordinary_words_are_no_month(text: str) -> None:
    found = reply("verlof_vakantie", text)
    assert found.facts.month is None
    assert found.law_date == TODAY


def test_explicit_dates_keep_the_first_day_of_the_leave() -> None:
    found = reply("verlof_vakantie", "Mogen we van 1 t/m 19 maart 2027 op vakantie?")
    assert found.law_date == date(2027, 3, 1)
    assert shown(found).endswith("Dit is de wet zoals die geldt op 6 december 2026.")  # no change before then


def test_without_a_period_or_month_the_law_of_today() -> None:
    found = reply("verlof_vakantie", "Mogen we drie weken weg?")
    assert found.law_date == TODAY
    assert shown(found).endswith("Dit is de wet zoals die geldt op 6 december 2026.")


@pytest.mark.parametrize(
    ("topic", "text", "day"),
    [
        ("verlof_vakantie", "De tickets zijn veel goedkoper in juni, mag mijn kind mee?", date(2027, 6, 1)),
        ("verlof_gewichtige_omstandigheden", "Mijn zus trouwt in mei, mogen we 2 dagen vrij?", date(2027, 5, 1)),
        (
            "verlof_gewichtige_omstandigheden",
            "Hoeveel dagen verlof mogen wij als school geven in maart?",
            date(2027, 3, 1),
        ),
        ("religieuze_feestdag", "Mag mijn zoon op 20 maart vrij voor het Suikerfeest?", date(2027, 3, 20)),
        (
            "religieuze_feestdag",
            "Wij zijn een school: een leerling wil in april vrij voor het Suikerfeest.",
            date(2027, 4, 1),
        ),
    ],
)
def test_every_leave_verdict_applies_the_law_of_the_leave(topic: str, text: str, day: date) -> None:
    assert reply(topic, text).law_date == day


# -- a change of law between the day asked and the leave --------------------------------------------------------------

CHANGE = date(2027, 8, 1)
DAY_BEFORE = date(2027, 7, 31)


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> ParameterSet:
    """The repository's parameters with a fictitious change of law on 1 August 2027: holiday leave up to 12 school
    days (as in tests/knowledge/test_law_change_texts.py)."""
    target: Path = tmp_path_factory.mktemp("law-change") / "parameters"
    shutil.copytree(PARAMETERS_DIR, target)
    path = target / "verlof.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    versions = data["vakantie_max_school_days"]["versions"]
    versions[-1]["valid_until"] = DAY_BEFORE
    versions.append({"value": 12, "valid_from": CHANGE, "basis": "law", "citations": ["lpw:13a"]})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_parameter_set(target)


def test_a_month_after_a_change_of_law_gets_the_new_value(changed: ParameterSet, monkeypatch) -> None:
    monkeypatch.setattr("assistant.situation.leave.params", changed.on)
    october = shown(reply("verlof_vakantie", OCTOBER), parameters=changed)
    assert "ten hoogste 12 schooldagen per schooljaar" in october and "10 schooldagen" not in october
    # the law changes between today and October: now the day matters, and the line names it
    assert october.endswith("Dit is de wet zoals die geldt op 1 oktober 2027.")
    june = shown(
        reply("verlof_vakantie", "Ik werk in de horeca, mogen we in juni drie weken op vakantie?"), parameters=changed
    )
    assert "ten hoogste 10 schooldagen per schooljaar" in june and "12 schooldagen" not in june
    assert june.endswith("Dit is de wet zoals die geldt op 6 december 2026.")  # June's law is today's


def test_the_law_line_names_a_day_to_come_only_when_the_law_changes_before_it(changed: ParameterSet) -> None:
    from assistant.knowledge.law_date import shown_law_day

    assert shown_law_day(DAY_BEFORE, TODAY, changed.on(DAY_BEFORE)) == TODAY  # the same law as today
    assert shown_law_day(CHANGE, TODAY, changed.on(CHANGE)) == CHANGE  # the day of the change: the day matters
    assert shown_law_day(date(2027, 10, 1), TODAY, changed.on(date(2027, 10, 1))) == date(2027, 10, 1)
    assert shown_law_day(date(2027, 10, 1), TODAY) == TODAY  # the repository's law: no change known
    assert shown_law_day(date(2026, 11, 2), TODAY) == date(2026, 11, 2)  # a day that has come is named
    assert shown_law_day(CHANGE, CHANGE, changed.on(CHANGE)) == CHANGE  # asked on the day itself
