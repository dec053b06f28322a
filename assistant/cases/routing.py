"""Where a case goes: the municipality that runs leerplicht for the child's town, and the school's contact officer.

The town -> municipality table comes from the knowledge base (`knowledge/regions.yml`: Hengelo also serves Borne;
Enschede also serves Losser, Oldenzaal and Dinkelland). When the knowledge base does not load (e.g. a topic file is
being edited), the regions file is read directly, so routing never depends on unrelated knowledge content.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import structlog
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.cases.models import ROLE_OFFICER, OfficerSchool, User
from assistant.settings import PROJECT_ROOT

log = structlog.get_logger(__name__)
REGIONS_FILE = PROJECT_ROOT / "knowledge" / "regions.yml"


def normalise_town(town: str | None) -> str:
    """'  Gemeente  Borne ' -> 'borne' (case-folded, prefix and extra spaces removed)."""
    text = re.sub(r"\s+", " ", (town or "").strip()).casefold()
    return re.sub(r"^(gemeente|gem\.)\s+", "", text)


def _regions_file_entries(path: Path) -> dict[str, str]:
    """Municipality name (as written) -> the municipality that runs leerplicht for it."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {
        str(entry["name"]): str(entry["leerplicht_by"])
        for entry in data.get("municipalities") or []
        if isinstance(entry, dict) and entry.get("name") and entry.get("leerplicht_by")
    }


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Every municipality of the region, as the knowledge base spells it -> who runs leerplicht for it."""
    try:
        from assistant.knowledge import get_knowledge_base

        kb = get_knowledge_base()
        return {name: kb.responsible_municipality(name) for name in kb.municipalities}
    except Exception as error:  # the knowledge base refuses to load: fall back to the regions file alone
        log.warning("routing_regions_fallback", error_type=type(error).__name__)
        return _regions_file_entries(REGIONS_FILE)


@lru_cache(maxsize=1)
def town_table() -> dict[str, str]:
    """Town (normalised) -> the municipality whose leerplicht officers serve it."""
    return {normalise_town(name): runs for name, runs in _regions().items()}


def region_municipalities() -> tuple[str, ...]:
    """Every municipality of the region as `knowledge/regions.yml` spells it (Borne, Dinkelland, Enschede, ...)."""
    return tuple(sorted(_regions()))


def canonical_town(name: str | None) -> str | None:
    """'  gemeente borne' -> 'Borne'; None for a name that is not a municipality of the region."""
    wanted = normalise_town(name)
    return next((town for town in _regions() if normalise_town(town) == wanted), None) if wanted else None


def towns_served_by(municipality: str | None) -> tuple[str, ...]:
    """The municipalities whose leerplicht the officers of `municipality` run: 'Hengelo' -> ('Borne', 'Hengelo')."""
    wanted = normalise_town(municipality)
    return tuple(sorted(town for town, runs in _regions().items() if normalise_town(runs) == wanted))


def responsible_municipality(town: str | None) -> str | None:
    """'Borne' -> 'Hengelo', 'Losser' -> 'Enschede'; None for an unknown or missing town (an admin routes it)."""
    return town_table().get(normalise_town(town)) if town else None


def leerplicht_municipalities() -> tuple[str, ...]:
    """The municipalities that run leerplicht (and so have officers and a queue): Enschede, Hengelo."""
    return tuple(sorted(set(town_table().values())))


def canonical_municipality(name: str | None) -> str | None:
    """The spelling used in the regions file for a municipality that runs leerplicht, or None."""
    wanted = normalise_town(name)
    return next((m for m in leerplicht_municipalities() if normalise_town(m) == wanted), None)


def contact_officer(session: Session, municipality: str | None, school_id: str | None,
                    school_name: str | None) -> User | None:
    """The active officer who is the fixed contact for the school, when that officer works for `municipality`.

    The school is matched on its id first, then on its name (case-insensitive).
    """
    if municipality is None or not (school_id or school_name):
        return None
    query = select(User).join(OfficerSchool, OfficerSchool.officer_id == User.id).where(
        User.role == ROLE_OFFICER, User.active.is_(True), User.municipality == municipality)
    if school_id:
        officer = session.scalar(query.where(OfficerSchool.school_id == school_id))
        if officer is not None:
            return officer
    if school_name:
        return session.scalar(query.where(func.lower(OfficerSchool.school_name) == school_name.strip().lower()))
    return None
