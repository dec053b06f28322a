"""Reading the facts of a situation from one message, in every supported language (issue 15, item 1)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.i18n.situation_words import load_words, tokens
from assistant.situation import Facts, read_facts, read_role, says_unknown

TODAY = date(2026, 12, 6)


def facts(text: str, language: str = "nl", **kwargs) -> Facts:
    return read_facts(text, language, today=TODAY, **kwargs)


@pytest.mark.parametrize(
    ("language", "text", "weeks"),
    [
        ("nl", "Mogen we drie weken op vakantie?", 3),
        ("nl", "we willen 3 weken weg", 3),
        ("nl", "twee weken eerder weg", 2),
        ("nl", "anderhalve week", 1.5),
        ("nl", "een week eerder", 1),
        ("en", "may we take three weeks off?", 3),
        ("en", "two weeks in May", 2),
        ("en", "a week before Christmas", 1),
        ("ar", "هل يمكننا أخذ إجازة لمدة ثلاثة أسابيع؟", 3),
        ("ar", "نريد إجازة أسبوعين", 2),
        ("uk", "Чи можна взяти відпустку на три тижні?", 3),
        ("uk", "відпустка на трьох тижнів", 3),
        ("uk", "на тиждень раніше", 1),
        ("tr", "üç hafta izin alabilir miyiz?", 3),
        ("tr", "2 hafta tatil", 2),
        ("pl", "Czy możemy wziąć trzy tygodnie wolnego?", 3),
        ("pl", "dwa tygodnie urlopu", 2),
    ],
)
def test_weeks_in_words_or_digits_in_every_language(language: str, text: str, weeks: float) -> None:
    assert facts(text, language).weeks == weeks


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        ("nl", "Kunnen we twee dagen vrij krijgen?", 2),
        ("nl", "10 dagen verlof", 10),
        ("nl", "4-5 dagen vrij voor een begrafenis", 5),  # a range of days is no date (4 May)
        ("en", "can we have two days off?", 2),
        ("ar", "هل يمكن أن نأخذ يومين؟", 2),
        ("uk", "п'ять днів", 5),
        ("tr", "üç gün izin", 3),
        ("pl", "pięć dni wolnego", 5),
    ],
)
def test_days_in_every_language(language: str, text: str, days: float) -> None:
    assert facts(text, language).days == days


@pytest.mark.parametrize(
    ("language", "text", "age"),
    [
        ("nl", "Mijn zoon is 7 jaar", 7),
        ("nl", "mijn dochter van zeven", 7),
        ("nl", "een 14-jarige leerling", 14),
        ("nl", "ik ben 17, mag ik stoppen?", 17),
        ("en", "my son is 7 years old", 7),
        ("en", "I'm 17, can I quit school?", 17),
        ("ar", "ابني عمره 7 سنوات", 7),
        ("ar", "عمري 17 هل يمكنني ترك المدرسة", 17),
        ("uk", "моєму сину 7 років", 7),
        ("uk", "мені 17, чи можу я кинути школу?", 17),
        ("tr", "oğlum 16 yaşında", 16),
        ("tr", "17 yaşındayım", 17),
        ("pl", "mój syn ma 7 lat", 7),
        ("pl", "mam 17 lat", 17),
    ],
)
def test_ages_in_every_language(language: str, text: str, age: int) -> None:
    assert facts(text, language).age == age


@pytest.mark.parametrize(
    ("text", "age", "role"),
    [
        ("Wat gebeurt er als ik met 17 zonder diploma stop?", 17, "young"),
        ("wat gebeurt er als ik op mijn 17e zonder diploma stop met het mbo", 17, "young"),
        ("mag ik op mijn zestiende stoppen?", 16, "young"),
        ("wat als ik met zeventien stop", 17, "young"),
        ("Mag je stoppen met school met 17?", 17, None),  # the number ends the clause, the message is about leaving
        ("ben ik met 17 nog leerplichtig?", 17, "young"),
        ("mijn zoon wil op zijn 17de van school af", 17, "parent"),
    ],
)
def test_an_age_said_with_met_or_as_an_ordinal_in_a_question_about_leaving(text: str, age: int, role: str) -> None:
    found = facts(text)
    assert (found.age, found.role) == (age, role)


@pytest.mark.parametrize(
    "text",
    [
        "3 jaar geleden verhuisd",
        "16 uur verzuim",
        "het is 2 weken",
        "Wij gaan met 4 kinderen op vakantie, geldt de leerplicht voor alle vier?",  # "met 4" before a noun
        "we gaan met 4 naar Turkije, mag dat?",  # not about leaving school
        "met 17 dagen verzuim, moeten we stoppen?",  # a unit follows
        "in de 2e week stoppen",  # an ordinal without "op mijn"
        "op de 17e van de maand stoppen",
    ],
)
def test_numbers_that_are_no_age(text: str) -> None:
    assert facts(text).age is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Mijn ouders zijn dan 40 jaar getrouwd, mijn dochter zit in groep 6. Mag ze vrij?"),
        ("nl", "Geldt de meldplicht voor 18-plussers nog steeds tot 23 jaar?"),
        ("nl", "Mijn ouders vieren hun 40-jarig huwelijk"),
        ("nl", "Mijn man is 25 jaar in dienst bij de gemeente"),
        ("nl", "Geldt de meldplicht vanaf 18 jaar?"),
        ("nl", "Geldt dit voor jongeren onder de 27 jaar?"),
        ("nl", "Is dat ook zo voor leerlingen tussen 18 en 23 jaar?"),
        ("en", "Does the duty apply up to 23 years?"),
        ("en", "my parents have been married for 40 years"),
        ("ar", "هل ينطبق هذا حتى 23 سنة؟"),
        ("uk", "Чи діє це до 23 років?"),
        ("tr", "Bu kural 23 yaşına kadar geçerli mi?"),
        ("pl", "Czy to obowiązuje do 23 lat?"),
    ],
)
def test_a_limit_or_a_length_in_years_is_no_age_of_the_child(language: str, text: str) -> None:
    """ "40 jaar getrouwd", "tot 23 jaar", "for 40 years": years, but not the child's age."""
    assert facts(text, language).age is None


