"""The step or detail of a topic that answers the point asked (assistant/knowledge/passages.py), on the real topics."""

from __future__ import annotations

from assistant.knowledge import get_knowledge_base
from assistant.knowledge.passages import answering_passage, answering_passages, passage_kinds, point_asked

URGENT = "Kunnen we bij een spoedeisende zaak naar de voorzieningenrechter?"


def test_a_question_about_one_point_gets_the_detail_that_answers_it():
    passage = answering_passage(URGENT, "bezwaar")
    assert passage is not None
    assert "voorlopige voorziening" in passage and "8:81" in passage
    assert passage in get_knowledge_base().topic("bezwaar").answer.details


def test_the_detail_is_rendered_as_the_user_reads_it():
    shown = point_asked(URGENT, "bezwaar")
    assert shown is not None and "{" not in shown  # no placeholder left
    assert point_asked("/ask_bezwaar", "bezwaar") is None  # a button asks no point


def test_what_the_short_answer_says_needs_no_detail():
    assert answering_passage("Wat is luxe verzuim?", "luxe_verzuim") is None
    assert answering_passage("bezwaar", "bezwaar") is None
    assert answering_passage(URGENT, "no_such_topic") is None


def test_what_comes_next_is_answered_by_the_passage_that_says_it():
    passage = answering_passage("Wat gebeurt er nadat ik bezwaar heb gemaakt tegen de beslissing?", "bezwaar")
    assert passage is not None and "beslissing op bezwaar" in passage and "voorlopige voorziening" not in passage


def test_a_question_how_to_apply_gets_the_first_step_when_no_step_matches_its_words():
    kb = get_knowledge_base()
    question = "Mijn kind heeft psychische klachten. Kan ik vrijstelling van inschrijving aanvragen?"
    assert answering_passage(question, "vrijstelling_5") == kb.topic("vrijstelling_5").answer.steps[0]
    english = answering_passage("How do I apply for an exemption for my son?", "vrijstelling_5", language="en")
    assert english == kb.topic("vrijstelling_5").answer.steps[0]


def test_a_deadline_question_gets_the_passage_with_the_term():
    question = "Binnen hoeveel dagen moeten wij een uitschrijving doorgeven aan DUO?"
    passage = answering_passage(question, "in_uitschrijving")
    assert passage is not None and "{melding.in_uitschrijving_days} dagen" in passage


def test_a_kind_the_short_answer_gives_needs_no_detail():
    # the short answer of bezwaar states the term of 6 weeks: a question about the term is answered by it
    assert answering_passage("Hoeveel tijd heb ik om bezwaar te maken?", "bezwaar") is None
    # the short answer of the fines for schools says a school can be fined
    assert answering_passage("Kan een school een boete krijgen als zij verzuim niet meldt?", "boete_school") is None


def test_the_kinds_of_point_a_passage_gives_are_read_from_its_dutch_text():
    assert passage_kinds("Meld het binnen {melding.in_uitschrijving_days} dagen.") == {"deadline"}
    assert passage_kinds("De leerplichtambtenaar kan proces-verbaal opmaken.") == {"consequence"}
    assert passage_kinds("Daarna neemt de directeur een nieuw besluit.") == {"next", "decider"}
    assert passage_kinds("Schrijf een brief.", step=True) == {"procedure"}
    assert passage_kinds("Uw kind is leerplichtig.") == frozenset()


def test_the_short_answer_on_leaving_without_leave_says_when_a_warning_and_when_a_report_follows():
    short = get_knowledge_base().topic("luxe_verzuim").answer.short
    assert "{richtlijn.om_warning_max_school_days} schooldag" in short and "waarschuwing" in short
    assert "Volgens de richtlijn van het Openbaar Ministerie" in short  # guidance, said as guidance


