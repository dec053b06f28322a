"""DUO verzuimmelding check for schools: must this absence be reported, how, by when and with what.

`evaluate_melding(facts)` is pure: the same facts (and rules file) always give the same decision, with no I/O
beyond reading `knowledge/rules/melding.yml` once. The numbers and their citation ids live in that file; the Dutch
texts live here. Rules (sources in the YAML file):

- Required (statute or DUO's list of required categories): 16 hours unauthorised within four consecutive lesweken
  (Lpw art. 21a; report again each time a new 16 hours is reached), long-term relative absence (more than four
  weeks), (suspected) luxe verzuim, and 18+ without startkwalificatie and under 23 absent four consecutive weeks
  (WEB 8.1.8a; DUO routes it to the woongemeente, in Twente the Doorstroompunt).
- Not required but agreed in Twente: overig verzuim below the threshold (late arrivals included), participation in
  the preventive spreekuur, and long-term sickness absence (Hengelo and Borne, since 2024-2025).
- Not reported as verzuim: sickness and suspension (unless unauthorised absence is suspected), and granted leave.

Hours are counted in the school type's unit: klokuren in po, lesuren in vo, uren lestijd in mbo.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

RULES_PATH = Path(__file__).resolve().parents[2] / "knowledge" / "rules" / "melding.yml"

SchoolType = Literal["po", "vo", "mbo"]
AbsenceKind = Literal["ongeoorloofd", "ziekte", "schorsing", "verlof", "te_laat", "luxe_vermoeden"]
Obligation = Literal["verplicht", "regionaal_afgesproken", "niet_nodig"]
Category = Literal["16_uur", "langdurig_relatief", "luxe", "18_plus", "overig", "geen"]
AgeStatus = Literal[
    "nog_niet_leerplichtig",  # age 4
    "leerplichtig",  # 5 to 15
    "leerplichtig_of_kwalificatieplichtig",  # 16, or 16 with a startkwalificatie (leerplicht may not have ended)
    "kwalificatieplichtig",  # 17 without startkwalificatie
    "achttien_plus_zonder_startkwalificatie",  # 18 to 22 without startkwalificatie
    "buiten_meldplicht",  # 17+ with startkwalificatie, or 23 and older
]

@lru_cache
def load_melding_rules(path: str | None = None) -> dict[str, Any]:
    """The rules file as a dict (cached). Raises if it is missing: the rules must not run on made-up numbers."""
    with Path(path or RULES_PATH).open(encoding="utf-8") as handle:
        rules = yaml.safe_load(handle)
    if not isinstance(rules, dict) or rules.get("version") != 1:
        raise ValueError(f"Unexpected melding rules file: {path or RULES_PATH}")
    return rules


def _plausibility() -> dict[str, Any]:
    return load_melding_rules()["plausibility"]


def _invalid(reason: str) -> PydanticCustomError:
    # The app's error handler shows ctx['reason'] as: "Het veld 'x' is niet geldig: <reason>"
    return PydanticCustomError("melding_invalid", "{reason}", {"reason": reason})


def _format_number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


class MeldingFacts(BaseModel):
    """What a school administrator tells us about one pupil's absence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    school_type: SchoolType = Field(description="po, vo or mbo.")
    age: int = Field(description="Age of the pupil in whole years.", examples=[14])
    has_startkwalificatie: bool | None = Field(
        default=None,
        description="Havo, vwo or mbo-2+ diploma. Unknown (null) is treated as 'no' and said in the notes.")
    absence_kind: AbsenceKind = Field(description="Kind of absence as the school sees it.")
    unauthorized_hours_4_weeks: float = Field(
        default=0,
        description="Unauthorised hours within the last four consecutive lesweken: klokuren (po), "
                    "lesuren (vo) or uren lestijd (mbo).")
    consecutive_weeks_absent: float = Field(default=0, description="Consecutive weeks of absence so far.")
    late_count: int | None = Field(default=None, description="Late arrivals within the same four lesweken.")
    municipality: str | None = Field(default=None, max_length=64,
                                     description="Woongemeente of the pupil; null means Twente is assumed.")
    suspected_unauthorised: bool = Field(
        default=False, description="For ziekte or schorsing: the school suspects unauthorised absence.")
    preventive_spreekuur: bool = Field(
        default=False, description="The pupil takes part in the leerplicht officer's preventive spreekuur.")
    long_term_sickness: bool = Field(
        default=False, description="For ziekte: the school considers the sickness absence long-term.")

    @field_validator("age", "late_count", mode="before")
    @classmethod
    def _whole_number(cls, value: Any) -> Any:
        if isinstance(value, float) and not value.is_integer():
            raise _invalid("dit moet een heel getal zijn.")
        return value

    @field_validator("age", mode="after")
    @classmethod
    def _age_plausible(cls, value: int) -> int:
        bounds = _plausibility()
        if value < bounds["min_age"]:
            raise _invalid(f"een leerling is minstens {bounds['min_age']} jaar oud.")
        if value > bounds["max_age"]:
            raise _invalid(f"een leeftijd boven {bounds['max_age']} jaar is niet mogelijk.")
        return value

    @field_validator("unauthorized_hours_4_weeks", mode="after")
    @classmethod
    def _hours_plausible(cls, value: float) -> float:
        bounds = _plausibility()
        if not math.isfinite(value):
            raise _invalid("dit moet een gewoon getal zijn.")
        if value < 0:
            raise _invalid("het aantal uren kan niet negatief zijn.")
        if value > bounds["max_hours_in_period"]:
            raise _invalid(
                f"in vier schoolweken passen niet meer dan {bounds['max_hours_in_period']} uur "
                f"({bounds['weeks_in_period']} weken × {bounds['school_days_per_week']} dagen × "
                f"{bounds['max_hours_per_day']} uur). Dit is een controle op de invoer, geen wettelijke grens.")
        return value

    @field_validator("consecutive_weeks_absent", mode="after")
    @classmethod
    def _weeks_plausible(cls, value: float) -> float:
        if not math.isfinite(value):
            raise _invalid("dit moet een gewoon getal zijn.")
        if value < 0:
            raise _invalid("het aantal weken kan niet negatief zijn.")
        return value

    @field_validator("late_count", mode="after")
    @classmethod
    def _late_plausible(cls, value: int | None) -> int | None:
        if value is None:
            return value
        bounds = _plausibility()
        if value < 0:
            raise _invalid("het aantal keren te laat kan niet negatief zijn.")
        if value > bounds["max_late_count_in_period"]:
            raise _invalid(f"in vier schoolweken kan een leerling niet vaker dan "
                           f"{bounds['max_late_count_in_period']} keer te laat komen.")
        return value

    @field_validator("municipality", mode="after")
    @classmethod
    def _municipality_clean(cls, value: str | None) -> str | None:
        if value is None:
            return None
        cleaned = " ".join(value.split())
        return cleaned or None


