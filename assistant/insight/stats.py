"""The officers' figures for a period and a scope (`GET /api/backoffice/stats`, the `/backoffice/stats` page).

Every figure is an aggregate over the tables of `assistant.insight.models`: one grouped query per table, over
indexed day ranges. The 👎 comments are the only text, and they are redacted.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from assistant.cases import sla
from assistant.db.base import utcnow
from assistant.insight import labels
from assistant.insight.models import (
    NOT_UNDERSTOOD,
    OUTCOME_OFFICER,
    OUTCOMES,
    VERLOF_REFUSED_BY_RULE,
    InsightCase,
    InsightMelding,
    InsightTurn,
    InsightVerlof,
    MessageFeedback,
    SatisfactionScore,
)
from assistant.insight.scope import Period, Scope
from assistant.insight.tables import Table, percentage

MAX_COMMENTS = 100
TABLE_KEYS = ("weeks", "languages", "topics", "outcomes", "office_hours", "feedback", "comments", "satisfaction",
              "handoffs", "handoff_reasons", "verlof", "verlof_deciders", "melding")


@dataclass
class Stats:
    period: Period
    scope: Scope
    figures: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.period.start.isoformat(), "to": self.period.end.isoformat(),
            "municipality": self.scope.requested or None, "scope": self.scope.label,
            "figures": self.figures,
            "tables": {key: table.as_dict() for key, table in self.tables.items()},
        }


def _in(model: Any, period: Period, scope: Scope) -> Any:
    return and_(model.day >= period.start, model.day <= period.end, scope.condition(model.municipality))


def _turns(query: Select, period: Period, scope: Scope) -> Select:
    return query.where(_in(InsightTurn, period, scope))


def _share(part: int, whole: int) -> str:
    return f"{percentage(part, whole):.1f}".replace(".", ",") + " %"


# --- chat turns ---------------------------------------------------------------------------------------------------

_NOT_UNDERSTOOD = func.sum(case((InsightTurn.outcome.in_(NOT_UNDERSTOOD), 1), else_=0))
_CONVERSATIONS = func.sum(case((InsightTurn.first_turn.is_(True), 1), else_=0))


def _turn_tables(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    weeks = session.execute(_turns(select(InsightTurn.week, func.count(), _CONVERSATIONS, _NOT_UNDERSTOOD),
                                   period, scope).group_by(InsightTurn.week).order_by(InsightTurn.week)).all()
    stats.tables["weeks"] = Table(
        "weeks", "Gesprekken en berichten per week",
        ["Week (maandag)", "Gesprekken", "Berichten", "Niet begrepen"],
        [[f"{week:%d-%m-%Y} (week {week.isocalendar()[1]})", int(conversations or 0), int(count),
          int(not_understood or 0)] for week, count, conversations, not_understood in weeks],
        note="Een gesprek telt in de week van het eerste bericht; berichten zijn de berichten van gebruikers.",
        chart_column=2)

    outcomes = dict(session.execute(_turns(select(InsightTurn.outcome, func.count()), period, scope)
                                    .group_by(InsightTurn.outcome)).all())
    total = sum(outcomes.values())
    to_bot = total - outcomes.get(OUTCOME_OFFICER, 0)
    not_understood = sum(outcomes.get(outcome, 0) for outcome in NOT_UNDERSTOOD)
    stats.tables["outcomes"] = Table(
        "outcomes", "Hoe de assistent antwoordde", ["Uitkomst", "Berichten", "Aandeel"],
        [[labels.OUTCOME_LABELS[o], outcomes.get(o, 0), _share(outcomes.get(o, 0), total)] for o in OUTCOMES],
        note="Niet begrepen en onderwerpen voorgesteld samen vormen het niet-begrepen-percentage.", chart_column=1)

    languages = session.execute(_turns(select(InsightTurn.language, func.count(), _CONVERSATIONS), period, scope)
                                .group_by(InsightTurn.language).order_by(func.count().desc())).all()
    stats.tables["languages"] = Table(
        "languages", "Talen", ["Taal", "Gesprekken", "Berichten", "Aandeel berichten"],
        [[labels.language_label(code), int(conversations or 0), count, _share(count, total)]
         for code, count, conversations in languages], chart_column=2)

    topics = session.execute(_turns(select(InsightTurn.topic, func.count(), func.sum(InsightTurn.feedback_up),
                                           func.sum(InsightTurn.feedback_down)), period, scope)
                             .where(InsightTurn.topic.is_not(None))
                             .group_by(InsightTurn.topic).order_by(func.count().desc())).all()
    asked = sum(count for _topic, count, _up, _down in topics)
    stats.tables["topics"] = Table(
        "topics", "Onderwerpen waarover gevraagd werd", ["Onderwerp", "Vragen", "Aandeel"],
        [[labels.topic_label(topic), count, _share(count, asked)] for topic, count, _up, _down in topics],
        note="Berichten zonder onderwerp (groeten, formulierstappen, niet begrepen) tellen hier niet mee.",
        chart_column=1)
    rated = [(topic, int(up or 0), int(down or 0)) for topic, _count, up, down in topics if up or down]
    stats.tables["feedback"] = Table(
        "feedback", "Was dit nuttig? Beoordelingen per onderwerp",
        ["Onderwerp", "Nuttig", "Niet nuttig", "Aandeel nuttig"],
        [[labels.topic_label(topic), up, down, _share(up, up + down)]
         for topic, up, down in sorted(rated, key=lambda r: -(r[1] + r[2]))], chart_column=2)

    hours = dict(session.execute(_turns(select(InsightTurn.out_of_hours, func.count()), period, scope)
                                 .group_by(InsightTurn.out_of_hours)).all())
    outside = int(hours.get(True, 0))
    stats.tables["office_hours"] = Table(
        "office_hours", "Binnen en buiten kantoortijd", ["Moment", "Berichten", "Aandeel"],
        [["Binnen kantoortijd", int(hours.get(False, 0)), _share(int(hours.get(False, 0)), total)],
         ["Buiten kantoortijd", outside, _share(outside, total)]],
        note="Kantoortijden volgens assistant/cases/office_hours.yml (van het team dat de gemeente bedient).",
        chart_column=1)

    conversations = sum(row[1] for row in stats.tables["weeks"].rows)
    up = sum(r[1] for r in rated)
    down = sum(r[2] for r in rated)
    stats.figures.update({
        "conversations": conversations, "messages": total,
        "not_understood": not_understood, "not_understood_rate": percentage(not_understood, to_bot),
        "outside_office_hours": outside, "outside_office_hours_rate": percentage(outside, total),
        "feedback_up": up, "feedback_down": down,
    })


def _comments(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    rows = session.execute(
        select(InsightTurn.topic, InsightTurn.day, MessageFeedback.comment)
        .join(InsightTurn, InsightTurn.id == MessageFeedback.turn_id)
        .where(_in(InsightTurn, period, scope), MessageFeedback.comment.is_not(None))
        .order_by(InsightTurn.day.desc(), MessageFeedback.id.desc()).limit(MAX_COMMENTS)).all()
    stats.tables["comments"] = Table(
        "comments", "Opmerkingen bij 'niet nuttig'", ["Onderwerp", "Datum", "Opmerking"],
        [[labels.topic_label(topic), f"{day:%d-%m-%Y}", comment] for topic, day, comment in rows],
        note="Persoonlijke nummers en contactgegevens zijn eruit gehaald. Opmerkingen worden met het gesprek "
             "verwijderd; de tellingen blijven.")


def _satisfaction(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    scores = dict(session.execute(select(SatisfactionScore.score, func.count())
                                  .where(_in(SatisfactionScore, period, scope))
                                  .group_by(SatisfactionScore.score)).all())
    given = sum(scores.values())
    names = {1: "1 – zeer ontevreden", 2: "2 – ontevreden", 3: "3 – neutraal", 4: "4 – tevreden",
             5: "5 – zeer tevreden"}
    stats.tables["satisfaction"] = Table(
        "satisfaction", "Tevredenheid aan het eind van het gesprek", ["Score", "Aantal", "Aandeel"],
        [[names[score], scores.get(score, 0), _share(scores.get(score, 0), given)] for score in range(1, 6)],
        chart_column=1)
    average = sum(score * count for score, count in scores.items()) / given if given else None
    stats.figures.update({"satisfaction_scores": given,
                          "satisfaction_average": round(average, 2) if average is not None else None})


# --- handoffs ---------------------------------------------------------------------------------------------------


def _hours(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",") + " uur"


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _handoffs(session: Session, period: Period, scope: Scope, stats: Stats, now: datetime) -> None:
    cases = session.execute(select(InsightCase.priority, InsightCase.trigger, InsightCase.opened_at,
                                   InsightCase.first_response_at, InsightCase.sla_due_at)
                            .where(_in(InsightCase, period, scope))).all()
    # per case: (priority, hours waited until the first reply or None, replied in time, still waiting and overdue)
    facts = []
    for case_ in cases:
        due = sla.aware(case_.sla_due_at)
        if case_.first_response_at is None:
            facts.append((case_.priority, None, False, due < now))
        else:
            replied = sla.aware(case_.first_response_at)
            facts.append((case_.priority, (replied - sla.aware(case_.opened_at)).total_seconds() / 3600,
                          replied <= due, False))
    rows = []
    for priority in ("urgent", "high", "normal", None):
        chosen = [f for f in facts if priority is None or f[0] == priority]
        waits = [f[1] for f in chosen if f[1] is not None]
        in_time = sum(1 for f in chosen if f[2])
        waiting = len(chosen) - len(waits)
        overdue = sum(1 for f in chosen if f[3])
        rows.append([labels.PRIORITIES.get(priority or "", "Totaal"), len(chosen), in_time, len(waits) - in_time,
                     waiting - overdue, overdue, _hours(statistics.median(waits) if waits else None),
                     _hours(_percentile(waits, 0.9))])
    stats.tables["handoffs"] = Table(
        "handoffs", "Overdrachten aan een leerplichtambtenaar en de wachttijd tot de eerste reactie",
        ["Prioriteit", "Overdrachten", "Binnen de termijn beantwoord", "Te laat beantwoord",
         "Wacht nog (binnen de termijn)", "Wacht nog (te laat)", "Mediaan wachttijd", "90 % binnen"],
        rows, note="Wachttijd: van de overdracht tot het eerste bericht van de leerplichtambtenaar (kloktijd). "
                   "De termijn telt kantooruren volgens assistant/cases/office_hours.yml.", chart_column=1)
    triggers: dict[str, int] = {}
    for item in cases:
        triggers[item.trigger] = triggers.get(item.trigger, 0) + 1
    stats.tables["handoff_reasons"] = Table(
        "handoff_reasons", "Reden van de overdracht", ["Reden", "Overdrachten"],
        [[labels.trigger_label(trigger), count] for trigger, count in sorted(triggers.items(), key=lambda i: -i[1])],
        chart_column=1)
    total = rows[-1]
    stats.figures.update({"handoffs": total[1], "handoffs_answered_in_time": total[2],
                          "handoffs_answered_late": total[3], "handoffs_overdue": total[5]})


# --- verlof and melding --------------------------------------------------------------------------------------------


def _verlof(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    counts = session.execute(select(InsightVerlof.kind, InsightVerlof.status, InsightVerlof.decided_by,
                                    func.count()).where(_in(InsightVerlof, period, scope))
                             .group_by(InsightVerlof.kind, InsightVerlof.status, InsightVerlof.decided_by)).all()
    statuses = ["submitted", "approved", "refused", "notified", VERLOF_REFUSED_BY_RULE]
    rows = []
    for kind, label in labels.VERLOF_KINDS.items():
        by_status = {status: sum(c for k, s, _d, c in counts if k == kind and s == status) for status in statuses}
        rows.append([label, *(by_status[s] for s in statuses), sum(by_status.values())])
    stats.tables["verlof"] = Table(
        "verlof", "Verlofaanvragen naar soort en uitkomst",
        ["Soort", *(labels.VERLOF_STATUSES[s] for s in statuses), "Totaal"], rows,
        note="Niet ingediend: de ouder vroeg verlof aan dat volgens de regels niet mag; het is niet verstuurd.",
        chart_column=len(statuses) + 1)
    deciders: dict[str, int] = {}
    for _kind, status, decided_by, count in counts:
        if status != VERLOF_REFUSED_BY_RULE:
            deciders[decided_by or "none"] = deciders.get(decided_by or "none", 0) + count
    stats.tables["verlof_deciders"] = Table(
        "verlof_deciders", "Ingediende verlofaanvragen: wie beslist", ["Beslist door", "Aanvragen"],
        [[labels.DECIDERS.get(key, key), count] for key, count in sorted(deciders.items(), key=lambda i: -i[1])],
        chart_column=1)
    stats.figures["verlof_requests"] = sum(c for _k, s, _d, c in counts if s != VERLOF_REFUSED_BY_RULE)
    stats.figures["verlof_refused_by_rule"] = sum(c for _k, s, _d, c in counts if s == VERLOF_REFUSED_BY_RULE)


def _melding(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    counts = session.execute(select(InsightMelding.category, InsightMelding.obligation, func.count())
                             .where(_in(InsightMelding, period, scope))
                             .group_by(InsightMelding.category, InsightMelding.obligation)).all()
    obligations = list(labels.MELDING_OBLIGATIONS)
    rows = []
    for category, label in labels.MELDING_CATEGORIES.items():
        by = {o: sum(c for cat, ob, c in counts if cat == category and ob == o) for o in obligations}
        rows.append([label, *(by[o] for o in obligations), sum(by.values())])
    stats.tables["melding"] = Table(
        "melding", "Meldingscheck (DUO) naar categorie en plicht",
        ["Categorie", *(labels.MELDING_OBLIGATIONS[o] for o in obligations), "Totaal"], rows,
        note="Controles in de chat en via POST /api/melding/check; alleen categorie, plicht, gemeente en datum "
             "worden bewaard.", chart_column=len(obligations) + 1)
    stats.figures["melding_checks"] = sum(c for _cat, _ob, c in counts)


def compute_stats(session: Session, period: Period, scope: Scope, now: datetime | None = None) -> Stats:
    now = now or utcnow()
    stats = Stats(period, scope)
    _turn_tables(session, period, scope, stats)
    _comments(session, period, scope, stats)
    _satisfaction(session, period, scope, stats)
    _handoffs(session, period, scope, stats, now)
    _verlof(session, period, scope, stats)
    _melding(session, period, scope, stats)
    stats.tables = {key: stats.tables[key] for key in TABLE_KEYS}
    return stats
