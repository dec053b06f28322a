"""Where a case goes: the municipality that runs leerplicht for the child's town, and the school's contact officer.

The town -> municipality look-up is the regional table (`knowledge/regions.yml` through `assistant.knowledge`:
Hengelo also serves Borne; Enschede also serves Losser, Oldenzaal and Dinkelland). It reads that file alone, so
routing never depends on unrelated knowledge content such as a topic file being edited.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.cases.models import ROLE_OFFICER, OfficerSchool, User
from assistant.knowledge.regions import UnknownMunicipality, get_regions, normalise_town


def region_municipalities() -> tuple[str, ...]:
    """Every municipality of the region as `knowledge/regions.yml` spells it (Borne, Dinkelland, Enschede, ...)."""
    return tuple(sorted(get_regions().municipalities))


def canonical_town(name: str | None) -> str | None:
    """'  gemeente borne' -> 'Borne'; None for a name that is not a municipality of the region."""
    try:
        return get_regions().name_of(name) if name and normalise_town(name) else None
    except UnknownMunicipality:
        return None


def towns_served_by(municipality: str | None) -> tuple[str, ...]:
    """The municipalities whose leerplicht the officers of `municipality` run: 'Hengelo' -> ('Borne', 'Hengelo')."""
    wanted = normalise_town(municipality)
    regions = get_regions()
    return tuple(
        sorted(
            town for town in regions.municipalities if normalise_town(regions.responsible_municipality(town)) == wanted
        )
    )


def responsible_municipality(town: str | None) -> str | None:
    """'Borne' -> 'Hengelo', 'Losser' -> 'Enschede'; None for an unknown or missing town (an admin routes it)."""
    try:
        return get_regions().responsible_municipality(town) if town else None
    except UnknownMunicipality:
        return None


def leerplicht_municipalities() -> tuple[str, ...]:
    """The municipalities that run leerplicht (and so have officers and a queue): Enschede, Hengelo."""
    return get_regions().leerplicht_municipalities


def canonical_municipality(name: str | None) -> str | None:
    """The spelling used in the regions file for a municipality that runs leerplicht, or None."""
    wanted = normalise_town(name)
    return next((m for m in leerplicht_municipalities() if normalise_town(m) == wanted), None)


def contact_officer(
    session: Session, municipality: str | None, school_id: str | None, school_name: str | None
) -> User | None:
    """The active officer who is the fixed contact for the school, when that officer works for `municipality`.

    The school is matched on its id first, then on its name (case-insensitive).
    """
    if municipality is None or not (school_id or school_name):
        return None
    query = (
        select(User)
        .join(OfficerSchool, OfficerSchool.officer_id == User.id)
        .where(User.role == ROLE_OFFICER, User.active.is_(True), User.municipality == municipality)
    )
    if school_id:
        officer = session.scalar(query.where(OfficerSchool.school_id == school_id))
        if officer is not None:
            return officer
    if school_name:
        return session.scalar(query.where(func.lower(OfficerSchool.school_name) == school_name.strip().lower()))
    return None