@pytest.mark.parametrize(
    ("language", "text", "age"),
    [
        ("nl", "mijn zoon van 9", 9),
        ("nl", "een leerling van 20 zonder diploma", 20),
        ("nl", "Onze zoon is net 4. Moet hij al naar school?", 4),
        ("nl", "mijn ouders zijn 40 jaar getrouwd en mijn dochter is 8", 8),
        ("en", "she is 15", 15),
        ("en", "our son just turned 4", 4),
    ],
)
def test_an_age_attached_to_the_child_still_counts(language: str, text: str, age: int) -> None:
    assert facts(text, language).age == age


def test_hours_of_absence_and_weeks_absent() -> None:
    found = facts("Een leerling van 14 heeft de afgelopen 3 weken 18 uur gespijbeld")
    assert (found.age, found.hours, found.absence_kind) == (14, 18, "ongeoorloofd")
    assert facts("al 5 weken niet op school").weeks_absent == 5
    assert facts("16u verzuim").hours == 16
    assert facts("kunt u een uur later beginnen?").hours == 1  # "een uur", but no hour from "kunt u"
    assert facts("hij spijbelde 20 hours", "en").hours == 20
    assert facts("16 годин прогулів", "uk").hours == 16


def test_a_birth_date_in_every_language_is_read_as_one() -> None:
    assert facts("Mijn dochter is geboren op 12 maart 2021").birth_date == date(2021, 3, 12)
    assert facts("born on 3 May 2019", "en").birth_date == date(2019, 5, 3)
    assert facts("Мій син народився 14 березня 2020", "uk").birth_date == date(2020, 3, 14)
    assert facts("urodził się 14 marca 2020", "pl").birth_date == date(2020, 3, 14)
    assert facts("14 Mart 2020 doğumlu", "tr").birth_date == date(2020, 3, 14)
    assert facts("ولد في 14 مارس 2020", "ar").birth_date == date(2020, 3, 14)
    assert facts("geboortedatum 12-03-2019").birth_date == date(2019, 3, 12)
    assert facts("12-03-2019").birth_date == date(2019, 3, 12)  # years ago: never a leave date


