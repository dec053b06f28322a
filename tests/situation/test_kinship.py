"""The relative a message names, whose relative it is, and its degree of kinship counted from the child
(`assistant.situation.kinship`): a parent's "mijn broer" is the child's uncle, "haar tante" and a bare "opa" are the
child's own, a young person's "mijn oom" is their own; blood and marriage; ambiguous words keep every reading; the
words of all six languages."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from assistant.folding import fold
from assistant.i18n.situation_words import WORDS_FILE, tokens
from assistant.situation import Facts, read_facts
from assistant.situation.kinship import RELATIONS, Kin, Tie, degrees, read_asked_degree, read_kin

TODAY = date(2026, 12, 6)


def kin_of(text: str, language: str = "nl") -> str | None:
    return read_facts(text, language, today=TODAY).kin


# -- whose relative -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kin"),
    [
        ("Mijn broer trouwt op een donderdag in Marokko. Hoeveel dagen vrij kan mijn dochter krijgen?", "mine:broer"),
        ("Opa is gisteren overleden en de uitvaart is vrijdag.", "bare:opa"),
        ("Mijn tante overleed plotseling en we zijn meteen naar België gereden.", "mine:tante"),
        ("Ik wil verlof aanvragen voor mijn dochter, de bruiloft van haar tante is op vrijdag.", "child:tante"),
        (
            "verlof aanvragen voor 2 kinderen graag, begrafenis van mijn schoonvader volgende week dinsdag",
            "mine:schoonvader",
        ),
        ("Is een achterneef familie in de 3e graad?", "bare:achterneef"),
        ("Valt mijn stiefvader onder de eerste graad?", "mine:stiefvader"),
        ("Een ouder vraagt vrij voor de bruiloft van een volle neef van het kind.", "child:volle_neef"),
        ("bruiloft van mijn oom in Turkije", "mine:oom"),
        ("De oom van mijn dochter trouwt in Zwolle", "child:oom"),
        ("Mijn zoon wil naar de begrafenis van zijn opa", "child:opa"),
        ("de begrafenis van mijn lieve oma", "mine:oma"),
        ("Mijn ouders zijn dan 40 jaar getrouwd", "mine:ouder"),
        ("Onze oma is gestorven in Suriname", "bare:oma"),  # the family's grandmother: counted from the child
        # the parents who ask are no relative of the event: the one named after them is
        ("De ouders van een leerling vragen 1 dag vrij voor een huwelijk van de broer", "bare:broer"),
        ("De moeder van onze leerling vraagt vrij voor de uitvaart van opa", "bare:opa"),
    ],
)
def test_whose_relative_the_words_name(text: str, kin: str) -> None:
    assert kin_of(text) == kin


@pytest.mark.parametrize("text", ["Wij als ouders willen vrij vragen", "Ik ben vader van twee kinderen", "De ouders"])
def test_a_parent_word_without_a_possessive_names_no_relative(text: str) -> None:
    assert kin_of(text) is None


# -- degrees ------------------------------------------------------------------------------------------------------


def readings(relation: str, *, from_parent: bool) -> tuple[Tie, ...]:
    return Kin(relation, "bare").readings(from_parent=from_parent)


@pytest.mark.parametrize(
    ("relation", "expected", "by_marriage"),
    [
        ("vader", (1,), False),
        ("opa", (2,), False),
        ("overgrootmoeder", (3,), False),
        ("betovergrootouder", (4,), False),
        ("broer", (2,), False),
        ("halfzus", (2,), False),
        ("oom", (3,), False),
        ("tante", (3,), False),
        ("oudoom", (4,), False),
        ("neef_kind", (3,), False),
        ("volle_neef", (4,), False),
        ("kleinkind_broer_zus", (4,), False),
        ("stiefvader", (1,), True),
        ("aangetrouwde_tante", (3,), True),
        ("schoonvader", (1,), True),
    ],
)
def test_the_degree_of_the_childs_own_relative(relation: str, expected: tuple[int, ...], by_marriage: bool) -> None:
    found = readings(relation, from_parent=False)
    assert degrees(found) == expected
    assert all(tie.by_marriage == by_marriage for tie in found)


@pytest.mark.parametrize(
    ("relation", "expected", "name"),
    [
        ("broer", (3,), "oom_tante"),  # a parent's brother is the child's uncle
        ("zus", (3,), "oom_tante"),
        ("vader", (2,), "grootouder"),
        ("opa", (3,), "overgrootouder"),
        ("oom", (4,), "oudoom_tante"),
        ("halfbroer", (3,), "oom_tante"),
        ("schoonvader", (2,), "grootouder"),  # the parent's partner's father: the child's grandfather, by blood
        ("schoonmoeder", (2,), "grootouder"),
        ("stiefvader", (2,), "stiefgrootouder"),
    ],
)
def test_a_parents_relative_counted_from_the_child(relation: str, expected: tuple[int, ...], name: str) -> None:
    found = readings(relation, from_parent=True)
    assert degrees(found) == expected
    assert found[0].name == name


def test_schoonfamilie_of_a_parent_is_blood_family_of_the_child() -> None:
    (tie,) = readings("schoonvader", from_parent=True)
    assert not tie.by_marriage
    (own,) = readings("schoonvader", from_parent=False)
    assert own.by_marriage and own.degree == 1  # the asker's own father-in-law: aanverwant in the 1st degree


def test_a_step_parent_is_family_by_marriage_in_the_first_degree() -> None:
    (tie,) = readings("stiefmoeder", from_parent=False)
    assert (tie.degree, tie.by_marriage, tie.name) == (1, True, "stiefouder")


def test_a_brother_in_law_is_the_childs_uncle_by_blood_or_by_marriage() -> None:
    found = readings("zwager", from_parent=True)
    assert degrees(found) == (3,)
    assert [tie.by_marriage for tie in found] == [False, True]
    assert {tie.name for tie in found} == {"oom_tante", "aangetrouwd_oom_tante"}


def test_neef_keeps_both_readings() -> None:
    """A child of a brother or sister (3rd degree) or of an uncle or aunt (4th); "volle neef" is the cousin only."""
    own = readings("neef", from_parent=False)
    assert [(tie.degree, tie.name) for tie in own] == [(3, "kind_broer_zus"), (4, "volle_neef")]
    parents = readings("neef", from_parent=True)
    assert [(tie.degree, tie.name) for tie in parents] == [(4, "volle_neef"), (5, "neef_ouder")]
    assert degrees(readings("volle_neef", from_parent=False)) == (4,)


def test_an_achterneef_is_beyond_the_third_degree_in_every_reading() -> None:
    assert degrees(readings("achterneef", from_parent=False)) == (4, 5)


def test_every_relation_has_a_name_the_texts_know() -> None:
    from assistant.situation.kinship_texts import NOUNS

    for relation, (ties, _gender, word) in RELATIONS.items():
        assert (word or ties[0].name) in NOUNS, relation
        for tie in (*ties, *(tie.for_child() for tie in ties)):
            assert tie.name in NOUNS, (relation, tie)


def test_the_kin_fact_survives_json_and_a_bad_one_is_ignored() -> None:
    facts = read_facts(
        "Mag mijn zoon vrij? Mijn broer trouwt. Is dat 3e graad? We konden niet vooraf.", "nl", today=TODAY
    )
    again = Facts.from_json(facts.to_json())
    assert (again.kin, again.asked_degree, again.leave_asked) == ("mine:broer", 3, "afterwards")
    assert Kin.from_fact("mine:koning") is None and Kin.from_fact("someone:oom") is None and Kin.from_fact(None) is None


# -- every language -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "kin"),
    [
        ("en", "My brother's wedding is in Morocco", "mine:broer"),
        ("en", "my son's uncle is getting married", "child:oom"),
        ("en", "The funeral of her grandma is on Friday", "child:oma"),
        ("en", "Is a cousin family in the third degree?", "bare:volle_neef_nicht"),
        ("en", "the funeral of my father-in-law", "mine:schoonvader"),
        ("ar", "زفاف أخي في تركيا", "mine:broer"),
        ("ar", "توفي جد ابني", "child:opa"),
        ("ar", "زفاف ابن عمي", "mine:volle_neef_nicht"),
        ("ar", "توفيت جدتها", "child:oma"),
        ("uk", "Весілля мого брата в Україні", "mine:broer"),
        ("uk", "похорон дядька мого сина", "child:oom"),
        ("uk", "весілля двоюрідного брата", "bare:volle_neef"),
        ("tr", "Amcamın düğünü Türkiye'de", "mine:oom"),
        ("tr", "Oğlumun amcası evleniyor", "child:oom"),
        ("tr", "Kayınpederimin cenazesi yarın", "mine:schoonvader"),
        ("pl", "Ślub mojego brata jest w Polsce", "mine:broer"),
        ("pl", "pogrzeb mojego teścia", "mine:schoonvader"),
        ("pl", "ślub kuzyna mojego syna", "child:volle_neef"),
        ("pl", "zmarł dziadek", "bare:opa"),
    ],
)
def test_relatives_in_every_language(language: str, text: str, kin: str) -> None:
    assert kin_of(text, language) == kin


@pytest.mark.parametrize("language", ["nl", "en", "ar", "uk", "tr", "pl"])
def test_every_language_has_the_common_relations(language: str) -> None:
    """Grandparents, uncle, aunt, brother, sister, a cousin and a father-in-law, in every language's words."""
    entry = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))[language]["kin"]
    named = {key.partition("@")[0] for key in entry}
    assert set(named) <= set(RELATIONS)
    for wanted in (("opa",), ("oma",), ("oom", "oom_tante"), ("tante", "oom_tante"), ("broer",), ("zus",)):
        assert named & set(wanted), (language, wanted)
    assert named & {"volle_neef", "volle_neef_nicht", "neef"}, language
    assert "schoonvader" in named, language


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Is dat de 3e graad?"),
        ("nl", "valt dat onder de derde graad"),
        ("en", "is that the third degree"),
        ("en", "is that 3rd degree"),
        ("uk", "це родич 3-го ступеня?"),
        ("uk", "третього ступеня"),
        ("tr", "üçüncü dereceden akraba mı"),
        ("pl", "krewny trzeciego stopnia"),
        ("ar", "هل هو من الدرجة الثالثة"),
    ],
)
def test_the_degree_asked_about_in_every_language(language: str, text: str) -> None:
    assert read_asked_degree(tokens(fold(text))) == 3


