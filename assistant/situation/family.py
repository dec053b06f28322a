"""Verdicts about family: the relative a leave question names and its degree of kinship counted from the child
(`assistant.situation.kinship`), the leave guidance for that event and degree, and what to do when the leave could
not be asked in advance (Leerplichtwet art. 14 lid 2); and the verdict of `familie_graden` ("Is een achterneef 3e
graad?": yes or no, and the degree).

- The guidance counts per degree are dated parameters named in knowledge/rules/verlof.yml (`kin_days`); beyond the
  last degree a guidance names, no number is given: the director decides (art. 14).
- A word with two readings of different degrees ("neef": a child of a brother or sister, or of an uncle or aunt) is
  said with both, in one sentence; when the readings fall under different counts, the guidance is the event's own
  text for every degree.
- "Mag hij gewoon thuisblijven?" and "we konden het niet vooraf vragen" come first: leave is asked of the director in
  advance (art. 14 lid 1); if it was not, the director can still give it when the reasons reach him or her within
  two days after the verhindering arose (art. 14 lid 2). What the school may ask as proof is guidance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.i18n import Message
from assistant.knowledge.parameters import LegalParameters, params
from assistant.rules.verlof import event_abroad_max_days, event_guidance, event_parameter, get_rules
from assistant.situation import kinship_texts as texts
from assistant.situation.facts import Facts
from assistant.situation.kinship import KIN_EVENTS, Kin, Tie, degrees
from assistant.situation.leave_reply import reply
from assistant.situation.leave_texts import (
    GEWICHTIG_SCHOOL_ASSESS,
    MORE_THAN_GUIDANCE,
    MORE_THAN_GUIDANCE_SCHOOL,
    WITHIN_GUIDANCE,
)
from assistant.situation.verdict import Reply, verdict_for

DEGREE_TOPIC = "familie_graden"
DEGREE_CITATIONS = ("lpw:14", "src:eindhoven-gewichtige-omstandigheden", "src:assen-gewichtige-omstandigheden")
# More than this many readings of different degrees are said as a range ("in de 4e of 5e graad").
EITHER_READINGS = 2


@dataclass(frozen=True)
class FamilyPart:
    """What the family facts add to a verdict on leave for an event: `first` (the point asked: whether leave must
    be asked, what to do afterwards), `kin` (the relative's degree), `guidance` (the guidance for that degree; None:
    the event's own), and their citations."""

    first: tuple[Message, ...] = ()
    kin: tuple[Message, ...] = ()
    guidance: tuple[Message, ...] | None = None
    citations: tuple[str, ...] = ()
    details: tuple[Message, ...] = ()
    says_who_decides: bool = False  # `first` or `guidance` already says the director decides (art. 14)


def has_family_facts(facts: Facts) -> bool:
    """Whether the facts say something about family a verdict answers: leave asked afterwards or not at all, or the
    relative of an event whose guidance counts degrees."""
    return facts.leave_asked is not None or (facts.kin is not None and facts.reason in KIN_EVENTS)


def _noun(name: str, gender: str | None) -> Message:
    names = texts.NOUNS.get(name, texts.NOUNS["familielid"])
    return Message(names.get(gender) or names[None])


def _kin_of(tie: Tie) -> Message:
    return Message(texts.KIN_MARRIAGE if tie.by_marriage else texts.KIN_BLOOD, {"degree": tie.degree})


def kin_lines(
    kin: Kin, role: str | None, *, default_parent: bool, to_parent: bool
) -> tuple[list[Message], tuple[Tie, ...]] | None:
    """The sentences naming the relative and its degree, and the readings counted from the child (the asker, for a
    young person); None when the degree cannot be counted from the child (school staff's own relative). Without a
    stated role, `default_parent`: the asker's own relative ("mijn broer") is a parent's; `to_parent`: the child is
    the asker's ("uw kind"), else "het kind"."""
    gender = kin.gender
    said = _noun(kin.word_name, gender)
    if kin.owner == "mine" and role == "school":
        return None
    if kin.owner == "mine" and (role == "parent" or (role is None and default_parent)):
        readings = kin.readings(from_parent=True)
        return [_yours(kin, said, readings)], readings
    readings = kin.readings(from_parent=False)
    if role == "young" or kin.owner == "mine":
        whom = "u"
    elif role == "parent" or (role is None and to_parent):
        whom = "uw kind"
    else:
        whom = "het kind"
    lines = [_counted(whom, said, readings, gender)]
    if kin.owner == "mine" and role is None:  # someone's own relative, no role said: also counted from a child
        lines += [Message(texts.ASKING_FOR_CHILD), _yours(kin, said, kin.readings(from_parent=True))]
    return lines, readings


def _either(template: str, said: Message, readings: tuple[Tie, ...], gender: str | None) -> Message:
    one, two = readings[0], readings[-1]
    return Message(
        template,
        {
            "said": said,
            "one": _noun(one.name, gender),
            "two": _noun(two.name, gender),
            "first": one.degree,
            "second": two.degree,
        },
    )


def _range(readings: tuple[Tie, ...]) -> Message:
    found = degrees(readings)
    return Message(texts.KIN_RANGE, {"low": found[0], "high": found[-1]})


def _counted(whom: str, said: Message, readings: tuple[Tie, ...], gender: str | None) -> Message:
    found = degrees(readings)
    if len(found) == 1:
        return Message(texts.IS[whom], {"relative": _noun(readings[0].name, gender), "kin": _kin_of(readings[0])})
    if len(readings) == EITHER_READINGS:
        return _either(texts.EITHER[whom], said, readings, gender)
    return Message(texts.IS[whom], {"relative": said, "kin": _range(readings)})


def _yours(kin: Kin, said: Message, readings: tuple[Tie, ...]) -> Message:
    """A parent's own relative counted from the child: "Vanaf uw kind geteld is een broer van u een oom: ..."."""
    gender = kin.gender
    found = degrees(readings)
    if len(found) == 1:
        values = {"said": said, "relative": _noun(readings[0].name, gender), "kin": _kin_of(readings[0])}
        if kin.ties[0].name == "ouder":  # "uw vader", not "een vader van u"
            return Message(texts.YOURS_PARENT, {**values, "said": Message(texts.PARENT_SAID[gender])})
        return Message(texts.YOURS, values)
    if len(readings) == EITHER_READINGS:
        return _either(texts.YOURS_EITHER, said, readings, gender)
    return Message(texts.YOURS_RANGE, {"said": said, "kin": _range(readings)})


# -- the guidance for an event and a degree ----------------------------------------------------------------------


def _band(event: Mapping[str, Any], degree: int) -> int | None:
    """The index of the guidance band of `kin_days` that covers `degree`; None beyond the last one."""
    bands = event.get("kin_days") or ()
    return next((index for index, band in enumerate(bands) if degree <= int(band["up_to"])), None)


def _count(band: Mapping[str, Any], law: LegalParameters, key: str) -> int:
    return int(event_parameter(law, band.get(key) or band["days"]).value)


def _band_text(band: Mapping[str, Any], event: Mapping[str, Any], law: LegalParameters) -> Message | None:
    """The band's own guidance text, else the event's (which names the degrees it covers)."""
    if not band.get("text"):
        return event_guidance(event, law)
    names = {key: band[key] for key in ("min", "max", "days") if band.get(key)}
    return Message(band["text"], {key: event_parameter(law, name).value for key, name in names.items()})


def degree_guidance(
    reason: str,
    event: Mapping[str, Any],
    readings: tuple[Tie, ...],
    law: LegalParameters,
    days: float | None,
    *,
    abroad: bool,
    school: bool = False,
) -> tuple[list[Message], list[str]] | None:
    """The guidance lines for `event` and the relative's degree, with their citations; None when the event's own
    guidance says it best (no degrees in its guidance, or readings with different counts). `school`: written to
    school staff (the parents explain more days in their request)."""
    bands = event.get("kin_days") or ()
    found = {_band(event, tie.degree) for tie in readings}
    if not bands or len(found) != 1:
        return None
    label = Message(event["label"])
    citations = list(event.get("kin_citations") or ())
    (index,) = found
    if index is None:
        beyond = Message(texts.BEYOND_GUIDANCE, {"up_to": int(bands[-1]["up_to"]), "label": label})
        return [beyond], ["lpw:14", *citations]
    band = bands[index]
    highest: int | None
    if abroad and event.get("kin_abroad"):
        numbers = event.get("abroad_numbers") or {}
        values = {key: event_parameter(law, name).value for key, name in numbers.items()}
        lines = [Message(event["kin_abroad"], values)]
        highest = lowest = event_abroad_max_days(event, law)
        citations += event.get("abroad_citations") or ()
    else:
        text = _band_text(band, event, law)
        lines = [text] if text is not None else []
        lowest, highest = _count(band, law, "min"), _count(band, law, "max")
    if days is not None and highest is not None and lowest is not None:
        asked = round(days)
        between = texts.BETWEEN_DISTANCE if reason == "huwelijk" else texts.BETWEEN_SCHOOL
        lines.append(
            Message(
                (MORE_THAN_GUIDANCE_SCHOOL if school else MORE_THAN_GUIDANCE)
                if asked > highest
                else WITHIN_GUIDANCE
                if asked <= lowest
                else between
            )
        )
    return lines, list(dict.fromkeys(citations))


def family_part(
    facts: Facts, event: Mapping[str, Any] | None, law: LegalParameters, days: float | None, *, abroad: bool
) -> FamilyPart:
    """What the family facts add to the art. 14 verdict for `facts` (see FamilyPart and the module)."""
    first: list[Message] = []
    details: list[Message] = []
    term = {"days": law.verlof.gewichtig_afterwards_days.value}
    if facts.leave_asked is not None:
        if facts.role == "school":
            first.append(Message(GEWICHTIG_SCHOOL_ASSESS, term))
        else:
            first.append(Message(texts.AFTERWARDS if facts.leave_asked == "afterwards" else texts.MUST_ASK, term))
            details.append(Message(texts.PROOF))
    kin = Kin.from_fact(facts.kin) if facts.reason in KIN_EVENTS else None
    found = kin_lines(kin, facts.role, default_parent=True, to_parent=True) if kin is not None else None
    if found is None or event is None or facts.reason is None:
        kin_said = tuple(found[0]) if found else ()
        return FamilyPart(tuple(first), kin_said, details=tuple(details), says_who_decides=bool(first))
    lines, readings = found
    guidance = degree_guidance(facts.reason, event, readings, law, days, abroad=abroad, school=facts.role == "school")
    beyond = guidance is not None and guidance[0][0].template == texts.BEYOND_GUIDANCE
    return FamilyPart(
        first=tuple(first),
        kin=tuple(lines),
        guidance=tuple(guidance[0]) if guidance is not None else None,
        citations=tuple(guidance[1]) if guidance is not None else (),
        details=tuple(details),
        says_who_decides=bool(first) or beyond,
    )


# -- a question about the degree ------------------------------------------------------------------------------------


@verdict_for(DEGREE_TOPIC)
def family_degree(topic: str, facts: Facts, on: date, may_ask: bool) -> Reply | None:
    """ "Is een achterneef familie in de 3e graad?": yes or no first, the degree counted from the child, and what the
    guidance says for that degree (for the event asked about, or for the usual events)."""
    kin = Kin.from_fact(facts.kin)
    if kin is None:
        return None
    rules = get_rules().events
    event = rules.get(facts.reason or "")
    found = kin_lines(kin, facts.role, default_parent=event is not None, to_parent=False)
    if found is None:
        return None
    lines, readings = found
    law = params(on)
    present = degrees(readings)
    asked = facts.asked_degree
    verdict: list[Message] = []
    after: list[Message] = []
    if asked is not None:
        if set(present) == {asked}:
            verdict.append(Message(texts.YES))
        elif min(present) > asked:
            verdict.append(Message(texts.NO))
            after.append(Message(texts.BEYOND_ASKED, {"asked": asked}))
        elif max(present) < asked:
            after.append(Message(texts.WITHIN_ASKED, {"asked": asked}))
        elif min(present) <= asked < max(present):
            after.append(Message(texts.FIRST_ONLY_ASKED, {"asked": asked}))
    bands = (event or {}).get("kin_days") or ()
    if event is not None and bands:
        up_to = int(bands[-1]["up_to"])
        label = Message(event["label"])
        if min(present) > up_to:
            after.append(Message(texts.BEYOND_GUIDANCE, {"up_to": up_to, "label": label}))
        elif max(present) <= up_to:
            after.append(Message(texts.WITHIN_EVENT_GUIDANCE, {"up_to": up_to, "label": label}))
    details: list[Message] = []
    if event is None or not bands:
        wedding, death = (rules[name]["kin_days"][-1]["up_to"] for name in ("huwelijk", "overlijden"))
        scope = Message(texts.GUIDANCE_DEGREES, {"wedding": int(wedding), "death": int(death)})
        (after if len(lines) == 1 else details).append(scope)  # beside a second count (for a child): behind
    return reply(topic, facts, [*verdict, *lines, *after], list(DEGREE_CITATIONS), law, details)
