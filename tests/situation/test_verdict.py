"""The verdict for the asker's case, per topic (issue 15, items 1-4): computed by the rules, first, short, cited."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from assistant.i18n import SUPPORTED_LANGUAGES
from assistant.i18n.formatting import format_date
from assistant.knowledge import load_knowledge
from assistant.situation import read_facts
from assistant.situation.verdict import situational_reply
from tests.situation.helpers import TODAY, first_bubble, reply

SITUATION_DIR = Path(__file__).resolve().parents[2] / "assistant" / "situation"


# -- vakantieverlof (art. 13a) ----------------------------------------------------------------------------------------


def test_three_weeks_in_october_for_a_restaurant_is_about_15_school_days_more_than_10() -> None:
    found = reply("verlof_vakantie", "Ik werk in de horeca, mogen we in oktober drie weken op vakantie?")
    text = first_bubble(found)
    assert text.startswith("Nee, dat kan niet. 3 weken zijn ongeveer 15 schooldagen.")
    assert "ten hoogste 10 schooldagen per schooljaar" in text
    assert "ook niet via de leerplichtambtenaar (artikel 13a Leerplichtwet)" in text
    assert "drukte of een eigen bedrijf alleen is niet genoeg" in text  # the job is not enough by itself
    assert found.citations[0] == "lpw:13a"
    assert found.law_date == date(2027, 10, 1)  # the law of the month asked, not of the day asked
    # no parameter changes before then: the line names today, never a day to come as if its law were known
    assert text.endswith("Dit is de wet zoals die geldt op 6 december 2026.")


def test_the_same_question_in_english_gets_the_same_numbers() -> None:
    text = first_bubble(
        reply("verlof_vakantie", "I work in hospitality, may we take three weeks in October?", "en"), "en"
    )
    assert "15" in text and "10" in text and "13a" in text


def test_the_week_before_christmas_is_counted_in_the_regional_calendar() -> None:
    found = reply("verlof_vakantie", "Mogen we de week voor de kerstvakantie al weg?")
    text = first_bubble(found)
    assert "Van 14 december 2026 tot en met 18 december 2026 zijn er 5 schooldagen." in text
    assert "Dat past binnen het maximum van 10 schooldagen" in text
    assert found.law_date == date(2026, 12, 14)  # the law of the leave's first day
    assert found.citations[:2] == ("lpw:13a", "lpw:11")


def test_the_first_week_after_the_summer_holiday_is_never_allowed() -> None:
    text = first_bubble(reply("verlof_vakantie", "Mogen we de eerste week na de zomervakantie nog op vakantie?"))
    assert text.startswith("Nee, dat kan niet. Vakantieverlof kan nooit in de eerste 2 lesweken")
    assert "van 23 augustus 2027 tot en met 3 september 2027" in text


def test_a_month_in_the_first_lesweken_is_warned_about() -> None:
    text = first_bubble(reply("verlof_vakantie", "Mogen we in september een week weg? Ik ben boer."))
    assert "Let op: in de eerste 2 lesweken van het schooljaar kan het nooit" in text


def test_exact_dates_longer_than_ten_school_days() -> None:
    text = first_bubble(reply("verlof_vakantie", "Mogen we van 1 t/m 19 maart 2027 op vakantie?"))
    assert text.startswith("Nee, dat kan niet. Van 1 maart 2027 tot en met 19 maart 2027 zijn er 15 schooldagen.")


def test_a_period_without_school_days_needs_no_leave() -> None:
    text = first_bubble(reply("verlof_vakantie", "Mogen we van 26 t/m 30 december weg?"))
    assert "geen schooldagen" in text


def test_leave_already_given_this_school_year() -> None:
    text = first_bubble(
        reply("verlof_vakantie", "We hebben dit schooljaar al verlof gehad, mag het in mei nog een week?")
    )
    assert text.startswith("Nee. Vakantieverlof kan ten hoogste 1 keer per schooljaar")


def test_cheaper_tickets_are_no_reason() -> None:
    found = reply("verlof_vakantie", "De tickets zijn veel goedkoper in juni, mag mijn kind mee?")
    assert first_bubble(found).startswith(
        "Nee. Goedkopere tickets of een aanbieding buiten de schoolvakantie zijn geen reden voor verlof."
    )
    assert found.citations[0] == "lpw:13a" and "src:pijnacker-nootdorp-geen-verlof" in found.citations


def test_a_wedding_in_a_vacation_question_is_article_14() -> None:
    found = reply("verlof_vakantie", "Mogen we 3 dagen op vakantie voor de bruiloft van mijn zus?")
    assert found.topic == "verlof_gewichtige_omstandigheden"
    assert first_bubble(found).startswith(
        "Voor een huwelijk in de familie vraagt u geen vakantieverlof, maar verlof wegens gewichtige omstandigheden"
    )


def test_a_school_hears_its_own_duty() -> None:
    found = reply("verlof_vakantie", "Een ouder vraagt 3 weken verlof, mogen wij als school dat geven?")
    text = first_bubble(found)
    assert "Als directeur kunt u hiervoor geen verlof geven" in text and "luxe verzuim" in text
    assert found.choices == ()  # the role was said: no "ask as school" button


def test_a_parent_can_switch_to_the_school_answer() -> None:
    found = reply("verlof_vakantie", "mogen we drie weken weg?")
    [choice] = found.choices
    assert str(choice.title) == "Ik vraag dit als school"
    assert choice.facts.role == "school" and choice.facts.weeks == 3


def test_a_general_question_gets_no_verdict() -> None:
    facts = read_facts("Mag je buiten de schoolvakantie op vakantie?", "nl", today=TODAY)
    assert situational_reply("verlof_vakantie", facts, TODAY) is None


# -- gewichtige omstandigheden (art. 14), religious days (art. 13) -------------------------------------------------


def test_two_days_off_without_a_reason_asks_the_reason_once() -> None:
    found = reply("verlof_gewichtige_omstandigheden", "Kunnen we twee dagen vrij krijgen?")
    assert found.asks == "reason"
    assert str(found.lines[0]) == "Waarvoor vraagt u het verlof? Daar hangt het antwoord van af."
    titles = [str(choice.title) for choice in found.choices]
    assert titles[0] == "Een bruiloft" and titles[-1] == "Weet ik niet" and "Op vakantie" in titles
    wedding = found.choices[0]
    assert (wedding.topic, wedding.facts.reason, wedding.facts.days) == (
        "verlof_gewichtige_omstandigheden",
        "huwelijk",
        2,
    )
    holiday = next(choice for choice in found.choices if str(choice.title) == "Op vakantie")
    assert holiday.topic == "verlof_vakantie" and holiday.facts.days == 2
    # answered (or "weet ik niet"): a verdict, never a second question
    answered = situational_reply("verlof_gewichtige_omstandigheden", found.choices[-1].facts, TODAY, may_ask=False)
    assert answered is not None and not answered.is_question
    assert "ten hoogste 10 schooldagen per schooljaar" in first_bubble(answered)


def test_a_wedding_of_two_days_is_up_to_the_director_and_depends_on_the_distance() -> None:
    """The wedding guidance gives 1 school day, 2 when the journey is far: 2 days do not simply fit."""
    found = reply("verlof_gewichtige_omstandigheden", "Mijn zus trouwt, mogen we 2 dagen vrij?")
    text = first_bubble(found)
    assert text.startswith("Vanaf uw kind geteld is een zus van u een tante: familie in de 3e graad.")
    assert "Voor een huwelijk in de familie vraagt u vooraf verlof aan de directeur (artikel 14)." in text
    assert "Als richtlijn" in text and "hangt af van de reisafstand" in text
    unknown = first_bubble(reply("verlof_gewichtige_omstandigheden", "Er is een bruiloft, mogen we 2 dagen vrij?"))
    assert "hangt af van de graad van familie of de reisafstand" in unknown
    assert "passen binnen die richtlijn" not in text
    one_day = first_bubble(reply("verlof_gewichtige_omstandigheden", "Mijn zus trouwt, mogen we 1 dag vrij?"))
    assert "De gevraagde dagen passen binnen die richtlijn." in one_day
    assert found.variant == "huwelijk"


def test_more_than_ten_days_is_for_the_leerplichtambtenaar() -> None:
    text = first_bubble(
        reply("verlof_gewichtige_omstandigheden", "Mijn zus trouwt in Turkije, kunnen we 12 dagen vrij krijgen?")
    )
    assert text.startswith(
        "Voor meer dan 10 schooldagen per schooljaar beslist niet de directeur, maar de leerplichtambtenaar"
    )


def test_a_religious_day_needs_notice_two_days_before() -> None:
    text = first_bubble(reply("religieuze_feestdag", "Mag mijn zoon op 20 maart vrij voor het Suikerfeest?"))
    assert "U hoeft geen toestemming te vragen" in text
    assert "Voor 20 maart 2027 meldt u het dus uiterlijk op 18 maart 2027." in text
    late = first_bubble(reply("religieuze_feestdag", "Mag hij morgen vrij voor het Suikerfeest? Dat is 7 december."))
    assert "had dat uiterlijk op 5 december 2026 gemoeten" in late


# -- leerplicht from an age or a birth date (item 4) ---------------------------------------------------------------


def test_a_birth_date_gives_the_dates() -> None:
    found = reply("leerplicht_leeftijd", "Mijn dochter is geboren op 12 maart 2021. Vanaf wanneer is ze leerplichtig?")
    text = first_bubble(found)
    assert text.startswith(
        "Op 6 december 2026 is uw kind leerplichtig. Uw kind is leerplichtig van 1 april 2026 tot en met 31 juli 2037 "
        "(artikel 3 Leerplichtwet). Daarna is uw kind kwalificatieplichtig tot 12 maart 2039"
    )
    assert found.citations[0] == "lpw:3"
    assert any("eerste schooldag van de maand" in str(line) for line in found.details)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_the_dates_are_written_the_way_each_language_writes_them(language: str) -> None:
    found = reply("leerplicht_leeftijd", "12-03-2021", language)
    text = first_bubble(found, language)
    for day in (date(2026, 4, 1), date(2037, 7, 31), date(2039, 3, 12)):
        assert format_date(day, language) in text, (language, text)


def test_a_young_person_hears_about_their_own_obligation() -> None:
    found = reply("kwalificatieplicht", "ik ben 17, mag ik stoppen met school?")
    text = first_bubble(found)
    assert text.startswith("Je bent kwalificatieplichtig: je moet naar school tot je 18 jaar bent")
    assert "Stoppen zonder zo'n diploma mag dus nog niet." in text
    assert "een vmbo-diploma is dat niet" in text and "Je volgt het volledige programma" in text  # art. 1 f, 4c
    assert "uw kind" not in text


@pytest.mark.parametrize(
    "text",
    [
        "Wat gebeurt er als ik met 17 zonder diploma stop?",
        "wat gebeurt er als ik op mijn 17e zonder diploma stop met het mbo",
    ],
)
def test_leaving_school_at_17_gets_the_kwalificatieplicht_and_what_happens(text: str) -> None:
    found = reply("voortijdig_schoolverlaten", text)
    bubble = first_bubble(found)
    assert bubble.startswith("Je bent kwalificatieplichtig: je moet naar school tot je 18 jaar bent")
    assert "Stoppen mag dus nog niet." in bubble
    assert "meldt de school je verzuim (artikel 21a Leerplichtwet)" in bubble
    assert "leerplichtambtenaar met je praten" in bubble and "ook tegen jezelf" in bubble
    assert "(artikel 22 en 26)" in bubble and len(bubble) <= 470
    assert found.citations[:2] == ("lpw:4a", "lpw:3")
    assert {"lpw:21a", "lpw:22", "lpw:26"} <= set(found.citations)


def test_a_parent_asking_about_leaving_hears_about_their_child() -> None:
    bubble = first_bubble(reply("voortijdig_schoolverlaten", "Mijn zoon van 16 wil zonder diploma stoppen, wat nu?"))
    assert bubble.startswith("Uw kind is kwalificatieplichtig: het moet naar school tot het 18 jaar is")
    assert "gaat de leerplichtambtenaar met uw kind en met u praten" in bubble
    assert "tegen u en ook tegen uw kind zelf (artikel 22 en 26)" in bubble


def test_leaving_school_from_18_is_the_topics_own_text() -> None:
    facts = read_facts("wat gebeurt er als ik met 19 zonder diploma stop met het mbo", "nl", today=TODAY)
    assert facts.age == 19
    assert situational_reply("voortijdig_schoolverlaten", facts, TODAY) is None
    # the kwalificatieplicht topic still says that nothing applies any more
    assert situational_reply("kwalificatieplicht", facts, TODAY) is not None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Mijn zoon is 4, moet hij al naar school?", "Nee, uw kind is nog niet leerplichtig."),
        ("Mijn dochter van 9 moet die naar school?", "Ja, uw kind is leerplichtig"),
        ("Mijn zoon van 17 heeft een havo-diploma, moet hij nog naar school?", "Met een startkwalificatie is uw kind"),
        ("Mijn zoon van 17 heeft een vmbo-diploma, moet hij nog naar school?", "De leerplicht loopt tot het einde"),
        ("Mijn dochter is 19, moet zij nog naar school?", "Vanaf 18 jaar is uw kind niet meer leerplichtig"),
    ],
)
def test_an_age_says_which_obligation_applies(text: str, start: str) -> None:
    assert first_bubble(reply("leerplicht_leeftijd", text)).startswith(start)


def test_a_five_year_old_may_stay_home_five_hours() -> None:
    text = first_bubble(reply("vijfjarigen", "Mijn zoon is 5, mag hij soms thuisblijven?"))
    assert "leerplichtig" in text and "5 uur per week thuishouden" in text


def test_must_my_child_go_to_school_asks_the_age() -> None:
    found = reply("leerplicht_leeftijd", "Moet mijn kind naar school?")
    assert found.asks == "age"
    assert [str(choice.title) for choice in found.choices] == [
        "Jonger dan 5 jaar",
        "5 tot 16 jaar",
        "16 of 17 jaar",
        "18 jaar of ouder",
        "Weet ik niet",
    ]
    under_five = situational_reply("leerplicht_leeftijd", found.choices[0].facts, TODAY, may_ask=False)
    assert under_five is not None and first_bubble(under_five).startswith("Nee, uw kind is nog niet leerplichtig.")
    unknown = situational_reply("leerplicht_leeftijd", found.choices[-1].facts, TODAY, may_ask=True)
    assert unknown is None  # "weet ik niet": the general rule, no second question


# -- absence and reporting ---------------------------------------------------------------------------------------


def test_a_school_with_16_hours_must_report() -> None:
    found = reply("meldplicht_verzuim", "Een leerling van 14 heeft 16 uur verzuim, moeten wij melden?")
    text = first_bubble(found)
    assert text.startswith("U moet dit verzuim melden bij DUO.")
    assert "Leerplichtwet artikel 21a" in text
    assert "lpw:21a" in found.citations[:4]


def test_16_hours_without_an_age_is_answered_with_the_assumption_behind_more() -> None:
    found = reply("meldplicht_verzuim", "16 uur verzuim, moeten wij melden?")
    assert first_bubble(found).startswith("U moet dit verzuim melden bij DUO.")
    assert any("leerplichtige leeftijd" in str(line) for line in found.details)


def test_a_parent_hears_what_the_school_must_do() -> None:
    text = first_bubble(reply("meldplicht_verzuim", "Wordt mijn kind gemeld als hij 16 uur spijbelt?"))
    assert text.startswith("Ja. De school moet dit verzuim melden bij DUO")
    assert "16 uur of meer ongeoorloofd verzuim in 4 aaneengesloten lesweken (artikel 21a" in text


def test_eighteen_plus_four_weeks_is_reported() -> None:
    text = first_bubble(
        reply("verzuim_18plus", "Een student van 19 zonder diploma is al 5 weken weg, moeten we melden?")
    )
    assert text.startswith(
        "De leerling is 5 weken aaneengesloten zonder geldige reden afwezig. Bij 4 weken of meer "
        "moet u dit melden bij DUO."
    )


def test_a_schorsing_of_three_days_goes_to_the_inspectie() -> None:
    school = first_bubble(reply("schorsing", "Onze leerling is 3 dagen geschorst, moeten we dat melden?"))
    assert "Dit meldt u niet bij DUO" in school and "aan de Inspectie van het Onderwijs" in school
    parent = first_bubble(reply("schorsing", "Mijn zoon is 10 dagen geschorst, mag dat?"))
    assert parent.startswith("Een schorsing van 10 dagen is langer dan de wet toestaat.")


# -- bad input (issue 15: "Bad input") ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "text", "question"),
    [
        ("leerplicht_leeftijd", "Mijn kind van 3 zit in groep 8", "Een leeftijd van 3 jaar past niet bij groep 8."),
        ("verlof_vakantie", "Kunnen we op 30 februari vrij krijgen?", "De datum '30 februari' bestaat niet."),
        ("verlof_vakantie", "we willen min 2 weken weg", "'min 2 weken' kan niet: een periode is nooit negatief."),
    ],
)
def test_impossible_facts_get_a_polite_correction_question_and_keep_the_rest(topic, text, question) -> None:
    found = reply(topic, text)
    assert found.asks == "correction"
    assert str(found.lines[0]).startswith(question)
    [go_on] = found.choices
    assert str(go_on.title) == "Ga verder zonder" and "correction" in go_on.facts.unknown


def test_the_correction_says_the_rest_was_kept() -> None:
    found = reply(
        "verlof_gewichtige_omstandigheden", "Mijn kind van 3 zit in groep 8, mogen we 2 dagen vrij voor een bruiloft?"
    )
    assert str(found.lines[-1]) == "De rest van uw vraag heb ik onthouden."
    assert (found.facts.days, found.facts.reason) == (2, "huwelijk")


# -- properties of every verdict ---------------------------------------------------------------------------------

CASES = [
    ("verlof_vakantie", "Ik werk in de horeca, mogen we in oktober drie weken op vakantie?"),
    ("verlof_vakantie", "Mogen we de week voor de kerstvakantie al weg?"),
    ("verlof_vakantie", "Mogen we in september een week weg? Ik ben boer."),
    ("verlof_vakantie", "De tickets zijn veel goedkoper in juni, mag mijn kind mee?"),
    ("verlof_gewichtige_omstandigheden", "Opa is overleden, we willen 3 dagen naar de uitvaart"),
    ("verlof_gewichtige_omstandigheden", "Mijn zus trouwt in Turkije, kunnen we 12 dagen vrij krijgen?"),
    ("religieuze_feestdag", "Mag mijn zoon op 20 maart vrij voor het Suikerfeest?"),
    ("leerplicht_leeftijd", "Mijn dochter is geboren op 12 maart 2021. Vanaf wanneer is ze leerplichtig?"),
    ("kwalificatieplicht", "ik ben 17, mag ik stoppen met school?"),
    ("meldplicht_verzuim", "Een leerling van 14 heeft 16 uur verzuim, moeten wij melden?"),
    ("meldplicht_verzuim", "Wordt mijn kind gemeld als hij 16 uur spijbelt?"),
    ("verzuim_18plus", "Een student van 19 zonder diploma is al 5 weken weg, moeten we melden?"),
    ("schorsing", "Onze leerling is 3 dagen geschorst, moeten we dat melden?"),
]


@pytest.mark.parametrize(("topic", "text"), CASES)
def test_every_verdict_is_short_cited_and_resolves(topic: str, text: str) -> None:
    found = reply(topic, text)
    assert not found.is_question
    assert len(first_bubble(found)) <= 470, first_bubble(found)
    assert found.citations and found.law_date is not None
    kb = load_knowledge(strict=False)
    kb.resolve(found.citations)  # an unknown id raises


def test_no_legal_number_is_written_in_the_texts() -> None:
    """Every number a verdict states is a placeholder filled from `params(on)` or the calendar; a digit in a Dutch
    source text may only be part of an article reference ("artikel 13a", "artikel 8.14")."""
    problems = []
    for path in sorted(SITUATION_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args:
                text = node.args[0].value if isinstance(node.args[0], ast.Constant) else ""
                rest = re.sub(
                    r"[Aa]rtikel \d+[a-z]?(\.\d+)*((, | en )\d+[a-z]?(\.\d+)*)*( lid \d+)?|"
                    r"(artikel|Wet voortgezet onderwijs)\s+\d+[a-z]?(\.\d+)*( lid \d+)?|"
                    r"\(artikel \d+[a-z]?\)|onderwijs 2020|niveau 2|\d+a\)",
                    "",
                    str(text),
                )
                if re.search(r"\d", rest):
                    problems.append(f"{path.name}: {text[:70]}")
    assert problems == []


def test_a_school_asking_without_a_case_gets_its_own_duty() -> None:
    vakantie = first_bubble(reply("verlof_vakantie", "Mogen wij als school vakantieverlof geven aan een leerling?"))
    assert vakantie.startswith("Als directeur mag u vakantieverlof alleen geven")
    assert "ten hoogste 10 schooldagen, 1 keer per schooljaar en niet in de eerste 2 lesweken" in vakantie
    assert "luxe verzuim: dat meldt u bij DUO" in vakantie
    gewichtig = first_bubble(
        reply("verlof_gewichtige_omstandigheden", "Hoeveel dagen extra verlof mogen wij als school geven?")
    )
    assert gewichtig.startswith("Als directeur beslist u tot en met 10 schooldagen per schooljaar.")
    assert "binnen 2 dagen" in gewichtig


def test_a_parent_asking_about_leaving_without_leave() -> None:
    tickets = reply("luxe_verzuim", "Mogen we eerder weg omdat de tickets na de vakantie goedkoper zijn?")
    text = first_bubble(tickets)
    assert text.startswith(
        "Nee. Goedkopere tickets of een aanbieding buiten de schoolvakantie zijn geen reden voor verlof."
    )
    assert "luxe verzuim" in text and "proces-verbaal" in text and tickets.citations[0] == "lpw:22"
    sick = reply("luxe_verzuim", "Zal ik mijn kind ziek melden omdat de tickets goedkoper zijn na de vakantie?")
    assert first_bubble(sick).startswith("Nee. Uw kind ziek melden terwijl het niet ziek is")
    job = reply("luxe_verzuim", "Ik werk seizoenswerk op een boerderij, mogen de kinderen drie weken in februari weg?")
    assert job.topic == "verlof_vakantie" and "15" in first_bubble(job)
    facts = read_facts("Wat gebeurt er als we een dag eerder op vakantie gaan?", "nl", today=TODAY)
    assert situational_reply("luxe_verzuim", facts, TODAY) is None  # the topic's own text answers that
