"""Legal parameters: every number the rules use, typed and dated (`knowledge/parameters/*.yml`).

`params(on=date)` gives the law's numbers as they hold on that day, by attribute:
`params(on=day).melding.age_limit_18plus.value`. Each `Param` carries its unit, its basis (law, guidance, regional),
its citations and the period it holds, so a rule can cite exactly the version it applied. The files are modelled on
OpenFisca's dated parameters and MinBZK's regelrecht, with two stricter rules: a value without a citation is refused,
and a parameter's versions may neither overlap nor leave a gap.

A day before the earliest `valid_from` raises `LawNotKnown`: the assistant never answers on a silently assumed law.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.knowledge.models import Basis
from assistant.knowledge.paths import PARAMETERS_DIR

Unit = Literal[
    "years",
    "weeks",
    "lesweken",
    "school_days",
    "days",
    "hours",
    "hours_per_week",
    "school_years",
    "times",
    "eur",
    "months",
    "kilometres",
]
V = TypeVar("V", int, float, bool)


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParameterVersion(_Frozen):
    """One value of a parameter and the period in which the law had it (both ends inclusive)."""

    value: int | float | bool
    valid_from: dt.date
    valid_until: dt.date | None = None
    basis: Basis
    applies_to: tuple[str, ...] = Field(default=(), description="Municipalities a regional value applies to.")
    citations: tuple[str, ...] = Field(min_length=1, description="Citation ids; a value without one is refused.")
    quote: str | None = Field(default=None, description="The words of the cited text that state the value.")

    @model_validator(mode="after")
    def _consistent(self) -> ParameterVersion:
        if self.valid_until is not None and self.valid_until < self.valid_from:
            raise ValueError(f"valid_until {self.valid_until} is before valid_from {self.valid_from}")
        if self.basis == "regional" and not self.applies_to:
            raise ValueError("a regional value names the municipalities it applies to (applies_to)")
        if self.basis != "regional" and self.applies_to:
            raise ValueError("applies_to is only for regional values")
        return self

    def holds_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class ParameterDefinition(_Frozen):
    description: str
    unit: Unit
    versions: tuple[ParameterVersion, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_overlap_no_gap(self) -> ParameterDefinition:
        ordered = sorted(self.versions, key=lambda version: version.valid_from)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.valid_until is None or earlier.valid_until >= later.valid_from:
                raise ValueError(f"versions overlap: {earlier.valid_from} and {later.valid_from}")
            if earlier.valid_until + dt.timedelta(days=1) != later.valid_from:
                raise ValueError(f"gap between {earlier.valid_until} and {later.valid_from}: the law is unknown there")
        if ordered[-1].valid_until is not None:
            raise ValueError("the latest version must be open-ended (no valid_until): the law holds until it changes")
        object.__setattr__(self, "versions", tuple(ordered))
        return self


class Param(_Frozen, Generic[V]):
    """A parameter as it holds on one day."""

    name: str = Field(description="`<group>.<name>`, as in the files and in code.")
    value: V
    unit: Unit
    basis: Basis
    applies_to: tuple[str, ...] = ()
    citations: tuple[str, ...]
    valid_from: dt.date
    valid_until: dt.date | None = None
    previous_value: V | None = Field(default=None, description="The value before this version, if the law changed.")


class LeerplichtParams(_Frozen):
    start_age: Param[int]
    end_age: Param[int]
    full_school_years: Param[int]
    primary_school_years_counted: Param[int]
    kwalificatieplicht_end_age: Param[int]
    own_obligation_age: Param[int]
    age_5_hours_without_permission: Param[int]
    age_5_extra_hours_with_permission: Param[int]
    age_5_exemption_until_age: Param[int]
    ziekte_report_days: Param[int]
    vervangend_min_age: Param[int]
    vervangend_decision_weeks: Param[int]
    vervangend_extension_notice_weeks: Param[int]
    vrijstelling_notice_months: Param[int]
    vrijstelling_statement_max_age_months: Param[int]
    hechtenis_max_months: Param[int]
    trekkend_rijdende_school_km: Param[int]


class MeldingParams(_Frozen):
    unauthorised_hours: Param[int]
    period_lesweken: Param[int]
    long_term_relative_weeks: Param[int]
    age_limit_18plus: Param[int]
    weeks_18plus: Param[int]
    overig_wording_hours: Param[int]
    overig_wording_weeks: Param[int]
    report_within_working_days: Param[int]
    in_uitschrijving_days: Param[int]
    fine_per_violation_eur: Param[int]
    fine_per_school_year_eur: Param[int]


class VerlofParams(_Frozen):
    vakantie_max_school_days: Param[int]
    vakantie_times_per_school_year: Param[int]
    vakantie_excluded_first_lesweken: Param[int]
    vakantie_notice_weeks: Param[int]
    gewichtig_director_max_school_days: Param[int]
    gewichtig_afterwards_days: Param[int]
    gewichtig_officer_notice_weeks: Param[int]
    religieus_notice_days: Param[int]


class SchorsingParams(_Frozen):
    max_days: Param[int]
    report_inspectie_above_days: Param[int]
    parents_informed_under_age: Param[int]
    verwijdering_bezwaar_weeks: Param[int]
    verwijdering_decision_weeks: Param[int]


class RichtlijnParams(_Frozen):
    """Guidance and regional numbers (basis guidance or regional): municipal leave guidelines, OM, Ingrado."""

    verlof_huwelijk_days: Param[int]
    verlof_huwelijk_far_days: Param[int]
    verlof_abroad_max_days: Param[int]
    verlof_overlijden_first_degree_min_days: Param[int]
    verlof_overlijden_first_degree_max_days: Param[int]
    verlof_overlijden_second_degree_days: Param[int]
    verlof_overlijden_third_degree_days: Param[int]
    verlof_ernstige_ziekte_some_schools_days: Param[int]
    verlof_verhuizing_days: Param[int]
    verlof_jubileum_days: Param[int]
    verlof_gezinsuitbreiding_days: Param[int]
    religieuze_feestdag_days: Param[int]
    om_warning_max_school_days: Param[int]
    fine_rule_of_thumb_eur: Param[int]
    verzet_days: Param[int]
    usual_school_start_age: Param[int]
    asylum_school_within_months: Param[int]
    isk_from_age: Param[int]
    isk_until_age: Param[int]
    enschede_5b_review_age: Param[int]


class BezwaarParams(_Frozen):
    objection_weeks: Param[int]
    postal_grace_weeks: Param[int]
    decision_weeks: Param[int]
    decision_with_committee_weeks: Param[int]
    postponement_weeks: Param[int]


class LegalParameters(_Frozen):
    """Every legal number on one day (`on`), grouped as the files are."""

    on: dt.date
    leerplicht: LeerplichtParams
    melding: MeldingParams
    verlof: VerlofParams
    schorsing: SchorsingParams
    bezwaar: BezwaarParams
    richtlijn: RichtlijnParams

    def all(self) -> Iterator[Param[Any]]:
        for group in (self.leerplicht, self.melding, self.verlof, self.schorsing, self.bezwaar, self.richtlijn):
            for name in type(group).model_fields:
                yield getattr(group, name)


GROUPS: dict[str, type[_Frozen]] = {
    "leerplicht": LeerplichtParams,
    "melding": MeldingParams,
    "verlof": VerlofParams,
    "schorsing": SchorsingParams,
    "bezwaar": BezwaarParams,
    "richtlijn": RichtlijnParams,
}


class ParameterError(ValueError):
    """The parameter files are inconsistent; `problems` lists every finding."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("problems in knowledge/parameters:\n" + "\n".join(problems))


