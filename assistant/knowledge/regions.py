"""The one regional table, `knowledge/regions.yml`, and the one look-up over it.

Which municipality runs leerplicht for a town (Borne -> Hengelo; Losser, Oldenzaal and Dinkelland -> Enschede),
which Doorstroompunt serves it, its vakantieregio, the towns the assistant covers and the regional agreements that
apply where. The calendar, the verlof and melding rules, case routing, the DUO import and the hand-off form ask here
and keep no town list of their own (tests/knowledge/test_regions.py checks that).

One rule for a town name everywhere: it matches case-insensitively, with extra spaces and a leading "gemeente"
ignored; a town that is not in the table raises `UnknownMunicipality`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.knowledge.models import Agreement, DoorstroompuntArea, Municipality, Region, RegionsFile, VakantieRegio
from assistant.knowledge.paths import REGIONS_FILE


class UnknownMunicipality(ValueError):
    """A town that is not in `knowledge/regions.yml`. The message is English (for logs); `known` lists the
    municipalities of the table, for a message to the user."""

    def __init__(self, municipality: str, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown municipality {municipality!r}; known: {', '.join(known)}")
        self.municipality = municipality
        self.known = known


class RegionsError(ValueError):
    """`knowledge/regions.yml` cannot be read or contradicts itself; `problems` lists every finding, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in regions.yml:\n" + "\n".join(problems))


def normalise_town(town: str | None) -> str:
    """'  Gemeente  Borne ' -> 'borne': case-folded, extra spaces and a leading 'gemeente' removed."""
    text = re.sub(r"\s+", " ", (town or "").strip()).casefold()
    return re.sub(r"^(gemeente|gem\.)\s+", "", text)


