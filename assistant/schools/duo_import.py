"""Import DUO's open-data "vestigingen" CSV (shared/reference/calendar-regional.md §5) into the school registry.

What the files look like (they changed over the years, and differ per portal):
- duo.nl `02.-alle-vestigingen-vo.csv` (and the po equivalent): `;`-separated, Windows-1252, CRLF, header row;
  `INSTELLINGSCODE` (BRIN, 4), `VESTIGINGSCODE` (BRIN + 2 digits), `VESTIGINGSNAAM`, `PLAATSNAAM`, `GEMEENTENAAM`,
  `ONDERWIJSSTRUCTUUR`, `VAKANTIEREGIO`, ...
- older "adressen" files: `BRIN NUMMER`, `VESTIGINGSNUMMER`, `INSTELLINGSNAAM`, `PLAATSNAAM`, `GEMEENTENAAM`.
- onderwijsdata.duo.nl: the same names, sometimes `,`-separated and UTF-8 with a BOM.

So: the encoding (UTF-8 with or without BOM, else cp1252) and the delimiter (`;` or `,`) are detected, header names
are compared upper-case with `_` read as a space, and each field has a list of accepted names. Rows without a
code, a name or a municipality are skipped and counted. By default only the municipalities of the assistant's
region are kept (DUO writes their names in upper case; they are stored as the regional table `knowledge/regions.yml`
writes them; it also gives the vakantieregio when the file has no VAKANTIEREGIO column, and who runs leerplicht
there: `School.leerplicht_municipality`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import yaml

from assistant.knowledge.regions import UnknownMunicipality, get_regions
from assistant.schools.registry import DUO_FILE, LEVELS, School

REGION: Literal["region"] = "region"  # `parse(municipalities=REGION)`: the municipalities of the regional table

COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("VESTIGINGSCODE", "VESTIGINGSNUMMER", "VESTIGING CODE"),
    "brin": ("INSTELLINGSCODE", "BRIN NUMMER", "BRINNUMMER", "BRIN"),
    "name": ("VESTIGINGSNAAM", "INSTELLINGSNAAM VESTIGING", "NAAM VESTIGING", "INSTELLINGSNAAM", "NAAM"),
    "town": ("PLAATSNAAM", "PLAATSNAAM VESTIGING", "VESTIGINGSPLAATS", "PLAATS"),
    "municipality": ("GEMEENTENAAM", "GEMEENTE NAAM", "GEMEENTE"),
    "region": ("VAKANTIEREGIO", "VAKANTIE REGIO"),
    "structure": ("ONDERWIJSSTRUCTUUR",),
    "po_kind": ("SOORT PO", "SOORT PRIMAIR ONDERWIJS"),
}


class DuoFileError(ValueError):
    """The file cannot be read as a DUO vestigingen file (message says why)."""


@dataclass
class ImportResult:
    schools: list[School] = field(default_factory=list)
    rows: int = 0
    skipped_incomplete: int = 0
    skipped_elsewhere: int = 0
    encoding: str = ""
    delimiter: str = ""

    def summary(self) -> str:
        return (
            f"{len(self.schools)} vestigingen imported from {self.rows} rows "
            f"({self.skipped_elsewhere} outside the region, {self.skipped_incomplete} incomplete; "
            f"encoding {self.encoding}, delimiter {self.delimiter!r})"
        )


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding used: UTF-8 (BOM or not) when it decodes, else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def _header_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("_", " ").replace("\ufeff", "")).strip().upper()


def _title(value: str) -> str:
    """'HENGELO' -> 'Hengelo'; 'DEN HAAG' -> 'Den Haag'; mixed case stays as it is."""
    value = re.sub(r"\s+", " ", value).strip()
    return value.title() if value.isupper() else value


def _region(value: str) -> str | None:
    folded = value.strip().lower()
    for region in ("noord", "midden", "zuid"):
        if region in folded:
            return region
    return None


def _level(row: dict[str, str], level: str | None) -> str | None:
    if level:
        return level
    structure = row.get("structure", "").upper()
    if structure:
        return "vo"
    kind = row.get("po_kind", "").upper()
    if "SPECIAAL" in kind and "BASIS" not in kind:
        return "so"
    if kind:
        return "po"
    return None


def read_rows(text: str) -> tuple[list[dict[str, str]], str]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [_header_key(name) for name in next(reader)]
    except StopIteration:
        raise DuoFileError("the file is empty") from None
    index: dict[str, int] = {}
    for fieldname, names in COLUMNS.items():
        for name in names:
            if name in header:
                index[fieldname] = header.index(name)
                break
    missing = [f for f in ("name", "municipality") if f not in index]
    if "code" not in index and "brin" not in index:
        missing.append("code")
    if missing:
        raise DuoFileError(f"no column for {', '.join(missing)}; header: {';'.join(header)[:300]}")
    rows = []
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        rows.append(
            {
                fieldname: values[position].strip() if position < len(values) else ""
                for fieldname, position in index.items()
            }
        )
    return rows, delimiter


def _code(row: dict[str, str]) -> str | None:
    code = row.get("code", "").replace(" ", "").upper()
    brin = row.get("brin", "").replace(" ", "").upper()
    if re.fullmatch(r"[0-9A-Z]{4}\d{2}", code):
        return code
    if brin and re.fullmatch(r"\d{1,2}", code):  # old files: BRIN NUMMER + a 2-digit VESTIGINGSNUMMER
        return f"{brin}{int(code):02d}"
    if re.fullmatch(r"[0-9A-Z]{4}", brin) and "code" not in row:
        return f"{brin}00"  # a hoofdvestigingen file without vestiging codes: the BRIN is the school
    return None


def _vakantieregio_of(municipality: str) -> str | None:
    """The municipality's vakantieregio in the regional table; None outside it."""
    try:
        return get_regions().vakantieregio_of(municipality)
    except UnknownMunicipality:
        return None


