"""Where the data files are: `knowledge/` (law, parameters, rules, calendar, regions, schools), `domain/` (Rasa's
responses) and `nlu_data/` (the example questions retrieval also uses). Every reader takes its path from here.

In a checkout (and an editable install) they are the project's own folders. A wheel carries copies as package data
under `assistant/_data/` (`setup.py` puts them there), so a non-editable install reads those.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # assistant/
PACKAGED_DATA_DIR = PACKAGE_DIR / "_data"
CHECKOUT_DIR = PACKAGE_DIR.parent


def data_dir(name: str) -> Path:
    """The folder `name` of the data: the packaged copy when installed from a wheel, else the checkout's."""
    packaged = PACKAGED_DATA_DIR / name
    return packaged if packaged.is_dir() else CHECKOUT_DIR / name


KNOWLEDGE_DIR = data_dir("knowledge")
DOMAIN_DIR = data_dir("domain")
NLU_DATA_DIR = data_dir("nlu_data")

CALENDAR_DIR = KNOWLEDGE_DIR / "calendar"
PARAMETERS_DIR = KNOWLEDGE_DIR / "parameters"
RULES_DIR = KNOWLEDGE_DIR / "rules"
REGIONS_FILE = KNOWLEDGE_DIR / "regions.yml"
SCHOOLS_FILE = KNOWLEDGE_DIR / "schools.yml"
SCHOOLS_DUO_FILE = KNOWLEDGE_DIR / "schools-duo.yml"