class Deadline(BaseModel):
    term: str | None = Field(description="The legal term, e.g. 'onverwijld'; null when there is none.")
    text: str = Field(description="The term in plain Dutch.")
    guidance: str | None = Field(default=None, description="A guidance term; never law.")
    guidance_is_law: bool = False
    guidance_citation: str | None = None


class MeldingDecision(BaseModel):
    obligation: Obligation
    category: Category
    duo_category: str | None = Field(description="The verzuimsoort as DUO names it, when a melding is made.")
    age_status: AgeStatus
    count_unit: str = Field(description="How hours are counted for this school type.")
    channel: str | None
    recipient: str | None
    deadline: Deadline | None
    fields: list[str]
    explanation: str
    checklist: list[str]
    citations: list[str]
    fine_risk: str | None
    offer_consult: bool
    notes: list[str] = Field(default_factory=list)


# --- Dutch texts --------------------------------------------------------------------------------------------

_DUO_CATEGORY = {
    "16_uur": "16 uur in 4 weken",
    "langdurig_relatief": "Langdurig relatief verzuim (LRV)",
    "luxe": "Luxe verzuim",
    "18_plus": "RMC / 18-plus verzuim",
    "overig": "Overig verzuim",
}

_UNIT_TEXT = {
    "po": "klokuren (in het primair onderwijs telt u klokuren)",
    "vo": "lesuren (in het voortgezet onderwijs telt u lesuren; een lesuur is hoogstens 60 minuten)",
    "mbo": "uren lestijd (in het mbo telt de lestijd)",
}

