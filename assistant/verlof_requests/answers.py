"""Each answer of the verlof form in the chat checked: cleaned, or a `FormProblem` with the Dutch question to ask
again (`assistant.verlof_requests.form` holds the slots and the summary)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.calendar import get_calendar
from assistant.dates import DateError, ParsedDates, parse_dates
from assistant.i18n.formatting import format_date, format_day_month, format_numeric_date, format_weekday
from assistant.rules.verlof import get_rules, last_day_to_ask
from assistant.schools import get_registry
from assistant.verlof_requests import interpret, reasons
from assistant.verlof_requests.form_texts import (
    BAD_CHILD_NAME,
    BAD_CLASS,
    BAD_EMAIL,
    BAD_KIND,
    BAD_MUNICIPALITY,
    BAD_SCHOOL,
    BAD_YES_NO,
    DATE_IN_PAST,
    END_BEFORE_START,
    IMPOSSIBLE_DATE,
    NO_DATE,
    NOT_REALLY_A_REASON,
    OUTSIDE_CALENDAR,
    SCHOOL_AMBIGUOUS,
    WEEKDAY_MISMATCH,
)
from assistant.verlof_requests.texts import MAX_REASON_CHARS


class FormProblem(ValueError):
    def __init__(self, template: str, clear: tuple[str, ...] = (), **values: Any) -> None:
        super().__init__(template)
        self.template = template
        self.values = values
        self.clear = clear  # other slots to empty with this one (e.g. both dates)


def _example_day(today: date) -> date:
    """A weekday three weeks or more ahead."""
    from datetime import timedelta

    day = today + timedelta(days=21)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def example_date(today: date, language: str = "nl") -> str:
    """A weekday a few weeks ahead, as an example in the user's language that the date parser reads back ("vrijdag
    13 maart", "Friday, March 13, 2026", "piątek, 13 marca 2026")."""
    full = format_date(_example_day(today), language, "full")
    return full.rsplit(" ", 1)[0] if language == "nl" else full


# -- checks -------------------------------------------------------------------------------------------------------


def check_kind(text: str) -> tuple[str, str | None]:
    kind, category = interpret.interpret_kind(text)
    if kind is None:
        raise FormProblem(BAD_KIND)
    return kind, category


def check_category(text: str) -> tuple[str, str | None]:
    """(category, reason when the answer already says it)."""
    category = reasons.typed_reason(text) or "overig"
    if category not in get_rules().categories:
        category = "overig"
    words = interpret.clean_text(text).split()
    reason = interpret.clean_text(text) if len(words) >= 3 and not text.startswith("/") else None
    return category, reason


def check_child_name(text: str) -> str:
    if not interpret.valid_child_name(text):
        raise FormProblem(BAD_CHILD_NAME)
    return interpret.clean_text(text, 120)


def check_class(text: str) -> str:
    value = interpret.clean_text(text, 100)
    if not 1 <= len(value) <= 40 or value.startswith("/"):
        raise FormProblem(BAD_CLASS)
    return value


@dataclass(frozen=True)
class SchoolAnswer:
    name: str
    school_id: str | None
    known: bool


def check_school(text: str) -> SchoolAnswer:
    value = interpret.clean_text(text, 200)
    if len(value) < 2 or value.startswith("/"):
        raise FormProblem(BAD_SCHOOL)
    matches = get_registry().find(value)
    if matches and (len(matches) == 1 or matches[1].score < matches[0].score - 0.02):
        school = matches[0].school
        return SchoolAnswer(school.label, school.id, True)
    if len(matches) > 1:
        labels = [match.school.label for match in matches]
        raise FormProblem(
            SCHOOL_AMBIGUOUS, schools=", ".join(labels), example=f"{matches[0].school.name} in {matches[0].school.town}"
        )
    return SchoolAnswer(value, None, False)


def check_municipality(text: str) -> str:
    calendar = get_calendar()
    found = interpret.interpret_municipality(text, calendar.municipalities)
    if found is None:
        raise FormProblem(BAD_MUNICIPALITY, municipalities=list(calendar.municipalities))
    return found


def _date_problem(error: DateError, today: date, language: str) -> FormProblem:
    """The form's message for a date the parser refused, with examples in the user's language."""
    if error.code == "impossible_date":
        return FormProblem(
            IMPOSSIBLE_DATE, text=error.detail, example=format_day_month(date(today.year, 2, 28), language)
        )
    if error.code == "weekday_mismatch" and error.date is not None:
        return FormProblem(
            WEEKDAY_MISMATCH,
            date=format_date(error.date, language),
            weekday=format_weekday(error.date, language),
            example=example_date(today, language),
        )
    return FormProblem(NO_DATE, example=example_date(today, language), numeric=format_numeric_date(_example_day(today)))


def check_date_answer(text: str, kind: str | None, today: date, language: str = "nl") -> ParsedDates:
    """A first day (and maybe the last): a real date, not in the past, inside the known school calendar."""
    try:
        parsed = parse_dates(text, today, language)
    except DateError as error:
        raise _date_problem(error, today, language) from None
    calendar = get_calendar()
    for day in (parsed.start, parsed.end):
        if day is not None and not calendar.known_from <= day <= calendar.known_until:
            raise FormProblem(OUTSIDE_CALENDAR, until=format_date(calendar.known_until, language))
    if today > last_day_to_ask(kind or "", parsed.start, calendar):
        raise FormProblem(DATE_IN_PAST, date=format_date(parsed.start, language), example=example_date(today, language))
    return parsed


def check_end(text: str, start: date | None, kind: str | None, today: date, language: str = "nl") -> date:
    parsed = check_date_answer(text, kind, today, language)
    end = parsed.end or parsed.start
    if start is not None and end < start:
        raise FormProblem(
            END_BEFORE_START,
            end=format_date(end, language),
            start=format_date(start, language),
            example=example_date(today, language),
        )
    return end


def check_reason(text: str) -> str:
    value = interpret.clean_text(text, MAX_REASON_CHARS)
    if len(value) < 3 or value.startswith("/"):
        raise FormProblem(NOT_REALLY_A_REASON)
    return value


def check_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    answer = interpret.interpret_yes_no(str(value or ""))
    if answer is None:
        raise FormProblem(BAD_YES_NO)
    return answer


def check_email(text: str) -> str:
    address = interpret.extract_email(text)
    if not interpret.valid_email(address):
        raise FormProblem(BAD_EMAIL)
    return address
