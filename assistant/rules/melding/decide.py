"""The melding rules: `evaluate_melding` and one function per situation; each ends in `DecisionBuilder.decide` with
a category whose meaning (obligation, recipient, deadline, fine) is in `OUTCOMES`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.i18n import Message
from assistant.knowledge.parameters import LegalParameters, params
from assistant.knowledge.placeholders import DAYS_PER_WEEK
from assistant.knowledge.regions import get_regions
from assistant.rules.melding import texts as t
from assistant.rules.melding.facts import Category, MeldingFacts, age_status, load_melding_rules
from assistant.rules.melding.outcome import DecisionBuilder, MeldingDecision, dutch, number

OVERIG_AGREEMENT = "overig-verzuim-melden"
SPREEKUUR_AGREEMENT = "preventief-spreekuur-met-duo-melding"


def _in_twente(municipality: str | None) -> bool:
    """No municipality given (Twente is assumed), or one the regional table covers."""
    return municipality is None or get_regions().covers(municipality)


def evaluate_melding(
    facts: MeldingFacts, on: dt.date, *, law: LegalParameters | None = None, rules: dict[str, Any] | None = None
) -> MeldingDecision:
    """Decide whether and how a school reports this absence to DUO, under the law as it holds on `on` (the day the
    absence is judged). Pure: no I/O besides the cached knowledge files. `law` replaces the repository's parameters
    (a test of a change of law); `LawNotKnown` when `on` lies before the law the knowledge covers."""
    rules = rules or load_melding_rules()
    law = law or params(on)
    status = age_status(facts.age, facts.has_startkwalificatie, law)
    builder = DecisionBuilder(facts, rules, law, status)

    if (
        facts.has_startkwalificatie is None
        and law.leerplicht.end_age.value <= facts.age < law.melding.age_limit_18plus.value
    ):
        builder.note(t.NOTE_SK_UNKNOWN)
    if status == "nog_niet_leerplichtig":
        return _not_yet_leerplichtig(builder)
    if status == "buiten_meldplicht":
        return _outside(builder)
    if status == "achttien_plus_zonder_startkwalificatie":
        return _eighteen_plus(builder)
    if status == "leerplichtig_of_kwalificatieplichtig" and facts.has_startkwalificatie:
        builder.note(t.NOTE_SIXTEEN_WITH_SK, age=law.leerplicht.end_age.value)
        builder.cite("lpw:3")
    if facts.age == law.leerplicht.start_age.value:
        builder.note(t.NOTE_LEERPLICHT_START)
        builder.cite("lpw:3")
    return _leerplichtig(builder)


def _leerplichtig(b: DecisionBuilder) -> MeldingDecision:
    facts = b.facts
    b.cite("lpw:2", "lpw:3")
    if b.status != "leerplichtig":
        b.cite("lpw:4a", "lpw:4b")
    hours_limit = b.law.melding.unauthorised_hours.value
    lrv_weeks = b.law.melding.long_term_relative_weeks.value
    kind = facts.absence_kind

    if kind == "verlof":
        return _regional_or_none(b, [_granted_leave(b)])
    if kind in ("ziekte", "schorsing"):
        return _sick_or_suspended(b)
    if kind == "luxe_vermoeden":
        return _luxe(b)
    # ongeoorloofd or te_laat: lesson time missed without a valid reason
    if facts.consecutive_weeks_absent > lrv_weeks:
        return _long_term_relative(b)
    if facts.unauthorized_hours_4_weeks >= hours_limit:
        return _sixteen_hours(b)
    return _overig(b)


def _sixteen_hours(b: DecisionBuilder) -> MeldingDecision:
    facts, law = b.facts, b.law
    threshold = law.melding.unauthorised_hours
    b.cite(*threshold.citations, "src:duo-verzuim", "lpw:27")
    explanation = [
        Message(
            t.SIXTEEN_HOURS,
            {
                "hours": number(facts.unauthorized_hours_4_weeks),
                "unit": b.unit(),
                "limit": threshold.value,
                "lesweken": law.melding.period_lesweken.value,
            },
        )
    ]
    if facts.absence_kind == "te_laat":
        explanation.append(Message(t.LATE_ALSO_COUNTS))
    explanation.append(Message(t.DUO_SENDS_TO_OFFICER))
    b.note(t.NOTE_SIXTEEN_WORDING, limit=threshold.value)
    days = law.melding.report_within_working_days.value
    return b.decide(
        "16_uur",
        explanation,
        [
            b.report_via(),
            Message(t.CHOOSE_CATEGORY, {"category": Message(t.DUO_CATEGORY["16_uur"])}),
            Message(t.COUNT_HOURS_IN, {"unit": Message(t.UNIT_TEXT[facts.school_type])}),
            Message(t.REPORT_NOW_GUIDANCE, {"days": days, "limit": threshold.value}),
            Message(t.END_DATE_SIXTEEN, {"limit": threshold.value}),
            Message(t.REPORT_AGAIN, {"limit": threshold.value}),
            t.FILL_IN_ALL,
        ],
    )


def _long_term_relative(b: DecisionBuilder) -> MeldingDecision:
    facts = b.facts
    long_term = b.law.melding.long_term_relative_weeks
    b.cite(*long_term.citations, "lpw:21a", "wrod:12", "lpw:27", "lpw:10")
    explanation = [
        Message(
            t.LONG_TERM_RELATIVE,
            {
                "weeks": number(facts.consecutive_weeks_absent),
                "long_term": long_term.value,
                "category": Message(t.DUO_CATEGORY["16_uur"]),
            },
        )
    ]
    return b.decide(
        "langdurig_relatief",
        explanation,
        [
            b.report_via(),
            Message(t.CHOOSE_CATEGORY, {"category": Message(t.DUO_CATEGORY["langdurig_relatief"])}),
            t.GIVE_END_DATE,
            t.DO_NOT_DEREGISTER,
            t.FILL_IN_ALL,
        ],
    )


def _luxe(b: DecisionBuilder) -> MeldingDecision:
    b.cite("src:duo-verzuim", "lpw:13a", "lpw:14", "brod:14")
    return b.decide(
        "luxe",
        [Message(t.LUXE)],
        [
            b.report_via(),
            Message(t.CHOOSE_CATEGORY, {"category": Message(t.DUO_CATEGORY["luxe"])}),
            t.LUXE_REASON,
            t.REPORT_SUSPICION,
            t.FILL_IN_ALL,
        ],
    )


def _overig(b: DecisionBuilder, reason: list[Message] | None = None) -> MeldingDecision:
    """Below the statutory threshold: not required; asked in Twente."""
    facts = b.facts
    limit = b.law.melding.unauthorised_hours.value
    if reason is None:
        if facts.absence_kind == "te_laat":
            if facts.late_count is not None:
                reason = [Message(t.LATE_COUNT_BELOW_THRESHOLD, {"count": facts.late_count, "limit": limit})]
            else:
                reason = [Message(t.LATE_BELOW_THRESHOLD, {"limit": limit})]
            b.note(t.NOTE_LATE_THRESHOLD)
        else:
            reason = [
                Message(
                    t.BELOW_THRESHOLD,
                    {
                        "hours": number(facts.unauthorized_hours_4_weeks),
                        "unit": b.unit(),
                        "limit": limit,
                        "lesweken": b.law.melding.period_lesweken.value,
                    },
                )
            ]
        b.cite("lpw:21a", "src:duo-verzuim")
    return _regional_or_none(b, reason, category="overig")


def _regional_or_none(b: DecisionBuilder, reason: list[Message], category: Category | None = None) -> MeldingDecision:
    """Apply a regional agreement (overig verzuim, spreekuur) in the municipalities it names
    (`knowledge/regions.yml`); elsewhere, or when the municipality is not known, no melding is needed and the answer
    says where the agreement applies."""
    facts = b.facts
    regions = get_regions()
    spreekuur = facts.preventive_spreekuur
    if category is None and not spreekuur:
        return _nothing(b, reason)
    overig = regions.agreement(OVERIG_AGREEMENT)
    spreekuur_agreement = regions.agreement(SPREEKUUR_AGREEMENT)
    overig_here = category == "overig" and regions.agreement_applies(OVERIG_AGREEMENT, facts.municipality)
    spreekuur_here = spreekuur and regions.agreement_applies(SPREEKUUR_AGREEMENT, facts.municipality)
    if not overig_here and not spreekuur_here:
        if facts.municipality is not None and not _in_twente(facts.municipality):
            b.note(t.NO_TWENTE)
            if "overig verzuim" not in dutch(reason):
                reason = [*reason, Message(t.CAN_REPORT_OVERIG)]
        elif category == "overig":
            b.cite(*overig.citations)
            reason = [*reason, Message(t.OVERIG_ELSEWHERE, {"municipalities": list(overig.applies_to)})]
        return _nothing(b, reason, consult=True)

    parts = list(reason)
    checklist: list[Message | str] = [
        b.report_via(),
        Message(t.CHOOSE_CATEGORY, {"category": Message(t.DUO_CATEGORY["overig"])}),
    ]
    if overig_here:
        b.cite(*overig.citations)
        parts.append(Message(t.TWENTE_OVERIG, {"municipalities": list(overig.applies_to)}))
        b.note(
            t.NOTE_FOURTEEN_HOURS,
            regional=b.law.melding.overig_wording_hours.value,
            weeks=b.law.melding.overig_wording_weeks.value,
            limit=b.law.melding.unauthorised_hours.value,
        )
    if spreekuur_here:
        b.cite(*spreekuur_agreement.citations)
        parts.append(Message(t.SPREEKUUR, {"municipalities": list(spreekuur_agreement.applies_to)}))
        checklist.append(t.TELL_PARENTS_SPREEKUUR)
    checklist.append(t.FILL_IN)
    return b.decide("overig", parts, checklist)


def _sick_or_suspended(b: DecisionBuilder) -> MeldingDecision:
    facts, rules = b.facts, b.rules
    b.cite("lpw:11", "src:duo-verzuim")
    sick = facts.absence_kind == "ziekte"
    if facts.suspected_unauthorised:
        b.note(
            t.NOTE_SUSPECTED_SIXTEEN,
            limit=b.law.melding.unauthorised_hours.value,
            weeks=b.law.melding.period_lesweken.value,
            category=Message(t.DUO_CATEGORY["16_uur"]),
        )
        return _overig(b, [Message(t.SICK_SUSPECTED if sick else t.SUSPENDED_SUSPECTED)])
    reason = [Message(t.SICK_ALLOWED if sick else t.SUSPENDED_ALLOWED)]
    if not sick:
        _schorsing_inspectie(b, reason)
    sickness = rules["regional"]["long_term_sickness"]
    if sick:
        regions = get_regions()
        agreement = regions.agreement(sickness["agreement"])
        place = facts.municipality
        if facts.long_term_sickness and place is not None and regions.agreement_applies(agreement.id, place):
            b.cite(*agreement.citations)
            reason.append(
                Message(
                    t.LONG_TERM_SICKNESS_HERE,
                    {"municipality": regions.name_of(place), "school_year": sickness["since_school_year"]},
                )
            )
            b.note(t.NOTE_LONG_TERM_NO_WEEKS)
            return _regional_sickness(b, reason)
        if facts.long_term_sickness or facts.municipality is None:
            b.note(t.NOTE_LONG_TERM_SICKNESS, school_year=sickness["since_school_year"])
            b.cite(*agreement.citations)
    return _regional_or_none(b, reason)


def _schorsing_inspectie(b: DecisionBuilder, reason: list[Message]) -> None:
    """A schorsing is not reported to DUO, but one of more than a day goes to the Inspectie (WVO 2020 art. 8.14).
    Its maximum is said in weeks, as the statute says it ("ten hoogste een week"); the parameter is in days."""
    above = b.law.schorsing.report_inspectie_above_days
    maximum = b.law.schorsing.max_days
    b.cite(*above.citations, *maximum.citations, "wvo:8.15")
    weeks = int(maximum.value) // DAYS_PER_WEEK
    reason.append(Message(t.SCHORSING_INSPECTIE, {"days": above.value, "max_weeks": weeks}))


def _regional_sickness(b: DecisionBuilder, reason: list[Message]) -> MeldingDecision:
    return b.decide("overig", reason, [b.report_via(), t.CHOOSE_OVERIG_SICK, t.FILL_IN])


def _granted_leave(b: DecisionBuilder) -> Message:
    b.cite("lpw:13a", "lpw:14")
    return Message(t.GRANTED_LEAVE)


def _nothing(b: DecisionBuilder, explanation: list[Message], consult: bool = False) -> MeldingDecision:
    checklist: list[Message | str] = [t.NO_MELDING, t.REGISTER_OWN]
    if b.facts.absence_kind == "verlof":
        checklist.append(t.KEEP_LEAVE)
    return b.decide("geen", explanation, checklist, offer_consult=consult)


def _eighteen_plus(b: DecisionBuilder) -> MeldingDecision:
    facts, law = b.facts, b.law
    threshold = law.melding.weeks_18plus
    b.cite(*threshold.citations, *law.melding.age_limit_18plus.citations, "src:duo-verzuim", "lpw:4b")
    weeks_needed = threshold.value
    unauthorised = facts.absence_kind in ("ongeoorloofd", "te_laat", "luxe_vermoeden")
    basis = Message(
        t.EIGHTEEN_PLUS_BASIS,
        {"adult": law.leerplicht.kwalificatieplicht_end_age.value, "upper": law.melding.age_limit_18plus.value},
    )
    if facts.school_type != "mbo":
        b.note(t.NOTE_EIGHTEEN_PLUS_VO)
        b.cite("wvo:8.20")
    _note_law_change(b)
    if facts.absence_kind == "verlof":
        return _nothing(b, [_granted_leave(b)])
    if not unauthorised:
        text = [basis, Message(t.SICK_NOT_REPORTED if facts.absence_kind == "ziekte" else t.SUSPENDED_NOT_REPORTED)]
        if facts.absence_kind == "schorsing":
            _schorsing_inspectie(b, text)
        if facts.suspected_unauthorised:
            text.append(Message(t.EIGHTEEN_PLUS_SUSPECTED))
        return _nothing(b, text, consult=facts.suspected_unauthorised)
    weeks = number(facts.consecutive_weeks_absent)
    if facts.consecutive_weeks_absent < weeks_needed:
        text = [basis, Message(t.EIGHTEEN_PLUS_NOT_YET, {"weeks_needed": weeks_needed, "weeks": weeks})]
        return _nothing(b, text, consult=True)
    explanation = [basis, Message(t.EIGHTEEN_PLUS_REQUIRED, {"weeks": weeks, "weeks_needed": weeks_needed})]
    return b.decide(
        "18_plus", explanation, [b.report_via(), t.CHOOSE_EIGHTEEN_PLUS, t.REPORT_NOW, t.GIVE_END_DATE, t.FILL_IN_ALL]
    )


def _outside(b: DecisionBuilder) -> MeldingDecision:
    facts = b.facts
    b.cite("lpw:4b", *b.law.melding.age_limit_18plus.citations)
    upper = b.law.melding.age_limit_18plus.value
    if facts.age >= upper:
        _note_law_change(b)
    text = [Message(t.OUTSIDE_AGE, {"age": facts.age, "upper": upper}) if facts.age >= upper else Message(t.OUTSIDE_SK)]
    text.append(Message(t.NOT_NEEDED_OWN_POLICY))
    if facts.school_type == "mbo":
        text.append(Message(t.MBO_STUDY_FINANCE))
    return _nothing(b, text)


def _not_yet_leerplichtig(b: DecisionBuilder) -> MeldingDecision:
    b.cite("lpw:3")
    return _nothing(b, [Message(t.NOT_YET_LEERPLICHTIG, {"age": b.law.leerplicht.start_age.value - 1})])


def _note_law_change(b: DecisionBuilder) -> None:
    """Say that the 18+ rule changed, when the day judged lies after the change."""
    current = b.law.melding.age_limit_18plus
    if current.previous_value is not None:
        b.note(t.NOTE_LAW_CHANGED, date=current.valid_from, upper=current.value, old_upper=current.previous_value)
