"""The reason of a leave request in a typed text, for the verlof form and the chat's situational reading alike: pure
functions, no Rasa, no database.

- `reasons_said`, `first_non_reason`, `guess_non_reason`: the reasons a text names, in any supported language, with
  the words of `assistant/locale/situation.yml` (`reasons`), the one vocabulary the chat's situational reading uses
  too; "de tickets zijn goedkoper" -> "goedkopere_tickets", "carnaval" -> "feest", "skiën" -> "wintersport".
- `first_reason`: the one order of an event and the reasons that do not count, for the form and the chat: "oma is
  ziek en de tickets zijn goedkoper" -> "ernstige_ziekte" in both; `event_in` reads the event of a Dutch text
  (`assistant.verlof_requests.interpret.interpret_category`), `typed_reason` both for an answer of the form.
"""

from __future__ import annotations

import re

from assistant.folding import fold
from assistant.i18n.situation_words import Token, Words, load_words, tokens
from assistant.rules.verlof import get_rules
from assistant.verlof_requests.interpret import interpret_category

# The reasons that do not count (knowledge/rules/verlof.yml non_reasons) that words name (`reasons` in
# assistant/locale/situation.yml), in the order a text's words are read: the first one said is the reason.
NON_REASONS = (
    "goedkopere_tickets",
    "al_geboekt",
    "geen_boeking",
    "familiebezoek",
    "drukte",
    "broers_zussen_vrij",
    "wintersport",
    "feest",
    "evenement",
    "vertrek",
)


def reasons_said(toks: list[Token], words: Words | None = None) -> set[str]:
    """The reasons (`reasons` of situation.yml: a parent's job, "werk", and the reasons that do not count) that the
    folded tokens name, in any supported language; not a word inside a holiday's name ("carnival holidays"), and
    no holiday's reason that does not count beside a parent's job."""
    words = words or load_words()
    holidays = [(start, end) for _phrase, start, end, _number in words.find("holidays", toks)]
    said = {
        item.value
        for item, start, _end, _number in words.find("reasons", toks)
        if not any(first <= start < last for first, last in holidays)
    }
    if "werk" in said:
        # a parent's job beside a holiday's reason that does not count ("ik werk in de horeca en wil een week eerder
        # weg", "mijn werkgever geeft alleen in februari vrij ... voor wintersport"): the job is the one legal test
        # (art. 13a), whatever the trip is for; a feast or an event stays what it is
        non_reasons = get_rules().non_reasons
        said -= {reason for reason in said if reason in non_reasons and non_reasons[reason].get("topic") is None}
    return said


def first_non_reason(said: set[str]) -> str | None:
    """The reason that does not count among `said`, the first of NON_REASONS."""
    return next((reason for reason in NON_REASONS if reason in said), None)


def first_reason(event: str | None, said: set[str]) -> str | None:
    """The reason of a leave request from the event a message names (`event`: a category of the rules' events, or
    None) and the reasons it names (`said`, from `reasons_said`), in the one order the verlof form
    (`answers.check_category`) and the chat (`assistant.situation.reasons.read_reason`) both use:

    1. an event that can be a gewichtige omstandigheid (a wedding, a serious illness, a death, a move, ...);
    2. a reason that does not count (cheaper tickets, crowds on the road, wintersport, ...), the first of NON_REASONS;
    3. the open event "overig" (an event the rules do not name), else None.

    Why the event comes first: leave under art. 13 and 14 Leerplichtwet is given for the circumstance itself. A
    parent who names a real circumstance and a reason that does not count ("oma is ernstig ziek en de tickets zijn
    dan goedkoper") asks leave for that circumstance; the director assesses it, and the cheaper tickets neither add
    to it nor make it a "Nee" (knowledge/rules/verlof.yml: a reason that does not count refuses only a request that
    rests on it). A reason that does not count does come before "overig": "iets anders: carnaval" is a feast, which
    never counts. Calling a child in sick is no illness in the family: `event_in` leaves that out first, so "ziek
    melden omdat de tickets goedkoper zijn" stays the cheaper tickets (and, in the chat, a false sick report)."""
    if event is not None and event != "overig":
        return event
    return first_non_reason(said) or event


_CALLING_IN_SICK = re.compile(r"\bziek\s*(te\s+)?meld|\bziekgemeld|\bziek\s+gemeld", re.IGNORECASE)


def event_in(text: str) -> str | None:
    """The event category a typed text names with the Dutch event words (`interpret_category`); none when the text
    speaks of calling the child in sick ("ziek melden" is no illness in the family)."""
    return None if _CALLING_IN_SICK.search(text or "") else interpret_category(text)


def typed_reason(text: str) -> str | None:
    """The reason a typed answer of the form gives, in the order of `first_reason`."""
    return first_reason(event_in(text), reasons_said(tokens(fold(text))))


def guess_non_reason(text: str) -> str | None:
    """The reason that does not count that a typed reason names ("de tickets zijn goedkoper", "carnaval", "we
    willen skiën"), as the chat reads it; None when it names none."""
    return first_non_reason(reasons_said(tokens(fold(text))))