@pytest.mark.parametrize(
    ("language", "text", "asked"),
    [
        ("nl", "ik heb dus vooraf niks kunnen aanvragen", "afterwards"),
        ("nl", "we zijn al vertrokken naar de uitvaart", "afterwards"),
        ("nl", "Moet ik daar nog toestemming voor vragen of mag mijn zoon gewoon thuisblijven?", "whether"),
        ("en", "we have already left, I couldn't ask in advance", "afterwards"),
        ("en", "can my son just stay home?", "whether"),
        ("ar", "لم أستطع أن أطلب مسبقا", "afterwards"),
        ("uk", "ми вже поїхали", "afterwards"),
        ("tr", "önceden izin alamadım", "afterwards"),
        ("pl", "już wyjechaliśmy", "afterwards"),
    ],
)
def test_leave_asked_afterwards_or_whether_at_all(language: str, text: str, asked: str) -> None:
    assert read_facts(text, language, today=TODAY).leave_asked == asked


@pytest.mark.parametrize(
    "text",
    ["Mag mijn zoon na de uitvaart meteen naar school?", "De kinderen zitten al in groep 8", "Hoe vraag ik verlof?"],
)
def test_no_leave_asked_afterwards_without_its_words(text: str) -> None:
    assert read_facts(text, "nl", today=TODAY).leave_asked is None


def test_a_death_in_the_past_tense_and_a_trip_to_belgium_are_read() -> None:
    facts = read_facts("Mijn tante overleed plotseling en we zijn meteen naar België gereden", "nl", today=TODAY)
    assert (facts.reason, facts.abroad) == ("overlijden", True)


def test_read_kin_takes_the_first_relative() -> None:
    found = read_kin(tokens(fold("de opa van mijn dochter en haar tante")))
    assert found is not None and found.fact == "child:opa"