def test_a_birth_is_no_gezinsuitbreiding() -> None:
    assert facts("Mijn dochter is geboren op 12 maart 2021").reason is None
    assert facts("Mijn zus is bevallen, mogen we twee dagen vrij?").reason == "gezinsuitbreiding"


def test_leave_dates_and_ranges() -> None:
    found = facts("vrij van 9 t/m 13 maart voor de bruiloft van mijn zus")
    assert (found.start, found.end, found.reason) == (date(2027, 3, 9), date(2027, 3, 13), "huwelijk")
    assert facts("op 20 maart").start == date(2027, 3, 20)
    assert facts("from March 9 to 13", "en").end == date(2027, 3, 13)


@pytest.mark.parametrize(
    ("language", "text", "month"),
    [
        ("nl", "in oktober drie weken", 10),
        ("en", "three weeks in October", 10),
        ("uk", "три тижні в жовтні", 10),
        ("pl", "dwa tygodnie w październiku", 10),
        ("tr", "Ekim'de üç hafta", 10),
        ("ar", "ثلاثة أسابيع في أكتوبر", 10),
        ("en", "early May", 5),
    ],
)
def test_a_month_alone(language: str, text: str, month: int) -> None:
    assert facts(text, language).month == month


def test_may_as_a_verb_is_no_month() -> None:
    assert facts("May we go earlier?", "en").month is None
    assert facts("we could go in May", "en").month == 5


@pytest.mark.parametrize(
    ("language", "text", "holiday", "relation"),
    [
        ("nl", "de week voor de kerstvakantie", "kerstvakantie", "before"),
        ("nl", "twee dagen na de herfstvakantie", "herfstvakantie", "after"),
        ("nl", "de eerste week na de zomervakantie", "zomervakantie", "after"),
        ("en", "the week before the Christmas holidays", "kerstvakantie", "before"),
        ("tr", "Noel tatilinden önce bir hafta", "kerstvakantie", "before"),
        ("pl", "tydzień przed feriami zimowymi", "kerstvakantie", "before"),
    ],
)
def test_a_period_around_a_school_holiday(language: str, text: str, holiday: str, relation: str) -> None:
    found = facts(text, language)
    assert (found.holiday, found.relation) == (holiday, relation)


@pytest.mark.parametrize(
    ("language", "text", "reason"),
    [
        ("nl", "Ik werk in de horeca", "werk"),
        ("en", "I work in hospitality", "werk"),
        ("tr", "restoranda çalışıyorum", "werk"),
        ("uk", "я працюю в ресторані", "werk"),
        ("nl", "de tickets zijn goedkoper", "goedkopere_tickets"),
        ("en", "flights are much cheaper then", "goedkopere_tickets"),
        ("nl", "we hebben al geboekt", "al_geboekt"),
        ("nl", "voor de begrafenis van opa", "overlijden"),
        ("en", "for my sister's wedding", "huwelijk"),  # the NLU synonyms of every language
        ("pl", "na ślub siostry", "huwelijk"),
        ("ar", "من أجل جنازة جدي", "overlijden"),
    ],
)
def test_the_reason(language: str, text: str, reason: str) -> None:
    assert facts(text, language).reason == reason


def test_an_event_the_classifier_found_wins() -> None:
    assert facts("we moeten weg", events=["verhuizing"]).reason == "verhuizing"


def test_a_turkish_is_is_not_dutch_is() -> None:
    assert facts("Onze leerling is 3 dagen geschorst").reason is None