class Regions:
    """The municipalities of the table, the towns only a listed Doorstroompunt serves, the vakantieregio and the
    regional agreements, with the look-ups over them."""

    def __init__(
        self,
        municipalities: Iterable[Municipality] = (),
        *,
        doorstroompunt_areas: Iterable[DoorstroompuntArea] = (),
        vakantieregio: VakantieRegio | None = None,
        agreements: Iterable[Agreement] = (),
    ) -> None:
        municipalities, doorstroompunt_areas = tuple(municipalities), tuple(doorstroompunt_areas)
        self._municipalities: dict[str, Municipality] = {}
        for municipality in municipalities:  # the first entry of a name counts; problems() reports the repeat
            self._municipalities.setdefault(normalise_town(municipality.name), municipality)
        self._areas: dict[str, DoorstroompuntArea] = {}
        for area in doorstroompunt_areas:
            self._areas.setdefault(normalise_town(area.name), area)
        self._listed = [*(entry.name for entry in municipalities), *(area.name for area in doorstroompunt_areas)]
        self.vakantieregio = vakantieregio
        self.agreements: tuple[Agreement, ...] = tuple(agreements)

    @classmethod
    def from_file(cls, data: RegionsFile) -> Regions:
        return cls(
            data.municipalities,
            doorstroompunt_areas=data.doorstroompunt_areas,
            vakantieregio=data.vakantieregio,
            agreements=data.agreements,
        )

    # --- which towns -------------------------------------------------------------------------------------------

    @property
    def municipalities(self) -> tuple[str, ...]:
        """The municipalities of the table, in its order; each has a municipality that runs leerplicht for it."""
        return tuple(m.name for m in self._municipalities.values())

    @property
    def doorstroompunt_areas(self) -> tuple[DoorstroompuntArea, ...]:
        """The towns outside the table that only a listed municipality's Doorstroompunt serves (Hof van Twente)."""
        return tuple(self._areas.values())

    @property
    def covered(self) -> tuple[str, ...]:
        """Every town the assistant covers: the municipalities, then the Doorstroompunt areas."""
        return (*self.municipalities, *(a.name for a in self._areas.values()))

    def covers(self, town: str | None) -> bool:
        key = normalise_town(town)
        return key in self._municipalities or key in self._areas

    def municipality(self, town: str) -> Municipality:
        """The table's entry for `town`; UnknownMunicipality when it has none."""
        found = self._municipalities.get(normalise_town(town))
        if found is None:
            raise UnknownMunicipality(str(town), self.municipalities)
        return found

    def name_of(self, town: str) -> str:
        """The municipality's name as the table writes it ('  borne ' -> 'Borne')."""
        return self.municipality(town).name

    # --- who does what there -----------------------------------------------------------------------------------

    def responsible_municipality(self, town: str) -> str:
        """The municipality whose leerplichtambtenaren serve `town` ('Borne' -> 'Hengelo', 'Losser' -> 'Enschede')."""
        return self.municipality(town).leerplicht_by

    @property
    def leerplicht_municipalities(self) -> tuple[str, ...]:
        """The municipalities that run leerplicht, and so have officers and a queue (Enschede, Hengelo)."""
        return tuple(sorted({m.leerplicht_by for m in self._municipalities.values()}))

    def doorstroompunt_municipality(self, town: str) -> str | None:
        """The municipality whose Doorstroompunt serves `town` ('Hof van Twente' -> 'Hengelo'); None when the
        sources name none. UnknownMunicipality for a town the assistant does not cover."""
        key = normalise_town(town)
        if key in self._areas:
            return self._areas[key].doorstroompunt_by
        return self.municipality(town).doorstroompunt_by

    def vakantieregio_of(self, town: str) -> str:
        """The vakantieregio of a municipality ('noord' for all of Twente)."""
        return self.municipality(town).vakantieregio

    # --- agreements --------------------------------------------------------------------------------------------

    def agreement(self, agreement_id: str) -> Agreement:
        found = next((a for a in self.agreements if a.id == agreement_id), None)
        if found is None:
            raise KeyError(f"unknown regional agreement: {agreement_id}")
        return found

    def agreement_applies(self, agreement_id: str, town: str | None) -> bool:
        """Whether the agreement names `town` in its `applies_to` (False for a missing town)."""
        key = normalise_town(town)
        return bool(key) and key in {normalise_town(name) for name in self.agreement(agreement_id).applies_to}

    def region(self, municipality: str) -> Region:
        """A municipality with its contacts (its own, then those of the municipality that runs leerplicht for it)
        and the regional agreements that apply there."""
        own = self.municipality(municipality)
        contacts = list(own.contacts)
        if normalise_town(own.leerplicht_by) != normalise_town(own.name):
            contacts.extend(self.municipality(own.leerplicht_by).contacts)
        return Region(
            name=own.name,
            leerplicht_by=own.leerplicht_by,
            doorstroompunt_by=own.doorstroompunt_by,
            vakantieregio=own.vakantieregio,
            contacts=tuple(contacts),
            agreements=tuple(a for a in self.agreements if self.agreement_applies(a.id, own.name)),
            citations=own.citations,
            note=own.note,
            uncertain=own.uncertain,
        )

    # --- consistency -------------------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every reference inside the table that does not resolve (citation ids are checked by the knowledge
        validation, which knows the sources)."""
        problems: list[str] = []
        names: set[str] = set()
        for name in self._listed:
            if normalise_town(name) in names:
                problems.append(f"regions.yml: {name!r} is listed twice")
            names.add(normalise_town(name))
        for municipality in self._municipalities.values():
            where = f"regions.yml: {municipality.name}"
            if normalise_town(municipality.leerplicht_by) not in self._municipalities:
                problems.append(f"{where}: leerplicht_by {municipality.leerplicht_by!r} is not a listed municipality")
            by = municipality.doorstroompunt_by
            if by is not None and normalise_town(by) not in self._municipalities:
                problems.append(f"{where}: doorstroompunt_by {by!r} is not listed")
        for area in self._areas.values():
            if normalise_town(area.doorstroompunt_by) not in self._municipalities:
                problems.append(
                    f"regions.yml: doorstroompunt area {area.name}: doorstroompunt_by "
                    f"{area.doorstroompunt_by!r} is not a listed municipality"
                )
        seen: set[str] = set()
        for agreement in self.agreements:
            where = f"regions.yml: agreement {agreement.id}"
            if agreement.id in seen:
                problems.append(f"{where}: duplicate id")
            seen.add(agreement.id)
            problems.extend(
                f"{where}: unknown municipality {n!r}"
                for n in agreement.applies_to
                if normalise_town(n) not in self._municipalities
            )
        return problems


def load_regions(path: Path | None = None) -> Regions:
    """Read and check `knowledge/regions.yml` alone (no topics or statutes), so that routing, the calendar and the
    rules never depend on unrelated knowledge content. Raises RegionsError listing every problem."""
    path = path or REGIONS_FILE
    try:
        with path.open(encoding="utf-8") as handle:
            data = RegionsFile.model_validate(yaml.safe_load(handle))
    except (OSError, yaml.YAMLError) as error:
        raise RegionsError([f"{path.name}: cannot read: {error}"]) from error
    except ValidationError as error:
        raise RegionsError(
            [
                f"{path.name}: {'.'.join(str(p) for p in item['loc']) or '(top)'}: {item['msg']}"
                for item in error.errors()
            ]
        ) from error
    regions = Regions.from_file(data)
    if problems := regions.problems():
        raise RegionsError(problems)
    return regions


@lru_cache(maxsize=1)
def get_regions() -> Regions:
    """The repository's regional table, read and checked once per process."""
    return load_regions()
