"""Schools by id, and a fuzzy lookup for what a parent types ("de borgh", "Triangel in Enschede", "fontijn").

Matching works on normalised names: lower case, accents and punctuation removed, and the words that only say what
kind of school it is ("basisschool", "cbs", "obs", "school", ...) left out. A query's town (when it names one of the
registry's towns) narrows the candidates. Scores are 0..1 (difflib ratio, or 1 for an exact or contained name);
below `MIN_SCORE` nothing matches and the caller keeps the parent's text as a free-text school.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.folding import fold_words
from assistant.knowledge.paths import SCHOOLS_DUO_FILE, SCHOOLS_FILE
from assistant.knowledge.regions import UnknownMunicipality, get_regions

SEED_FILE = SCHOOLS_FILE
DUO_FILE = SCHOOLS_DUO_FILE
MIN_SCORE = 0.78
LEVELS = ("po", "vo", "so")
# Words that say what kind of school it is, not which one.
KIND_WORDS = frozenset(
    {
        "basisschool",
        "bs",
        "cbs",
        "obs",
        "rkbs",
        "kbs",
        "pcbs",
        "gbs",
        "ikc",
        "kindcentrum",
        "integraal",
        "school",
        "de",
        "het",
        "voor",
        "basisonderwijs",
        "christelijke",
        "openbare",
        "katholieke",
        "rk",
        "locatie",
        "vestiging",
        "sbo",
        "so",
        "vso",
        "in",
        "te",
        "op",
        "van",
        "mijn",
        "zoon",
        "dochter",
        "kind",
        "zit",
        "gaat",
        "naar",
    }
)


def normalise_name(name: str) -> str:
    """'CBS De Borgh ' -> 'borgh'; 'Basisschool de Triangel' -> 'triangel'."""
    words = [word for word in fold_words(name).split() if word not in KIND_WORDS]
    return " ".join(words) or fold_words(name)


@dataclass(frozen=True)
class School:
    id: str
    name: str
    town: str
    municipality: str
    level: str | None = None
    vakantieregio: str | None = None
    aliases: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    source: str = "seed"  # seed | duo

    @property
    def label(self) -> str:
        return f"{self.name} ({self.town})"

    @property
    def leerplicht_municipality(self) -> str | None:
        """The municipality that runs leerplicht where the school is (the regional table); None outside it."""
        try:
            return get_regions().responsible_municipality(self.municipality)
        except UnknownMunicipality:
            return None

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str) -> School:
        for key in ("id", "name", "town", "municipality"):
            if not str(data.get(key) or "").strip():
                raise ValueError(f"school entry without {key}: {data!r}")
        level = data.get("level")
        if level is not None and level not in LEVELS:
            raise ValueError(f"school {data['id']}: unknown level {level!r}")
        return cls(
            id=str(data["id"]).strip(),
            name=str(data["name"]).strip(),
            town=str(data["town"]).strip(),
            municipality=str(data["municipality"]).strip(),
            level=level,
            vakantieregio=(str(data["vakantieregio"]).strip().lower() if data.get("vakantieregio") else None),
            aliases=tuple(str(alias) for alias in data.get("aliases") or ()),
            citations=tuple(data.get("citations") or ()),
            source=source,
        )

    def as_mapping(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name, "town": self.town, "municipality": self.municipality}
        for key in ("level", "vakantieregio"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.aliases:
            data["aliases"] = list(self.aliases)
        return data


@dataclass(frozen=True)
class SchoolMatch:
    school: School
    score: float


@dataclass
class SchoolRegistry:
    schools: dict[str, School] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries: Iterable[School]) -> SchoolRegistry:
        registry = cls()
        for school in entries:
            registry.schools[school.id] = school  # later entries (DUO) replace earlier ones with the same id
        return registry

    def get(self, school_id: str | None) -> School | None:
        return self.schools.get(school_id or "") or next(
            (s for s in self.schools.values() if school_id and s.id.casefold() == school_id.casefold()), None
        )

    @property
    def towns(self) -> tuple[str, ...]:
        return tuple(sorted({school.town for school in self.schools.values()}))

    def find(self, query: str, town: str | None = None, limit: int = 3) -> list[SchoolMatch]:
        """The best matches for `query` (name, optionally with a town in it), best first."""
        folded = fold_words(query)
        wanted_town = fold_words(town) if town else None
        if wanted_town is None:
            towns = (fold_words(name) for name in self.towns)
            wanted_town = next((name for name in towns if re.search(rf"\b{re.escape(name)}\b", folded)), None)
            if wanted_town:
                folded = re.sub(rf"\b{re.escape(wanted_town)}\b", " ", folded)
        name = normalise_name(folded)
        if not name:
            return []
        matches: list[SchoolMatch] = []
        for school in self.schools.values():
            if wanted_town and wanted_town not in (fold_words(school.town), fold_words(school.municipality)):
                continue
            score = max(_score(name, normalise_name(candidate)) for candidate in (school.name, *school.aliases))
            if score >= MIN_SCORE:
                matches.append(SchoolMatch(school, round(score, 3)))
        matches.sort(key=lambda match: (-match.score, match.school.name, match.school.id))
        return matches[:limit]


def _score(query: str, candidate: str) -> float:
    if not candidate:
        return 0.0
    if query == candidate:
        return 1.0
    query_words, candidate_words = set(query.split()), set(candidate.split())
    if candidate_words and candidate_words <= query_words:
        return 0.95  # "borgh hengelo" contains "borgh"
    if query_words and query_words <= candidate_words and len(query) >= 4:
        return 0.9  # "fontein" for "de fontein kindcentrum"
    return SequenceMatcher(None, query, candidate).ratio()


def load_file(path: Path, source: str) -> list[School]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return [School.from_mapping(entry, source) for entry in data.get("schools") or []]


@lru_cache
def get_registry(seed: Path = SEED_FILE, imported: Path = DUO_FILE) -> SchoolRegistry:
    return SchoolRegistry.from_entries([*load_file(seed, "seed"), *load_file(imported, "duo")])


def find_school(query: str, town: str | None = None) -> School | None:
    """The one school `query` means: the best match when it is clearly better than the next; else None."""
    matches = get_registry().find(query, town)
    if not matches:
        return None
    if len(matches) > 1 and matches[1].score >= matches[0].score - 0.02:
        return None  # two schools fit equally well: ask, don't guess
    return matches[0].school