@pytest.mark.parametrize(
    ("language", "text", "role"),
    [
        ("nl", "Onze leerling is 3 dagen geschorst, moeten wij dat melden?", "school"),
        ("nl", "16 uur verzuim, moeten wij melden?", "school"),
        ("nl", "Als school willen we weten of we verlof mogen geven", "school"),
        ("nl", "ik ben 17, mag ik stoppen met school?", "young"),
        ("nl", "Mijn zoon wil stoppen met school", "parent"),
        ("nl", "Ik ben moeder van een zoon van 7", "parent"),
        ("en", "Our pupil missed 20 hours, must we report it?", "school"),
        ("en", "My daughter is 4", "parent"),
        ("en", "I'm 17 and I want to quit school", "young"),
        ("uk", "мені 16, чи можу я кинути школу?", "young"),
        ("uk", "Мій син хворий", "parent"),
        ("tr", "Öğrencimiz 3 gün gelmedi", "school"),
        ("tr", "Oğlum 15 yaşında", "parent"),
        ("pl", "mam 17 lat, czy mogę rzucić szkołę?", "young"),
        ("pl", "Nasz uczeń nie przychodzi do szkoły", "school"),
        ("ar", "ابني عمره 5 سنوات", "parent"),
        ("ar", "طالبنا غائب منذ أسبوعين", "school"),
    ],
)
def test_who_is_asking(language: str, text: str, role: str) -> None:
    assert facts(text, language).role == role


def test_no_role_without_role_words() -> None:
    assert facts("Mag je buiten de schoolvakantie op vakantie?").role is None
    role, age = read_role(tokens("ik ben 45 en mijn kind is 7"), load_words())
    assert (role, age) == ("parent", None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kunnen we op 30 februari vrij krijgen?", "impossible_date"),
        ("we willen min 2 weken weg", "negative"),
        ("minus 2 weeks off", "negative"),
        ("Mijn kind van 3 zit in groep 8", "age_groep"),
        ("een leerling van 25 in klas 1", "age_klas"),
        ("geboren op 1 januari 2030", "future_birth"),
        ("van 13 maart tot 9 maart 2027", "end_before_start"),
        ("Mijn zoon is 10 en is geboren op 1 januari 2023", "age_birth"),
        ("vrijdag 13 maart 2027", "weekday_mismatch"),
    ],
)
def test_facts_that_cannot_be_right_become_a_problem_and_are_left_out(text: str, code: str) -> None:
    found = facts(text, "en" if text.startswith("minus") else "nl")
    assert [problem.code for problem in found.problems] == [code]
    problem = found.problems[0]
    for name in problem.drop:
        assert getattr(found, name) in (None, ())
    assert str(problem.message).endswith("?")  # a polite question, in Dutch for the catalogs


def test_a_problem_keeps_the_other_facts() -> None:
    found = facts("Mijn kind van 3 zit in groep 8 en wij willen op 30 februari twee dagen vrij voor een bruiloft")
    assert {problem.code for problem in found.problems} == {"age_groep", "impossible_date"}
    assert (found.days, found.reason, found.role) == (2, "huwelijk", "parent")
    assert found.age is None and found.groep is None


def test_i_do_not_know_in_every_language() -> None:
    for language, text in (
        ("nl", "weet ik niet"),
        ("en", "I don't know"),
        ("ar", "لا أعرف"),
        ("uk", "не знаю"),
        ("tr", "bilmiyorum"),
        ("pl", "nie wiem"),
    ):
        assert says_unknown(text), language
        assert facts(text, language).unknown == ("*",)


def test_facts_survive_json_and_refuse_what_does_not_fit() -> None:
    found = facts("Mijn dochter is geboren op 12 maart 2021, mogen we 3 weken in oktober weg?")
    assert Facts.from_json(found.to_json()) == found
    hostile = {
        "age": "7; drop table",
        "weeks": 1e9,
        "role": "admin",
        "birth_date": "not a date",
        "unknown": "x",
        "reason": "x" * 500,
        "days": 2,
        "start": "2027-03-09",
        "prior_leave": "yes",
    }
    assert Facts.from_json(hostile) == Facts(days=2, start=date(2027, 3, 9))
    assert Facts.from_json(["not", "a", "mapping"]) == Facts()


def test_newer_facts_win_and_nothing_else_is_lost() -> None:
    before = facts("Mijn zoon van 7, mogen we twee dagen vrij?")
    after = before.merged(facts("voor een bruiloft, drie dagen"))
    assert (after.age, after.days, after.reason, after.role) == (7, 3, "huwelijk", "parent")
    assert after.keeping(("role", "age")) == Facts(role="parent", age=7)


