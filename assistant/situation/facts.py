"""The facts of the asker's situation, read from one chat message in any supported language (pure, no Rasa).

`read_facts(text, language, today=…)` finds what a verdict may depend on: the child's age or birth date, the school
type and groep or klas, durations ("drie weken", "10 dagen", "three weeks", "трьох тижнів"), dates and ranges
(`assistant.dates`), a month ("in oktober", "w październiku"), a period around a school holiday ("de week voor de
kerstvakantie"), the reason of a leave request (an event from the NLU synonyms, a parent's job, or a reason that does
not count), hours and weeks of absence (`assistant.melding_facts` for Dutch), the startkwalificatie, the
municipality, and who is asking (`assistant.situation.role`).

Facts that cannot be right (30 February, "min 2 weken", a birth date in the future, a 3-year-old in groep 8) are not
used: they become a `FactProblem` with a polite Dutch question (`_()`), and every other fact is kept.

The words come from `assistant/locale/situation.yml` (see `assistant.situation.words`); the plausibility bounds
(not law) from `knowledge/rules/situation.yml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from babel.dates import get_month_names
from dateutil.relativedelta import relativedelta

from assistant.dates import DateError, date_spans, parse_dates
from assistant.folding import fold
from assistant.i18n import SUPPORTED_LANGUAGES, Message, _, normalise_language
from assistant.melding_facts import UNKNOWN, parse_melding_text
from assistant.rules.melding import load_melding_rules
from assistant.situation.words import Phrase, PhraseIndex, Token, Words, load_words, tokens
from assistant.situation.words import phrase as make_phrase
from assistant.verlof_requests.interpret import interpret_category

Role = Literal["parent", "school", "young"]
ROOT = Path(__file__).resolve().parents[2]
PLAUSIBILITY_FILE = ROOT / "knowledge" / "rules" / "situation.yml"
SYNONYMS = ROOT / "nlu_data"
EVENT_CATEGORIES = ("huwelijk", "overlijden", "ernstige_ziekte", "verhuizing", "jubileum", "gezinsuitbreiding",
                    "religieuze_verplichting", "wettelijke_verplichting", "overig")

# -- the questions for facts that cannot be right (Dutch source texts) ------------------------------------------------

IMPOSSIBLE_DATE = _("De datum '{text}' bestaat niet. Welke datum bedoelt u?")
WEEKDAY_MISMATCH = _("De dag en de datum in '{text}' passen niet bij elkaar. Welke datum bedoelt u?")
NEGATIVE = _("'{text}' kan niet: een periode is nooit negatief. Hoe lang bedoelt u?")
END_BEFORE_START = _("De laatste dag ({end}) ligt vóór de eerste dag ({start}). Welke data bedoelt u?")
FUTURE_BIRTH = _("De geboortedatum {date} ligt in de toekomst. Welke geboortedatum bedoelt u?")
AGE_GROEP = _("Een leeftijd van {age} jaar past niet bij groep {grade}. Klopt de leeftijd, of de groep?")
AGE_KLAS = _("Een leeftijd van {age} jaar past niet bij klas {grade}. Klopt de leeftijd, of de klas?")
AGE_BIRTH = _("Met de geboortedatum {date} is het kind nu {computed} jaar, en niet {age}. Wat klopt er?")
IMPLAUSIBLE = _("Het getal {value} kan hier niet kloppen. Wilt u het nog eens nakijken?")


@dataclass(frozen=True)
class FactProblem:
    """A fact that cannot be right: the question to ask (a Dutch `Message`) and the facts it leaves out."""

    code: str
    message: Message
    drop: tuple[str, ...] = ()


_TEXT_FACTS = ("school_type", "holiday", "relation", "reason", "absence_kind", "municipality")


def _valid_text(name: str, value: Any) -> bool:
    if name == "role":
        return value in ("parent", "school", "young")
    return name in _TEXT_FACTS and isinstance(value, str) and len(value) <= 64


@dataclass(frozen=True)
class Facts:
    """What one message (or a conversation so far) says about the situation. None: not said."""

    role: Role | None = None
    age: int | None = None
    birth_date: date | None = None
    school_type: str | None = None  # po | vo | mbo
    groep: int | None = None
    klas: int | None = None
    days: float | None = None  # a duration in (school) days
    weeks: float | None = None
    months: float | None = None
    hours: float | None = None  # hours of absence
    start: date | None = None
    end: date | None = None
    month: int | None = None
    holiday: str | None = None  # a school holiday id (knowledge/calendar/school-holidays.yml)
    relation: str | None = None  # before | after (the holiday)
    reason: str | None = None  # an event category, "werk", a non-reason id, or "vakantie"
    prior_leave: bool | None = None  # vakantieverlof already given this school year
    absence_kind: str | None = None  # assistant.melding_facts KINDS
    weeks_absent: float | None = None
    late_count: int | None = None
    suspected: bool | None = None
    startkwalificatie: bool | None = None
    municipality: str | None = None
    unknown: tuple[str, ...] = ()  # facts the asker said they do not know
    problems: tuple[FactProblem, ...] = field(default=(), compare=False)

    @property
    def duration_days(self) -> float | None:
        """The leave's length in school days as said ("drie weken" is about 15); None when no length was said."""
        if self.days is not None:
            return self.days
        per_week = plausibility()["school_days_per_week"]
        if self.weeks is not None:
            return self.weeks * per_week
        if self.months is not None:
            return self.months * plausibility()["weeks_per_month"] * per_week
        return None

    @property
    def has_any(self) -> bool:
        """Whether anything about the situation was said (besides who asks)."""
        return any(value not in (None, (), False) for name, value in self._items() if name not in ("role", "problems"))

    def _items(self) -> Iterable[tuple[str, Any]]:
        return ((item.name, getattr(self, item.name)) for item in fields(self))

    def merged(self, newer: Facts) -> Facts:
        """These facts with what `newer` says on top (a newer value wins; a new problem replaces the old ones)."""
        values = {name: value for name, value in newer._items() if value not in (None, ())}
        values["unknown"] = tuple(dict.fromkeys((*self.unknown, *newer.unknown)))
        values["problems"] = newer.problems
        return replace(self, **values)

    def keeping(self, names: Iterable[str]) -> Facts:
        """Only the facts `names` (what carries over to another topic: who asks, about which child)."""
        keep = set(names)
        return Facts(**{name: value for name, value in self._items() if name in keep})

    def without(self, *names: str) -> Facts:
        return replace(self, **{name: () if name == "unknown" else None for name in names})

    def to_json(self) -> dict[str, Any]:
        """The facts as a small JSON object (dates as ISO strings), without the problems."""
        data = {}
        for name, value in self._items():
            if name == "problems" or value in (None, ()):
                continue
            data[name] = value.isoformat() if isinstance(value, date) else list(value) \
                if isinstance(value, tuple) else value
        return data

    @classmethod
    def from_json(cls, data: Any) -> Facts:
        """Facts from `to_json`'s object; anything that does not fit is left out (the data came from a client)."""
        if not isinstance(data, Mapping):
            return cls()
        types = {"age": int, "groep": int, "klas": int, "late_count": int, "days": float, "weeks": float,
                 "months": float, "hours": float, "weeks_absent": float, "month": int, "prior_leave": bool,
                 "suspected": bool, "startkwalificatie": bool}
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name in ("birth_date", "start", "end"):
                try:
                    values[name] = date.fromisoformat(str(value))
                except ValueError:
                    continue
            elif name in types:
                kind = types[name]
                if kind is bool and isinstance(value, bool):
                    values[name] = value
                elif kind is not bool and isinstance(value, int | float) and not isinstance(value, bool) \
                        and 0 <= value <= 1000:
                    values[name] = kind(value)
            elif name == "unknown" and isinstance(value, list):
                values[name] = tuple(str(item)[:32] for item in value[:10])
            elif _valid_text(name, value):
                values[name] = value
        return cls(**values)


