"""The dates of a message, for `assistant.situation.reading`: the leave's first and last day, a birth date, and the
month of a birthday with the age reached then ("wordt in november 5"). A weekday after "een" or "every" is no date, a
day before today is when something happened (never the start of a leave asked), and a weekday alone ("de uitvaart is
vrijdag") is the event's day (`Facts.weekday`): counted, but no leave days the asker gave."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from assistant.dates import DateError, date_spans, parse_dates, weekday_alone
from assistant.folding import fold
from assistant.i18n.situation_words import Token, Words, tokens
from assistant.situation.facts import (
    END_BEFORE_START,
    FUTURE_BIRTH,
    IMPOSSIBLE_DATE,
    WEEKDAY_MISMATCH,
    next_occurrence,
)
from assistant.situation.vocabulary import month_of

if TYPE_CHECKING:
    from assistant.situation.reading import Reading


def _unit_follows(text: str, end: int, words: Words) -> bool:
    """Whether a unit word follows position `end` of `text` ("4-5 dagen": the dashes are a range, not a date)."""
    toks = tokens(fold(text[end : end + 40]))
    return bool(toks) and words.unit_at(toks, 0) is not None


def read_dates(reading: Reading) -> str:
    """Read the dates (birth date or the leave's first and last day) and return the text with them blanked out.

    A date is a birth date when the message says so ("geboren", "born") and the date has a year, or when it lies
    years back (a leave is never asked for a date two years ago)."""
    text, words = reading.text, reading.words
    blanked = list(text)
    found: list[tuple[date, bool]] = []  # (date, typed with a year)
    past: list[date] = []  # a single day before today: when something happened, not a leave asked
    weekday = False
    for span in date_spans(text, reading.language):
        piece = text[span.start : span.end]
        if (
            re.fullmatch(r"[\d\s./\-–]+", piece)
            and not re.search(r"\d{4}", piece)
            and _unit_follows(text, span.end, words)
        ):
            continue  # "4-5 dagen" is a number of days
        blanked[span.start : span.end] = " " * (span.end - span.start)
        alone = weekday_alone(piece, reading.language)
        if alone and _any_day(text[: span.start], words):
            continue  # "op een donderdag", "every Friday": no date
        try:
            parsed = parse_dates(piece, reading.today, reading.language)
        except DateError as error:
            code = "weekday_mismatch" if error.code == "weekday_mismatch" else "impossible_date"
            reading.problem(
                code,
                WEEKDAY_MISMATCH if code == "weekday_mismatch" else IMPOSSIBLE_DATE,
                ("start", "end", "birth_date"),
                text=piece.strip(),
            )
            continue
        with_year = bool(re.search(r"\d{4}|\d[-/.]\d{1,2}[-/.]\d{2}\b", piece))
        if parsed.end is None and parsed.start < reading.today:
            past.append(parsed.start)
        weekday = weekday or alone
        found.append((parsed.start, with_year))
        if parsed.end is not None:
            found.append((parsed.end, with_year))
    rest = "".join(blanked)
    if not found:
        return rest
    toks = tokens(fold(text))
    says_birth = any(True for _ in words.find("birth", toks))
    long_ago = reading.today - relativedelta(years=2)
    said = says_birth and found[0][1]
    births = [found[0][0]] if said else [day for day, _year in found if day <= long_ago]
    blanked_toks = tokens(fold("".join(blanked)))
    dated = _turns_on(blanked_toks, words)
    turning = dated[0] if dated else _turns(blanked_toks, words) if found[0][1] else None
    if turning is not None and not said:
        birthday = found[0][0]
        if dated is not None and not found[0][1]:  # "is op 12 januari 5 geworden": the birthday last passed
            birthday = _placed(birthday, reading.today, past=dated[1])
        births = [birthday - relativedelta(years=turning)]  # "wordt op 2 september 2015 vijf jaar"
        found = found[1:]
        reading.turns = True
    if births:
        birth = births[0]
        if birth > reading.today:
            reading.problem("future_birth", FUTURE_BIRTH, ("birth_date",), date=birth)
        else:
            reading.set("birth_date", birth)
    leave = [day for day, _year in found if day not in births and day not in past]
    if leave and weekday and len(leave) == 1:
        reading.set("weekday", True)  # "de uitvaart is vrijdag": the event's day, not leave days the asker gave
    if leave:
        start, end = leave[0], leave[-1]
        if end < start:
            reading.problem("end_before_start", END_BEFORE_START, ("start", "end"), start=start, end=end)
        else:
            reading.set("start", start)
            if end != start:
                reading.set("end", end)
    return rest


def _any_day(before: str, words: Words) -> bool:
    """Whether `before` ends with a word that makes the weekday after it any such day ("een", "a", "every")."""
    toks = tokens(fold(before))
    return precedes(toks, len(toks), words, "any_day")


def _turns(toks: list[Token], words: Words) -> int | None:
    """N of "wordt (op <date>) N jaar": the age reached on the date of the message."""
    for _phrase, _start, _end, number in words.find("turns", toks):
        if number is not None and number.is_integer() and 0 < number <= 30:
            return int(number)
    return None


def _turns_on(toks: list[Token], words: Words) -> tuple[int, bool] | None:
    """(N, whether it is past) of "wordt op <date> N", "is op <date> N geworden": the date stood right before the age
    reached then, so it is the birthday even without a year."""
    for phrase, _start, _end, number in words.find("turns_on", toks):
        if number is not None and number.is_integer() and 0 < number <= 30:
            return int(number), phrase.value == "past"
    return None


def _placed(day: date, today: date, *, past: bool) -> date:
    """A birthday typed without a year: the last one up to today when the age was reached (past), else the next."""
    while past and day > today:
        day -= relativedelta(years=1)
    while not past and day < today:
        day += relativedelta(years=1)
    return day


def precedes(toks: list[Token], index: int, words: Words, name: str) -> bool:
    """Whether a phrase of the list `name` ends right before toks[index]."""
    for phrase in words.lists[name]:
        begin = index - len(phrase.parts)
        found = phrase.match(words, toks, begin) if begin >= 0 else None
        if found is not None and found[0] == index:
            return True
    return False


def birthday_month(reading: Reading, toks: list[Token]) -> None:
    """ "Mijn dochter wordt in november 5", "she turns 5 in November": the birthday's month and the age reached then
    give the month of birth (`birth_month_only`: the day is not known; the first of the month stands for it, which
    is all the start of the leerplicht depends on)."""
    words, month = reading.words, reading.values.get("month")
    if month is None or "birth_date" in reading.values:
        return
    months = [index for index, token in enumerate(toks) if month_of(token) == month]
    for name, past in (("turns_in", False), ("turned_in", True)):
        for _phrase, start, end, _number in words.find(name, toks):
            near = [index for index in months if abs(index - start) <= 5]  # "skończy 5 lat w marcu"
            if not near:
                continue
            for index in range(min(end, near[0]), min(max(end, near[0] + 1) + 2, len(toks))):
                found = words.number_at(toks, index)
                if found is None or not found[0].is_integer() or not 0 < found[0] <= 30:
                    continue
                unit = words.unit_at(toks, found[1]) if found[1] < len(toks) else None
                if unit is not None and unit[0] != "year":
                    continue
                birthday = next_occurrence(month, reading.today)
                if past and birthday > reading.today:
                    birthday = birthday.replace(year=birthday.year - 1)
                reading.set("birth_date", birthday - relativedelta(years=int(found[0])))
                reading.set("birth_month_only", True)
                reading.values.pop("age", None)  # the age said is the one reached then, not the age now
                reading.turns = True
                return
