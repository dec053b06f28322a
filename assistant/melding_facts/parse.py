"""Reading the melding facts from what a school administrator types (`parse_melding_text`): numbers in digits or
words, the answer to the question asked, and every fact a Dutch message states."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.folding import fold
from assistant.i18n.number_words import number_words
from assistant.knowledge.regions import get_regions

UNKNOWN = "onbekend"
MORE_THAN_FOUR = "meer_dan_4"  # "ja" to "more than four weeks in a row?" without a number

QUESTION_ORDER = ("school_type", "age", "startkwalificatie", "kind", "hours", "weeks", "late_count", "suspected")
KINDS = ("ongeoorloofd", "ziekte", "schorsing", "verlof", "te_laat", "luxe_vermoeden")

# --- numbers ---------------------------------------------------------------------------------------------------

# Words for numbers besides the number words (0-100, `assistant.i18n.number_words`).
_OTHER_WORDS = {"geen": 0, "eén": 1, "anderhalf": 1.5, "anderhalve": 1.5, "half": 0.5, "halve": 0.5}


def _word_number(word: str) -> float | None:
    """A Dutch number word (0-100, 'anderhalf', 'geen') as a number; None when it is not one."""
    word = fold(word).replace("-", "")
    value = number_words().get(word, _OTHER_WORDS.get(word))
    return None if value is None else float(value)


_NUMBER_WORDS = sorted({*number_words(), *_OTHER_WORDS}, key=len, reverse=True)
NUM = r"\b(?P<num>\d+(?:[.,]\d+)?|" + "|".join(re.escape(w) for w in _NUMBER_WORDS) + r")"


def to_number(raw: str) -> float | None:
    raw = raw.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", raw):
        return float(raw.replace(",", "."))
    return _word_number(raw)


def _number(match: re.Match[str] | None) -> float | None:
    return to_number(match.group("num")) if match else None


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# --- patterns --------------------------------------------------------------------------------------------------

_FLAGS = re.IGNORECASE
_UNKNOWN = re.compile(
    r"\b(weet\s+(ik\s+)?(het\s+)?niet|weet\s+het\s+niet|geen\s+(flauw\s+)?idee|onbekend|"
    r"niet\s+bekend|geen\s+idee|kan\s+ik\s+niet\s+zeggen|dat\s+weet\s+ik\s+niet|"
    r"niet\s+zeker|geen\s+flauw)\b",
    _FLAGS,
)
_YES = re.compile(r"^\s*(ja+|jawel|jazeker|zeker|klopt|dat\s+klopt|inderdaad|yes|jep|ja\s+hoor|ja,?\s+.*)\W*$", _FLAGS)
_NO = re.compile(r"^\s*(nee+|neen|nope|niet|nee\s+hoor|nee,?\s+.*|helemaal\s+niet|niet\s+echt)\W*$", _FLAGS)

_SCHOOL_TYPES = (
    (
        "mbo",
        re.compile(
            r"\b(mbo|roc|beroepsopleiding|beroepsonderwijs|bol|bbl|entree-?opleiding|vakschool|"
            r"mbo-?(instelling|school|student|opleiding))\b",
            _FLAGS,
        ),
    ),
    (
        "po",
        re.compile(
            r"\b(po|basisschool|basisonderwijs|primair(\s+onderwijs)?|sbo|speciaal\s+basisonderwijs|"
            r"groep\s+[1-8]|kleuter\w*|basis)\b",
            _FLAGS,
        ),
    ),
    (
        "vo",
        re.compile(
            r"\b(vo|voortgezet(\s+(speciaal\s+)?onderwijs)?|middelbare?(\s+school)?|vso|"
            r"(vmbo|havo|vwo|mavo|gymnasium|atheneum|lyceum|praktijkonderwijs|pro|brugklas|"
            r"isk)(?![\s-]*diploma)|klas\s+[1-6]|college|scholengemeenschap)\b",
            _FLAGS,
        ),
    ),
)
# a number of minutes ("is 10 minuten te laat", "is 10 minutes late") is no age either
_MEASURE_AFTER = (
    r"(?!\s*(?:uur|uren|lesuur|lesuren|klokuur|klokuren|weken|week|dagen|dag|keer|x\b|maanden|"
    r"minuten|minuut|minutes|minute|mins?\b|%))"
)
# "tot 23 jaar", "vanaf 18 jaar", "onder de 27 jaar" are limits, "40 jaar getrouwd", "25 jaar in dienst" and "40-jarig
# huwelijk" lengths: no age (the same words as `not_age` and `not_age_before` in assistant/locale/situation.yml)
_NOT_A_LIMIT = (
    r"(?<!\btot )(?<!\btot de )(?<!\bmet )(?<!\bvanaf )(?<!\bvanaf de )(?<!\bonder )(?<!\bonder de )(?<!\bboven )"
    r"(?<!\bboven de )(?<!\btussen )(?<!\d en )(?<!\bdan )(?<!\bt/m )(?<!\bsinds )(?<!\bgedurende )"
)
_LENGTH_WORDS = r"(?:getrouwd|in\s+dienst|huwelijk|jubileum|samen|werkzaam|bestaan)"
_NOT_A_LENGTH = r"(?!\s*" + _LENGTH_WORDS + ")"
_AGE = (
    re.compile(
        r"\b(?:leerling|kind|jongen|meisje|student|studente|zoon|dochter|scholier|jongere|deelnemer|"
        r"pupil)\w*\s+(?:van|is|,)\s*" + NUM + r"\b" + _MEASURE_AFTER,
        _FLAGS,
    ),
    re.compile(_NOT_A_LIMIT + r"\b" + NUM + r"\s*-?\s*jarige?\b" + _NOT_A_LENGTH, _FLAGS),
    re.compile(
        _NOT_A_LIMIT + r"\b" + NUM + r"\s*(?:jaar|jr\.?)(?:\s+oud)?\b(?!\s*(?:geleden|lang|later))" + _NOT_A_LENGTH,
        _FLAGS,
    ),
    re.compile(
        r"\b(?:is|wordt|werd|leeftijd(?:\s+is)?:?)\s+(?:net\s+|pas\s+|nu\s+|al\s+)?"
        + NUM
        + r"(?!\s*(?:jaar|jr\.?)\s*"
        + _LENGTH_WORDS
        + r")\b"
        + _MEASURE_AFTER
        + r"(?!\s*(?:keer|x))",
        _FLAGS,
    ),
)
_HOURS = re.compile(NUM + r"\s*(?:(?:les|klok)?(?:uur|uren)|u\b)", _FLAGS)
_PERIOD = re.compile(
    r"\b(?:afgelopen|laatste|in|binnen|over|per)\s+(?:de\s+|deze\s+)?" + NUM + r"\s*(?:les)?(?:weken|week)\b", _FLAGS
)
_WEEKS_ABSENT = (
    re.compile(r"\b(?:al|sinds|ruim|bijna|nu)\s+" + NUM + r"\s*(?:hele\s+)?(?:les)?(?:weken|week)\b", _FLAGS),
    re.compile(
        NUM + r"\s*(?:hele\s+)?(?:les)?(?:weken|week)\s+(?:achter\s+elkaar|aaneengesloten|lang|"
        r"niet|helemaal|afwezig|thuis|weg)\b",
        _FLAGS,
    ),
)
_MORE_THAN_FOUR = re.compile(r"\b(langer|meer)\s+dan\s+(4|vier)\s+weken\b", _FLAGS)
_LATE = (
    re.compile(NUM + r"\s*(?:keer|maal|x)\s+(?:te\s+laat|laat)", _FLAGS),
    re.compile(r"te\s+laat\b[^.?!]{0,30}?\b" + NUM + r"\s*(?:keer|maal|x)\b", _FLAGS),
)
_BARE_NUMBER = re.compile(
    r"^\s*(?:ongeveer|circa|ca\.?|zo'?n|rond(?:\s+de)?|bijna|ruim|precies)?\s*"
    + NUM
    + r"\s*(?:jaar|uur|uren|lesuren|klokuren|weken|week|keer|x)?\s*\W*$",
    _FLAGS,
)

# A startkwalificatie is a havo or vwo diploma or an mbo diploma of level 2 or higher (Lpw art. 1 onder f, WEB 7.2.2
# lid 1 onder b-e). An mbo diploma without its level is never read as one: an Entree (mbo-1) diploma is not, so the
# level is asked instead of concluding "no report" from an ambiguous diploma.
_MBO_LEVEL_YES = r"(mbo-?[234]|mbo\s+niveau\s+[234]|niveau\s+[234])"
_SK_YES = re.compile(
    r"\b((heeft|met|wel)\s+(een\s+)?startkwalificatie|(havo|vwo|" + _MBO_LEVEL_YES + r")"
    r"[\s-]*diploma|diploma\s+(op\s+)?(mbo[\s-]*)?niveau\s+[234]|"
    r"(havo|vwo|" + _MBO_LEVEL_YES + r")[\s-]*(diploma\s+)?gehaald)\b",
    _FLAGS,
)
_SK_NO = re.compile(
    r"\b((geen|zonder)\s+(start\s*kwalificatie|startkwalificatie|diploma)|"
    r"nog\s+geen\s+diploma|niet\s+gediplomeerd|"
    r"(entree|mbo-?1|mbo\s+niveau\s+1)[\s-]*(opleiding\s+|diploma\s+)?(diploma|gehaald|afgerond))\b",
    _FLAGS,
)

_KIND_PATTERNS = (
    (
        "verlof",
        re.compile(
            r"\b(verlof\s+(gekregen|gehad|toegekend|verleend|gegeven)|(met|heeft)\s+verlof|"
            r"(toegekend|verleend|gekregen)\s+verlof|toestemming\s+(gekregen|van\s+de\s+directeur))\b",
            _FLAGS,
        ),
    ),
    (
        "luxe_vermoeden",
        re.compile(
            r"\b(luxe\s*verzuim|vakantie\s+(zonder|buiten)|zonder\s+verlof\s+op\s+vakantie|"
            r"eerder\s+(op|met)\s+vakantie|later\s+terug\s+van\s+vakantie|"
            r"(voor|na|rond|vlak\s+voor|vlak\s+na|tegen)\s+(de|een|het)\s+"
            r"(vakantie|meivakantie|zomervakantie|kerstvakantie|voorjaarsvakantie|"
            r"herfstvakantie|weekend)|op\s+vakantie|vakantie\w*\s+verlengd)\b",
            _FLAGS,
        ),
    ),
    ("schorsing", re.compile(r"\b(geschorst|schorsing|schorsen)\b", _FLAGS)),
    ("ziekte", re.compile(r"\b(ziek\w*|griep|koorts|ziekenhuis|ziekmelding\w*|ziekgemeld)\b", _FLAGS)),
    ("te_laat", re.compile(r"\b(te\s+laat|telaat\w*|laatkom\w*)\b", _FLAGS)),
    (
        "ongeoorloofd",
        re.compile(
            r"\b(spijbel\w*|gespijbeld|ongeoorloofd\w*|zonder\s+(geldige\s+)?reden|"
            r"zonder\s+(af|ziek)melding|niet\s+afgemeld|zonder\s+bericht|niet\s+op\s+school|"
            r"afwezig|wegblijven|blijft\s+weg|komt\s+niet|thuis\s*zit\w*|verzuim\w*)\b",
            _FLAGS,
        ),
    ),
)
_KIND_ANSWERS = (  # the button payloads and short answers to the kind question
    ("ongeoorloofd", re.compile(r"^\s*(ongeoorloofd|spijbelen|zonder\s+reden)\W*$", _FLAGS)),
    ("luxe_vermoeden", re.compile(r"^\s*(luxe|vakantie|vermoeden\s+van\s+luxe\s+verzuim)\W*$", _FLAGS)),
    ("verlof", re.compile(r"^\s*(verlof|verlof\s+gekregen)\W*$", _FLAGS)),
)
_SUSPECTED = re.compile(
    r"\b(vermoed\w*|twijfel\w*|niet\s+echt\s+ziek|klopt\s+niet|verdacht\w*|"
    r"geloven?\s+(het\s+)?niet|smoes\w*)\b",
    _FLAGS,
)


@lru_cache(maxsize=1)
def _municipality_pattern() -> re.Pattern[str]:
    """The towns the assistant covers (the regional table, `knowledge/regions.yml`) as one pattern."""
    towns = (re.escape(town.lower()) for town in get_regions().covered)
    return re.compile(r"\b(" + "|".join(towns) + r")\b", _FLAGS)


def _first_number(patterns: tuple[re.Pattern[str], ...], text: str) -> float | None:
    for pattern in patterns:
        value = _number(pattern.search(text))
        if value is not None:
            return value
    return None


def _kind(text: str) -> str | None:
    for kind, pattern in _KIND_ANSWERS:
        if pattern.search(text):
            return kind
    found = [kind for kind, pattern in _KIND_PATTERNS if pattern.search(text)]
    if "ziekte" in found and "luxe_vermoeden" in found:
        return "luxe_vermoeden"  # a sick report next to a holiday
    return found[0] if found else None


def _yes_no(text: str) -> bool | None:
    if _YES.search(text) and not _NO.search(text):
        return True
    if _NO.search(text):
        return False
    return None


def parse_melding_text(text: str | None, expected: str | None = None) -> dict[str, Any]:
    """The facts `text` states; `expected` is the fact just asked for (a bare answer is read as that fact)."""
    text = " ".join((text or "").split())
    if not text or text.startswith("/"):
        return {}
    facts: dict[str, Any] = {}

    for school_type, pattern in _SCHOOL_TYPES:
        match = pattern.search(text)
        if match is None or (match.group(0).lower() == "basis" and expected != "school_type"):
            continue  # "basis" alone ("op basis van") only counts as an answer to the school-type question
        facts["school_type"] = school_type
        break

    age = _first_number(_AGE, text)
    if age is not None and age.is_integer() and 3 <= age <= 99:
        facts["age"] = int(age)

    period = _number(_PERIOD.search(text))
    hours_match = _HOURS.search(text)
    if hours_match:
        hours = _number(hours_match)
        if hours is not None and (period is None or period <= 4):
            facts["hours"] = _whole(hours)
    if period is not None and period <= 4 and "hours" in facts:
        facts["weeks"] = 0  # the hours fell within a few weeks: not absent more than four weeks in a row
    weeks = _first_number(_WEEKS_ABSENT, text)
    if _MORE_THAN_FOUR.search(text):
        facts["weeks"] = MORE_THAN_FOUR
    elif weeks is not None:
        facts["weeks"] = _whole(weeks)

    late = _first_number(_LATE, text)
    if late is not None and late.is_integer():
        facts["late_count"] = int(late)

    if _SK_NO.search(text):
        facts["startkwalificatie"] = False
    elif _SK_YES.search(text):
        facts["startkwalificatie"] = True

    kind = _kind(text)
    if kind is not None:
        facts["kind"] = kind
    if kind in ("ziekte", "schorsing") and _SUSPECTED.search(text):
        facts["suspected"] = True

    municipality = _municipality_pattern().search(text)
    if municipality:
        facts["municipality"] = municipality.group(1).lower()

    if expected:
        facts.update(_answer_to(expected, text, facts))
    return facts


def _answer_to(expected: str, text: str, found: dict[str, Any]) -> dict[str, Any]:
    """A bare answer to the question `expected` ("14", "ja", "weet ik niet")."""
    if expected in found:
        return {}
    if _UNKNOWN.search(text):
        return {expected: UNKNOWN}
    bare = _number(_BARE_NUMBER.match(text))
    yes_no = _yes_no(text)
    if expected == "age" and bare is not None and bare.is_integer():
        return {"age": int(bare)}
    if expected == "hours":
        if bare is not None:
            return {"hours": _whole(bare)}
        if yes_no is False or re.search(r"\bgeen\b", text, _FLAGS):
            return {"hours": 0}
    if expected == "late_count" and bare is not None and bare.is_integer():
        return {"late_count": int(bare)}
    if expected == "weeks":
        if bare is not None:
            return {"weeks": _whole(bare)}
        if yes_no is not None:
            return {"weeks": MORE_THAN_FOUR if yes_no else 0}
    if expected in ("startkwalificatie", "suspected") and yes_no is not None:
        return {expected: yes_no}
    if expected == "kind":
        kind = _kind(text)
        if kind:
            return {"kind": kind}
    return {}