# Besluit register onderwijsdeelnemers art. 14 onder b tot en met k: what the school delivers (art. 21).
_FIELDS = [
    "Gegevens van de leerling: burgerservicenummer of onderwijsnummer (persoonsgebonden nummer)",
    "Begindatum van het verzuim (art. 14 onder b)",
    "Einddatum van het verzuim (art. 14 onder c)",
    "Vermoedelijke soort verzuim (art. 14 onder d)",
    "Vermoedelijke reden van het verzuim (art. 14 onder e)",
    "Of alle lessen zijn gemist (art. 14 onder f)",
    "Wat de school al heeft gedaan (art. 14 onder g)",
    "Of u actie van de gemeente wilt, met de prioriteit; zo niet, een toelichting (art. 14 onder h)",
    "Naam van de leslocatie (art. 14 onder i)",
    "Naam, functie, telefoonnummer en e-mailadres van de contactpersoon op school (art. 14 onder j)",
    "Telefoonnummer(s) van de leerling of de ouder (art. 14 onder k)",
]
_FIELD_SK = "Of de leerling een startkwalificatie heeft (art. 14 onder a)"

_NO_TWENTE = ("Wij kennen alleen de afspraken van Hengelo, Borne en Enschede en de gemeenten waarvoor zij "
              "leerplicht of het Doorstroompunt uitvoeren. Vraag de leerplichtafdeling van de gemeente of daar een "
              "afspraak bestaat over het melden van dit verzuim.")


def _in_twente(municipality: str | None, rules: dict[str, Any]) -> bool:
    return municipality is None or municipality.lower() in rules["regional"]["twente_municipalities"]


def age_status(age: int, has_startkwalificatie: bool | None, rules: dict[str, Any] | None = None) -> AgeStatus:
    """Where the pupil stands under the Leerplichtwet and the 18+ rule, from age and startkwalificatie alone."""
    ages = (rules or load_melding_rules())["ages"]
    sk = bool(has_startkwalificatie)
    if age < ages["leerplicht_start_age"]["value"]:
        return "nog_niet_leerplichtig"
    if age < ages["leerplicht_end_age"]["value"]:
        return "leerplichtig"
    if age == ages["leerplicht_end_age"]["value"]:
        return "leerplichtig_of_kwalificatieplichtig"
    if age < ages["kwalificatieplicht_end_age"]["value"]:
        return "buiten_meldplicht" if sk else "kwalificatieplichtig"
    if age < ages["eighteen_plus_upper_age_exclusive"]["value"] and not sk:
        return "achttien_plus_zonder_startkwalificatie"
    return "buiten_meldplicht"


def _dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


class _Builder:
    """Collects one decision; keeps evaluate_melding readable."""

    def __init__(self, facts: MeldingFacts, rules: dict[str, Any], status: AgeStatus) -> None:
        self.facts = facts
        self.rules = rules
        self.status = status
        self.citations: list[str] = []
        self.notes: list[str] = []

    def cite(self, *ids: str) -> None:
        self.citations.extend(ids)

    def channel(self) -> str:
        return self.rules["channels"][self.facts.school_type]

    def statutory_deadline(self, category: Category) -> Deadline:
        deadlines = self.rules["deadlines"]
        if category == "16_uur":
            days = deadlines["inspectorate_school_days"]["value"]
            self.cite(*deadlines["inspectorate_school_days"]["citations"])
            return Deadline(
                term="onverwijld",
                text="Meld onverwijld: zo snel mogelijk nadat de grens van 16 uur is bereikt.",
                guidance=(f"De Inspectie van het Onderwijs noemt: binnen {days} schooldagen nadat de grens van "
                          "16 uur is overschreden. Dit is een richtlijn van de inspectie, geen wettekst."),
                guidance_citation=deadlines["inspectorate_school_days"]["citations"][0],
            )
        return Deadline(
            term="onverwijld",
            text="Meld onverwijld: zo snel mogelijk. Wij vonden hiervoor geen vaste termijn in dagen.",
        )

    @staticmethod
    def regional_deadline() -> Deadline:
        return Deadline(term=None, text="Hiervoor geldt geen wettelijke termijn. Meld zo vroeg mogelijk, "
                                        "zodat leerplicht op tijd kan helpen.")

    def fields(self, eighteen_plus: bool = False) -> list[str]:
        self.cite("brod:14", "brod:21", "wrod:10")
        return ([_FIELD_SK] if eighteen_plus else []) + list(_FIELDS)

    def decision(self, **values: Any) -> MeldingDecision:
        return MeldingDecision(
            age_status=self.status,
            count_unit=_UNIT_TEXT[self.facts.school_type],
            citations=_dedupe(self.citations),
            notes=self.notes,
            **values,
        )


