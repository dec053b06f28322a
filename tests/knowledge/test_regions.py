"""The one regional table (`knowledge/regions.yml`) and the one look-up over it (`assistant.knowledge.get_regions`):
who runs leerplicht for a town, its Doorstroompunt and vakantieregio, the towns covered, one rule for an unknown
town, and no second town table anywhere in the code or the knowledge files."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

import assistant.calendar
from assistant.knowledge import UnknownMunicipality, get_regions
from assistant.knowledge.models import Municipality
from assistant.knowledge.regions import REGIONS_FILE, Regions, RegionsError, load_regions

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"


# -- the look-up --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("town", "municipality"),
    [
        ("Borne", "Hengelo"),
        ("Hengelo", "Hengelo"),
        ("Losser", "Enschede"),
        ("Oldenzaal", "Enschede"),
        ("Dinkelland", "Enschede"),
        ("Enschede", "Enschede"),
        ("borne", "Hengelo"),
        (" LOSSER ", "Enschede"),
        ("gemeente  Borne", "Hengelo"),
    ],
)
def test_responsible_municipality(town, municipality):
    assert get_regions().responsible_municipality(town) == municipality


@pytest.mark.parametrize("town", ["Almelo", "", "Hof van Twente", "Bornebroek"])
def test_an_unknown_town_raises_unknown_municipality(town):
    with pytest.raises(UnknownMunicipality) as raised:
        get_regions().responsible_municipality(town)
    assert raised.value.municipality == town
    assert raised.value.known == ("Hengelo", "Borne", "Enschede", "Losser", "Oldenzaal", "Dinkelland")


def test_there_is_one_unknown_municipality_exception():
    assert assistant.calendar.UnknownMunicipality is UnknownMunicipality
    assert issubclass(UnknownMunicipality, ValueError)


def test_names_are_written_as_the_table_writes_them():
    regions = get_regions()
    assert regions.name_of("  dinkelland ") == "Dinkelland"
    assert regions.municipalities == ("Hengelo", "Borne", "Enschede", "Losser", "Oldenzaal", "Dinkelland")
    assert regions.leerplicht_municipalities == ("Enschede", "Hengelo")


def test_covered_towns_include_the_doorstroompunt_area():
    regions = get_regions()
    assert regions.covered == (*regions.municipalities, "Hof van Twente")
    assert regions.covers("hof van twente") and regions.covers("Borne") and not regions.covers("Almelo")
    assert not regions.covers(None) and not regions.covers("")


@pytest.mark.parametrize(
    ("town", "doorstroompunt"),
    [
        ("Hengelo", "Hengelo"),
        ("Borne", "Hengelo"),
        ("Hof van Twente", "Hengelo"),
        ("Enschede", "Enschede"),
        ("Losser", None),  # the sources name no Doorstroompunt for Losser, Oldenzaal and Dinkelland
    ],
)
def test_doorstroompunt_municipality(town, doorstroompunt):
    assert get_regions().doorstroompunt_municipality(town) == doorstroompunt


def test_doorstroompunt_of_an_unknown_town_raises():
    with pytest.raises(UnknownMunicipality):
        get_regions().doorstroompunt_municipality("Almelo")


def test_vakantieregio_of_every_municipality_is_noord():
    regions = get_regions()
    assert {regions.vakantieregio_of(name) for name in regions.municipalities} == {"noord"}
    assert regions.vakantieregio is not None
    # the holiday overview first (the dates counted), the regeling for the region map
    assert regions.vakantieregio.citations == (
        "src:rijksoverheid-schoolvakanties",
        "src:regeling-schoolvakanties-2016-2019",
    )
    with pytest.raises(UnknownMunicipality):
        regions.vakantieregio_of("Zwolle")


def test_an_agreement_applies_where_its_applies_to_says():
    regions = get_regions()
    assert regions.agreement_applies("langdurig-ziekteverzuim-gemeld", "borne")
    assert not regions.agreement_applies("langdurig-ziekteverzuim-gemeld", "Enschede")
    assert not regions.agreement_applies("langdurig-ziekteverzuim-gemeld", None)
    with pytest.raises(KeyError):
        regions.agreement("bestaat-niet")


def test_the_knowledge_base_answers_from_the_same_table(fixture_kb):
    assert fixture_kb.regions.municipalities == get_regions().municipalities
    assert fixture_kb.responsible_municipality("Oldenzaal") == "Enschede"
    assert [area.name for area in fixture_kb.regions.doorstroompunt_areas] == ["Hof van Twente"]


# -- the table checks itself ----------------------------------------------------------------------------------------


def _municipality(name: str, by: str, doorstroompunt: str | None = None) -> Municipality:
    return Municipality(
        name=name, leerplicht_by=by, doorstroompunt_by=doorstroompunt, vakantieregio="noord", citations=("src:x",)
    )


def test_a_reference_to_an_unlisted_municipality_is_a_problem():
    regions = Regions(
        [
            _municipality("Borne", "Hengelo"),
            _municipality("Losser", "Losser", "Enschede"),
            _municipality("losser", "Losser"),
        ]
    )
    assert regions.problems() == [
        "regions.yml: 'losser' is listed twice",
        "regions.yml: Borne: leerplicht_by 'Hengelo' is not a listed municipality",
        "regions.yml: Losser: doorstroompunt_by 'Enschede' is not listed",
    ]


def test_load_regions_refuses_a_broken_file(tmp_path):
    data = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    data["municipalities"][1]["leerplicht_by"] = "Almelo"
    del data["municipalities"][0]["vakantieregio"]
    path = tmp_path / "regions.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegionsError, match=r"municipalities\.0\.vakantieregio"):
        load_regions(path)
    data["municipalities"][0]["vakantieregio"] = "noord"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegionsError, match="Borne: leerplicht_by 'Almelo'"):
        load_regions(path)


def test_the_real_table_has_no_problems():
    assert load_regions().problems() == []


# -- exactly one source ---------------------------------------------------------------------------------------------

TOWNS = {name.casefold() for name in get_regions().covered}
TABLE_KEYS = {
    "leerplicht_by",
    "leerplicht_municipality",
    "doorstroompunt_by",
    "municipalities",
    "twente_municipalities",
}


def _is_town(value: object) -> bool:
    return isinstance(value, str) and value.strip().casefold() in TOWNS


def _town_tables(node: object, path: str = "") -> list[str]:
    """Where a YAML document keeps a town table: a table key, a mapping keyed by towns, or a list of only towns
    (`applies_to` is allowed: it names where something applies, and the validation checks it against the table)."""
    found = []
    if isinstance(node, dict):
        found += [f"{path}.{key}" for key in node if key in TABLE_KEYS]
        if sum(_is_town(key) for key in node) >= 2:
            found.append(f"{path} (keyed by towns)")
        for key, value in node.items():
            found += _town_tables(value, f"{path}.{key}")
    elif isinstance(node, list):
        if len(node) >= 2 and all(_is_town(item) for item in node) and not path.endswith(".applies_to"):
            found.append(f"{path} (a list of towns)")
        for position, item in enumerate(node):
            found += _town_tables(item, f"{path}[{position}]")
    return found


def test_no_other_knowledge_file_keeps_a_town_table():
    found = {}
    for path in sorted(KNOWLEDGE.rglob("*.yml")):
        if path == REGIONS_FILE:
            continue
        tables = _town_tables(yaml.safe_load(path.read_text(encoding="utf-8")))
        if tables:
            found[str(path.relative_to(ROOT))] = tables
    assert found == {}
    assert not (KNOWLEDGE / "calendar" / "municipalities.yml").exists()


def _literal_town_tables(tree: ast.AST) -> list[int]:
    """Lines of literal lists, tuples, sets and dicts that name four or more towns, or dicts keyed by a town."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [key for key in node.keys if key is not None]
            if any(isinstance(key, ast.Constant) and _is_town(key.value) for key in items):
                lines.append(node.lineno)
                continue
        else:
            continue
        if sum(isinstance(item, ast.Constant) and _is_town(item.value) for item in items) >= 4:
            lines.append(node.lineno)
    return lines


def test_no_module_defines_its_own_town_table():
    found = {}
    for folder in ("assistant", "actions", "rasa_plugins", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = _literal_town_tables(ast.parse(path.read_text(encoding="utf-8")))
            if lines:
                found[str(path.relative_to(ROOT))] = lines
    assert found == {}


def test_the_grep_finds_a_town_table():
    """The two checks above would catch the tables this replaced."""
    assert _literal_town_tables(ast.parse('LEERPLICHT_BY = {"Borne": "Hengelo"}')) == [1]
    assert _literal_town_tables(ast.parse('TWENTE = ("Hengelo", "Borne", "Enschede", "Losser")')) == [1]
    assert _town_tables({"leerplicht_by": {"Borne": {"by": "Hengelo"}, "Losser": {"by": "Enschede"}}}) == [
        ".leerplicht_by",
        ".leerplicht_by (keyed by towns)",
    ]
    assert _town_tables({"regional": {"x": ["hengelo", "borne"]}}) == [".regional.x (a list of towns)"]
    assert _town_tables({"v": {"applies_to": ["Hengelo", "Borne"]}}) == []
