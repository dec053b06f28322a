"""Reading an age said without "jaar" (`phrase_age`): "ik ben 17", "mijn dochter van zeven", "op mijn 17e", and "met
17" in a question about leaving school ("als ik met 17 zonder diploma stop"). The phrases of every language are the
`age`, `age_when` and `age_subject` words of `assistant/locale/situation.yml`; an age with a unit ("17 jaar") is
read with the other numbers (`assistant.situation.reading`)."""

from __future__ import annotations

import re

from assistant.i18n.situation_words import Token, Words
from assistant.situation.reading_dates import precedes

_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?؟？]|$)")


def not_age(toks: list[Token], start: int, end: int, words: Words) -> bool:
    """Whether "{n} jaar" at toks[start:end] is a limit or a length, not the child's age: a word of `not_age`
    follows ("40 jaar getrouwd", "25 jaar in dienst", "40-jarig huwelijk") or one of `not_age_before` goes before
    ("tot 23 jaar", "vanaf 18 jaar", "onder de 27 jaar", "for 40 years")."""
    if any(phrase.match(words, toks, end) is not None for phrase in words.lists["not_age"]):
        return True
    return precedes(toks, start, words, "not_age_before")


def phrase_number(words: Words, toks: list[Token], name: str) -> int | None:
    """The number of the first phrase of `name` with {n} (or {nth}) whose number is not followed by another unit
    ("ik ben 17" is an age; "is 16 uur" and "is 10 minutes late" are not)."""
    for _phrase, _start, end, number in words.find(name, toks):
        if number is None or not number.is_integer():
            continue
        if end < len(toks) and any(phrase.match(words, toks, end) is not None for phrase in words.lists["minutes"]):
            continue
        unit = words.unit_at(toks, end) if end < len(toks) else None
        if unit is None or (unit[0] == "year" and not not_age(toks, end, unit[1], words)):
            return int(number)
    return None


def age_when(words: Words, toks: list[Token], folded: str) -> int | None:
    """The age of an `age_when` phrase ("als ik met 17 zonder diploma stop", "mag ik stoppen met 16?"): only in a
    message about leaving school or the obligations (`age_subject`), and only when such a word follows the phrase or
    the number ends a clause ("met 4 kinderen", "met 17 dagen" say no age). `folded` is the text `toks` come from."""
    subjects = {start for _phrase, start, _end, _number in words.find("age_subject", toks)}
    if not subjects:
        return None
    for _phrase, _start, end, number in words.find("age_when", toks):
        if number is None or not number.is_integer():
            continue
        ends_clause = end >= len(toks) or _CLAUSE_END.match(folded, toks[end - 1].end) is not None
        if ends_clause or end in subjects:
            return int(number)
    return None


def phrase_age(words: Words, toks: list[Token], folded: str) -> int | None:
    """The age a phrase of the message states: an `age` phrase, else an `age_when` phrase (see `age_when`)."""
    found = phrase_number(words, toks, "age")
    return found if found is not None else age_when(words, toks, folded)