# --- the rules ----------------------------------------------------------------------------------------------

def evaluate_melding(facts: MeldingFacts, rules: dict[str, Any] | None = None) -> MeldingDecision:
    """Decide whether and how a school reports this absence to DUO. Pure: no I/O besides the cached rules file."""
    rules = rules or load_melding_rules()
    status = age_status(facts.age, facts.has_startkwalificatie, rules)
    builder = _Builder(facts, rules, status)

    ages = rules["ages"]
    if (facts.has_startkwalificatie is None
            and ages["leerplicht_end_age"]["value"] <= facts.age < ages["eighteen_plus_upper_age_exclusive"]["value"]):
        builder.notes.append("U gaf niet op of de leerling een startkwalificatie heeft (een havo-, vwo- of "
                             "mbo-diploma op niveau 2 of hoger). Wij gaan uit van: nee.")
    if status == "nog_niet_leerplichtig":
        return _not_yet_leerplichtig(builder)
    if status == "buiten_meldplicht":
        return _outside(builder)
    if status == "achttien_plus_zonder_startkwalificatie":
        return _eighteen_plus(builder)
    if status == "leerplichtig_of_kwalificatieplichtig" and facts.has_startkwalificatie:
        builder.notes.append(
            "De leerling is 16 en heeft een startkwalificatie. De leerplicht loopt tot het einde van het schooljaar "
            "waarin de leerling 16 werd. Is dat schooljaar al voorbij? Dan geldt de meldplicht uit de "
            "Leerplichtwet niet meer.")
        builder.cite("lpw:3")
    if facts.age == rules["ages"]["leerplicht_start_age"]["value"]:
        builder.notes.append("De leerplicht begint op de eerste schooldag van de maand na de vijfde verjaardag.")
        builder.cite("lpw:3")
    return _leerplichtig(builder)


def _leerplichtig(b: _Builder) -> MeldingDecision:
    facts, rules = b.facts, b.rules
    b.cite("lpw:2", "lpw:3")
    if b.status != "leerplichtig":
        b.cite("lpw:4a", "lpw:4b")
    hours_limit = rules["thresholds"]["unauthorised_hours"]["value"]
    lrv_weeks = rules["thresholds"]["long_term_relative_weeks"]["value"]
    kind = facts.absence_kind

    if kind == "verlof":
        return _regional_or_none(b, _granted_leave(b))
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


def _sixteen_hours(b: _Builder) -> MeldingDecision:
    facts, rules = b.facts, b.rules
    threshold = rules["thresholds"]["unauthorised_hours"]
    b.cite(*threshold["citations"], "lpw:27")
    hours = _format_number(facts.unauthorized_hours_4_weeks)
    unit = rules["counting"][facts.school_type]
    late = (" Ook te laat komen telt mee: het is gemiste lestijd zonder geldige reden."
            if facts.absence_kind == "te_laat" else "")
    explanation = (
        f"U moet dit verzuim melden bij DUO. De leerling heeft in vier aaneengesloten lesweken {hours} {unit} "
        f"ongeoorloofd gemist. Bij 16 uur of meer is melden verplicht (Leerplichtwet artikel 21a).{late} "
        "DUO stuurt de melding naar de leerplichtambtenaar van de gemeente waar de leerling woont."
    )
    b.notes.append("De wet zegt 'in totaal zestien uren'; DUO schrijft 'meer dan 16 uur'. Wij houden 16 uur aan "
                   "als grens: dan is melden verplicht.")
    deadline = b.statutory_deadline("16_uur")
    return b.decision(
        obligation="verplicht",
        category="16_uur",
        duo_category=_DUO_CATEGORY["16_uur"],
        channel=b.channel(),
        recipient="de leerplichtambtenaar van de woongemeente (via DUO)",
        deadline=deadline,
        fields=b.fields(),
        explanation=explanation,
        checklist=[
            f"Meld via {b.channel()}.",
            "Kies de verzuimsoort '16 uur in 4 weken'.",
            f"Tel de uren in {_UNIT_TEXT[facts.school_type]}.",
            "Meld onverwijld. Richtlijn van de inspectie: binnen 5 schooldagen nadat de grens van 16 uur is "
            "overschreden. Vakantieweken tellen niet als lesweken.",
            "Einddatum: de laatste verzuimdag of de dag waarop de 16 uur is bereikt.",
            "Komt er daarna opnieuw 16 uur bij? Doe dan een nieuwe melding.",
            "Vul alle gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).",
        ],
        fine_risk=_fine_risk(b),
        offer_consult=False,
    )