class LawNotKnown(ValueError):
    """The day asked about lies before the earliest day for which the knowledge holds the law."""

    def __init__(self, day: dt.date, known_from: dt.date) -> None:
        self.day = day
        self.known_from = known_from
        super().__init__(f"the law is known from {known_from.isoformat()}, not for {day.isoformat()}")


class ParameterSet:
    """All definitions, read once; `on(day)` resolves them to one day's `LegalParameters`."""

    def __init__(self, definitions: dict[str, dict[str, ParameterDefinition]]) -> None:
        self.definitions = definitions
        self.known_from: dt.date = max(
            definition.versions[0].valid_from for group in definitions.values() for definition in group.values()
        )

    def items(self) -> Iterator[tuple[str, ParameterDefinition]]:
        for group, members in self.definitions.items():
            for name, definition in members.items():
                yield f"{group}.{name}", definition

    def change_days(self) -> list[dt.date]:
        """Every day on which some parameter took a new value (after the first), in order."""
        return sorted({version.valid_from for _, d in self.items() for version in d.versions[1:]})

    def on(self, day: dt.date) -> LegalParameters:
        if day < self.known_from:
            raise LawNotKnown(day, self.known_from)
        groups: dict[str, Any] = {}
        for group, members in self.definitions.items():
            resolved = {}
            for name, definition in members.items():
                index = next(i for i, v in enumerate(definition.versions) if v.holds_on(day))
                version = definition.versions[index]
                previous = definition.versions[index - 1].value if index else None
                resolved[name] = Param(
                    name=f"{group}.{name}",
                    value=version.value,
                    unit=definition.unit,
                    basis=version.basis,
                    applies_to=version.applies_to,
                    citations=version.citations,
                    valid_from=version.valid_from,
                    valid_until=version.valid_until,
                    previous_value=previous if previous != version.value else None,
                )
            groups[group] = resolved
        return LegalParameters.model_validate({"on": day, **groups})


def load_parameter_set(directory: Path | str | None = None) -> ParameterSet:
    """Read and check every parameter file; `ParameterError` lists all problems at once."""
    root = Path(directory) if directory is not None else PARAMETERS_DIR
    problems: list[str] = []
    definitions: dict[str, dict[str, ParameterDefinition]] = {}
    for group, model in GROUPS.items():
        path = root / f"{group}.yml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            problems.append(f"{group}.yml: cannot read: {error}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{group}.yml: expected a mapping of parameter names")
            continue
        members: dict[str, ParameterDefinition] = {}
        for name, raw in data.items():
            try:
                members[name] = ParameterDefinition.model_validate(raw)
            except ValidationError as error:
                for item in error.errors():
                    where = ".".join(str(part) for part in item["loc"]) or "(top)"
                    problems.append(f"{group}.{name}: {where}: {item['msg']}")
        expected, found = set(model.model_fields), set(data)
        problems.extend(f"{group}.{name}: missing in {group}.yml" for name in sorted(expected - found))
        problems.extend(
            f"{group}.{name}: not a known parameter (add it to {model.__name__})" for name in sorted(found - expected)
        )
        definitions[group] = members
    if problems:
        raise ParameterError(problems)
    return ParameterSet(definitions)


@lru_cache(maxsize=1)
def parameter_set() -> ParameterSet:
    """The repository's parameters, read once per process."""
    return load_parameter_set()


def params(on: dt.date) -> LegalParameters:
    """The law's numbers as they hold on `on`; `LawNotKnown` before the earliest day the knowledge covers."""
    return _params_on(on)


@lru_cache(maxsize=512)
def _params_on(day: dt.date) -> LegalParameters:
    return parameter_set().on(day)