def test_after_a_verdict_only_a_kind_of_point_it_does_not_give_is_added():
    verdict = "U moet dit verzuim melden bij DUO. Bij 16 uur of meer is melden verplicht (Leerplichtwet artikel 21a)."
    question = "Een leerling mist 16 uur in vier weken. Binnen welke termijn moeten wij dat melden?"
    passage = answering_passage(question, "meldplicht_verzuim", answered=verdict)
    assert passage is not None and "{melding.report_within_working_days} werkdagen" in passage
    # a verdict that gives the term already, or a question that asks no kind of point: nothing is added
    assert answering_passage(question, "meldplicht_verzuim", answered=verdict + " Meld binnen 5 dagen.") is None
    assert (
        answering_passage("Een leerling mist 16 uur. Moeten wij melden?", "meldplicht_verzuim", answered=verdict)
        is None
    )


def test_whom_a_rule_applies_to_is_answered_by_the_passage_that_says_it():
    passage = answering_passage("Voor wie geldt de regel over vrij voor religieuze feestdagen?", "religieuze_feestdag")
    assert passage is not None and "elke godsdienst of levensovertuiging" in passage


def test_the_short_answer_on_exemptions_names_home_education_and_the_yearly_notice():
    short = get_knowledge_base().topic("vrijstelling_5").answer.short
    assert "thuisonderwijs" in short and "vóór 1 juli" in short and "artikel 6" in short


def test_a_question_whether_some_children_have_no_leerplicht_gets_whom_it_applies_to():
    passage = answering_passage("Hebben kinderen van rijke ouders geen leerplicht?", "leerplicht_uitleg")
    assert passage is not None and "ieder kind dat in Nederland woont" in passage


def test_when_a_period_starts_and_ends_is_a_deadline_and_a_verdict_with_dates_gives_it():
    passage = answering_passage("Wanneer begint de leerplicht en hoe lang duurt hij?", "leerplicht_uitleg")
    assert passage is not None and "begint op de eerste schooldag" in passage
    verdict = "Uw kind is leerplichtig van 1 oktober 2026 tot en met 31 juli 2038 (artikel 3 Leerplichtwet)."
    assert answering_passage("Vanaf wanneer is zij leerplichtig?", "leerplicht_leeftijd", answered=verdict) is None


# -- the kinds of point the graders found unanswered (amount, next after a report, contents, meanwhile, evidence,
# reason) and a question that asks two of them ---------------------------------------------------------------------

AMOUNT = "Er is geen vast boetebedrag in de wet."
AFTER_A_REPORT = "Na een proces-verbaal van de leerplichtambtenaar beslist de officier van justitie"


def _starts(passage: str | None, start: str) -> bool:
    return passage is not None and passage.startswith(start)


def test_a_question_about_the_amount_gets_the_passage_with_the_euros() -> None:
    # the short answer gives the consequence (no fixed amount, the statutory maximum): the amount is the point asked
    for question, language in [
        ("Hoe hoog is de boete als we een week eerder gaan?", "nl"),
        ("How much is the fine?", "en"),
        ("yaz tatiline bir hafta erken gidersek ceza ne kadar olur", "tr"),
        ("Jak wysoka jest kara?", "pl"),
        ("كم الغرامة إذا سافرنا قبل العطلة بيومين؟", "ar"),
    ]:
        assert _starts(answering_passage(question, "luxe_verzuim", language=language), AMOUNT), question
    # a topic whose short answer states the amount adds nothing
    assert answering_passage("Hoe hoog is de boete voor een school?", "boete_school") is None


def test_what_follows_a_proces_verbaal_is_the_next_point() -> None:
    passage = answering_passage("We hebben een pv gekregen, wat nu?", "luxe_verzuim")
    assert _starts(passage, AFTER_A_REPORT) and "verzet" in passage  # type: ignore[operator]
    assert passage_kinds(passage) >= {"next", "consequence", "deadline"}  # type: ignore[arg-type]
    # "wat nu als …" asks what if, not what follows
    assert answering_passage("Maar wat nu als een vakantie boeken anders echt niet kan?", "luxe_verzuim") is None