def _long_term_relative(b: _Builder) -> MeldingDecision:
    facts = b.facts
    b.cite(*b.rules["thresholds"]["long_term_relative_weeks"]["citations"], "lpw:21a", "wrod:12", "lpw:27", "lpw:10")
    weeks = _format_number(facts.consecutive_weeks_absent)
    explanation = (
        f"U moet dit verzuim melden bij DUO als langdurig relatief verzuim. De leerling is al {weeks} weken "
        "ongeoorloofd afwezig. Bij meer dan 4 weken noemt DUO dit langdurig relatief verzuim; die melding is "
        "verplicht. Heeft u nog geen melding '16 uur in 4 weken' gedaan? Doe die dan ook. Neem ook contact op met "
        "de leerplichtambtenaar, zodat u samen kunt zoeken naar een oplossing."
    )
    return b.decision(
        obligation="verplicht",
        category="langdurig_relatief",
        duo_category=_DUO_CATEGORY["langdurig_relatief"],
        channel=b.channel(),
        recipient="de leerplichtambtenaar van de woongemeente (via DUO)",
        deadline=b.statutory_deadline("langdurig_relatief"),
        fields=b.fields(),
        explanation=explanation,
        checklist=[
            f"Meld via {b.channel()}.",
            "Kies de verzuimsoort 'Langdurig relatief verzuim (LRV)'.",
            "Geef een einddatum door zodra de leerling weer naar school gaat of wordt uitgeschreven.",
            "Lang verzuim is geen reden om de leerling uit te schrijven (Leerplichtwet artikel 10).",
            "Vul alle gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).",
        ],
        fine_risk=_fine_risk(b),
        offer_consult=True,
    )


def _luxe(b: _Builder) -> MeldingDecision:
    b.cite("src:duo-verzuim", "lpw:13a", "lpw:14", "brod:14")
    explanation = (
        "U moet dit melden bij DUO als luxe verzuim, ook als het om een vermoeden gaat. Luxe verzuim is: de "
        "leerling is buiten de schoolvakanties op vakantie gegaan zonder verlof. Bijvoorbeeld een ziekmelding "
        "vlak voor een vakantie. U meldt de vermoedelijke soort en reden van het verzuim; de "
        "leerplichtambtenaar zoekt het verder uit."
    )
    return b.decision(
        obligation="verplicht",
        category="luxe",
        duo_category=_DUO_CATEGORY["luxe"],
        channel=b.channel(),
        recipient="de leerplichtambtenaar van de woongemeente (via DUO)",
        deadline=b.statutory_deadline("luxe"),
        fields=b.fields(),
        explanation=explanation,
        checklist=[
            f"Meld via {b.channel()}.",
            "Kies de verzuimsoort 'Luxe verzuim'.",
            "Vul bij 'vermoedelijke reden' in waarom u luxe verzuim vermoedt.",
            "Meld ook bij een vermoeden; u hoeft het niet eerst zeker te weten.",
            "Vul alle gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).",
        ],
        fine_risk=None,
        offer_consult=True,
    )


