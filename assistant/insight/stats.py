"""The officers' figures for a period and a scope (`GET /api/backoffice/stats`, the `/backoffice/stats` page).

Every figure is an aggregate over the tables of `assistant.insight.models`: one grouped query per table, over
indexed day ranges. The 👎 comments are the only text, and they are redacted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from assistant.db.base import utcnow
from assistant.insight import labels
from assistant.insight.models import (
    NOT_UNDERSTOOD,
    OUTCOME_OFFICER,
    OUTCOMES,
    InsightTurn,
    MessageFeedback,
    SatisfactionScore,
)
from assistant.insight.scope import Period, Scope
from assistant.insight.stats_cases import handoff_figures, melding_figures, verlof_figures, within
from assistant.insight.tables import Table, percentage

MAX_COMMENTS = 100
TABLE_KEYS = (
    "weeks",
    "languages",
    "topics",
    "outcomes",
    "office_hours",
    "feedback",
    "comments",
    "satisfaction",
    "handoffs",
    "handoff_reasons",
    "verlof",
    "verlof_deciders",
    "melding",
)


@dataclass
class Stats:
    period: Period
    scope: Scope
    figures: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "municipality": self.scope.requested or None,
            "scope": self.scope.label,
            "figures": self.figures,
            "tables": {key: table.as_dict() for key, table in self.tables.items()},
        }


def _turns(query: Select, period: Period, scope: Scope) -> Select:
    return query.where(within(InsightTurn, period, scope))


def _share(part: int, whole: int) -> str:
    return f"{percentage(part, whole):.1f}".replace(".", ",") + " %"


# --- chat turns ---------------------------------------------------------------------------------------------------

_NOT_UNDERSTOOD = func.sum(case((InsightTurn.outcome.in_(NOT_UNDERSTOOD), 1), else_=0))
_CONVERSATIONS = func.sum(case((InsightTurn.first_turn.is_(True), 1), else_=0))


def _turn_tables(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    weeks = session.execute(
        _turns(select(InsightTurn.week, func.count(), _CONVERSATIONS, _NOT_UNDERSTOOD), period, scope)
        .group_by(InsightTurn.week)
        .order_by(InsightTurn.week)
    ).all()
    stats.tables["weeks"] = Table(
        "weeks",
        "Gesprekken en berichten per week",
        ["Week (maandag)", "Gesprekken", "Berichten", "Niet begrepen"],
        [
            [
                f"{week:%d-%m-%Y} (week {week.isocalendar()[1]})",
                int(conversations or 0),
                int(count),
                int(not_understood or 0),
            ]
            for week, count, conversations, not_understood in weeks
        ],
        note="Een gesprek telt in de week van het eerste bericht; berichten zijn de berichten van gebruikers.",
        chart_column=2,
    )

    outcomes = dict(
        session.execute(
            _turns(select(InsightTurn.outcome, func.count()), period, scope).group_by(InsightTurn.outcome)
        ).all()
    )
    total = sum(outcomes.values())
    to_bot = total - outcomes.get(OUTCOME_OFFICER, 0)
    not_understood = sum(outcomes.get(outcome, 0) for outcome in NOT_UNDERSTOOD)
    stats.tables["outcomes"] = Table(
        "outcomes",
        "Hoe de assistent antwoordde",
        ["Uitkomst", "Berichten", "Aandeel"],
        [[labels.OUTCOME_LABELS[o], outcomes.get(o, 0), _share(outcomes.get(o, 0), total)] for o in OUTCOMES],
        note="Niet begrepen en onderwerpen voorgesteld samen vormen het niet-begrepen-percentage.",
        chart_column=1,
    )

    languages = session.execute(
        _turns(select(InsightTurn.language, func.count(), _CONVERSATIONS), period, scope)
        .group_by(InsightTurn.language)
        .order_by(func.count().desc())
    ).all()
    stats.tables["languages"] = Table(
        "languages",
        "Talen",
        ["Taal", "Gesprekken", "Berichten", "Aandeel berichten"],
        [
            [labels.language_label(code), int(conversations or 0), count, _share(count, total)]
            for code, count, conversations in languages
        ],
        chart_column=2,
    )

    topics = session.execute(
        _turns(
            select(
                InsightTurn.topic, func.count(), func.sum(InsightTurn.feedback_up), func.sum(InsightTurn.feedback_down)
            ),
            period,
            scope,
        )
        .where(InsightTurn.topic.is_not(None))
        .group_by(InsightTurn.topic)
        .order_by(func.count().desc())
    ).all()
    asked = sum(count for _topic, count, _up, _down in topics)
    stats.tables["topics"] = Table(
        "topics",
        "Onderwerpen waarover gevraagd werd",
        ["Onderwerp", "Vragen", "Aandeel"],
        [[labels.topic_label(topic), count, _share(count, asked)] for topic, count, _up, _down in topics],
        note="Berichten zonder onderwerp (groeten, formulierstappen, niet begrepen) tellen hier niet mee.",
        chart_column=1,
    )
    rated = [(topic, int(up or 0), int(down or 0)) for topic, _count, up, down in topics if up or down]
    stats.tables["feedback"] = Table(
        "feedback",
        "Was dit nuttig? Beoordelingen per onderwerp",
        ["Onderwerp", "Nuttig", "Niet nuttig", "Aandeel nuttig"],
        [
            [labels.topic_label(topic), up, down, _share(up, up + down)]
            for topic, up, down in sorted(rated, key=lambda r: -(r[1] + r[2]))
        ],
        chart_column=2,
    )

    hours = dict(
        session.execute(
            _turns(select(InsightTurn.out_of_hours, func.count()), period, scope).group_by(InsightTurn.out_of_hours)
        ).all()
    )
    outside = int(hours.get(True, 0))
    stats.tables["office_hours"] = Table(
        "office_hours",
        "Binnen en buiten kantoortijd",
        ["Moment", "Berichten", "Aandeel"],
        [
            ["Binnen kantoortijd", int(hours.get(False, 0)), _share(int(hours.get(False, 0)), total)],
            ["Buiten kantoortijd", outside, _share(outside, total)],
        ],
        note="Kantoortijden volgens assistant/cases/office_hours.yml (van het team dat de gemeente bedient).",
        chart_column=1,
    )

    conversations = sum(row[1] for row in stats.tables["weeks"].rows)
    up = sum(r[1] for r in rated)
    down = sum(r[2] for r in rated)
    stats.figures.update(
        {
            "conversations": conversations,
            "messages": total,
            "not_understood": not_understood,
            "not_understood_rate": percentage(not_understood, to_bot),
            "outside_office_hours": outside,
            "outside_office_hours_rate": percentage(outside, total),
            "feedback_up": up,
            "feedback_down": down,
        }
    )


def _comments(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    rows = session.execute(
        select(InsightTurn.topic, InsightTurn.day, MessageFeedback.comment)
        .join(InsightTurn, InsightTurn.id == MessageFeedback.turn_id)
        .where(within(InsightTurn, period, scope), MessageFeedback.comment.is_not(None))
        .order_by(InsightTurn.day.desc(), MessageFeedback.id.desc())
        .limit(MAX_COMMENTS)
    ).all()
    stats.tables["comments"] = Table(
        "comments",
        "Opmerkingen bij 'niet nuttig'",
        ["Onderwerp", "Datum", "Opmerking"],
        [[labels.topic_label(topic), f"{day:%d-%m-%Y}", comment] for topic, day, comment in rows],
        note="Persoonlijke nummers en contactgegevens zijn eruit gehaald. Opmerkingen worden met het gesprek "
        "verwijderd; de tellingen blijven.",
    )


def _satisfaction(session: Session, period: Period, scope: Scope, stats: Stats) -> None:
    scores = dict(
        session.execute(
            select(SatisfactionScore.score, func.count())
            .where(within(SatisfactionScore, period, scope))
            .group_by(SatisfactionScore.score)
        ).all()
    )
    given = sum(scores.values())
    names = {
        1: "1 – zeer ontevreden",
        2: "2 – ontevreden",
        3: "3 – neutraal",
        4: "4 – tevreden",
        5: "5 – zeer tevreden",
    }
    stats.tables["satisfaction"] = Table(
        "satisfaction",
        "Tevredenheid aan het eind van het gesprek",
        ["Score", "Aantal", "Aandeel"],
        [[names[score], scores.get(score, 0), _share(scores.get(score, 0), given)] for score in range(1, 6)],
        chart_column=1,
    )
    average = sum(score * count for score, count in scores.items()) / given if given else None
    stats.figures.update(
        {"satisfaction_scores": given, "satisfaction_average": round(average, 2) if average is not None else None}
    )


def compute_stats(session: Session, period: Period, scope: Scope, now: datetime | None = None) -> Stats:
    now = now or utcnow()
    stats = Stats(period, scope)
    _turn_tables(session, period, scope, stats)
    _comments(session, period, scope, stats)
    _satisfaction(session, period, scope, stats)
    handoff_figures(session, period, scope, stats, now)
    verlof_figures(session, period, scope, stats)
    melding_figures(session, period, scope, stats)
    stats.tables = {key: stats.tables[key] for key in TABLE_KEYS}
    return stats