# -- plausibility (not law) ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def plausibility() -> dict[str, Any]:
    """The bounds of knowledge/rules/situation.yml and the melding check's (max_age, max_hours_in_period,
    school_days_per_week)."""
    with PLAUSIBILITY_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ValueError(f"unexpected file: {PLAUSIBILITY_FILE}")
    melding = load_melding_rules()["plausibility"]
    return {**data, "max_age": melding["max_age"], "max_hours": melding["max_hours_in_period"],
            "school_days_per_week": melding["school_days_per_week"]}


# -- months and events: words from CLDR and from the NLU synonyms -------------------------------------------------


@dataclass(frozen=True)
class _MonthForm:
    month: int
    exact: frozenset[str]
    stem: str | None  # a form may continue after this stem by a few letters (a case ending: "październiku")


@lru_cache(maxsize=1)
def _month_forms() -> tuple[_MonthForm, ...]:
    forms: list[_MonthForm] = []
    for code in SUPPORTED_LANGUAGES:
        for month in range(1, 13):
            names = {fold(get_month_names("wide", context, code)[month]).strip(". ")
                     for context in ("format", "stand-alone")}
            names = {name for name in names if name and " " not in name}
            if not names:
                continue
            stem = names.pop() if len(names) == 1 else None
            if stem is not None:
                names.add(stem)
                stem = stem if len(stem) >= 6 else None
            else:
                common = _common_prefix(names)
                stem = common if len(common) >= 4 else None
            forms.append(_MonthForm(month, frozenset(names), stem))
    return tuple(forms)


