"""Which melding questions remain (`next_questions`), and the `MeldingFacts` built from the answers (`build_facts`),
with a cautious assumption and a note for each unknown answer."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.clock import today
from assistant.i18n import Message, _
from assistant.knowledge.parameters import LegalParameters, params
from assistant.melding_facts.parse import KINDS, MORE_THAN_FOUR, UNKNOWN
from assistant.rules.melding import MeldingFacts

# --- which questions remain -------------------------------------------------------------------------------------


def _law(on: date | None) -> LegalParameters:
    return params(on or today())


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def age_band(known: dict[str, Any], on: date | None = None) -> str:
    """'unknown' (not yet asked), 'young' (<5), 'leerplichtig', 'sixteen_plus' (16-22), 'outside' (23+), or
    'sk_outside' (17+ with a startkwalificatie): the answer needs nothing more about the absence."""
    age = known.get("age")
    if age is None:
        return "unknown"
    if age == UNKNOWN:
        return "leerplichtig"  # the cautious assumption
    law = _law(on)
    if age < law.leerplicht.start_age.value:
        return "young"
    if age >= law.melding.age_limit_18plus.value:
        return "outside"
    if age < law.leerplicht.end_age.value:
        return "leerplichtig"
    if age > law.leerplicht.end_age.value and known.get("startkwalificatie") is True:
        return "sk_outside"
    return "sixteen_plus"


def next_questions(known: dict[str, Any], on: date | None = None) -> list[str]:
    """The facts still to ask for, in order. Only what the outcome depends on is asked (under the law of `on`,
    default today)."""
    band = age_band(known, on)
    wanted = ["school_type", "age"]
    if band in ("sixteen_plus", "sk_outside"):
        wanted.append("startkwalificatie")
    if band in ("leerplichtig", "sixteen_plus"):
        wanted.append("kind")
        kind = known.get("kind")
        adult = _law(on).leerplicht.kwalificatieplicht_end_age.value
        eighteen_plus = _is_number(known.get("age")) and known["age"] >= adult
        if kind in ("ongeoorloofd", UNKNOWN):
            wanted += ["weeks"] if eighteen_plus else ["hours", "weeks"]
        elif kind == "te_laat":
            wanted += ["weeks"] if eighteen_plus else ["late_count", "hours"]
        elif kind == "luxe_vermoeden" and eighteen_plus:
            wanted.append("weeks")
        elif kind in ("ziekte", "schorsing"):
            wanted.append("suspected")
    return [name for name in wanted if known.get(name) is None]


# --- from answers to MeldingFacts -------------------------------------------------------------------------------

ASSUME_SCHOOL_TYPE = _(
    "Het schooltype is niet bekend. Ik ben uitgegaan van {school_type}. Controleer dit: het "
    "primair onderwijs meldt via het leerlingadministratiesysteem (LAS), het voortgezet "
    "onderwijs en het mbo via het administratiepakket of Mijn DUO."
)
ASSUME_AGE = _(
    "De leeftijd is niet bekend. Ik ben ervan uitgegaan dat de leerling leerplichtig is ({start} tot {end} "
    "jaar). Controleer de leeftijd: onder {start} jaar is melden niet nodig, vanaf {end} jaar hangt het af "
    "van de startkwalificatie."
)
ASSUME_KIND = _(
    "Welke soort verzuim het is, is niet bekend. Ik ben uitgegaan van ongeoorloofd verzuim. Controleer "
    "of er een geldige reden is, zoals ziekte, schorsing of verlof."
)
ASSUME_HOURS = _(
    "Het aantal uren is niet bekend. Ik reken met {hours} uur: de grens waarbij melden verplicht is. "
    "Tel de ongeoorloofd gemiste uren in de laatste {lesweken:words} lesweken. Is het minder dan "
    "{hours} uur? Dan is melden niet verplicht, maar vraagt leerplicht in Hengelo en Borne wel om een "
    "melding als 'overig verzuim'."
)
ASSUME_WEEKS = _(
    "Of de leerling langer dan {long_term:words} weken achter elkaar afwezig is, is niet bekend. "
    "Controleer dit: bij meer dan {long_term:words} weken meldt u het (ook) als langdurig relatief "
    "verzuim."
)
ASSUME_WEEKS_18 = _(
    "Hoe lang de leerling al achter elkaar afwezig is, is niet bekend. Ik reken met {weeks} weken: de "
    "grens waarbij melden verplicht is. Controleer het aantal weken."
)
ASSUME_MORE_THAN_FOUR = _(
    "U zei dat de leerling langer dan {long_term:words} weken achter elkaar afwezig is. Ik reken met {weeks} weken."
)
ASSUME_SUSPECTED = _(
    "Of u ongeoorloofd verzuim vermoedt, is niet bekend. Ik ben uitgegaan van een vermoeden. "
    "Bespreek de afwezigheid met de ouders en eventueel de jeugdarts."
)
ASSUME_SK = _(
    "Of de leerling een startkwalificatie heeft (een havo-, vwo- of mbo-diploma op niveau "
    "2 of hoger), is niet bekend. Ik ben uitgegaan van: nee. Controleer dit."
)
SCHOOL_TYPE_NAMES = {"po": _("primair onderwijs"), "vo": _("voortgezet onderwijs"), "mbo": _("mbo")}


def _guess_school_type(age: Any) -> str:
    if not _is_number(age):
        return "vo"
    if age < 12:
        return "po"
    return "vo" if age < 16 else "mbo"


def build_facts(known: dict[str, Any], on: date | None = None) -> tuple[MeldingFacts, list[tuple[str, dict[str, Any]]]]:
    """The facts for `evaluate_melding` and the assumptions made for unknown answers (Dutch template, values).

    Unknown answers get the cautious value: the one under which a melding is required. Raises
    `pydantic.ValidationError` for impossible values (the form validates them before)."""
    law = _law(on)
    threshold = law.melding.unauthorised_hours.value
    assumptions: list[tuple[str, dict[str, Any]]] = []
    age = known.get("age")
    if not _is_number(age):
        assumptions.append((ASSUME_AGE, {"start": law.leerplicht.start_age.value, "end": law.leerplicht.end_age.value}))
        age = law.leerplicht.end_age.value - 1
    school_type = known.get("school_type")
    if school_type not in ("po", "vo", "mbo"):
        school_type = _guess_school_type(known.get("age"))
        assumptions.append((ASSUME_SCHOOL_TYPE, {"school_type": Message(SCHOOL_TYPE_NAMES[school_type])}))
    sk = known.get("startkwalificatie")
    if sk == UNKNOWN:
        assumptions.append((ASSUME_SK, {}))
    sk = sk if isinstance(sk, bool) else None
    kind = known.get("kind")
    if kind not in KINDS:
        if kind == UNKNOWN:
            assumptions.append((ASSUME_KIND, {}))
        kind = "ongeoorloofd"
    eighteen_plus = age >= law.leerplicht.kwalificatieplicht_end_age.value
    hours = known.get("hours")
    if hours == UNKNOWN:
        assumptions.append((ASSUME_HOURS, {"hours": threshold, "lesweken": law.melding.period_lesweken.value}))
        hours = threshold
    weeks = known.get("weeks")
    lrv = law.melding.long_term_relative_weeks.value
    if weeks == MORE_THAN_FOUR:
        weeks = lrv + 1
        assumptions.append((ASSUME_MORE_THAN_FOUR, {"weeks": weeks, "long_term": lrv}))
    elif weeks == UNKNOWN:
        if eighteen_plus:
            weeks = law.melding.weeks_18plus.value
            assumptions.append((ASSUME_WEEKS_18, {"weeks": weeks}))
        else:
            weeks = 0
            assumptions.append((ASSUME_WEEKS, {"long_term": lrv}))
    suspected = known.get("suspected")
    if suspected == UNKNOWN:
        assumptions.append((ASSUME_SUSPECTED, {}))
        suspected = True
    late = known.get("late_count")
    facts = MeldingFacts(
        school_type=school_type,
        age=int(age),
        has_startkwalificatie=sk,
        absence_kind=kind,
        unauthorized_hours_4_weeks=float(hours) if _is_number(hours) else 0,
        consecutive_weeks_absent=float(weeks) if _is_number(weeks) else 0,
        late_count=int(late) if _is_number(late) else None,
        municipality=known.get("municipality") or None,
        suspected_unauthorised=bool(suspected) if isinstance(suspected, bool) else False,
    )
    return facts, assumptions