def _overig(b: _Builder, reason: str | None = None) -> MeldingDecision:
    """Below the statutory threshold: not required; asked in Twente."""
    facts, rules = b.facts, b.rules
    limit = rules["thresholds"]["unauthorised_hours"]["value"]
    unit = rules["counting"][facts.school_type]
    if reason is None:
        hours = _format_number(facts.unauthorized_hours_4_weeks)
        reason = (f"De leerling heeft in vier lesweken {hours} {unit} ongeoorloofd gemist. Dat is minder dan "
                  f"{limit} uur, dus een melding is wettelijk niet verplicht.")
        if facts.absence_kind == "te_laat":
            count = f" ({facts.late_count} keer)" if facts.late_count is not None else ""
            reason = (f"De leerling komt te laat{count}. Voor te laat komen staat geen grens in de wet. "
                      f"De gemiste lestijd telt wel mee voor de grens van {limit} uur; die is nog niet bereikt.")
            b.notes.append("De grens voor te laat komen in de Twentse schoolaanwezigheidskaart hebben wij niet. "
                           "Kijk in de kaart of vraag het de leerplichtambtenaar.")
        b.cite("lpw:21a", "src:duo-verzuim")
    return _regional_or_none(b, reason, category="overig")


def _regional_or_none(b: _Builder, reason: str, category: Category | None = None) -> MeldingDecision:
    """Apply a Twente agreement (overig verzuim, spreekuur) when one fits; otherwise no melding is needed."""
    facts, rules = b.facts, b.rules
    in_twente = _in_twente(facts.municipality, rules)
    spreekuur = facts.preventive_spreekuur
    if category is None and not spreekuur:
        return _nothing(b, reason)
    if not in_twente:
        b.notes.append(_NO_TWENTE)
        if "overig verzuim" not in reason:
            reason += " U kunt dit wel melden als 'overig verzuim'."
        return _nothing(b, reason, consult=True)

    parts = [reason]
    checklist = [f"Meld via {b.channel()}.", "Kies de verzuimsoort 'Overig verzuim'."]
    if category == "overig":
        b.cite(*rules["regional"]["overig_verzuim"]["citations"])
        parts.append("In Twente vraagt leerplicht scholen om dit verzuim toch te melden als 'overig verzuim'. "
                     "Dat is een regionale afspraak, geen wettelijke plicht. Zo kan leerplicht vroeg helpen.")
        b.notes.append("Het jaarverslag van Hengelo en Borne omschrijft overig verzuim als 'minder dan 14 uur in "
                       "vier weken'; DUO en de wet leggen de grens bij 16 uur.")
    if spreekuur:
        b.cite(*rules["regional"]["preventive_spreekuur"]["citations"])
        parts.append("De leerling doet mee aan het preventieve spreekuur van de leerplichtambtenaar. In Twente is "
                     "afgesproken dat de school daarvoor een DUO-melding doet (overig verzuim). Die melding is de "
                     "formele basis voor het gesprek. Dit is een regionale afspraak.")
        checklist.append("Zorg dat de ouders weten van het preventieve gesprek.")
    checklist.append("Vul de gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).")
    return b.decision(
        obligation="regionaal_afgesproken",
        category="overig",
        duo_category=_DUO_CATEGORY["overig"],
        channel=b.channel(),
        recipient="de leerplichtambtenaar van de woongemeente (via DUO)",
        deadline=b.regional_deadline(),
        fields=b.fields(),
        explanation=" ".join(parts),
        checklist=checklist,
        fine_risk=None,
        offer_consult=True,
    )