def _common_prefix(words: Iterable[str]) -> str:
    words = sorted(words)
    first, last = words[0], words[-1]
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


@lru_cache(maxsize=1)
def _month_names() -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    """Month names (every form CLDR writes) and the stems a case ending may follow, of every language."""
    exact: dict[str, int] = {}
    stems: list[tuple[str, int]] = []
    for form in _month_forms():
        for name in form.exact:
            exact.setdefault(name, form.month)
        if form.stem:
            stems.append((form.stem, form.month))
    return exact, tuple(stems)


def _month_of(token: Token) -> int | None:
    word = token.stem
    exact, stems = _month_names()
    if word in exact:
        return exact[word]
    return next((month for stem, month in stems if word.startswith(stem) and len(word) - len(stem) <= 4), None)


@lru_cache(maxsize=1)
def _event_index() -> PhraseIndex:
    return PhraseIndex.of(_event_phrases())


@lru_cache(maxsize=1)
def _event_phrases() -> tuple[Phrase, ...]:
    """The `gebeurtenis` synonyms of every language (nlu_data/<code>/synonyms.yml) as phrases: one list of event
    words for the classifier and for this reader."""
    found: list[Phrase] = []
    for code in SUPPORTED_LANGUAGES:
        path = SYNONYMS / code / "synonyms.yml"
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("nlu") or []:
            category = (entry or {}).get("synonym")
            if category not in EVENT_CATEGORIES:
                continue
            for line in str(entry.get("examples") or "").splitlines():
                word = line.strip().lstrip("-").strip()
                if word:
                    found.append(make_phrase(word, code, category))
    return tuple(item for item in found if item.parts)


# -- reading --------------------------------------------------------------------------------------------------------


@dataclass
class _Reading:
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


def _unit_follows(text: str, end: int, words: Words) -> bool:
    """Whether a unit word follows position `end` of `text` ("4-5 dagen": the dashes are a range, not a date)."""
    toks = tokens(fold(text[end:end + 40]))
    return bool(toks) and words.unit_at(toks, 0) is not None


def _dates(reading: _Reading) -> str:
    """Read the dates (birth date or the leave's first and last day) and return the text with them blanked out.

    A date is a birth date when the message says so ("geboren", "born") and the date has a year, or when it lies
    years back (a leave is never asked for a date two years ago)."""
    text, words = reading.text, reading.words
    blanked = list(text)
    found: list[tuple[date, bool]] = []  # (date, typed with a year)
    for span in date_spans(text, reading.language):
        piece = text[span.start:span.end]
        if re.fullmatch(r"[\d\s./\-–]+", piece) and not re.search(r"\d{4}", piece) \
                and _unit_follows(text, span.end, words):
            continue  # "4-5 dagen" is a number of days
        blanked[span.start:span.end] = " " * (span.end - span.start)
        try:
            parsed = parse_dates(piece, reading.today, reading.language)
        except DateError as error:
            code = "weekday_mismatch" if error.code == "weekday_mismatch" else "impossible_date"
            reading.problem(code, WEEKDAY_MISMATCH if code == "weekday_mismatch" else IMPOSSIBLE_DATE,
                            ("start", "end", "birth_date"), text=piece.strip())
            continue
        with_year = bool(re.search(r"\d{4}|\d[-/.]\d{1,2}[-/.]\d{2}\b", piece))
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
    turning = _turns(tokens(fold("".join(blanked))), words) if found[0][1] else None
    if turning is not None and not said:
        births = [found[0][0] - relativedelta(years=turning)]  # "wordt op 2 september 2015 vijf jaar"
        found = found[1:]
        reading.turns = True
    if births:
        birth = births[0]
        if birth > reading.today:
            reading.problem("future_birth", FUTURE_BIRTH, ("birth_date",), date=birth)
        else:
            reading.set("birth_date", birth)
    leave = [day for day, _year in found if day not in births]
    if leave:
        start, end = leave[0], leave[-1]
        if end < start:
            reading.problem("end_before_start", END_BEFORE_START, ("start", "end"), start=start, end=end)
        else:
            reading.set("start", start)
            if end != start:
                reading.set("end", end)
    return rest


def _turns(toks: list[Token], words: Words) -> int | None:
    """N of "wordt (op <date>) N jaar": the age reached on the date of the message."""
    for _phrase, _start, _end, number in words.find("turns", toks):
        if number is not None and number.is_integer() and 0 < number <= 30:
            return int(number)
    return None


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


