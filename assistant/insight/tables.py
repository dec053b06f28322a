"""Tables of figures as the back office shows and exports them, the "<5" rule, and safe CSV.

- `Table`: a title, column headings and rows (labels and numbers), optionally charted (`chart`: which column).
- `small_count`: counts 1-4 shown as "<5", as the Hengelo-Borne jaarverslag does; 0 stays 0.
- `to_csv`: semicolon-separated UTF-8 with a byte order mark (what Excel with Dutch settings opens as columns).
  A text cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
  never runs it as a formula (OWASP "CSV injection"); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SMALL = "<5"


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str | None = None
    chart_column: int | None = None  # the numeric column drawn as a bar chart beside the table
    unit: str = ""  # e.g. "%" for the chart's value labels

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "columns": self.columns, "rows": self.rows, "note": self.note}


def small_count(count: int) -> int | str:
    """A count as the jaarverslag prints it: 1-4 become "<5"."""
    return SMALL if 1 <= count <= 4 else count


def percentage(part: int | float, whole: int | float) -> float:
    """`part` of `whole` in percent, one decimal (0.0 when `whole` is 0)."""
    return round(100.0 * part / whole, 1) if whole else 0.0


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet evaluates: text starting with a formula character is prefixed with '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(columns: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(column) for column in columns])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_csv(table: Table) -> bytes:
    return to_csv(table.columns, table.rows)