def test_a_button_payload_is_no_text_to_read() -> None:
    assert facts('/ask_verlof_vakantie{"situation": {"weeks": 3}}') == Facts()


def test_a_birthday_without_a_year_is_no_birth_date() -> None:
    found = facts("Mijn dochter is geboren op 20 maart; mag ze die dag vrij?")
    assert found.birth_date is None and not found.problems
    assert found.start == date(2027, 3, 20)


def test_the_age_reached_on_a_date_gives_the_birth_date() -> None:
    found = facts("Onze dochter wordt op 2 september 2015 vijf jaar, vanaf wanneer is zij leerplichtig?")
    assert found.birth_date == date(2010, 9, 2) and found.age is None and not found.problems
    assert facts("She turns five on 2 September 2027", "en").birth_date == date(2022, 9, 2)


def test_an_age_reached_in_a_few_months_is_one_less_now_and_no_duration() -> None:
    found = facts(
        "Ik word over 4 maanden 18 jaar en vind mijn opleiding niet leuk, mag ik gaan werken zonder startkwalificatie?"
    )
    assert (found.age, found.months, found.role, found.startkwalificatie) == (17, None, "young", False)
    assert facts("4 ay sonra 18 yaşına gireceğim", "tr").age == 17


def test_a_message_of_the_longest_size_is_read_whole() -> None:
    """Facts are read from a message as long as the chat accepts (its speed is measured by `make bench`,
    scripts/bench_facts.py, not timed here)."""
    text = ("Mijn kind van 8 zit in groep 5 en wij willen in oktober drie weken weg voor een bruiloft. " * 60)[:5000]
    found = facts(text)
    assert (found.age, found.groep, found.weeks, found.month, found.reason) == (8, 5, 3, 10, "huwelijk")


def test_the_words_file_names_only_supported_languages_and_known_keys(tmp_path, monkeypatch) -> None:
    from assistant.i18n import situation_words as words

    bad = tmp_path / "situation.yml"
    bad.write_text("xx: {units: {day: [dag]}}\n", encoding="utf-8")
    monkeypatch.setattr(words, "WORDS_FILE", bad)
    words.load_words.cache_clear()
    try:
        with pytest.raises(ValueError, match="not a supported language"):
            words.load_words()
        bad.write_text("nl: {colours: [rood]}\n", encoding="utf-8")
        with pytest.raises(ValueError, match="unknown keys"):
            words.load_words()
    finally:
        words.load_words.cache_clear()


def test_calling_in_sick_for_cheaper_tickets_is_no_illness_in_the_family() -> None:
    found = facts("Zal ik mijn kind ziek melden omdat de tickets goedkoper zijn na de schoolvakantie?")
    assert found.reason == "goedkopere_tickets"
    assert facts("Mijn moeder ligt in het ziekenhuis, mogen we twee dagen vrij?").reason == "ernstige_ziekte"


@pytest.mark.parametrize(
    "text",
    [
        "Hoe lang duurt de kwalificatieplicht en wat is een startkwalificatie?",
        "ik ben een moeder van drie",
        "my son is a pupil",
    ],
)
def test_an_article_is_no_age(text: str) -> None:
    assert facts(text, "en" if text.startswith("my") else "nl").age is None


def test_years_married_is_a_jubileum_even_when_the_classifier_tags_a_wedding() -> None:
    """ "mijn ouders zijn dan 40 jaar getrouwd": the classifier tags "getrouwd" (a wedding); the words name the more
    specific event, the anniversary. A wedding stays a wedding."""
    text = "Ik wil vrij vragen voor Milan uit groep 6 op 22 en 23 mei, mijn ouders zijn dan 40 jaar getrouwd."
    assert read_facts(text, "nl", today=date(2026, 12, 7), events=["huwelijk"]).reason == "jubileum"
    wedding = read_facts(
        "Mijn zus gaat trouwen, mag mijn zoon vrij?", "nl", today=date(2026, 12, 7), events=["huwelijk"]
    )
    assert wedding.reason == "huwelijk"
