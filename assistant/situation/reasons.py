"""Reading the reason of a leave question from a message (`read_reason`) and whether it speaks of a false sick report
(`is_false_sick_report`): the part of `assistant.situation.reading` about why the child would be away."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.i18n.situation_words import Token, Words
from assistant.situation.facts import EVENT_CATEGORIES
from assistant.situation.vocabulary import event_index
from assistant.verlof_requests.reasons import NON_REASONS, event_in, first_reason, reasons_said

if TYPE_CHECKING:
    from assistant.situation.reading import Reading


# (the classifier's event, the event the words name) where the words are the more specific: "mijn ouders zijn dan 40
# jaar getrouwd" is a jubileum, although the classifier tags "getrouwd" as a wedding.
_MORE_SPECIFIC = frozenset({("huwelijk", "jubileum")})
SICK_SAY_DISTANCE = 5  # "meldt haar kinderen opvallend vaak ziek": a verb of saying this near "ziek" reports it


def read_reason(reading: Reading, toks: list[Token], events: Iterable[str]) -> None:
    """The reason of a leave request, in the order of `first_reason` (the verlof form's order too): an event (the
    classifier's, from the NLU synonyms, else from the Dutch event words, but not "ziek melden"), else a reason that
    does not count, else the open event "overig" ("carnaval" is a synonym of "overig", but no ground for leave), else a
    parent's job. Words inside a holiday's name ("carnavalsvakantie", "carnival holidays") are no reason."""
    if "birth_date" in reading.values:
        events = [event for event in events if event != "gezinsuitbreiding"]  # "geboren op" is the child's birth
    events = list(events)
    found = reasons_said(toks, reading.words)
    sick_report = _sick_reported(reading.words, toks)  # "meldt haar kinderen ziek" is no illness in the family
    event = next(
        (
            event
            for event in events
            if event in EVENT_CATEGORIES and event != "overig" and not (sick_report and event == "ernstige_ziekte")
        ),
        None,
    )
    said = _event_said(reading, toks)
    if sick_report and said == "ernstige_ziekte":
        said = None
    workplace = any(True for _ in reading.words.find("workplace", toks))
    if workplace:  # "werkt in het ziekenhuis": a job, no illness in the family
        events = [event for event in events if event != "ernstige_ziekte"]
        said = None if said == "ernstige_ziekte" else said
        event = None if event == "ernstige_ziekte" else event
    if event is None or (event, said) in _MORE_SPECIFIC:
        event = said
    if event is None and "overig" in events:
        event = "overig"
    reason = first_reason(event, found)
    if reason is not None:
        reading.set("reason", reason)
    elif "werk" in found or workplace:
        reading.set("reason", "werk")


def _event_said(reading: Reading, toks: list[Token]) -> str | None:
    """The event the words of the message name: the longest NLU synonym of any language outside a holiday's name,
    else the Dutch event words (`event_in`); "overig" when only the open event is named. Not a birth ("geboren op")
    when the message gives a birth date."""
    holidays = [(start, end) for _phrase, start, end, _number in reading.words.find("holidays", toks)]

    def in_holiday(start: int) -> bool:
        return any(first <= start < last for first, last in holidays)

    best: tuple[int, str] | None = None
    for item, start, end, _number in reading.words.find("events", toks, event_index()):
        if in_holiday(start):
            continue
        if best is None or end - start > best[0]:
            best = (end - start, item.value)
    birth = "birth_date" in reading.values
    if best is not None and best[1] == "gezinsuitbreiding" and birth:
        best = None
    if best is not None and best[1] != "overig":
        return best[1]
    category = event_in(reading.text)
    if category in EVENT_CATEGORIES and category != "overig" and not (category == "gezinsuitbreiding" and birth):
        return category
    return "overig" if best is not None else None


def _near(words: Words, toks: list[Token], first: str, second: str, distance: int) -> bool:
    """Whether a phrase of `first` and one of `second` stand within `distance` words of each other."""
    ones = [(start, end) for _phrase, start, end, _number in words.find(first, toks)]
    if not ones:
        return False
    others = [(start, end) for _phrase, start, end, _number in words.find(second, toks)]
    return any(
        abs(start - other) <= distance or abs(end - other_end) <= distance
        for start, end in ones
        for other, other_end in others
    )


def _sick_reported(words: Words, toks: list[Token]) -> bool:
    """Whether the message speaks of reporting a child sick ("ziek melden", "meldt haar kinderen vaak ziek")."""
    return any(True for _ in words.find("sick_report", toks)) or _near(words, toks, "sick", "say", SICK_SAY_DISTANCE)


def is_false_sick_report(reading: Reading, toks: list[Token]) -> bool:
    """Whether the message speaks of reporting the child sick (or saying it is) together with a trip, a holiday,
    tickets or leaving early: a false sick report. Not when the child really fell ill ("werd ziek op vakantie")."""
    words = reading.words
    if any(True for _ in words.find("really_ill", toks)):
        return False
    if not _sick_reported(words, toks):
        return False
    return (
        any(True for _ in words.find("trip", toks))
        or "holiday" in reading.values
        or "start" in reading.values
        or reading.values.get("reason") in NON_REASONS
    )
