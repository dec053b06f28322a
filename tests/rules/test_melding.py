"""Legal-case tables for the DUO verzuimmelding check, at every boundary the rules have."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from assistant.i18n import translate
from assistant.knowledge import Regions, get_regions, resolve_citations
from assistant.knowledge.parameters import parameter_set, params
from assistant.knowledge.placeholders import DAYS_PER_WEEK
from assistant.rules.melding import EXPLANATION, MeldingFacts, age_status, evaluate_melding, load_melding_rules

ON = date(2026, 12, 6)  # the day the law is applied in these tests


def decide(**values):
    values.setdefault("school_type", "vo")
    values.setdefault("age", 14)
    values.setdefault("absence_kind", "ongeoorloofd")
    values.setdefault("municipality", "Hengelo")  # where the overig-verzuim request applies (regions.yml)
    return evaluate_melding(MeldingFacts(**values), on=ON)


# --- the numbers come from the dated parameters, with citations -------------------------------------------------


def test_parameters_hold_the_numbers_with_citations():
    law = params(ON)
    assert law.melding.unauthorised_hours.value == 16 and "lpw:21a" in law.melding.unauthorised_hours.citations
    assert law.melding.period_lesweken.value == 4
    assert law.melding.long_term_relative_weeks.basis == "guidance"
    assert law.melding.weeks_18plus.value == 4
    assert law.melding.age_limit_18plus.value == 27 and "web:9.2.1" in law.melding.age_limit_18plus.citations
    assert law.leerplicht.kwalificatieplicht_end_age.value == 18
    assert law.melding.in_uitschrijving_days.value == 7 and law.melding.in_uitschrijving_days.basis == "guidance"
    assert law.melding.report_within_working_days.basis == "guidance"
    assert law.melding.fine_per_violation_eur.citations == ("lpw:27",)
    rules = load_melding_rules()
    assert rules["plausibility"]["max_hours_in_period"] == (
        rules["plausibility"]["weeks_in_period"]
        * rules["plausibility"]["school_days_per_week"]
        * rules["plausibility"]["max_hours_per_day"]
    )
    assert rules["regional"]["late_arrival_threshold"] is None  # never invented


def test_every_citation_id_in_a_decision_resolves_in_the_knowledge_base():
    for facts in ALL_CASES:
        ids = evaluate_melding(MeldingFacts(**facts), on=ON).citations
        assert len(resolve_citations(ids)) == len(set(ids))


# --- 16 hours in four lesweken (Lpw art. 21a) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "obligation", "category"),
    [
        (0, "regionaal_afgesproken", "overig"),
        (15.5, "regionaal_afgesproken", "overig"),
        (15.99, "regionaal_afgesproken", "overig"),
        (16, "verplicht", "16_uur"),
        (16.5, "verplicht", "16_uur"),
        (40, "verplicht", "16_uur"),
    ],
)
@pytest.mark.parametrize("school_type", ["po", "vo", "mbo"])
def test_sixteen_hour_boundary(school_type, hours, obligation, category):
    age = 9 if school_type == "po" else 15
    decision = decide(school_type=school_type, age=age, unauthorized_hours_4_weeks=hours)
    assert (decision.obligation, decision.category) == (obligation, category)


def test_sixteen_hours_decision_content():
    decision = decide(school_type="vo", unauthorized_hours_4_weeks=16)
    assert decision.duo_category == "16 uur in 4 weken"
    assert decision.channel == "uw administratiepakket of het verzuimloket in Mijn DUO"
    assert decision.deadline.term is None  # the statute sets no term; "onverwijld" is not claimed
    assert "5 werkdagen" in decision.deadline.guidance and "niet in de wet" in decision.deadline.guidance
    assert "vuistregel" in decision.deadline.guidance and decision.deadline.guidance_is_law is False
    assert decision.deadline.guidance_citation == "src:kindindekijker-spijbelen"
    assert {"lpw:21a", "wrod:12", "lpw:27", "brod:14", "src:duo-verzuim"} <= set(decision.citations)
    assert "1.000 euro" in decision.fine_risk and "100.000 euro" in decision.fine_risk
    assert any("opnieuw 16 uur" in line for line in decision.checklist)
    assert any("Einddatum" in line for line in decision.checklist)
    assert any("Begindatum" in field for field in decision.fields)
    assert any("meer dan 16 uur" in note for note in decision.notes)  # the DUO/statute wording gap is flagged
    assert decision.offer_consult is False


def test_po_counts_clock_hours_and_vo_counts_lesson_hours():
    # 16 lessons of 45 minutes are 12 clock hours: in vo that is 16 lesuren and must be reported,
    # a po pupil with 12 clock hours stays below the threshold.
    vo = decide(school_type="vo", age=13, unauthorized_hours_4_weeks=16)
    po = decide(school_type="po", age=11, unauthorized_hours_4_weeks=12)
    assert vo.category == "16_uur" and vo.count_unit.startswith("lesuren")
    assert po.category == "overig" and po.count_unit.startswith("klokuren")
    assert po.channel == "het leerlingadministratiesysteem (LAS) van uw school"
    assert "16 lesuren" in vo.explanation
    assert "12 klokuren" in po.explanation
    assert decide(school_type="mbo", age=17, unauthorized_hours_4_weeks=16).count_unit.startswith("uren lestijd")


def test_late_arrivals_count_towards_sixteen_hours():
    assert decide(absence_kind="te_laat", unauthorized_hours_4_weeks=16, late_count=30).category == "16_uur"
    below = decide(absence_kind="te_laat", unauthorized_hours_4_weeks=5, late_count=12)
    assert (below.obligation, below.category) == ("regionaal_afgesproken", "overig")
    assert "12 keer" in below.explanation
    assert any("schoolaanwezigheidskaart" in note for note in below.notes)


# --- long-term relative absence (more than four weeks) ----------------------------------------------------


@pytest.mark.parametrize(
    ("weeks", "hours", "category"),
    [
        (4, 10, "overig"),
        (4, 20, "16_uur"),
        (4.2, 10, "langdurig_relatief"),
        (5, 10, "langdurig_relatief"),
        (5, 100, "langdurig_relatief"),
    ],
)
def test_long_term_relative_boundary(weeks, hours, category):
    decision = decide(consecutive_weeks_absent=weeks, unauthorized_hours_4_weeks=hours)
    assert decision.category == category


def test_long_term_relative_content():
    decision = decide(consecutive_weeks_absent=6, unauthorized_hours_4_weeks=120)
    assert decision.obligation == "verplicht"
    assert decision.duo_category == "Langdurig relatief verzuim (LRV)"
    assert decision.offer_consult is True
    assert "lpw:10" in decision.citations
    assert any("uit te schrijven" in line for line in decision.checklist)
    assert decision.fine_risk is not None


# --- luxe verzuim, also when suspected -------------------------------------------------------------------


@pytest.mark.parametrize("hours", [0, 6, 16])
def test_luxe_suspicion_is_always_reported(hours):
    decision = decide(absence_kind="luxe_vermoeden", unauthorized_hours_4_weeks=hours, school_type="po", age=7)
    assert (decision.obligation, decision.category) == ("verplicht", "luxe")
    assert decision.duo_category == "Luxe verzuim"
    assert "vermoeden" in decision.explanation
    assert decision.deadline.term is None  # the statute sets no term; "onverwijld" is not claimed


# --- sickness, suspension, leave --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["ziekte", "schorsing"])
def test_sickness_and_suspension_are_not_reported(kind):
    decision = decide(
        absence_kind=kind, unauthorized_hours_4_weeks=0, consecutive_weeks_absent=2, municipality="Enschede"
    )
    assert (decision.obligation, decision.category) == ("niet_nodig", "geen")
    assert decision.channel is None and decision.deadline is None and decision.fields == []
    assert "lpw:11" in decision.citations


@pytest.mark.parametrize("kind", ["ziekte", "schorsing"])
def test_sickness_or_suspension_with_suspected_unauthorised_absence(kind):
    decision = decide(absence_kind=kind, suspected_unauthorised=True, municipality="Hengelo")
    assert (decision.obligation, decision.category) == ("regionaal_afgesproken", "overig")
    assert "vermoedt" in decision.explanation.lower()
    assert any("16 uur in 4 weken" in note for note in decision.notes)
    in_enschede = decide(absence_kind=kind, suspected_unauthorised=True, municipality="Enschede")
    assert in_enschede.obligation == "niet_nodig" and "Alleen in Hengelo en Borne" in in_enschede.explanation


def test_the_schorsing_maximum_is_said_in_weeks_as_the_statute_says_it():
    """WVO 2020 art. 8.14: "voor ten hoogste een week schorsen" (the parameter is in days)."""
    decision = decide(absence_kind="schorsing")
    assert "Een schorsing duurt ten hoogste één week." in decision.explanation
    assert "7 dagen" not in decision.explanation
    [sentence] = [m for m in decision.messages(EXPLANATION) if "schorsing duurt" in m.template]
    assert sentence.values["max_weeks"] == 1
    english = translate(sentence, "en")
    assert "A suspension (schorsing) lasts at most one week." in english and "7 days" not in english


def test_the_schorsing_maximum_is_a_whole_number_of_weeks_in_every_version():
    """The melding says the maximum in whole weeks (`max_days // 7`): a version of another length needs a new text."""
    versions = parameter_set().definitions["schorsing"]["max_days"].versions
    assert versions and all(version.value % DAYS_PER_WEEK == 0 for version in versions)


def test_long_term_sickness_hengelo_and_borne_only():
    for place in ("Hengelo", "borne"):
        decision = decide(absence_kind="ziekte", long_term_sickness=True, municipality=place, school_type="po", age=10)
        assert (decision.obligation, decision.category) == ("regionaal_afgesproken", "overig")
        assert "2024-2025" in decision.explanation and "regionale afspraak" in decision.explanation
        assert "src:hengelo-jaarverslag-leerplicht-2024-2025" in decision.citations
    enschede = decide(absence_kind="ziekte", long_term_sickness=True, municipality="Enschede")
    assert enschede.obligation == "niet_nodig"
    assert any("Hengelo en Borne" in note for note in enschede.notes)


def test_where_long_term_sickness_is_reported_comes_from_the_regional_agreement(monkeypatch):
    real = get_regions()
    agreements = [
        a.model_copy(update={"applies_to": ("Enschede",)}) if a.id == "langdurig-ziekteverzuim-gemeld" else a
        for a in real.agreements
    ]
    moved = Regions(
        [real.municipality(name) for name in real.municipalities],
        doorstroompunt_areas=real.doorstroompunt_areas,
        vakantieregio=real.vakantieregio,
        agreements=agreements,
    )
    monkeypatch.setattr("assistant.rules.melding.decide.get_regions", lambda: moved)
    assert (
        decide(absence_kind="ziekte", long_term_sickness=True, municipality="Enschede").obligation
        == "regionaal_afgesproken"
    )
    assert decide(absence_kind="ziekte", long_term_sickness=True, municipality="Hengelo").obligation == "niet_nodig"


@pytest.mark.parametrize(
    ("place", "obligation"),
    [
        ("Hengelo", "regionaal_afgesproken"),
        ("gemeente Borne", "regionaal_afgesproken"),
        ("Enschede", "niet_nodig"),
        ("Losser", "niet_nodig"),
        ("Hof van Twente", "niet_nodig"),
        (None, "niet_nodig"),
    ],
)
def test_the_overig_verzuim_request_holds_only_where_regions_yml_says(place, obligation):
    decision = decide(unauthorized_hours_4_weeks=8, municipality=place)
    assert decision.obligation == obligation
    if obligation == "niet_nodig":
        assert "Alleen in Hengelo en Borne vraagt leerplicht" in decision.explanation
        assert "Twente" not in decision.explanation


def test_granted_leave_is_not_reported():
    decision = decide(absence_kind="verlof", unauthorized_hours_4_weeks=0)
    assert (decision.obligation, decision.category) == ("niet_nodig", "geen")
    assert {"lpw:13a", "lpw:14"} <= set(decision.citations)
    assert "langer weg" in decision.explanation
    assert decision.checklist[0] == "Een melding bij DUO is niet nodig."


# --- Twente agreements: overig verzuim and the preventive spreekuur ---------------------------------------


def test_overig_verzuim_is_a_regional_agreement_not_law():
    decision = decide(unauthorized_hours_4_weeks=8, municipality="Borne")
    assert decision.obligation == "regionaal_afgesproken"
    assert "In Hengelo en Borne vraagt leerplicht" in decision.explanation
    assert "geen wettelijke plicht" in decision.explanation
    assert decision.deadline.term is None
    assert decision.fine_risk is None
    assert any("14 uur" in note for note in decision.notes)


def test_outside_twente_no_agreement_is_claimed():
    decision = decide(unauthorized_hours_4_weeks=8, municipality="Utrecht")
    assert (decision.obligation, decision.category) == ("niet_nodig", "geen")
    assert any("alleen de afspraken van Hengelo, Borne en Enschede" in note for note in decision.notes)
    assert "Twente" not in decision.explanation


def test_preventive_spreekuur_gets_a_regional_duo_melding():
    decision = decide(absence_kind="ziekte", preventive_spreekuur=True, municipality="Hengelo")
    assert (decision.obligation, decision.category) == ("regionaal_afgesproken", "overig")
    assert "spreekuur" in decision.explanation and "regionale afspraak" in decision.explanation
    assert "src:enschede-toelichting-instructie-leerplicht" in decision.citations


def test_spreekuur_does_not_soften_a_statutory_duty():
    decision = decide(preventive_spreekuur=True, unauthorized_hours_4_weeks=16)
    assert (decision.obligation, decision.category) == ("verplicht", "16_uur")


# --- ages: leerplicht, kwalificatieplicht, 18+ (under 23 until 2025, under 27 since 2026) ------------------


@pytest.mark.parametrize(
    ("age", "sk", "status"),
    [
        (4, False, "nog_niet_leerplichtig"),
        (5, False, "leerplichtig"),
        (15, False, "leerplichtig"),
        (16, False, "leerplichtig_of_kwalificatieplichtig"),
        (16, True, "leerplichtig_of_kwalificatieplichtig"),
        (17, False, "kwalificatieplichtig"),
        (17, True, "buiten_meldplicht"),
        (18, False, "achttien_plus_zonder_startkwalificatie"),
        (18, True, "buiten_meldplicht"),
        (22, False, "achttien_plus_zonder_startkwalificatie"),
        (23, False, "achttien_plus_zonder_startkwalificatie"),
        (26, False, "achttien_plus_zonder_startkwalificatie"),
        (26, True, "buiten_meldplicht"),
        (27, False, "buiten_meldplicht"),
    ],
)
def test_age_status_table(age, sk, status):
    assert age_status(age, sk, params(ON)) == status


@pytest.mark.parametrize(
    ("age", "status"),
    [
        (22, "achttien_plus_zonder_startkwalificatie"),
        (23, "buiten_meldplicht"),
        (26, "buiten_meldplicht"),
    ],
)
def test_age_status_under_the_2025_law(age, status):
    assert age_status(age, False, params(date(2025, 10, 1))) == status


@pytest.mark.parametrize(
    ("age", "sk", "obligation", "category"),
    [
        (17, False, "verplicht", "16_uur"),  # kwalificatieplichtig: art. 21a applies
        (17, True, "niet_nodig", "geen"),
        (18, False, "niet_nodig", "geen"),  # 18+: 16 hours alone is not the trigger, four weeks are
        (18, True, "niet_nodig", "geen"),
    ],
)
def test_age_17_vs_18_with_sixteen_hours_in_two_weeks(age, sk, obligation, category):
    decision = decide(
        school_type="mbo", age=age, has_startkwalificatie=sk, unauthorized_hours_4_weeks=20, consecutive_weeks_absent=2
    )
    assert (decision.obligation, decision.category) == (obligation, category)


@pytest.mark.parametrize(
    ("weeks", "obligation", "category"),
    [
        (3, "niet_nodig", "geen"),
        (3.9, "niet_nodig", "geen"),
        (4, "verplicht", "18_plus"),
        (5, "verplicht", "18_plus"),
    ],
)
def test_eighteen_plus_four_consecutive_weeks(weeks, obligation, category):
    decision = decide(
        school_type="mbo",
        age=19,
        has_startkwalificatie=False,
        consecutive_weeks_absent=weeks,
        unauthorized_hours_4_weeks=80,
    )
    assert (decision.obligation, decision.category) == (obligation, category)
    assert {"web:9.2.1", "web:9.2.2"} <= set(decision.citations) and "web:8.1.8a" not in decision.citations
    assert decision.offer_consult is True


def test_eighteen_plus_report_goes_to_the_doorstroompunt():
    decision = decide(school_type="vo", age=18, has_startkwalificatie=False, consecutive_weeks_absent=4)
    assert "Doorstroompunt (voorheen RMC)" in decision.recipient
    assert "Doorstroompunt" in decision.explanation
    assert decision.fields[0].startswith("Of de leerling een startkwalificatie heeft")
    assert decision.fine_risk is None  # art. 27 is about the head's Lpw duties; not claimed here
    assert any("WVO 2020 artikel 8.20" in note for note in decision.notes) and "wvo:8.20" in decision.citations


@pytest.mark.parametrize(
    ("age", "sk", "category"),
    [
        (22, False, "18_plus"),
        (23, False, "18_plus"),
        (26, False, "18_plus"),
        (27, False, "geen"),
        (22, True, "geen"),
        (30, False, "geen"),
    ],
)
def test_age_26_vs_27_and_startkwalificatie(age, sk, category):
    decision = decide(
        school_type="mbo", age=age, has_startkwalificatie=sk, consecutive_weeks_absent=6, unauthorized_hours_4_weeks=100
    )
    assert decision.category == category


def test_outside_the_duties_says_what_applies_instead():
    decision = decide(school_type="mbo", age=27, has_startkwalificatie=False, consecutive_weeks_absent=6)
    assert decision.obligation == "niet_nodig"
    assert "verzuimbeleid van uw eigen school" in decision.explanation
    assert "8.1.7" in decision.explanation
    with_sk = decide(school_type="vo", age=18, has_startkwalificatie=True, consecutive_weeks_absent=6)
    assert "startkwalificatie" in with_sk.explanation


def test_unknown_startkwalificatie_is_treated_as_none_and_said():
    decision = decide(school_type="mbo", age=19, consecutive_weeks_absent=4)
    assert decision.category == "18_plus"
    assert any("startkwalificatie" in note for note in decision.notes)
    assert not any("startkwalificatie" in note for note in decide(age=10).notes)
    assert not any("startkwalificatie" in note for note in decide(school_type="mbo", age=30).notes)


def test_sixteen_with_startkwalificatie_is_still_possibly_leerplichtig():
    decision = decide(age=16, has_startkwalificatie=True, unauthorized_hours_4_weeks=16)
    assert decision.category == "16_uur"
    assert any("schooljaar" in note for note in decision.notes)


def test_four_year_old_is_not_yet_leerplichtig():
    decision = decide(school_type="po", age=4, unauthorized_hours_4_weeks=20)
    assert (decision.obligation, decision.category) == ("niet_nodig", "geen")
    assert "lpw:3" in decision.citations
    assert "vijfde verjaardag" in decision.explanation


def test_five_year_old_note_on_start_of_leerplicht():
    decision = decide(school_type="po", age=5, unauthorized_hours_4_weeks=16)
    assert decision.category == "16_uur"
    assert any("vijfde verjaardag" in note for note in decision.notes)


# --- impossible input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("age", 3, "minstens 4 jaar"),
        ("age", 101, "niet mogelijk"),
        ("unauthorized_hours_4_weeks", -1, "negatief"),
        ("unauthorized_hours_4_weeks", 200.5, "200 uur"),
        ("consecutive_weeks_absent", -0.5, "negatief"),
        ("late_count", -1, "negatief"),
        ("late_count", 201, "200 keer"),
    ],
)
def test_impossible_input_is_rejected_with_a_dutch_reason(field, value, text):
    values = {"school_type": "vo", "age": 14, "absence_kind": "ongeoorloofd", field: value}
    with pytest.raises(ValidationError) as caught:
        MeldingFacts(**values)
    [error] = caught.value.errors()
    assert error["loc"] == (field,)
    assert text in error["ctx"]["reason"]


def test_plausibility_bound_itself_is_accepted():
    assert decide(unauthorized_hours_4_weeks=200).category == "16_uur"


def test_evaluation_is_pure_and_deterministic():
    facts = MeldingFacts(school_type="vo", age=14, absence_kind="ongeoorloofd", unauthorized_hours_4_weeks=17)
    assert evaluate_melding(facts, on=ON) == evaluate_melding(facts, on=ON)
    assert facts.unauthorized_hours_4_weeks == 17


ALL_CASES = [
    {
        "school_type": st,
        "age": age,
        "has_startkwalificatie": sk,
        "absence_kind": kind,
        "unauthorized_hours_4_weeks": hours,
        "consecutive_weeks_absent": weeks,
        "municipality": place,
        "suspected_unauthorised": suspected,
        "preventive_spreekuur": spreekuur,
        "long_term_sickness": long_term,
    }
    for st in ("po", "vo", "mbo")
    for age, sk in ((4, False), (10, False), (16, True), (17, False), (19, False), (19, True), (23, False))
    for kind in ("ongeoorloofd", "ziekte", "schorsing", "verlof", "te_laat", "luxe_vermoeden")
    for hours, weeks in ((3, 1), (16, 2), (60, 6))
    for place in (None, "Hengelo", "Utrecht")
    for suspected, spreekuur, long_term in ((False, False, False), (True, True, True))
]


def test_every_case_gives_a_complete_dutch_decision():
    for values in ALL_CASES:
        decision = evaluate_melding(MeldingFacts(**values), on=ON)
        assert decision.explanation and decision.checklist and decision.citations
        if decision.obligation == "niet_nodig":
            assert decision.category == "geen" and decision.channel is None
        else:
            assert decision.category != "geen" and decision.channel and decision.fields and decision.deadline
        if decision.obligation == "regionaal_afgesproken":
            assert "regionale afspraak" in decision.explanation or "verzoek van die gemeenten" in decision.explanation
            assert decision.deadline.term is None
        if decision.obligation == "verplicht":
            assert decision.deadline.term is None  # the statute sets no term; "onverwijld" is not claimed
