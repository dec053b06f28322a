"""The parts every leave verdict shares (`assistant.situation.leave`, `assistant.situation.leave_family`): the
`Reply` of a verdict, the rules' notes for behind "Meer uitleg", and the two refusals that win over any reason: a
false sick report (luxe verzuim) and a reason that does not count."""

from __future__ import annotations

from datetime import date

from assistant.i18n import Message
from assistant.knowledge.parameters import LegalParameters
from assistant.rules.verlof import VerlofDecision, get_rules
from assistant.situation.facts import Facts
from assistant.situation.leave_period import law_of_leave
from assistant.situation.leave_texts import (
    FALSE_SICK,
    FALSE_SICK_DONE,
    FALSE_SICK_ENFORCEMENT,
    FALSE_SICK_FINE,
    FALSE_SICK_NEXT,
    FALSE_SICK_TODO,
    LEAVE_GROUNDS,
    NO_JOB_LUXE,
    NON_REASON_DIRECTOR,
    NON_REASON_NO,
    VAKANTIE_ONLY_JOB_REASON,
)
from assistant.situation.verdict import Reply, role_choice, statute_first

FALSE_SICK_TOPIC = "luxe_verzuim"


def false_sick_report(facts: Facts, on: date) -> Reply:
    """Reporting a child sick to leave for a trip ("ziek melden omdat de tickets goedkoper zijn"): no, that is
    ongeoorloofd (luxe) verzuim (art. 2, 11), what the school and the leerplichtambtenaar do (art. 22) and who decides
    the penalty (art. 26); the news's rule-of-thumb amount only as guidance, behind "Meer uitleg". It wins over any
    reason the message gives, in every leave topic. The law is that of the days the child would be away. Asked what
    follows ("krijg ik een boete?", the report made): no "Nee", but what the school and the leerplichtambtenaar do."""
    law = law_of_leave(facts, on)
    if facts.point == "consequence":
        lines = [Message(FALSE_SICK_DONE), Message(FALSE_SICK_NEXT)]
    else:
        lines = [Message(FALSE_SICK), Message(FALSE_SICK_ENFORCEMENT)]
    details = [
        Message(FALSE_SICK_FINE, {"fine": law.richtlijn.fine_rule_of_thumb_eur.value}),
        Message(FALSE_SICK_TODO),
    ]
    citations = ["lpw:2", "lpw:11", "lpw:22", "lpw:26", "src:duo-verzuim", "src:nieuws-boete-luxe-verzuim"]
    return reply(FALSE_SICK_TOPIC, facts, lines, citations, law, details, refuses=True)


def non_reason(facts: Facts, on: date) -> Reply | None:
    """A reason that does not count (knowledge/rules/verlof.yml non_reasons): "Nee" and why first, whichever leave
    topic was asked; then the ground the reason would need (art. 13a for a holiday; art. 13, 13a and 14 for a feast or
    an event), in the topic the entry names."""
    entry = get_rules().non_reasons.get(facts.reason or "")
    if entry is None:
        return None
    law = law_of_leave(facts, on)
    topic = entry.get("topic", "verlof_vakantie")
    lines = [Message(NON_REASON_NO, {"reason": Message(entry["text"])})]
    details: list[Message] = []
    if topic == "verlof_vakantie":  # the one ground there is, and what going anyway is
        lines += [Message(VAKANTIE_ONLY_JOB_REASON), Message(NO_JOB_LUXE)]
        statute = ["lpw:13a", "lpw:11"]
    else:  # who decides; the grounds there are behind "Meer uitleg" (the first bubble stays short)
        lines.append(Message(NON_REASON_DIRECTOR))
        details.append(Message(LEAVE_GROUNDS))
        statute = ["lpw:14", "lpw:13", "lpw:13a", "lpw:11"]
    return reply(topic, facts, lines, [*statute_first([*entry["citations"], *statute])], law, details, refuses=True)


def notes(decision: VerlofDecision) -> list[Message]:
    """What the rules say besides the verdict (warnings, the schoolgids, guidance), for behind "Meer uitleg"."""
    found = [problem.message for problem in decision.problems if problem.severity != "blocking"]
    return [*found, *(note.message for note in decision.notes)]


def reply(
    topic: str,
    facts: Facts,
    lines: list[Message],
    citations: list[str],
    law: LegalParameters,
    details: list[Message] | None = None,
    variant: str | None = None,
    *,
    refuses: bool = False,
) -> Reply:
    """A verdict; `citations`: what grounds the lines first (statute first within), then the rest; `refuses`: "Nee"."""
    return Reply(
        topic=topic,
        lines=tuple(lines),
        citations=tuple(dict.fromkeys(citations)),
        details=tuple(details or ()),
        choices=role_choice(topic, facts),
        facts=facts,
        law_date=law.on,
        variant=variant,
        refuses=refuses,
    )