def _numbers(reading: _Reading, toks: list[Token]) -> None:
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
                if ahead < len(toks) and words.number_at(toks, ahead) is None:
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
            piece = reading.folded[toks[start - 1].start:toks[after - 1].end]
            reading.problem("negative", NEGATIVE, ("days", "weeks", "months", "weeks_absent"), text=piece)
        elif name == "year":
            following = toks[after].text if after < len(toks) else ""
            if value.is_integer() and 0 <= value <= 120 and not reading.turns and \
                    not any(phrase.parts[0] == following for phrase in words.lists["not_age"]):
                reading.set("age", int(value) - 1 if reading.ahead and value >= 1 else int(value))
        else:
            reading.set({"day": "days", "week": "weeks", "month": "months", "hour": "hours"}[name], value)
        index = max(after, index + 1)


def _phrase_numbers(reading: _Reading, toks: list[Token], name: str) -> int | None:
    """The number of the first phrase of `name` with {n} whose number is not followed by another unit ("ik ben
    17" is an age; "is 16 uur" is not)."""
    words = reading.words
    for _phrase, _start, end, number in words.find(name, toks):
        if number is None or not number.is_integer():
            continue
        unit = words.unit_at(toks, end) if end < len(toks) else None
        if unit is None or unit[0] == "year":
            return int(number)
    return None


def _grade(reading: _Reading, toks: list[Token]) -> None:
    words = reading.words
    for phrase, start, end, _number in words.find("grade", toks):
        number = words.number_at(toks, end) if end < len(toks) else None
        if number is None and start > 0 and toks[start - 1].is_digits:
            number = (float(toks[start - 1].text), start, "")
        if number is not None and number[0].is_integer():
            reading.set(phrase.value, int(number[0]))
            return


def _holiday(reading: _Reading, toks: list[Token]) -> None:
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


def _month(reading: _Reading, toks: list[Token]) -> None:
    words = reading.words
    ambiguous = {phrase.parts[0] for phrase in words.lists["ambiguous_months"]}
    for index, token in enumerate(toks):
        month = _month_of(token)
        if month is None:
            continue
        if token.stem in ambiguous:
            preceded = index > 0 and any(
                phrase.match(words, toks, index - len(phrase.parts)) is not None
                for phrase in words.lists["month_before"] if index - len(phrase.parts) >= 0)
            if not preceded:
                continue
        reading.set("month", month)
        return


def _reason(reading: _Reading, toks: list[Token], events: Iterable[str]) -> None:
    if "birth_date" in reading.values:
        events = [event for event in events if event != "gezinsuitbreiding"]  # "geboren op" is the child's birth
    for event in events:
        if event in EVENT_CATEGORIES:
            reading.set("reason", event)
            return
    best: tuple[int, str] | None = None
    for item, start, end, _number in reading.words.find("events", toks, _event_index()):
        if best is None or end - start > best[0]:
            best = (end - start, item.value)
    if best is not None and not (best[1] == "gezinsuitbreiding" and "birth_date" in reading.values):
        reading.set("reason", best[1])
        return
    found = {item.value for item, *_rest in reading.words.find("reasons", toks)}
    for reason in ("goedkopere_tickets", "al_geboekt", "familiebezoek", "drukte"):
        if reason in found:  # before the loose Dutch event stems: "ziek melden omdat de tickets goedkoper zijn"
            reading.set("reason", reason)
            return
    category = interpret_category(reading.text) if not _CALLING_IN_SICK.search(reading.text) else None
    if category == "gezinsuitbreiding" and "birth_date" in reading.values:
        category = None
    if category in EVENT_CATEGORIES and category != "overig":
        reading.set("reason", category)
        return
    if "werk" in found:
        reading.set("reason", "werk")


_CALLING_IN_SICK = re.compile(r"\bziek\s*(te\s+)?meld|\bziekgemeld|\bziek\s+gemeld", re.IGNORECASE)
_VMBO_DIPLOMA = re.compile(r"\b(vmbo|mavo)[\s-]*(diploma|gehaald)", re.IGNORECASE)