def parse(
    raw: bytes, *, municipalities: Iterable[str] | Literal["region"] | None = REGION, level: str | None = None
) -> ImportResult:
    """The vestigingen in `raw` (bytes of a DUO CSV). `municipalities`: REGION (the default) keeps the municipalities
    of the regional table, None keeps every municipality, a list keeps those."""
    if level is not None and level not in LEVELS:
        raise DuoFileError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    text, encoding = decode(raw)
    rows, delimiter = read_rows(text)
    if municipalities == REGION:
        municipalities = get_regions().municipalities
    wanted = {m.casefold(): m for m in municipalities} if municipalities is not None else None
    result = ImportResult(rows=len(rows), encoding=encoding, delimiter=delimiter)
    seen: set[str] = set()
    for row in rows:
        code, name, municipality = _code(row), row.get("name", ""), row.get("municipality", "")
        if not code or not name or not municipality:
            result.skipped_incomplete += 1
            continue
        if wanted is not None and municipality.casefold() not in wanted:
            result.skipped_elsewhere += 1
            continue
        municipality = wanted[municipality.casefold()] if wanted is not None else _title(municipality)
        if code in seen:
            continue
        seen.add(code)
        result.schools.append(
            School(
                id=code,
                name=_title(name),
                town=_title(row.get("town") or municipality),
                municipality=municipality,
                level=_level(row, level),
                vakantieregio=_region(row.get("region", "")) or _vakantieregio_of(municipality),
                source="duo",
            )
        )
    result.schools.sort(key=lambda school: (school.municipality, school.name, school.id))
    return result


def write(
    result: ImportResult, source_name: str, out: Path = DUO_FILE, merge: bool = True, today: date | None = None
) -> Path:
    """Write the imported schools as YAML; with `merge`, schools already in `out` that this file does not hold
    (e.g. the po file after the vo file) are kept."""
    schools = {school.id: school for school in result.schools}
    if merge and out.exists():
        with out.open(encoding="utf-8") as handle:
            for entry in (yaml.safe_load(handle) or {}).get("schools") or []:
                schools.setdefault(str(entry["id"]), School.from_mapping(entry, "duo"))
    ordered = sorted(schools.values(), key=lambda school: (school.municipality, school.name, school.id))
    header = (
        f"# Generated by `assistant schools import` from {Path(source_name).name} on "
        f"{(today or date.today()).isoformat()} (DUO open onderwijsdata). Do not edit by hand: import again.\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        header
        + yaml.safe_dump(
            {"schools": [s.as_mapping() for s in ordered]}, allow_unicode=True, sort_keys=False, width=120
        ),
        encoding="utf-8",
    )
    return out