def _sick_or_suspended(b: _Builder) -> MeldingDecision:
    facts, rules = b.facts, b.rules
    b.cite("lpw:11", "src:duo-verzuim")
    what = "Ziekte" if facts.absence_kind == "ziekte" else "Schorsing"
    if facts.suspected_unauthorised:
        reason = (f"{what} is geoorloofd verzuim en meldt u normaal niet. Vermoedt u dat er eigenlijk sprake is "
                  "van ongeoorloofd verzuim? Dan kunt u dit melden als 'overig verzuim'.")
        b.notes.append("Blijkt het verzuim ongeoorloofd en is het 16 uur of meer in 4 lesweken? Dan is een "
                       "melding '16 uur in 4 weken' verplicht.")
        return _overig(b, reason)
    reason = (f"{what} is geoorloofd verzuim (Leerplichtwet artikel 11). Dit meldt u niet bij DUO, tenzij u "
              "vermoedt dat er sprake is van ongeoorloofd verzuim.")
    sickness = rules["regional"]["long_term_sickness"]
    if facts.absence_kind == "ziekte":
        place = (facts.municipality or "").lower()
        if facts.long_term_sickness and place in sickness["municipalities"]:
            b.cite(*sickness["citations"])
            reason += (f" In {place.title()} wordt langdurig ziekteverzuim sinds schooljaar "
                       f"{sickness['since_school_year']} wel gemeld, als 'overig verzuim'. Dat is een regionale "
                       "afspraak van Hengelo en Borne, geen wettelijke plicht. Zo komt leerplicht eerder in beeld "
                       "en kan die samen met school en jeugdarts meedenken.")
            b.notes.append("De bron noemt geen aantal weken voor 'langdurig'. Volg de Twentse "
                           "schoolaanwezigheidskaart of vraag het de leerplichtambtenaar.")
            return _regional_sickness(b, reason)
        if facts.long_term_sickness or facts.municipality is None:
            b.notes.append(f"In Hengelo en Borne wordt langdurig ziekteverzuim sinds schooljaar "
                           f"{sickness['since_school_year']} gemeld (regionale afspraak).")
            b.cite(*sickness["citations"])
    return _regional_or_none(b, reason)


def _regional_sickness(b: _Builder, reason: str) -> MeldingDecision:
    return b.decision(
        obligation="regionaal_afgesproken",
        category="overig",
        duo_category=_DUO_CATEGORY["overig"],
        channel=b.channel(),
        recipient="de leerplichtambtenaar van de woongemeente (via DUO)",
        deadline=b.regional_deadline(),
        fields=b.fields(),
        explanation=reason,
        checklist=[
            f"Meld via {b.channel()}.",
            "Kies de verzuimsoort 'Overig verzuim' en vul bij de reden 'langdurig ziek' in.",
            "Vul de gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).",
        ],
        fine_risk=None,
        offer_consult=True,
    )


def _granted_leave(b: _Builder) -> str:
    b.cite("lpw:13a", "lpw:14")
    return ("Verlof dat de directeur of de leerplichtambtenaar heeft gegeven, is geen verzuim. Voor het verlof "
            "zelf hoeft u niets te melden. Blijft de leerling langer weg dan het verlof? "
            "Dan is dat ongeoorloofd verzuim.")


def _nothing(b: _Builder, explanation: str, consult: bool = False) -> MeldingDecision:
    checklist = ["Een melding bij DUO is niet nodig.", "Registreer de afwezigheid wel in uw eigen administratie."]
    if b.facts.absence_kind == "verlof":
        checklist.append("Bewaar het verleende verlof (de aanvraag en het besluit) bij het dossier.")
    return b.decision(
        obligation="niet_nodig",
        category="geen",
        duo_category=None,
        channel=None,
        recipient=None,
        deadline=None,
        fields=[],
        explanation=explanation,
        checklist=checklist,
        fine_risk=None,
        offer_consult=consult,
    )


