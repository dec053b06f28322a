"""The school registry: the seed in `knowledge/schools.yml`, schools imported from DUO's open data
(`knowledge/schools-duo.yml`, written by `assistant schools import FILE`) and a forgiving lookup by name and town."""

from __future__ import annotations

from assistant.schools.registry import (
    School,
    SchoolMatch,
    SchoolRegistry,
    find_school,
    get_registry,
    normalise_name,
)

__all__ = ["School", "SchoolMatch", "SchoolRegistry", "find_school", "get_registry", "normalise_name"]
