"""The case figures of the back office's statistics: handoffs to an officer (how many, how fast), verlof requests and
melding checks. `assistant.insight.stats` puts them together with the chat figures."""

from __future__ import annotations

import statistics
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from assistant.cases import sla
from assistant.insight import labels
from assistant.insight.models import (
    VERLOF_REFUSED_BY_RULE,
    InsightCase,
    InsightMelding,
    InsightVerlof,
)
from assistant.insight.scope import Period, Scope
from assistant.insight.tables import Table

if TYPE_CHECKING:
    from assistant.insight.stats import Stats

# --- handoffs ---------------------------------------------------------------------------------------------------


def _hours(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",") + " uur"


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def handoff_figures(session: Session, period: Period, scope: Scope, stats: Stats, now: datetime) -> None:
    cases = session.execute(
        select(
            InsightCase.priority,
            InsightCase.trigger,
            InsightCase.opened_at,
            InsightCase.first_response_at,
            InsightCase.sla_due_at,
        ).where(within(InsightCase, period, scope))
    ).all()
    # per case: (priority, hours waited until the first reply or None, replied in time, still waiting and overdue)
    facts = []
    for case_ in cases:
        due = sla.aware(case_.sla_due_at)
        if case_.first_response_at is None:
            facts.append((case_.priority, None, False, due < now))
        else:
            replied = sla.aware(case_.first_response_at)
            facts.append(
                (case_.priority, (replied - sla.aware(case_.opened_at)).total_seconds() / 3600, replied <= due, False)
            )
    rows = []
    for priority in ("urgent", "high", "normal", None):
        chosen = [f for f in facts if priority is None or f[0] == priority]
        waits = [f[1] for f in chosen if f[1] is not None]
        in_time = sum(1 for f in chosen if f[2])
        waiting = len(chosen) - len(waits)
        overdue = sum(1 for f in chosen if f[3])
        rows.append(
            [
                labels.PRIORITIES.get(priority or "", "Totaal"),
                len(chosen),
                in_time,
                len(waits) - in_time,
                waiting - overdue,
                overdue,
                _hours(statistics.median(waits) if waits else None),
                _hours(_percentile(waits, 0.9)),
            ]
        )
    stats.tables["handoffs"] = Table(
        "handoffs",
        "Overdrachten aan een leerplichtambtenaar en de wachttijd tot de eerste reactie",
        [
            "Prioriteit",
            "Overdrachten",
            "Binnen de termijn beantwoord",
            "Te laat beantwoord",
            "Wacht nog (binnen de termijn)",
            "Wacht nog (te laat)",
            "Mediaan wachttijd",
            "90 % binnen",
        ],
        rows,
        note="Wachttijd: van de overdracht tot het eerste bericht van de leerplichtambtenaar (kloktijd). "
        "De termijn telt kantooruren volgens assistant/cases/office_hours.yml.",
        chart_column=1,
    )
    triggers: dict[str, int] = {}
    for item in cases:
        triggers[item.trigger] = triggers.get(item.trigger, 0) + 1
    stats.tables["handoff_reasons"] = Table(
        "handoff_reasons",
        "Reden van de overdracht",
        ["Reden", "Overdrachten"],
        [[labels.trigger_label(trigger), count] for trigger, count in sorted(triggers.items(), key=lambda i: -i[1])],
        chart_column=1,
    )
    total = rows[-1]
    stats.figures.update(
        {
            "handoffs": total[1],
            "handoffs_answered_in_time": total[2],
            "handoffs_answered_late": total[3],
            "handoffs_overdue": total[5],
        }
    )


# --- verlof and melding --------------------------------------------------------------------------------------------


def verlof_figures(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    counts = session.execute(
        select(InsightVerlof.kind, InsightVerlof.status, InsightVerlof.decided_by, func.count())
        .where(within(InsightVerlof, period, scope))
        .group_by(InsightVerlof.kind, InsightVerlof.status, InsightVerlof.decided_by)
    ).all()
    statuses = ["submitted", "approved", "refused", "notified", VERLOF_REFUSED_BY_RULE]
    rows = []
    for kind, label in labels.VERLOF_KINDS.items():
        by_status = {status: sum(c for k, s, _d, c in counts if k == kind and s == status) for status in statuses}
        rows.append([label, *(by_status[s] for s in statuses), sum(by_status.values())])
    stats.tables["verlof"] = Table(
        "verlof",
        "Verlofaanvragen naar soort en uitkomst",
        ["Soort", *(labels.VERLOF_STATUSES[s] for s in statuses), "Totaal"],
        rows,
        note="Niet ingediend: de ouder vroeg verlof aan dat volgens de regels niet mag; het is niet verstuurd.",
        chart_column=len(statuses) + 1,
    )
    deciders: dict[str, int] = {}
    for _kind, status, decided_by, count in counts:
        if status != VERLOF_REFUSED_BY_RULE:
            deciders[decided_by or "none"] = deciders.get(decided_by or "none", 0) + count
    stats.tables["verlof_deciders"] = Table(
        "verlof_deciders",
        "Ingediende verlofaanvragen: wie beslist",
        ["Beslist door", "Aanvragen"],
        [[labels.DECIDERS.get(key, key), count] for key, count in sorted(deciders.items(), key=lambda i: -i[1])],
        chart_column=1,
    )
    stats.figures["verlof_requests"] = sum(c for _k, s, _d, c in counts if s != VERLOF_REFUSED_BY_RULE)
    stats.figures["verlof_refused_by_rule"] = sum(c for _k, s, _d, c in counts if s == VERLOF_REFUSED_BY_RULE)


def melding_figures(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    counts = session.execute(
        select(InsightMelding.category, InsightMelding.obligation, func.count())
        .where(within(InsightMelding, period, scope))
        .group_by(InsightMelding.category, InsightMelding.obligation)
    ).all()
    obligations = list(labels.MELDING_OBLIGATIONS)
    rows = []
    for category, label in labels.MELDING_CATEGORIES.items():
        by = {o: sum(c for cat, ob, c in counts if cat == category and ob == o) for o in obligations}
        rows.append([label, *(by[o] for o in obligations), sum(by.values())])
    stats.tables["melding"] = Table(
        "melding",
        "Meldingscheck (DUO) naar categorie en plicht",
        ["Categorie", *(labels.MELDING_OBLIGATIONS[o] for o in obligations), "Totaal"],
        rows,
        note="Controles in de chat en via POST /api/melding/check; alleen categorie, plicht, gemeente en datum "
        "worden bewaard.",
        chart_column=len(obligations) + 1,
    )
    stats.figures["melding_checks"] = sum(c for _cat, _ob, c in counts)


def within(model: Any, period: Period, scope: Scope) -> Any:
    return and_(model.day >= period.start, model.day <= period.end, scope.condition(model.municipality))
