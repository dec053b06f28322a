"""The melding rules' input: `MeldingFacts` (what a school tells about one pupil's absence, checked for
plausibility with the bounds in `knowledge/rules/melding.yml`), the rules file, and where the pupil stands by age."""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator
from pydantic_core import PydanticCustomError

from assistant.knowledge.parameters import LegalParameters
from assistant.knowledge.paths import RULES_DIR

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
    plausibility: dict[str, Any] = load_melding_rules()["plausibility"]
    return plausibility


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
        description="Havo, vwo or mbo-2+ diploma. Unknown (null) is treated as 'no' and said in the notes.",
    )
    absence_kind: AbsenceKind = Field(description="Kind of absence as the school sees it.")
    unauthorized_hours_4_weeks: float = Field(
        default=0,
        description="Unauthorised hours within the last four consecutive lesweken: klokuren (po), "
        "lesuren (vo) or uren lestijd (mbo).",
    )
    consecutive_weeks_absent: float = Field(default=0, description="Consecutive weeks of absence so far.")
    late_count: int | None = Field(default=None, description="Late arrivals within the same four lesweken.")
    municipality: str | None = Field(
        default=None, max_length=64, description="Woongemeente of the pupil; null means Twente is assumed."
    )
    suspected_unauthorised: StrictBool = Field(
        default=False, description="For ziekte or schorsing: the school suspects unauthorised absence."
    )
    preventive_spreekuur: StrictBool = Field(
        default=False, description="The pupil takes part in the leerplicht officer's preventive spreekuur."
    )
    long_term_sickness: StrictBool = Field(
        default=False, description="For ziekte: the school considers the sickness absence long-term."
    )
    on_date: dt.date | None = Field(
        default=None,
        description="The day the absence is judged (e.g. its last day): the law of that day applies. "
        "Default: today. A day before the law the assistant knows answers 422.",
    )

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
                f"{bounds['max_hours_per_day']} uur). Dit is een controle op de invoer, geen wettelijke grens."
            )
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
            raise _invalid(
                f"in vier schoolweken kan een leerling niet vaker dan "
                f"{bounds['max_late_count_in_period']} keer te laat komen."
            )
        return value

    @field_validator("municipality", mode="after")
    @classmethod
    def _municipality_clean(cls, value: str | None) -> str | None:
        if value is None:
            return None
        cleaned = " ".join(value.split())
        return cleaned or None


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
