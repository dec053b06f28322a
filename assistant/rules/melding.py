"""DUO verzuimmelding check for schools: must this absence be reported, how, by when and with what.

`evaluate_melding(facts, on=day)` is pure: the same facts and day always give the same decision, with no I/O
beyond reading the knowledge files once. The law is applied as it holds on `on` (the day the absence is judged):
every number comes from the dated legal parameters (`params(on).melding...`, `knowledge/parameters/`), with the
citation of the version in force; the channels, counting units and regional agreements live in
`knowledge/rules/melding.yml` (whose Dutch names `make i18n-extract` collects too), and where the agreements apply
in the regional table (`knowledge/regions.yml`, through `assistant.knowledge.get_regions`); the other Dutch texts live
here, marked with `_()`, and take the legal numbers as placeholders. The decision's str fields are Dutch (as
`POST /api/melding/check` returns them); the same texts as `Message`s (template and values) are in
`decision.texts`, for the chat to translate. Rules (sources in the parameter and rules files):

- Required (statute or DUO's list of required categories): 16 hours unauthorised within four consecutive lesweken
  (Lpw art. 21a; report again each time a new 16 hours is reached), long-term relative absence (more than four
  weeks), (suspected) luxe verzuim, and young people no longer leer- or kwalificatieplichtig without
  startkwalificatie, below the 18+ age limit, absent four consecutive weeks (WEB 8.1.8a until 2025: under 23;
  WEB 9.2.1-9.2.2 since 1 January 2026: under 27; DUO routes it to the woongemeente, in Twente the Doorstroompunt).
- Not required but agreed in Twente: overig verzuim below the threshold (late arrivals included), participation in
  the preventive spreekuur, and long-term sickness absence (Hengelo and Borne, since 2024-2025).
- Not reported to DUO as verzuim: sickness and suspension (unless unauthorised absence is suspected), and granted
  leave. A schorsing of more than one day is reported to the Inspectie (WVO 2020 art. 8.14 lid 3), not to DUO.

Hours are counted in the school type's unit: klokuren in po, lesuren in vo, uren lestijd in mbo.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, InstanceOf, StrictBool, field_validator
from pydantic_core import PydanticCustomError

from assistant.i18n import Message, _
from assistant.knowledge.law_date import law_on
from assistant.knowledge.parameters import LegalParameters, params
from assistant.knowledge.paths import RULES_DIR
from assistant.knowledge.regions import get_regions

RULES_PATH = RULES_DIR / "melding.yml"

SchoolType = Literal["po", "vo", "mbo"]
AbsenceKind = Literal["ongeoorloofd", "ziekte", "schorsing", "verlof", "te_laat", "luxe_vermoeden"]
Obligation = Literal["verplicht", "regionaal_afgesproken", "niet_nodig"]
Category = Literal["16_uur", "langdurig_relatief", "luxe", "18_plus", "overig", "geen"]
AgeStatus = Literal[
    "nog_niet_leerplichtig",  # age 4
    "leerplichtig",  # 5 to 15
    "leerplichtig_of_kwalificatieplichtig",  # 16, or 16 with a startkwalificatie (leerplicht may not have ended)
    "kwalificatieplichtig",  # 17 without startkwalificatie
    "achttien_plus_zonder_startkwalificatie",  # 18 to below the 18+ age limit, without startkwalificatie
    "buiten_meldplicht",  # 17+ with startkwalificatie, or at or above the 18+ age limit
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


def _document_bounds(schema: dict[str, Any]) -> None:
    """The plausibility bounds the validators below enforce, in the JSON schema (OpenAPI) as well."""
    bounds = _plausibility()
    properties = schema.get("properties", {})

    def number(name: str) -> dict[str, Any]:
        field = properties.get(name, {})
        return next((option for option in field.get("anyOf", []) if option.get("type") != "null"), field)

    number("age").update(minimum=bounds["min_age"], maximum=bounds["max_age"])
    number("unauthorized_hours_4_weeks").update(minimum=0, maximum=bounds["max_hours_in_period"])
    number("consecutive_weeks_absent").update(minimum=0)
    number("late_count").update(minimum=0, maximum=bounds["max_late_count_in_period"])


class MeldingFacts(BaseModel):
    """What a school administrator tells us about one pupil's absence."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_document_bounds)

    school_type: SchoolType = Field(description="po, vo or mbo.")
    age: int = Field(description="Age of the pupil in whole years.", examples=[14])
    has_startkwalificatie: StrictBool | None = Field(
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
    suspected_unauthorised: StrictBool = Field(
        default=False, description="For ziekte or schorsing: the school suspects unauthorised absence.")
    preventive_spreekuur: StrictBool = Field(
        default=False, description="The pupil takes part in the leerplicht officer's preventive spreekuur.")
    long_term_sickness: StrictBool = Field(
        default=False, description="For ziekte: the school considers the sickness absence long-term.")
    on_date: dt.date | None = Field(
        default=None, description="The day the absence is judged (e.g. its last day): the law of that day applies. "
                                  "Default: today. A day before the law the assistant knows answers 422.")

    @field_validator("age", "late_count", "unauthorized_hours_4_weeks", "consecutive_weeks_absent", mode="before")
    @classmethod
    def _a_number(cls, value: Any) -> Any:
        """A JSON number: not a text ("14") or true/false, which pydantic would otherwise turn into one."""
        if isinstance(value, (str, bool)):
            raise _invalid("dit moet een getal zijn.")
        return value

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


@dataclass(frozen=True)
class DecisionTexts:
    """Every user-facing text of a decision as a `Message` (a `_()`-marked Dutch template and its values), for
    translation where it is shown (`actions/melding.py`). The str fields of `MeldingDecision` are these texts in
    Dutch; the explanation is its messages joined by spaces."""

    explanation: tuple[Message, ...]
    count_unit: Message
    checklist: tuple[Message, ...]
    fields: tuple[Message, ...] = ()
    notes: tuple[Message, ...] = ()
    duo_category: Message | None = None
    channel: Message | None = None
    recipient: Message | None = None
    deadline: Message | None = None
    deadline_guidance: Message | None = None
    fine_risk: Message | None = None


class MeldingDecision(BaseModel):
    law_date: dt.date = Field(description="The day whose law was applied (the day the absence is judged).")
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
    texts: InstanceOf[DecisionTexts] = Field(exclude=True, repr=False,
                                             description="The texts above as translatable messages.")


# --- Dutch texts (source texts for the catalogs; translated where they are shown) ---------------------------------

_DUO_CATEGORY = {
    "16_uur": _("16 uur in 4 weken"),
    "langdurig_relatief": _("Langdurig relatief verzuim (LRV)"),
    "luxe": _("Luxe verzuim"),
    "18_plus": _("RMC / 18-plus verzuim"),
    "overig": _("Overig verzuim"),
}

_UNIT_TEXT = {
    "po": _("klokuren (in het primair onderwijs telt u klokuren)"),
    "vo": _("lesuren (in het voortgezet onderwijs telt u lesuren; een lesuur is hoogstens 60 minuten)"),
    "mbo": _("uren lestijd (in het mbo telt de lestijd)"),
}

# Besluit register onderwijsdeelnemers art. 14 onder b tot en met k: what the school delivers (art. 21).
_FIELDS = (
    _("Gegevens van de leerling: burgerservicenummer of onderwijsnummer (persoonsgebonden nummer)"),
    _("Begindatum van het verzuim (art. 14 onder b)"),
    _("Einddatum van het verzuim (art. 14 onder c)"),
    _("Vermoedelijke soort verzuim (art. 14 onder d)"),
    _("Vermoedelijke reden van het verzuim (art. 14 onder e)"),
    _("Of alle lessen zijn gemist (art. 14 onder f)"),
    _("Wat de school al heeft gedaan (art. 14 onder g)"),
    _("Of u actie van de gemeente wilt, met de prioriteit; zo niet, een toelichting (art. 14 onder h)"),
    _("Naam van de leslocatie (art. 14 onder i)"),
    _("Naam, functie, telefoonnummer en e-mailadres van de contactpersoon op school (art. 14 onder j)"),
    _("Telefoonnummer(s) van de leerling of de ouder (art. 14 onder k)"),
)
_FIELD_SK = _("Of de leerling een startkwalificatie heeft (art. 14 onder a)")

RECIPIENT_OFFICER = _("de leerplichtambtenaar van de woongemeente (via DUO)")
RECIPIENT_DOORSTROOMPUNT = _("het Doorstroompunt (voorheen RMC) van de woongemeente (via DUO)")

DEADLINE_SIXTEEN_HOURS = _("Meld zo snel mogelijk nadat de grens van {limit} uur is bereikt. De wet noemt geen termijn "
                           "in dagen.")
GUIDANCE_SIXTEEN_HOURS = _("De Inspectie van het Onderwijs noemt: binnen {days} schooldagen nadat de grens van {limit} "
                           "uur is overschreden. Dit is een richtlijn van de inspectie, geen wettekst.")
DEADLINE_NO_DAYS = _("Meld zo snel mogelijk. De wet noemt hiervoor geen termijn in dagen.")
DEADLINE_REGIONAL = _("Hiervoor geldt geen wettelijke termijn. Meld zo vroeg mogelijk, zodat leerplicht op tijd kan "
                      "helpen.")

NOTE_SK_UNKNOWN = _("U gaf niet op of de leerling een startkwalificatie heeft (een havo-, vwo- of mbo-diploma op "
                    "niveau 2 of hoger). Wij gaan uit van: nee.")
NOTE_SIXTEEN_WITH_SK = _("De leerling is {age} en heeft een startkwalificatie. De leerplicht loopt tot het einde van "
                         "het schooljaar waarin de leerling {age} werd. Is dat schooljaar al voorbij? Dan geldt de "
                         "meldplicht uit de Leerplichtwet niet meer.")
NOTE_LEERPLICHT_START = _("De leerplicht begint op de eerste schooldag van de maand na de vijfde verjaardag.")

SIXTEEN_HOURS = _("U moet dit verzuim melden bij DUO. De leerling heeft in vier aaneengesloten lesweken {hours} "
                  "{unit} ongeoorloofd gemist. Bij {limit} uur of meer is melden verplicht (Leerplichtwet artikel "
                  "21a).")
LATE_ALSO_COUNTS = _("Ook te laat komen telt mee: het is gemiste lestijd zonder geldige reden.")
DUO_SENDS_TO_OFFICER = _("DUO stuurt de melding naar de leerplichtambtenaar van de gemeente waar de leerling woont.")
NOTE_SIXTEEN_WORDING = _("De wet zegt 'in totaal zestien uren'; DUO schrijft 'meer dan {limit} uur'. Wij houden "
                         "{limit} uur aan als grens: dan is melden verplicht.")
LONG_TERM_RELATIVE = _("U moet dit verzuim melden bij DUO als langdurig relatief verzuim. De leerling is al {weeks} "
                       "weken ongeoorloofd afwezig. Bij meer dan 4 weken noemt DUO dit langdurig relatief verzuim; die "
                       "melding is verplicht. Heeft u nog geen melding '16 uur in 4 weken' gedaan? Doe die dan ook. "
                       "Neem ook contact op met de leerplichtambtenaar, zodat u samen kunt zoeken naar een oplossing.")
LUXE = _("U moet dit melden bij DUO als luxe verzuim, ook als het om een vermoeden gaat. Luxe verzuim is: de leerling "
         "is buiten de schoolvakanties op vakantie gegaan zonder verlof. Bijvoorbeeld een ziekmelding vlak voor een "
         "vakantie. U meldt de vermoedelijke soort en reden van het verzuim; de leerplichtambtenaar zoekt het verder "
         "uit.")
BELOW_THRESHOLD = _("De leerling heeft in vier lesweken {hours} {unit} ongeoorloofd gemist. Dat is minder dan {limit} "
                    "uur, dus een melding is wettelijk niet verplicht.")
LATE_BELOW_THRESHOLD = _("De leerling komt te laat. Voor te laat komen staat geen grens in de wet. De gemiste lestijd "
                         "telt wel mee voor de grens van {limit} uur; die is nog niet bereikt.")
LATE_COUNT_BELOW_THRESHOLD = _("De leerling komt te laat ({count} keer). Voor te laat komen staat geen grens in de "
                               "wet. De gemiste lestijd telt wel mee voor de grens van {limit} uur; die is nog niet "
                               "bereikt.")
NOTE_LATE_THRESHOLD = _("De grens voor te laat komen in de Twentse schoolaanwezigheidskaart hebben wij niet. Kijk in "
                        "de kaart of vraag het de leerplichtambtenaar.")
NO_TWENTE = _("Wij kennen alleen de afspraken van Hengelo, Borne en Enschede en de gemeenten waarvoor zij leerplicht "
              "of het Doorstroompunt uitvoeren. Vraag de leerplichtafdeling van de gemeente of daar een afspraak "
              "bestaat over het melden van dit verzuim.")
CAN_REPORT_OVERIG = _("U kunt dit wel melden als 'overig verzuim'.")
TWENTE_OVERIG = _("In {municipalities} vraagt leerplicht scholen om dit verzuim toch te melden als 'overig verzuim'. "
                  "Dat is een verzoek van die gemeenten, geen wettelijke plicht. Zo kan leerplicht vroeg helpen.")
OVERIG_ELSEWHERE = _("Alleen in {municipalities} vraagt leerplicht scholen om dit verzuim toch te melden als 'overig "
                     "verzuim'. Dat is een verzoek van die gemeenten, geen wettelijke plicht. Vraag in een andere "
                     "gemeente de leerplichtambtenaar of u het ook moet melden.")
NOTE_FOURTEEN_HOURS = _("Het jaarverslag van Hengelo en Borne omschrijft overig verzuim als 'minder dan {regional} "
                        "uur in vier weken'; DUO en de wet leggen de grens bij {limit} uur.")
SPREEKUUR = _("De leerling doet mee aan het preventieve spreekuur van de leerplichtambtenaar. In {municipalities} is "
              "afgesproken dat de school daarvoor een DUO-melding doet (overig verzuim). Die melding is de formele "
              "basis voor het gesprek. Dit is een regionale afspraak.")
SICK_SUSPECTED = _("Ziekte is geoorloofd verzuim en meldt u normaal niet. Vermoedt u dat er eigenlijk sprake is van "
                   "ongeoorloofd verzuim? Dan kunt u dit melden als 'overig verzuim'.")
SUSPENDED_SUSPECTED = _("Schorsing is geoorloofd verzuim en meldt u normaal niet. Vermoedt u dat er eigenlijk sprake "
                        "is van ongeoorloofd verzuim? Dan kunt u dit melden als 'overig verzuim'.")
NOTE_SUSPECTED_SIXTEEN = _("Blijkt het verzuim ongeoorloofd en is het {limit} uur of meer in {weeks} lesweken? Dan is "
                           "een melding '{category}' verplicht.")
SICK_ALLOWED = _("Ziekte is geoorloofd verzuim (Leerplichtwet artikel 11). Dit meldt u niet bij DUO, tenzij u "
                 "vermoedt dat er sprake is van ongeoorloofd verzuim.")
SUSPENDED_ALLOWED = _("Schorsing is geoorloofd verzuim (Leerplichtwet artikel 11). Dit meldt u niet bij DUO, tenzij u "
                      "vermoedt dat er sprake is van ongeoorloofd verzuim.")
LONG_TERM_SICKNESS_HERE = _("In {municipality} wordt langdurig ziekteverzuim sinds schooljaar {school_year} wel "
                            "gemeld, als 'overig verzuim'. Dat is een regionale afspraak van Hengelo en Borne, geen "
                            "wettelijke plicht. Zo komt leerplicht eerder in beeld en kan die samen met school en "
                            "jeugdarts meedenken.")
NOTE_LONG_TERM_NO_WEEKS = _("De bron noemt geen aantal weken voor 'langdurig'. Volg de Twentse "
                            "schoolaanwezigheidskaart of vraag het de leerplichtambtenaar.")
NOTE_LONG_TERM_SICKNESS = _("In Hengelo en Borne wordt langdurig ziekteverzuim sinds schooljaar {school_year} gemeld "
                            "(regionale afspraak).")
GRANTED_LEAVE = _("Verlof dat de directeur of de leerplichtambtenaar heeft gegeven, is geen verzuim. Voor het verlof "
                  "zelf hoeft u niets te melden. Blijft de leerling langer weg dan het verlof? Dan is dat ongeoorloofd "
                  "verzuim.")
EIGHTEEN_PLUS_BASIS = _("De leerling is {adult} jaar of ouder, jonger dan {upper} jaar en heeft geen "
                        "startkwalificatie. De Leerplichtwet geldt niet meer, maar er is een aparte meldplicht.")
NOTE_EIGHTEEN_PLUS_VO = _("Voor vo en (v)so staat deze meldplicht in andere wetten (WVO 2020 artikel 8.20, WEC artikel "
                          "47b). DUO gebruikt dezelfde soort melding.")
NOTE_LAW_CHANGED = _("Deze meldplicht staat sinds {date} in de Wet educatie en beroepsonderwijs (artikel 9.2.1 en "
                     "9.2.2) en geldt sindsdien tot {upper} jaar; daarvoor was dat tot {old_upper} jaar.")
SICK_NOT_REPORTED = _("Ziekte is geoorloofd verzuim; dat meldt u niet.")
SUSPENDED_NOT_REPORTED = _("Schorsing is geoorloofd verzuim; dat meldt u niet.")
EIGHTEEN_PLUS_SUSPECTED = _("U vermoedt wel ongeoorloofd verzuim. Bespreek dit met de doorstroomcoach van het "
                            "Doorstroompunt (voorheen RMC).")
EIGHTEEN_PLUS_NOT_YET = _("Die plicht begint als de leerling {weeks_needed} weken aaneengesloten zonder geldige reden "
                          "afwezig is. Nu is dat {weeks} weken, dus een melding is nog niet verplicht. Uw school kan "
                          "zelf een kortere termijn hebben afgesproken. Houd de afwezigheid goed bij.")
EIGHTEEN_PLUS_REQUIRED = _("De leerling is {weeks} weken aaneengesloten zonder geldige reden afwezig. Bij "
                           "{weeks_needed} weken of meer moet u dit melden bij DUO. DUO stuurt de melding naar de "
                           "gemeente waar de leerling woont. In Twente pakt het Doorstroompunt (voorheen RMC) de "
                           "melding op.")
OUTSIDE_AGE = _("De leerling is {age} jaar. Vanaf {upper} jaar gelden de meldplichten voor verzuim niet meer.")
SCHORSING_INSPECTIE = _("Let op: dat geldt alleen voor DUO. Een schorsing duurt ten hoogste een week. Duurt de "
                        "schorsing langer dan {days} dag? Dan meldt het schoolbestuur haar schriftelijk en met redenen "
                        "aan de Inspectie van het Onderwijs (Wet voortgezet onderwijs 2020, artikel 8.14). Voor "
                        "verwijdering gelden eigen regels (artikel 8.15).")
OUTSIDE_SK = _("De leerling heeft een startkwalificatie en is niet meer leerplichtig. Daarom gelden de meldplichten "
               "uit de Leerplichtwet en de meldplicht voor 18-plussers niet.")
NOT_NEEDED_OWN_POLICY = _("Een melding bij DUO is niet nodig. Wel geldt het verzuimbeleid van uw eigen school.")
MBO_STUDY_FINANCE = _("Heeft de student studiefinanciering? Dan kan de WEB een aparte regel hebben voor lange "
                      "afwezigheid (artikel 8.1.7). Kijk daarvoor bij DUO.")
NOT_YET_LEERPLICHTIG = _("Een kind van {age} jaar is nog niet leerplichtig. De leerplicht begint op de eerste "
                         "schooldag van de maand na de vijfde verjaardag. Een melding bij DUO is daarom niet nodig. "
                         "Bespreek de afwezigheid wel met de ouders.")
FINE_RISK = _("Doet de school een verplichte melding niet? Dan kan de minister het hoofd van de school een "
              "bestuurlijke boete geven van ten hoogste {per_violation} euro per overtreding, met een maximum van "
              "{per_year} euro per schooljaar (Leerplichtwet artikel 27).")

# The checklist
REPORT_VIA = _("Meld via {channel}.")
CHOOSE_CATEGORY = _("Kies de verzuimsoort '{category}'.")
COUNT_HOURS_IN = _("Tel de uren in {unit}.")
REPORT_NOW_GUIDANCE = _("Meld zo snel mogelijk. Richtlijn van de inspectie: binnen {days} schooldagen nadat de grens "
                        "van {limit} uur is overschreden. Vakantieweken tellen niet als lesweken.")
END_DATE_SIXTEEN = _("Einddatum: de laatste verzuimdag of de dag waarop de {limit} uur is bereikt.")
REPORT_AGAIN = _("Komt er daarna opnieuw {limit} uur bij? Doe dan een nieuwe melding.")
FILL_IN_ALL = _("Vul alle gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).")
FILL_IN = _("Vul de gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).")
GIVE_END_DATE = _("Geef een einddatum door zodra de leerling weer naar school gaat of wordt uitgeschreven.")
DO_NOT_DEREGISTER = _("Lang verzuim is geen reden om de leerling uit te schrijven (Leerplichtwet artikel 10).")
LUXE_REASON = _("Vul bij 'vermoedelijke reden' in waarom u luxe verzuim vermoedt.")
REPORT_SUSPICION = _("Meld ook bij een vermoeden; u hoeft het niet eerst zeker te weten.")
TELL_PARENTS_SPREEKUUR = _("Zorg dat de ouders weten van het preventieve gesprek.")
CHOOSE_OVERIG_SICK = _("Kies de verzuimsoort 'Overig verzuim' en vul bij de reden 'langdurig ziek' in.")
NO_MELDING = _("Een melding bij DUO is niet nodig.")
REGISTER_OWN = _("Registreer de afwezigheid wel in uw eigen administratie.")
KEEP_LEAVE = _("Bewaar het verleende verlof (de aanvraag en het besluit) bij het dossier.")
CHOOSE_EIGHTEEN_PLUS = _("Kies de verzuimsoort voor 18-plussers (RMC / 18-plus verzuim).")
REPORT_NOW = _("Meld zo snel mogelijk.")


OVERIG_AGREEMENT = "overig-verzuim-melden"
SPREEKUUR_AGREEMENT = "preventief-spreekuur-met-duo-melding"


def _in_twente(municipality: str | None) -> bool:
    """No municipality given (Twente is assumed), or one the regional table covers."""
    return municipality is None or get_regions().covers(municipality)


def age_status(age: int, has_startkwalificatie: bool | None, law: LegalParameters) -> AgeStatus:
    """Where the pupil stands under the Leerplichtwet and the 18+ rule (as `law` holds them), from age and
    startkwalificatie alone."""
    sk = bool(has_startkwalificatie)
    if age < law.leerplicht.start_age.value:
        return "nog_niet_leerplichtig"
    if age < law.leerplicht.end_age.value:
        return "leerplichtig"
    if age == law.leerplicht.end_age.value:
        return "leerplichtig_of_kwalificatieplichtig"
    if age < law.leerplicht.kwalificatieplicht_end_age.value:
        return "buiten_meldplicht" if sk else "kwalificatieplichtig"
    if age < law.melding.age_limit_18plus.value and not sk:
        return "achttien_plus_zonder_startkwalificatie"
    return "buiten_meldplicht"


def _dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _number(value: float) -> Decimal:
    """A count for a text: written with the reader's decimal sign ("12,5" in Dutch), whole numbers without one."""
    return Decimal(f"{value:g}")


def _messages(*texts: Message | str) -> list[Message]:
    return [text if isinstance(text, Message) else Message(text) for text in texts]


def _dutch(messages: list[Message] | tuple[Message, ...]) -> str:
    return " ".join(str(message) for message in messages)


class _Builder:
    """Collects one decision; keeps evaluate_melding readable."""

    def __init__(self, facts: MeldingFacts, rules: dict[str, Any], law: LegalParameters, status: AgeStatus) -> None:
        self.facts = facts
        self.rules = rules
        self.law = law
        self.status = status
        self.citations: list[str] = []
        self.notes: list[Message] = [law_on(law.on)]

    def cite(self, *ids: str) -> None:
        self.citations.extend(ids)

    def note(self, template: str, **values: Any) -> None:
        self.notes.append(Message(template, values))

    def channel(self) -> Message:
        """The channel for this school type; the Dutch texts are in the rules file (extracted for the catalogs)."""
        return Message(self.rules["channels"][self.facts.school_type])

    def unit(self) -> Message:
        """How hours are counted ("klokuren", "lesuren", "uren lestijd"), from the rules file."""
        return Message(self.rules["counting"][self.facts.school_type])

    def report_via(self) -> Message:
        return Message(REPORT_VIA, {"channel": self.channel()})

    def statutory_deadline(self, category: Category) -> tuple[Message, Message | None, str | None]:
        """(text, guidance, guidance citation) of the deadline of a required melding."""
        if category == "16_uur":
            guidance = self.law.melding.inspectorate_school_days
            self.cite(*guidance.citations)
            return (Message(DEADLINE_SIXTEEN_HOURS, {"limit": self.law.melding.unauthorised_hours.value}),
                    Message(GUIDANCE_SIXTEEN_HOURS, {"days": guidance.value,
                                                     "limit": self.law.melding.unauthorised_hours.value}),
                    guidance.citations[0])
        return Message(DEADLINE_NO_DAYS), None, None

    def fields(self, eighteen_plus: bool = False) -> list[Message]:
        self.cite("brod:14", "brod:21", "wrod:10")
        return _messages(*([_FIELD_SK] if eighteen_plus else []), *_FIELDS)

    def decision(self, *, explanation: list[Message], checklist: list[Message | str],
                 duo_category: str | None = None, channel: Message | None = None, recipient: str | None = None,
                 deadline: tuple[Message, Message | None, str | None] | None = None, regional_deadline: bool = False,
                 fields: list[Message] | None = None, fine_risk: Message | None = None,
                 **values: Any) -> MeldingDecision:
        texts = DecisionTexts(
            explanation=tuple(explanation),
            count_unit=Message(_UNIT_TEXT[self.facts.school_type]),
            checklist=tuple(_messages(*checklist)),
            fields=tuple(fields or ()),
            notes=tuple(self.notes),
            duo_category=Message(_DUO_CATEGORY[duo_category]) if duo_category else None,
            channel=channel,
            recipient=Message(recipient) if recipient else None,
            deadline=deadline[0] if deadline else Message(DEADLINE_REGIONAL) if regional_deadline else None,
            deadline_guidance=deadline[1] if deadline else None,
            fine_risk=fine_risk,
        )
        if deadline:
            # Lpw 21a and WEB 9.2.2 create a leveringsverplichting without a term: no "onverwijld" is claimed.
            deadline_model = Deadline(term=None, text=str(deadline[0]),
                                      guidance=str(deadline[1]) if deadline[1] else None,
                                      guidance_citation=deadline[2])
        elif regional_deadline:
            deadline_model = Deadline(term=None, text=str(texts.deadline))
        else:
            deadline_model = None
        return MeldingDecision(
            law_date=self.law.on,
            age_status=self.status,
            count_unit=str(texts.count_unit),
            duo_category=str(texts.duo_category) if texts.duo_category else None,
            channel=str(channel) if channel else None,
            recipient=str(texts.recipient) if texts.recipient else None,
            deadline=deadline_model,
            fields=[str(field) for field in texts.fields],
            explanation=_dutch(texts.explanation),
            checklist=[str(item) for item in texts.checklist],
            citations=_dedupe(self.citations),
            fine_risk=str(fine_risk) if fine_risk else None,
            notes=[str(note) for note in texts.notes],
            texts=texts,
            **values,
        )


# --- the rules ----------------------------------------------------------------------------------------------

def evaluate_melding(facts: MeldingFacts, on: dt.date, *, law: LegalParameters | None = None,
                     rules: dict[str, Any] | None = None) -> MeldingDecision:
    """Decide whether and how a school reports this absence to DUO, under the law as it holds on `on` (the day the
    absence is judged). Pure: no I/O besides the cached knowledge files. `law` replaces the repository's parameters
    (a test of a change of law); `LawNotKnown` when `on` lies before the law the knowledge covers."""
    rules = rules or load_melding_rules()
    law = law or params(on)
    status = age_status(facts.age, facts.has_startkwalificatie, law)
    builder = _Builder(facts, rules, law, status)

    if (facts.has_startkwalificatie is None
            and law.leerplicht.end_age.value <= facts.age < law.melding.age_limit_18plus.value):
        builder.note(NOTE_SK_UNKNOWN)
    if status == "nog_niet_leerplichtig":
        return _not_yet_leerplichtig(builder)
    if status == "buiten_meldplicht":
        return _outside(builder)
    if status == "achttien_plus_zonder_startkwalificatie":
        return _eighteen_plus(builder)
    if status == "leerplichtig_of_kwalificatieplichtig" and facts.has_startkwalificatie:
        builder.note(NOTE_SIXTEEN_WITH_SK, age=law.leerplicht.end_age.value)
        builder.cite("lpw:3")
    if facts.age == law.leerplicht.start_age.value:
        builder.note(NOTE_LEERPLICHT_START)
        builder.cite("lpw:3")
    return _leerplichtig(builder)


def _leerplichtig(b: _Builder) -> MeldingDecision:
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


def _sixteen_hours(b: _Builder) -> MeldingDecision:
    facts, law = b.facts, b.law
    threshold = law.melding.unauthorised_hours
    b.cite(*threshold.citations, "src:duo-verzuim", "lpw:27")
    explanation = [Message(SIXTEEN_HOURS, {"hours": _number(facts.unauthorized_hours_4_weeks), "unit": b.unit(),
                                           "limit": threshold.value})]
    if facts.absence_kind == "te_laat":
        explanation.append(Message(LATE_ALSO_COUNTS))
    explanation.append(Message(DUO_SENDS_TO_OFFICER))
    b.note(NOTE_SIXTEEN_WORDING, limit=threshold.value)
    deadline = b.statutory_deadline("16_uur")
    days = law.melding.inspectorate_school_days.value
    return b.decision(
        obligation="verplicht",
        category="16_uur",
        duo_category="16_uur",
        channel=b.channel(),
        recipient=RECIPIENT_OFFICER,
        deadline=deadline,
        fields=b.fields(),
        explanation=explanation,
        checklist=[
            b.report_via(),
            Message(CHOOSE_CATEGORY, {"category": Message(_DUO_CATEGORY["16_uur"])}),
            Message(COUNT_HOURS_IN, {"unit": Message(_UNIT_TEXT[facts.school_type])}),
            Message(REPORT_NOW_GUIDANCE, {"days": days, "limit": threshold.value}),
            Message(END_DATE_SIXTEEN, {"limit": threshold.value}),
            Message(REPORT_AGAIN, {"limit": threshold.value}),
            FILL_IN_ALL,
        ],
        fine_risk=_fine_risk(b),
        offer_consult=False,
    )


def _long_term_relative(b: _Builder) -> MeldingDecision:
    facts = b.facts
    b.cite(*b.law.melding.long_term_relative_weeks.citations, "lpw:21a", "wrod:12", "lpw:27", "lpw:10")
    return b.decision(
        obligation="verplicht",
        category="langdurig_relatief",
        duo_category="langdurig_relatief",
        channel=b.channel(),
        recipient=RECIPIENT_OFFICER,
        deadline=b.statutory_deadline("langdurig_relatief"),
        fields=b.fields(),
        explanation=[Message(LONG_TERM_RELATIVE, {"weeks": _number(facts.consecutive_weeks_absent)})],
        checklist=[
            b.report_via(),
            Message(CHOOSE_CATEGORY, {"category": Message(_DUO_CATEGORY["langdurig_relatief"])}),
            GIVE_END_DATE,
            DO_NOT_DEREGISTER,
            FILL_IN_ALL,
        ],
        fine_risk=_fine_risk(b),
        offer_consult=True,
    )


def _luxe(b: _Builder) -> MeldingDecision:
    b.cite("src:duo-verzuim", "lpw:13a", "lpw:14", "brod:14")
    return b.decision(
        obligation="verplicht",
        category="luxe",
        duo_category="luxe",
        channel=b.channel(),
        recipient=RECIPIENT_OFFICER,
        deadline=b.statutory_deadline("luxe"),
        fields=b.fields(),
        explanation=[Message(LUXE)],
        checklist=[
            b.report_via(),
            Message(CHOOSE_CATEGORY, {"category": Message(_DUO_CATEGORY["luxe"])}),
            LUXE_REASON,
            REPORT_SUSPICION,
            FILL_IN_ALL,
        ],
        fine_risk=None,
        offer_consult=True,
    )


def _overig(b: _Builder, reason: list[Message] | None = None) -> MeldingDecision:
    """Below the statutory threshold: not required; asked in Twente."""
    facts = b.facts
    limit = b.law.melding.unauthorised_hours.value
    if reason is None:
        if facts.absence_kind == "te_laat":
            if facts.late_count is not None:
                reason = [Message(LATE_COUNT_BELOW_THRESHOLD, {"count": facts.late_count, "limit": limit})]
            else:
                reason = [Message(LATE_BELOW_THRESHOLD, {"limit": limit})]
            b.note(NOTE_LATE_THRESHOLD)
        else:
            reason = [Message(BELOW_THRESHOLD, {"hours": _number(facts.unauthorized_hours_4_weeks),
                                                "unit": b.unit(), "limit": limit})]
        b.cite("lpw:21a", "src:duo-verzuim")
    return _regional_or_none(b, reason, category="overig")


def _regional_or_none(b: _Builder, reason: list[Message], category: Category | None = None) -> MeldingDecision:
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
            b.note(NO_TWENTE)
            if "overig verzuim" not in _dutch(reason):
                reason = [*reason, Message(CAN_REPORT_OVERIG)]
        elif category == "overig":
            b.cite(*overig.citations)
            reason = [*reason, Message(OVERIG_ELSEWHERE, {"municipalities": list(overig.applies_to)})]
        return _nothing(b, reason, consult=True)

    parts = list(reason)
    checklist: list[Message | str] = [b.report_via(),
                                      Message(CHOOSE_CATEGORY, {"category": Message(_DUO_CATEGORY["overig"])})]
    if overig_here:
        b.cite(*overig.citations)
        parts.append(Message(TWENTE_OVERIG, {"municipalities": list(overig.applies_to)}))
        b.note(NOTE_FOURTEEN_HOURS, regional=b.law.melding.overig_wording_hours.value,
               limit=b.law.melding.unauthorised_hours.value)
    if spreekuur_here:
        b.cite(*spreekuur_agreement.citations)
        parts.append(Message(SPREEKUUR, {"municipalities": list(spreekuur_agreement.applies_to)}))
        checklist.append(TELL_PARENTS_SPREEKUUR)
    checklist.append(FILL_IN)
    return b.decision(
        obligation="regionaal_afgesproken",
        category="overig",
        duo_category="overig",
        channel=b.channel(),
        recipient=RECIPIENT_OFFICER,
        regional_deadline=True,
        fields=b.fields(),
        explanation=parts,
        checklist=checklist,
        fine_risk=None,
        offer_consult=True,
    )


def _sick_or_suspended(b: _Builder) -> MeldingDecision:
    facts, rules = b.facts, b.rules
    b.cite("lpw:11", "src:duo-verzuim")
    sick = facts.absence_kind == "ziekte"
    if facts.suspected_unauthorised:
        b.note(NOTE_SUSPECTED_SIXTEEN, limit=b.law.melding.unauthorised_hours.value,
               weeks=b.law.melding.period_lesweken.value, category=Message(_DUO_CATEGORY["16_uur"]))
        return _overig(b, [Message(SICK_SUSPECTED if sick else SUSPENDED_SUSPECTED)])
    reason = [Message(SICK_ALLOWED if sick else SUSPENDED_ALLOWED)]
    if not sick:
        _schorsing_inspectie(b, reason)
    sickness = rules["regional"]["long_term_sickness"]
    if sick:
        regions = get_regions()
        agreement = regions.agreement(sickness["agreement"])
        place = facts.municipality
        if facts.long_term_sickness and place is not None and regions.agreement_applies(agreement.id, place):
            b.cite(*agreement.citations)
            reason.append(Message(LONG_TERM_SICKNESS_HERE, {"municipality": regions.name_of(place),
                                                            "school_year": sickness["since_school_year"]}))
            b.note(NOTE_LONG_TERM_NO_WEEKS)
            return _regional_sickness(b, reason)
        if facts.long_term_sickness or facts.municipality is None:
            b.note(NOTE_LONG_TERM_SICKNESS, school_year=sickness["since_school_year"])
            b.cite(*agreement.citations)
    return _regional_or_none(b, reason)


def _schorsing_inspectie(b: _Builder, reason: list[Message]) -> None:
    """A schorsing is not reported to DUO, but one of more than a day goes to the Inspectie (WVO 2020 art. 8.14)."""
    above = b.law.schorsing.report_inspectie_above_days
    b.cite(*above.citations, *b.law.schorsing.max_days.citations, "wvo:8.15")
    reason.append(Message(SCHORSING_INSPECTIE, {"days": above.value}))


def _regional_sickness(b: _Builder, reason: list[Message]) -> MeldingDecision:
    return b.decision(
        obligation="regionaal_afgesproken",
        category="overig",
        duo_category="overig",
        channel=b.channel(),
        recipient=RECIPIENT_OFFICER,
        regional_deadline=True,
        fields=b.fields(),
        explanation=reason,
        checklist=[b.report_via(), CHOOSE_OVERIG_SICK, FILL_IN],
        fine_risk=None,
        offer_consult=True,
    )


def _granted_leave(b: _Builder) -> Message:
    b.cite("lpw:13a", "lpw:14")
    return Message(GRANTED_LEAVE)


def _nothing(b: _Builder, explanation: list[Message], consult: bool = False) -> MeldingDecision:
    checklist: list[Message | str] = [NO_MELDING, REGISTER_OWN]
    if b.facts.absence_kind == "verlof":
        checklist.append(KEEP_LEAVE)
    return b.decision(
        obligation="niet_nodig",
        category="geen",
        explanation=explanation,
        checklist=checklist,
        fine_risk=None,
        offer_consult=consult,
    )


def _eighteen_plus(b: _Builder) -> MeldingDecision:
    facts, law = b.facts, b.law
    threshold = law.melding.weeks_18plus
    b.cite(*threshold.citations, *law.melding.age_limit_18plus.citations, "src:duo-verzuim", "lpw:4b")
    weeks_needed = threshold.value
    unauthorised = facts.absence_kind in ("ongeoorloofd", "te_laat", "luxe_vermoeden")
    basis = Message(EIGHTEEN_PLUS_BASIS, {"adult": law.leerplicht.kwalificatieplicht_end_age.value,
                                          "upper": law.melding.age_limit_18plus.value})
    if facts.school_type != "mbo":
        b.note(NOTE_EIGHTEEN_PLUS_VO)
        b.cite("wvo:8.20")
    _note_law_change(b)
    if facts.absence_kind == "verlof":
        return _nothing(b, [_granted_leave(b)])
    if not unauthorised:
        text = [basis, Message(SICK_NOT_REPORTED if facts.absence_kind == "ziekte" else SUSPENDED_NOT_REPORTED)]
        if facts.absence_kind == "schorsing":
            _schorsing_inspectie(b, text)
        if facts.suspected_unauthorised:
            text.append(Message(EIGHTEEN_PLUS_SUSPECTED))
        return _nothing(b, text, consult=facts.suspected_unauthorised)
    weeks = _number(facts.consecutive_weeks_absent)
    if facts.consecutive_weeks_absent < weeks_needed:
        text = [basis, Message(EIGHTEEN_PLUS_NOT_YET, {"weeks_needed": weeks_needed, "weeks": weeks})]
        return _nothing(b, text, consult=True)
    return b.decision(
        obligation="verplicht",
        category="18_plus",
        duo_category="18_plus",
        channel=b.channel(),
        recipient=RECIPIENT_DOORSTROOMPUNT,
        deadline=b.statutory_deadline("18_plus"),
        fields=b.fields(eighteen_plus=True),
        explanation=[basis, Message(EIGHTEEN_PLUS_REQUIRED, {"weeks": weeks, "weeks_needed": weeks_needed})],
        checklist=[
            b.report_via(),
            CHOOSE_EIGHTEEN_PLUS,
            REPORT_NOW,
            GIVE_END_DATE,
            FILL_IN_ALL,
        ],
        fine_risk=None,
        offer_consult=True,
    )


def _outside(b: _Builder) -> MeldingDecision:
    facts = b.facts
    b.cite("lpw:4b", *b.law.melding.age_limit_18plus.citations)
    upper = b.law.melding.age_limit_18plus.value
    if facts.age >= upper:
        _note_law_change(b)
    text = [Message(OUTSIDE_AGE, {"age": facts.age, "upper": upper}) if facts.age >= upper else Message(OUTSIDE_SK)]
    text.append(Message(NOT_NEEDED_OWN_POLICY))
    if facts.school_type == "mbo":
        text.append(Message(MBO_STUDY_FINANCE))
    return _nothing(b, text)


def _not_yet_leerplichtig(b: _Builder) -> MeldingDecision:
    b.cite("lpw:3")
    return _nothing(b, [Message(NOT_YET_LEERPLICHTIG, {"age": b.law.leerplicht.start_age.value - 1})])


def _fine_risk(b: _Builder) -> Message:
    melding = b.law.melding
    b.cite(*melding.fine_per_violation_eur.citations, *melding.fine_per_school_year_eur.citations)
    return Message(FINE_RISK, {"per_violation": Decimal(melding.fine_per_violation_eur.value),
                               "per_year": Decimal(melding.fine_per_school_year_eur.value)})


def _note_law_change(b: _Builder) -> None:
    """Say that the 18+ rule changed, when the day judged lies after the change."""
    current = b.law.melding.age_limit_18plus
    if current.previous_value is not None:
        b.note(NOTE_LAW_CHANGED, date=current.valid_from, upper=current.value, old_upper=current.previous_value)
