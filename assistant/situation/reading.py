"""Reading the facts of a situation from a message (`read_facts`): dates, numbers with their units, the grade, the
holiday, the month and the event, in the conversation's language and in Dutch; see `assistant.situation.facts`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.folding import fold
from assistant.i18n import Message, normalise_language
from assistant.i18n.phrases import asked_points
from assistant.i18n.situation_words import Token, Words, load_words, tokens
from assistant.knowledge.ids import ASKED_SUBJECTS
from assistant.melding_facts import UNKNOWN, parse_melding_text
from assistant.situation.ages import not_age, phrase_age
from assistant.situation.facts import (
    NEGATIVE,
    FactProblem,
    Facts,
    check,
)
from assistant.situation.kinship import read_family
from assistant.situation.points import read_point
from assistant.situation.reading_dates import birthday_month, read_dates
from assistant.situation.reasons import is_false_sick_report, read_reason
from assistant.situation.vocabulary import month_of

# -- reading --------------------------------------------------------------------------------------------------------


@dataclass
class Reading:
    text: str
    language: str
    today: date
    words: Words
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[FactProblem] = field(default_factory=list)
    folded: str = ""  # the text with its dates blanked out, folded
    turns: bool = False  # the age in the text is the age reached on a date, not the age now
    ahead: bool = False  # a time from now was said ("over 4 maanden"): an age after it is reached then

    def set(self, name: str, value: Any) -> None:
        self.values.setdefault(name, value)

    def problem(self, code: str, template: str, drop: tuple[str, ...] = (), **values: Any) -> None:
        self.problems.append(FactProblem(code, Message(template, values), drop))


def _in_time(toks: list[Token], start: int, end: int, words: Words) -> bool:
    """Whether the span toks[start:end] is a time from now ("over 4 maanden", "za 4 miesiące", "4 ay sonra") that
    an age follows."""

    def is_word(index: int) -> bool:
        return 0 <= index < len(toks) and any(p.parts == (toks[index].text,) for p in words.lists["in_time"])

    if not (is_word(start - 1) or is_word(end)):
        return False
    for ahead in range(end, min(end + 4, len(toks))):
        found = words.number_at(toks, ahead)
        if found is not None:
            unit = words.unit_at(toks, found[1]) if found[1] < len(toks) else None
            return unit is not None and unit[0] == "year"
    return False


def _is_minus(toks: list[Token], index: int, words: Words) -> bool:
    """Whether the number at `index` is negative: "-2 weken", "min 2 weken", "minus two weeks" (not "4-5 dagen")."""
    if index == 0:
        return False
    before = toks[index - 1]
    if before.text in ("-", "–"):
        return index < 2 or words.number_at(toks, index - 2) is None
    return any(phrase.parts == (before.text,) for phrase in words.lists["minus"])


def _numbers(reading: Reading, toks: list[Token]) -> None:
    """Numbers with a unit ("drie weken", "16 uur", "7 jaar", "يومين"), and minus signs before them."""
    words = reading.words
    index = 0
    while index < len(toks):
        number = words.number_at(toks, index)
        value: float | None = None
        unit: tuple[str, int] | None = None
        if number is not None:
            value, end, language = number
            for ahead in (end, end + 1):
                if ahead < len(toks) and words.number_at(toks, ahead) is not None:
                    break  # "een half jaar": the unit is the next number's
                if ahead < len(toks):
                    unit = words.unit_at(toks, ahead, language or None)
                    if unit is not None and len(toks[ahead].text) == 1 and not toks[index].is_digits:
                        unit = None  # "u" is an hour only after digits ("16u"); "kunt u een" is no hour
                    if unit is not None:
                        break
            start = index
        else:
            one = next((phrase for phrase in words.one if phrase.match(words, toks, index)), None)
            single = next((phrase for phrase in words.single if phrase.match(words, toks, index)), None)
            if single is not None:
                value, unit_name = single.value
                unit, start = (unit_name, index + 1), index
            elif one is not None:
                found = words.unit_at(toks, index + 1, one.language)
                if found is not None and found[0] != "year":
                    value, unit, start = 1.0, found, index
        if unit is None or value is None:
            index += 1
            continue
        name, after = unit
        if name != "year" and _in_time(toks, start, after, words):
            reading.ahead = True  # "over 4 maanden (word ik) 18": a time from now, and the age is one less now
            index = max(after, index + 1)
            continue
        if _is_minus(toks, start, words):
            piece = reading.folded[toks[start - 1].start : toks[after - 1].end]
            reading.problem("negative", NEGATIVE, ("days", "weeks", "months", "weeks_absent"), text=piece)
        elif name == "year":
            if (
                value.is_integer()
                and 0 <= value <= 120
                and not reading.turns
                and not not_age(toks, start, after, words)
            ):
                reading.set("age", int(value) - 1 if reading.ahead and value >= 1 else int(value))
        else:
            reading.set({"day": "days", "week": "weeks", "month": "months", "hour": "hours"}[name], value)
        index = max(after, index + 1)


def _grade(reading: Reading, toks: list[Token]) -> None:
    words = reading.words
    skipped = [(start, end) for _phrase, start, end, _number in words.find("year_skipped", toks)]
    if skipped:
        reading.set("year_skipped", True)
    for phrase, start, end, _number in words.find("grade", toks):
        if any(first <= start < last for first, last in skipped):
            continue  # "groep 3 overgeslagen": the group skipped, not the group the child is in
        number = words.number_at(toks, end) if end < len(toks) else None
        if number is None and start > 0 and toks[start - 1].is_digits:
            number = (float(toks[start - 1].text), start, "")
        if number is not None and number[0].is_integer():
            reading.set(phrase.value, int(number[0]))
            return


def _holiday(reading: Reading, toks: list[Token]) -> None:
    words = reading.words
    for phrase, start, end, _number in words.find("holidays", toks):
        reading.set("holiday", phrase.value)
        nearest: tuple[int, str] | None = None
        for relation in ("before", "after"):
            for _p, where, stop, _n in words.find(relation, toks):
                distance = start - stop if stop <= start else where - end
                if 0 <= distance <= 3 and (nearest is None or distance < nearest[0]):
                    nearest = (distance, relation)
        if nearest is not None:
            reading.set("relation", nearest[1])
        return


def _month(reading: Reading, toks: list[Token]) -> None:
    words = reading.words
    ambiguous = {phrase.parts[0] for phrase in words.lists["ambiguous_months"]}
    for index, token in enumerate(toks):
        month = month_of(token)
        if month is None:
            continue
        if token.stem in ambiguous:
            preceded = index > 0 and any(
                phrase.match(words, toks, index - len(phrase.parts)) is not None
                for phrase in words.lists["month_before"]
                if index - len(phrase.parts) >= 0
            )
            if not preceded:
                continue
        reading.set("month", month)
        return


_VMBO_DIPLOMA = re.compile(r"\b(vmbo|mavo)[\s-]*(diploma|gehaald)", re.IGNORECASE)


def _dutch_facts(reading: Reading, without: tuple[str, ...] = ()) -> None:
    """What `assistant.melding_facts` reads from Dutch text: school type, age, hours, weeks absent, kind of absence,
    lateness, suspicion, startkwalificatie, municipality (its patterns are Dutch; numbers in words too)."""
    melding = parse_melding_text(reading.text)
    for source, target in (
        ("school_type", "school_type"),
        ("age", "age"),
        ("hours", "hours"),
        ("kind", "absence_kind"),
        ("late_count", "late_count"),
        ("suspected", "suspected"),
        ("startkwalificatie", "startkwalificatie"),
        ("municipality", "municipality"),
    ):
        value = melding.get(source)
        if value is not None and value != UNKNOWN and source not in without:
            reading.set(target, value)
    weeks = melding.get("weeks")
    if isinstance(weeks, int | float) and not isinstance(weeks, bool) and weeks:
        reading.set("weeks_absent", float(weeks))
    if _VMBO_DIPLOMA.search(reading.text):
        reading.set("startkwalificatie", False)


# what each case word of `absence_cases` says: (the case a school asks about, the melding kind of absence)
_ABSENCE_CASES: dict[str, tuple[str | None, str | None]] = {
    "psychisch": ("psychisch", "ziekte"),
    "ziekte": (None, "ziekte"),
    "thuiszitter": ("thuiszitter", "ongeoorloofd"),
    "angst": ("angst", None),  # fear: illness (reported) or not, the answer says both
    "vertrokken": ("vertrokken", "ongeoorloofd"),
    "schorsing": (None, "schorsing"),
    "luxe_vermoeden": (None, "luxe_vermoeden"),
    "ongeoorloofd": (None, "ongeoorloofd"),
    "te_laat": (None, "te_laat"),
}
_CASE_ORDER = ("vertrokken", "thuiszitter", "angst", "psychisch")  # the most specific case wins


def _absence_case(reading: Reading, toks: list[Token]) -> None:
    """The kind of absence a school asks about, in any language ("psychische klachten", "left without
    deregistering", "чекає на місце"), whether it is long-term or keeps recurring, and whether the question is when
    to report."""
    words = reading.words
    found = [phrase.value for phrase, *_rest in words.find("absence_cases", toks)]
    cases = {_ABSENCE_CASES[value][0] for value in found} - {None}
    for case in _CASE_ORDER:
        if case in cases:
            reading.set("school_case", case)
            break
    kinds = [_ABSENCE_CASES[value][1] for value in found]
    if "school_case" in reading.values:
        kinds.insert(0, _ABSENCE_CASES[reading.values["school_case"]][1])
    kinds = [kind for kind in kinds if kind is not None]
    if kinds:
        reading.set("absence_kind", kinds[0])
    if any(True for _ in words.find("long_term", toks)):
        reading.set("long_term", True)
    if any(True for _ in words.find("frequent", toks)):
        reading.set("frequent", True)
    if "school_case" not in reading.values and any(True for _ in words.find("timing", toks)):
        reading.set("school_case", "wanneer")


def _asks_about(reading: Reading, toks: list[Token]) -> None:
    """The subject the question asks about (`asks_about` words; the first of ASKED_SUBJECTS when it names several:
    "online Oekraïense school" before "spreekt geen Nederlands" before "meteen")."""
    found = {phrase.value for phrase, *_rest in reading.words.find("asks_about", toks)}
    subject = next((subject for subject in ASKED_SUBJECTS if subject in found), None)
    if subject is not None:
        reading.set("asks_about", subject)


def read_facts(text: str | None, language: str | None = None, *, today: date, events: Iterable[str] = ()) -> Facts:
    """Every fact `text` states (see the module docstring). `events` are the `gebeurtenis` entity values the
    classifier found; `today` places dates without a year."""
    from assistant.situation.role import read_role

    text = " ".join(str(text or "").split())
    if not text or text.startswith("/"):
        return Facts()
    words = load_words()
    reading = Reading(text, normalise_language(language), today, words)
    rest = read_dates(reading)
    reading.folded = fold(rest)
    toks = tokens(reading.folded)
    _numbers(reading, toks)
    age = phrase_age(words, toks, reading.folded)
    if age is not None and not reading.turns:
        reading.set("age", age - 1 if reading.ahead else age)
    _grade(reading, toks)
    found_types = {phrase.value for phrase, *_rest in words.find("school_type", toks)}
    if len(found_types) == 1:
        reading.set("school_type", found_types.pop())
    _holiday(reading, toks)
    _month(reading, toks)
    birthday_month(reading, toks)
    read_reason(reading, toks, events)
    read_family(reading, toks)
    if any(True for _ in words.find("prior_leave", toks)):
        reading.set("prior_leave", True)
    if any(True for _ in words.find("self_employed", toks)):
        reading.set("self_employed", True)
        reading.set("reason", "werk")  # working for oneself is the parent's job (when no other reason was said)
    if is_false_sick_report(reading, toks):
        reading.set("false_sick_report", True)
    if any(True for _ in words.find("abroad", toks)):
        reading.set("abroad", True)
    if any(True for _ in words.find("kwalificatie_exempt", toks)):
        reading.set("kwalificatie_exempt", True)
    if not reading.turns and not reading.ahead:
        _dutch_facts(reading)
    else:
        _dutch_facts(reading, without=("age",))
    _absence_case(reading, toks)
    _asks_about(reading, toks)
    asked = tuple(dict.fromkeys(phrase.value for phrase, *_rest in words.find("concerns", toks)))
    if asked:
        reading.set("concerns", asked)
    point = read_point(words, toks, text, reading.language)
    if point is not None:
        reading.set("point", point)
    role, role_age = read_role(toks, words)
    if role is not None:
        reading.set("role", role)
    if role_age is not None and not reading.turns:
        reading.set("age", role_age - 1 if reading.ahead else role_age)
    if "contact" in asked_points(text, reading.language):
        reading.set("contact", True)
    if any(True for _ in words.find("unknown", toks)):
        reading.values["unknown"] = ("*",)
    facts = Facts(**reading.values, problems=tuple(reading.problems))
    return check(facts, today)


def says_unknown(text: str | None) -> bool:
    """Whether `text` says "I don't know" (in any supported language)."""
    toks = tokens(fold(str(text or "")))
    return any(True for _ in load_words().find("unknown", toks))