def test_a_question_asking_two_kinds_of_point_gets_a_passage_for_each() -> None:
    question = "Er is proces-verbaal opgemaakt. Wat betekent dat en hoe hoog wordt de boete?"
    found = answering_passages(question, "luxe_verzuim")
    assert len(found) == 2 and {found[0][:20], found[1][:20]} == {AMOUNT[:20], AFTER_A_REPORT[:20]}
    shown = point_asked(question, "luxe_verzuim")
    assert shown is not None and "100 euro" in shown and "\n\n" in shown and "{" not in shown
    # one kind asked: one passage
    assert len(answering_passages("Hoe hoog is de boete?", "luxe_verzuim")) == 1


def test_the_contents_of_a_bezwaarschrift_and_what_holds_while_it_runs() -> None:
    kb = get_knowledge_base()
    for question, language in [
        ("Wat moet er in een bezwaarschrift staan?", "nl"),
        ("What must an objection letter contain?", "en"),
        ("Co powinien zawierać sprzeciw?", "pl"),
    ]:
        assert answering_passage(question, "bezwaar", language=language) == kb.topic("bezwaar").answer.steps[0]
    for question, language in [
        ("Mogen we toch gaan terwijl het bezwaar loopt?", "nl"),
        ("Can my child go on the trip while the objection is still pending?", "en"),
        ("İtiraz devam ederken tatile gidebilir miyiz?", "tr"),
    ]:
        passage = answering_passage(question, "bezwaar", language=language)
        assert _starts(passage, "Een bezwaar schorst het besluit niet (artikel 6:16"), question
    # the urgent route still has its own passage
    assert "voorzieningenrechter" in (answering_passage(URGENT, "bezwaar") or "")


def test_a_question_about_a_doctors_note_and_about_the_jeugdarts() -> None:
    for question, language in [
        ("Moet ik een doktersverklaring inleveren?", "nl"),
        ("Does the school need a doctor's note?", "en"),
        ("Чи потрібна довідка від лікаря?", "uk"),
        ("Oğlum hasta, doktor raporu getirmem gerekiyor mu?", "tr"),
    ]:
        found = answering_passages(question, "ziekte", language=language)
        assert any(p.startswith("De Leerplichtwet vraagt geen doktersverklaring") for p in found), question
    for question, language in [
        ("Waarom moet de jeugdarts erbij komen?", "nl"),
        ("Why does the school want the youth doctor involved?", "en"),
        ("Dlaczego szkoła chce zaangażować lekarza młodzieżowego?", "pl"),
    ]:
        found = answering_passages(question, "ziekte", language=language)
        assert any("begin van langdurig wegblijven van school" in p for p in found), question


def test_the_new_kinds_are_read_from_the_dutch_passage() -> None:
    assert passage_kinds("ongeveer {richtlijn.fine_rule_of_thumb_eur} euro per dag") == {"amount"}
    assert passage_kinds("Zolang er geen verlof is gegeven, is wegblijven ongeoorloofd.") == {"pending"}
    assert passage_kinds("Zet erin: uw naam en adres.") == {"contents"}
    assert passage_kinds("De wet vraagt geen doktersverklaring.") == {"evidence"}
    assert passage_kinds("Bel de gemeente Hengelo op 14 074.") == {"contact"}
    assert passage_kinds("In Enschede neemt het Doorstroompunt zelf contact op met jongeren.") == frozenset()
    assert passage_kinds("Leerplicht maakt afspraken, zodat verzuim vroeg in beeld is.") == {"reason"}


def test_an_audience_is_answered_from_its_own_text() -> None:
    """School staff read the school text of a topic, so the passage that answers them comes from it."""
    kb = get_knowledge_base()
    question = "Een leerling gaat na de zomer naar een andere school; welke uitschrijfdatum vullen wij in?"
    found = answering_passage(question, "in_uitschrijving", audience="school")
    assert found in kb.topic("in_uitschrijving").audiences["school"].steps and "31 juli" in found
    assert answering_passage(question, "in_uitschrijving") != found  # the parents' text has no such step
