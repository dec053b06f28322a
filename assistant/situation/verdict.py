"""The verdict for the asker's case: per topic, run the rules on the facts and say what they mean for this case, first
(`Reply.lines`: the verdict, the rule with its article, what to do), or ask the one question whose answer changes it.

`situational_reply(topic, facts, on)` returns:

- a verdict `Reply` (`asks` None): short Dutch `Message`s for the first chat bubble, the citation ids they rest on
  (statute first), computed details for behind "Meer uitleg", and the day whose law was applied; `refuses` when the
  verdict is "Nee" (a reason that does not count, luxe verzuim, leave outside the rules), set where it is made;
- a question `Reply` (`asks` set): a fact that changes the verdict is missing ("reason", "age"), or a fact cannot be
  right ("correction"); its `choices` are the likely answers, each carrying every fact known so far;
- None: the question carries no fact that changes the general answer; the topic's own text answers it.

A question for a contact (how to reach leerplicht or the Doorstroompunt) is answered before any topic's own verdict
(`assistant.situation.contact`).

Never more than one question for a missing fact: with `may_ask=False` (the asker already answered one) the verdict
uses what is known, and "weet ik niet" gets the general rule. A fact that cannot be right is always asked about,
and nothing else said is lost (`Reply.facts` keeps it).

Pure: the rules (`assistant.rules`), the dated parameters (`params(on)`) and the school calendar; every text is a
Dutch `_()` source with the legal numbers as placeholders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from assistant.i18n import Message, _
from assistant.situation.facts import Facts

ROLE_SCHOOL_BUTTON = _("Ik vraag dit als school")
ROLE_PARENT_BUTTON = _("Ik vraag dit als ouder")
DONT_KNOW_BUTTON = _("Weet ik niet")
CONTINUE_BUTTON = _("Ga verder zonder")
KEPT = _("De rest van uw vraag heb ik onthouden.")


@dataclass(frozen=True)
class Choice:
    """A button: its title, and the topic and facts its answer continues with."""

    title: Message
    topic: str
    facts: Facts


@dataclass(frozen=True)
class Reply:
    topic: str
    lines: tuple[Message, ...]
    citations: tuple[str, ...] = ()
    details: tuple[Message, ...] = ()
    choices: tuple[Choice, ...] = ()
    facts: Facts = field(default_factory=Facts)
    asks: str | None = None  # a question: the fact it asks for ("reason", "age", "correction")
    law_date: date | None = None  # a rule-based verdict: the day whose law it applied
    variant: str | None = None  # the event whose variant of the topic's text belongs with it
    topic_text: bool = True  # False: the topic's own text is addressed to someone else (a parent); leave it out
    handoff: bool = False  # offer a person, also when the topic itself does not
    refuses: bool = False  # the verdict is "Nee": what was asked cannot be given (no request is invited)

    @property
    def is_question(self) -> bool:
        return self.asks is not None


Verdict = Callable[[str, Facts, date, bool], "Reply | None"]
_VERDICTS: dict[str, Verdict] = {}
_BEFORE: list[Verdict] = []  # tried before a topic's own verdict, for any topic (a question for a contact)


def verdict_for(*topics: str) -> Callable[[Verdict], Verdict]:
    """Register a topic's verdict function: (topic, facts, on, may_ask) -> Reply | None."""

    def register(function: Verdict) -> Verdict:
        for topic in topics:
            _VERDICTS[topic] = function
        return function

    return register


def verdict_before(function: Verdict) -> Verdict:
    """Register a verdict that is tried before the topic's own, for every topic (it returns None for a topic or
    question it does not answer)."""
    _BEFORE.append(function)
    return function


def statute_first(ids: Iterable[str]) -> tuple[str, ...]:
    """Citation ids without repeats, statute articles before guidance and regional sources (`src:`)."""
    unique = list(dict.fromkeys(ids))
    return tuple(sorted(unique, key=lambda cid: cid.startswith("src:")))


def correction(topic: str, facts: Facts) -> Reply:
    """The polite question about the first fact that cannot be right; the other facts are kept."""
    problem = facts.problems[0]
    lines = [problem.message]
    if facts.has_any:
        lines.append(Message(KEPT))
    continue_with = replace(facts, unknown=(*facts.unknown, "correction"), problems=())
    return Reply(
        topic=topic,
        lines=tuple(lines),
        facts=replace(facts, problems=()),
        asks="correction",
        choices=(Choice(Message(CONTINUE_BUTTON), topic, continue_with),),
    )


def role_choice(topic: str, facts: Facts) -> tuple[Choice, ...]:
    """A button to get the answer for the other role, when the role was not said (parent is the default)."""
    if facts.role is not None:
        return ()
    return (Choice(Message(ROLE_SCHOOL_BUTTON), topic, replace(facts, role="school", problems=())),)


def situational_reply(topic: str, facts: Facts, on: date, *, may_ask: bool = True) -> Reply | None:
    """The verdict for `facts` in `topic` on day `on`, the one question to ask, or None (see the module)."""
    from assistant.situation import (  # noqa: F401  (they register their verdicts)
        absence,
        age,
        concerns,
        contact,
        exemptions,
        explain,
        leave,
        luxe,
    )

    if facts.problems:
        return correction(topic, facts)
    for before in _BEFORE:
        reply = before(topic, facts, on, may_ask)
        if reply is not None:
            return reply
    function = _VERDICTS.get(topic)
    if function is None:
        return None
    return function(topic, facts, on, may_ask)