def _dutch_facts(reading: _Reading, without: tuple[str, ...] = ()) -> None:
    """What `assistant.melding_facts` reads from Dutch text: school type, age, hours, weeks absent, kind of absence,
    lateness, suspicion, startkwalificatie, municipality (its patterns are Dutch; numbers in words too)."""
    melding = parse_melding_text(reading.text)
    for source, target in (("school_type", "school_type"), ("age", "age"), ("hours", "hours"),
                           ("kind", "absence_kind"), ("late_count", "late_count"), ("suspected", "suspected"),
                           ("startkwalificatie", "startkwalificatie"), ("municipality", "municipality")):
        value = melding.get(source)
        if value is not None and value != UNKNOWN and source not in without:
            reading.set(target, value)
    weeks = melding.get("weeks")
    if isinstance(weeks, int | float) and not isinstance(weeks, bool) and weeks:
        reading.set("weeks_absent", float(weeks))
    if _VMBO_DIPLOMA.search(reading.text):
        reading.set("startkwalificatie", False)


def read_facts(text: str | None, language: str | None = None, *, today: date,
               events: Iterable[str] = ()) -> Facts:
    """Every fact `text` states (see the module docstring). `events` are the `gebeurtenis` entity values the
    classifier found; `today` places dates without a year."""
    from assistant.situation.role import read_role

    text = " ".join(str(text or "").split())
    if not text or text.startswith("/"):
        return Facts()
    words = load_words()
    reading = _Reading(text, normalise_language(language), today, words)
    rest = _dates(reading)
    reading.folded = fold(rest)
    toks = tokens(reading.folded)
    _numbers(reading, toks)
    age = _phrase_numbers(reading, toks, "age")
    if age is not None and not reading.turns:
        reading.set("age", age - 1 if reading.ahead else age)
    _grade(reading, toks)
    found_types = {phrase.value for phrase, *_rest in words.find("school_type", toks)}
    if len(found_types) == 1:
        reading.set("school_type", found_types.pop())
    _holiday(reading, toks)
    _month(reading, toks)
    _reason(reading, toks, events)
    if any(True for _ in words.find("prior_leave", toks)):
        reading.set("prior_leave", True)
    if not reading.turns and not reading.ahead:
        _dutch_facts(reading)
    else:
        _dutch_facts(reading, without=("age",))
    role, role_age = read_role(toks, words)
    if role is not None:
        reading.set("role", role)
    if role_age is not None and not reading.turns:
        reading.set("age", role_age - 1 if reading.ahead else role_age)
    if any(True for _ in words.find("unknown", toks)):
        reading.values["unknown"] = ("*",)
    facts = Facts(**reading.values, problems=tuple(reading.problems))
    return check(facts, today)


def says_unknown(text: str | None) -> bool:
    """Whether `text` says "I don't know" (in any supported language)."""
    toks = tokens(fold(str(text or "")))
    return any(True for _ in load_words().find("unknown", toks))


# -- facts that contradict each other ------------------------------------------------------------------------------


def check(facts: Facts, today: date) -> Facts:
    """`facts` without what cannot be right, with a `FactProblem` for each (the first one is asked)."""
    problems = list(facts.problems)
    bounds = plausibility()
    drop: set[str] = set()
    for problem in problems:
        drop.update(problem.drop)
    age = facts.age
    if age is not None and age > bounds["max_age"]:
        problems.append(FactProblem("implausible_age", Message(IMPLAUSIBLE, {"value": age}), ("age",)))
        age = None
    if facts.birth_date is not None and age is not None:
        computed = relativedelta(today, facts.birth_date).years
        if abs(computed - age) > 1:
            problems.append(FactProblem("age_birth", Message(AGE_BIRTH, {"date": facts.birth_date,
                                                                         "computed": computed, "age": age}),
                                        ("age", "birth_date")))
    if age is not None:
        for grade_name, template in (("groep", AGE_GROEP), ("klas", AGE_KLAS)):
            grade = getattr(facts, grade_name)
            if grade is None:
                continue
            lowest, highest = bounds["grade_ages"][grade_name]["min_offset"], \
                bounds["grade_ages"][grade_name]["max_offset"]
            if not grade + lowest <= age <= grade + highest:
                problems.append(FactProblem(f"age_{grade_name}", Message(template, {"age": age, "grade": grade}),
                                            ("age", grade_name)))
    if facts.hours is not None and facts.hours > bounds["max_hours"]:
        problems.append(FactProblem("implausible_hours", Message(IMPLAUSIBLE, {"value": _plain(facts.hours)}),
                                    ("hours",)))
    for problem in problems:
        drop.update(problem.drop)
    cleaned = facts.without(*drop) if drop else facts
    return replace(cleaned, problems=tuple(problems))


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def next_occurrence(month: int, today: date) -> date:
    """The first day of the next `month` from `today` on (this month counts)."""
    candidate = date(today.year, month, 1)
    if candidate < today.replace(day=1):
        candidate = date(today.year + 1, month, 1)
    return candidate


def last_day_of_month(first: date) -> date:
    return first + relativedelta(months=1) - timedelta(days=1)