def _eighteen_plus(b: _Builder) -> MeldingDecision:
    facts, rules = b.facts, b.rules
    threshold = rules["thresholds"]["eighteen_plus_consecutive_weeks"]
    b.cite(*threshold["citations"], "lpw:4b")
    weeks_needed = threshold["value"]
    unauthorised = facts.absence_kind in ("ongeoorloofd", "te_laat", "luxe_vermoeden")
    basis = ("De leerling is 18 of ouder, jonger dan 23 en heeft geen startkwalificatie. De Leerplichtwet geldt "
             "niet meer, maar er is een aparte meldplicht.")
    if facts.school_type != "mbo":
        b.notes.append("Voor vo en (v)so staat deze meldplicht in andere wetten (WVO 2020 artikel 8.20, WEC "
                       "artikel 47b). Die teksten hebben wij niet gecontroleerd; DUO gebruikt dezelfde soort "
                       "melding.")
    b.notes.append("WEB artikel 8.1.8a staat niet meer in de versie van de WEB vanaf 1 augustus 2026. Controleer "
                   "de geldende wet voor data na die datum.")
    if facts.absence_kind == "verlof":
        return _nothing(b, _granted_leave(b))
    if not unauthorised:
        what = "Ziekte" if facts.absence_kind == "ziekte" else "Schorsing"
        text = (f"{basis} {what} is geoorloofd verzuim; dat meldt u niet.")
        if facts.suspected_unauthorised:
            text += (" U vermoedt wel ongeoorloofd verzuim. Bespreek dit met de doorstroomcoach van het "
                     "Doorstroompunt (voorheen RMC).")
        return _nothing(b, text, consult=facts.suspected_unauthorised)
    if facts.consecutive_weeks_absent < weeks_needed:
        weeks = _format_number(facts.consecutive_weeks_absent)
        text = (f"{basis} Die plicht begint als de leerling {weeks_needed} weken aaneengesloten zonder geldige "
                f"reden afwezig is. Nu is dat {weeks} weken, dus een melding is nog niet verplicht. Uw school kan "
                "zelf een kortere termijn hebben afgesproken. Houd de afwezigheid goed bij.")
        return _nothing(b, text, consult=True)
    weeks = _format_number(facts.consecutive_weeks_absent)
    explanation = (
        f"{basis} De leerling is {weeks} weken aaneengesloten zonder geldige reden afwezig. Bij "
        f"{weeks_needed} weken of meer moet u dit melden bij DUO. DUO stuurt de melding naar de gemeente waar de "
        "leerling woont. In Twente pakt het Doorstroompunt (voorheen RMC) de melding op."
    )
    return b.decision(
        obligation="verplicht",
        category="18_plus",
        duo_category=_DUO_CATEGORY["18_plus"],
        channel=b.channel(),
        recipient="het Doorstroompunt (voorheen RMC) van de woongemeente (via DUO)",
        deadline=b.statutory_deadline("18_plus"),
        fields=b.fields(eighteen_plus=True),
        explanation=explanation,
        checklist=[
            f"Meld via {b.channel()}.",
            "Kies de verzuimsoort voor 18-plussers (RMC / 18-plus verzuim).",
            "Meld onverwijld.",
            "Geef een einddatum door zodra de leerling weer naar school gaat of wordt uitgeschreven.",
            "Vul alle gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).",
        ],
        fine_risk=None,
        offer_consult=True,
    )


def _outside(b: _Builder) -> MeldingDecision:
    facts, rules = b.facts, b.rules
    b.cite("lpw:4b", "web:8.1.8a")
    upper = rules["ages"]["eighteen_plus_upper_age_exclusive"]["value"]
    if facts.age >= upper:
        why = f"De leerling is {facts.age} jaar. Vanaf {upper} jaar gelden de meldplichten voor verzuim niet meer."
    else:
        why = ("De leerling heeft een startkwalificatie en is niet meer leerplichtig. Daarom gelden de "
               "meldplichten uit de Leerplichtwet en de meldplicht voor 18-plussers niet.")
    text = why + " Een melding bij DUO is niet nodig. Wel geldt het verzuimbeleid van uw eigen school."
    if facts.school_type == "mbo":
        text += (" Heeft de student studiefinanciering? Dan kan de WEB een aparte regel hebben voor lange "
                 "afwezigheid (artikel 8.1.7). Kijk daarvoor bij DUO.")
    return _nothing(b, text)


def _not_yet_leerplichtig(b: _Builder) -> MeldingDecision:
    b.cite("lpw:3")
    text = ("Een kind van 4 jaar is nog niet leerplichtig. De leerplicht begint op de eerste schooldag van de "
            "maand na de vijfde verjaardag. Een melding bij DUO is daarom niet nodig. Bespreek de afwezigheid wel "
            "met de ouders.")
    return _nothing(b, text)


def _fine_risk(b: _Builder) -> str:
    fine = b.rules["fine"]
    b.cite(*fine["citations"])
    per = f"{fine['per_violation_eur']:,}".replace(",", ".")
    year = f"{fine['per_school_year_eur']:,}".replace(",", ".")
    return (f"Doet de school een verplichte melding niet? Dan kan de minister het hoofd van de school een "
            f"bestuurlijke boete geven van ten hoogste {per} euro per overtreding, met een maximum van {year} euro "
            "per schooljaar (Leerplichtwet artikel 27).")
