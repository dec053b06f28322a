"""The art. 25 view: what a municipality can put in its jaarverslag leerplicht about the assistant, per school year.

Laid out like the Hengelo-Borne jaarverslag 2024-2025: one column per municipality and school year (the chosen year
and the one before), counts 1-4 shown as "<5" (in the page and in the CSV), a source line under each table.
All counts come from the aggregate tables (`assistant.insight.models`), which outlive the cases, requests and
conversations they count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from assistant.calendar.model import SchoolYear
from assistant.insight import labels
from assistant.insight.models import (
    NOT_UNDERSTOOD,
    VERLOF_REFUSED_BY_RULE,
    InsightCase,
    InsightMelding,
    InsightTurn,
    InsightVerlof,
)
from assistant.insight.scope import Scope
from assistant.insight.tables import small_count, to_csv

SOURCE = "Bron: eigen registratie Leerplicht-assistent"
TABLE_KEYS = ("vragen", "verlof", "melding", "zaken_reden", "zaken_uitkomst")

Key = tuple[str | None, str]  # (municipality, row key)


@dataclass
class YearTable:
    key: str
    title: str
    rows: list[tuple[str, str]]  # (row key, label)
    counts: dict[str, Counter[Key]]  # school year label -> (municipality, row key) -> count
    note: str = SOURCE

    def cell(self, school_year: str, municipality: str | None, row: str) -> int | str:
        return small_count(self.counts.get(school_year, Counter())[(municipality, row)])


@dataclass
class Jaarverslag:
    school_year: SchoolYear
    scope: Scope
    municipalities: list[str | None]
    tables: list[YearTable] = field(default_factory=list)

    @property
    def years(self) -> list[SchoolYear]:
        return [self.school_year.previous, self.school_year]

    def as_dict(self) -> dict[str, Any]:
        return {
            "school_year": self.school_year.label,
            "scope": self.scope.label,
            "columns": [
                {"municipality": labels.municipality_label(m), "school_year": y.label}
                for m in self.municipalities
                for y in self.years
            ],
            "tables": [
                {
                    "key": t.key,
                    "title": t.title,
                    "note": t.note,
                    "rows": [
                        {
                            "label": label,
                            "values": [t.cell(y.label, m, row) for m in self.municipalities for y in self.years],
                        }
                        for row, label in t.rows
                    ],
                }
                for t in self.tables
            ],
        }

    def csv(self) -> bytes:
        rows = [
            [table.title, label, labels.municipality_label(m), year.label, table.cell(year.label, m, row)]
            for table in self.tables
            for row, label in table.rows
            for m in self.municipalities
            for year in self.years
        ]
        return to_csv(["Tabel", "Rij", "Gemeente", "Schooljaar", "Aantal"], rows)


def _count(
    session: Session, model: Any, row_column: Any, scope: Scope, year: SchoolYear, extra: Any = None
) -> Counter[Key]:
    """(municipality, row) -> count within the school year. Grouped by the row first: the order of the covering
    indexes of `insight_turns` (no sort)."""
    query = select(row_column, model.municipality, func.count()).where(
        and_(model.day >= year.start, model.day <= year.end, scope.condition(model.municipality))
    )
    if extra is not None:
        query = query.where(extra)
    return Counter(
        {
            (municipality, str(row)): count
            for row, municipality, count in session.execute(query.group_by(row_column, model.municipality))
        }
    )


def _per_year(years: list[SchoolYear], count: Callable[[SchoolYear], Counter[Key]]) -> dict[str, Counter[Key]]:
    return {year.label: count(year) for year in years}


def _with_totals(counts: dict[str, Counter[Key]], total_key: str, parts: list[str] | None = None) -> None:
    for counter in counts.values():
        for (municipality, row), value in list(counter.items()):
            if parts is None or row in parts:
                counter[(municipality, total_key)] += value


def _questions(session: Session, scope: Scope, years: list[SchoolYear]) -> YearTable:
    counts = _per_year(
        years, lambda y: _count(session, InsightTurn, InsightTurn.topic, scope, y, InsightTurn.topic.is_not(None))
    )
    topics = Counter()
    for counter in counts.values():
        for (_m, topic), value in counter.items():
            topics[topic] += value
    for label, counter in _per_year(
        years,
        lambda y: _count(session, InsightTurn, InsightTurn.outcome, scope, y, InsightTurn.outcome.in_(NOT_UNDERSTOOD)),
    ).items():
        for (municipality, _outcome), value in counter.items():
            counts[label][(municipality, "_not_understood")] += value
    for year in years:
        for _week, municipality, messages, conversations in session.execute(
            select(
                InsightTurn.week,
                InsightTurn.municipality,
                func.count(),
                func.sum(case((InsightTurn.first_turn.is_(True), 1), else_=0)),
            )
            .where(
                InsightTurn.day >= year.start, InsightTurn.day <= year.end, scope.condition(InsightTurn.municipality)
            )
            .group_by(InsightTurn.week, InsightTurn.municipality)
        ):
            counts[year.label][(municipality, "_messages")] += messages
            counts[year.label][(municipality, "_conversations")] += int(conversations or 0)
    rows = [(topic, labels.topic_label(topic)) for topic, _n in topics.most_common()]
    rows += [
        ("_not_understood", "Niet begrepen of alleen onderwerpen voorgesteld"),
        ("_conversations", "Totaal aantal gesprekken"),
        ("_messages", "Totaal aantal berichten"),
    ]
    return YearTable(
        "vragen",
        "Vragen aan de Leerplicht-assistent naar onderwerp",
        rows,
        counts,
        note=f"{SOURCE}. Een vraag is een bericht dat de assistent aan een onderwerp koppelde.",
    )


def _verlof(session: Session, scope: Scope, years: list[SchoolYear]) -> YearTable:
    raw = _per_year(
        years,
        lambda y: Counter(
            {
                (municipality, f"{kind}:{status}"): count
                for municipality, kind, status, count in session.execute(
                    select(InsightVerlof.municipality, InsightVerlof.kind, InsightVerlof.status, func.count())
                    .where(
                        InsightVerlof.day >= y.start,
                        InsightVerlof.day <= y.end,
                        scope.condition(InsightVerlof.municipality),
                    )
                    .group_by(InsightVerlof.municipality, InsightVerlof.kind, InsightVerlof.status)
                )
            }
        ),
    )
    counts: dict[str, Counter[Key]] = {label: Counter() for label in raw}
    for label, counter in raw.items():
        for (municipality, key), value in counter.items():
            kind, status = key.split(":", 1)
            if status == VERLOF_REFUSED_BY_RULE:
                counts[label][(municipality, f"{kind}:rule")] += value
                continue
            counts[label][(municipality, f"{kind}:submitted")] += value
            if status in ("approved", "refused", "submitted"):
                counts[label][(municipality, f"{kind}:{'open' if status == 'submitted' else status}")] += value
    rows: list[tuple[str, str]] = []
    for kind in ("vakantie", "gewichtige_omstandigheid"):
        name = labels.VERLOF_KINDS[kind]
        rows += [
            (f"{kind}:submitted", f"{name}: aangevraagd (naar de beslisser)"),
            (f"{kind}:approved", f"{name}: waarvan toegestaan"),
            (f"{kind}:refused", f"{name}: waarvan geweigerd"),
            (f"{kind}:open", f"{name}: waarvan nog geen beslissing"),
            (f"{kind}:rule", f"{name}: niet ingediend, volgens de regels niet toegestaan"),
        ]
    rows.append(("religieus:submitted", f"{labels.VERLOF_KINDS['religieus']}: meldingen"))
    return YearTable(
        "verlof",
        "Verlofaanvragen via de Leerplicht-assistent",
        rows,
        counts,
        note=f"{SOURCE}. Toegestaan en geweigerd: de beslissing van de directeur of de "
        "leerplichtambtenaar in de backoffice.",
    )


def _melding(session: Session, scope: Scope, years: list[SchoolYear]) -> YearTable:
    counts = _per_year(years, lambda y: _count(session, InsightMelding, InsightMelding.category, scope, y))
    _with_totals(counts, "_total")
    rows = [*labels.MELDING_CATEGORIES.items(), ("_total", "Totaal aantal controles")]
    return YearTable(
        "melding",
        "Meldingscheck verzuim (DUO) naar categorie",
        rows,
        counts,
        note=f"{SOURCE}. Controles door scholen of de leerplichtambtenaar; geen meldingen bij DUO.",
    )


def _cases(session: Session, scope: Scope, years: list[SchoolYear], by: str) -> YearTable:
    column = InsightCase.trigger if by == "reden" else InsightCase.outcome
    counts = _per_year(years, lambda y: _count(session, InsightCase, column, scope, y))
    _with_totals(counts, "_total")
    found = sorted({row for counter in counts.values() for (_m, row) in counter if row != "_total"})
    if by == "reden":
        rows = [(row, labels.trigger_label(row)) for row in found]
        title = "Vragen overgedragen aan een leerplichtambtenaar, naar reden"
    else:
        rows = [(row, labels.case_outcome_label(None if row == "None" else row)) for row in found]
        title = "Vragen overgedragen aan een leerplichtambtenaar, naar uitkomst"
    return YearTable(f"zaken_{by}", title, [*rows, ("_total", "Totaal")], counts)


def compute_jaarverslag(session: Session, school_year: SchoolYear, scope: Scope) -> Jaarverslag:
    years = [school_year.previous, school_year]
    report = Jaarverslag(school_year, scope, scope.columns())
    report.tables = [
        _questions(session, scope, years),
        _verlof(session, scope, years),
        _melding(session, scope, years),
        _cases(session, scope, years, "reden"),
        _cases(session, scope, years, "uitkomst"),
    ]
    return report
