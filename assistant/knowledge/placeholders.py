"""Legal numbers in texts: a translatable text never writes a legal number, it names the parameter.

`{verlof.vakantie_max_school_days}` in a topic text (and in its translations) is replaced, when the answer is
rendered, by the value that parameter has on the answer's law date (`knowledge/parameters/`), written the way the
answer's language writes numbers. Forms:

- `{group.name}`: the value on the answer's date, in digits ("10", "1.000" in Dutch, "1,000" in English);
- `{group.name:words}`: the value as a number word of the language ("één", "one", "два"), for texts that say
  "één keer per schooljaar" or "de eerste twee lesweken";
- `{group.name:weeks}` / `{group.name:weeks_words}`: a value in days written as weeks (7 days: "1" / "één");
- `{group.name@2025-12-31}`: the value on a fixed day, for a text that must state a historic value
  ("tot en met 31 december 2025 gold deze meldplicht tot {melding.age_limit_18plus@2025-12-31} jaar");
- `{a.b+c.d}`: the sum of parameters ("samen maximaal {…hours_without_permission+…extra_hours_with_permission} uur").

Numbers that are not legal numbers (article numbers, phone numbers, the years of a date) stay literal.
`problems(text)` lists unknown parameters and malformed placeholders (used by the knowledge validation).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from num2words import num2words

from assistant.i18n.formatting import format_number
from assistant.knowledge.parameters import LegalParameters, ParameterSet, parameter_set, params

# Any brace group whose content starts like a parameter name: `{melding.age_limit_18plus}`, `{x.y@2025-12-31:words}`.
# Format placeholders of rule messages (`{max}`, `{date}`) have no dot and are left alone.
ANY_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[^{}]*)\}")
_NAME = r"[a-z_]+\.[a-z0-9_]+"
_PLACEHOLDER = re.compile(
    rf"^(?P<names>{_NAME}(?:\+{_NAME})*)(?:@(?P<day>\d{{4}}-\d{{2}}-\d{{2}}))?(?::(?P<spec>words|weeks|weeks_words))?$"
)
DAYS_PER_WEEK = 7


@dataclass(frozen=True)
class Placeholder:
    names: tuple[str, ...]
    day: dt.date | None
    spec: str | None
    source: str  # the text between the braces

    @property
    def key(self) -> str:
        """The placeholder without its format: what a translation must keep (it may choose digits or words)."""
        return "+".join(self.names) + (f"@{self.day.isoformat()}" if self.day else "")


class PlaceholderError(ValueError):
    """A malformed placeholder or one naming an unknown parameter."""


def parse(content: str) -> Placeholder:
    """The placeholder for the text between the braces; `PlaceholderError` when it is malformed."""
    match = _PLACEHOLDER.match(content)
    if match is None:
        raise PlaceholderError(f"malformed placeholder {{{content}}}")
    day = dt.date.fromisoformat(match["day"]) if match["day"] else None
    return Placeholder(tuple(match["names"].split("+")), day, match["spec"], content)


def placeholders(text: str) -> list[Placeholder]:
    """Every legal-number placeholder in `text`, in order; `PlaceholderError` on a malformed one."""
    return [parse(content) for content in ANY_PLACEHOLDER.findall(text)]


def placeholder_keys(text: str) -> set[str]:
    """The placeholders of `text` without their format (`{a.b:words}` and `{a.b}` are the same key)."""
    keys = set()
    for content in ANY_PLACEHOLDER.findall(text):
        try:
            keys.add(parse(content).key)
        except PlaceholderError:
            keys.add(content)
    return keys


def strip(text: str, replacement: str = "") -> str:
    """`text` without its placeholders (the literal text around them)."""
    return ANY_PLACEHOLDER.sub(replacement, text)


def _value(law: LegalParameters, name: str) -> int | float:
    group, member = name.split(".", 1)
    try:
        param = getattr(getattr(law, group), member)
    except AttributeError:
        raise PlaceholderError(f"unknown parameter {name}") from None
    value: int | float = param.value
    return value


def _words(value: int | float | Decimal, language: str) -> str:
    try:
        return str(num2words(value, lang=language))
    except NotImplementedError:  # a language num2words does not know: digits
        return format_number(value, language)


def value_of(placeholder: Placeholder, on: dt.date, *, parameters: ParameterSet | None = None) -> Decimal:
    """The number `placeholder` stands for on `on` (or on its own fixed day)."""
    day = placeholder.day or on
    law = parameters.on(day) if parameters is not None else params(on=day)
    total = sum((Decimal(str(_value(law, name))) for name in placeholder.names), Decimal(0))
    if placeholder.spec in ("weeks", "weeks_words"):
        total = total / DAYS_PER_WEEK
    return total.normalize() if total == total.to_integral_value() else total


def format_value(value: Decimal, spec: str | None, language: str) -> str:
    if spec in ("words", "weeks_words"):
        return _words(int(value) if value == value.to_integral_value() else value, language)
    return format_number(value, language)


def render(text: str, on: dt.date, language: str = "nl", *, parameters: ParameterSet | None = None) -> str:
    """`text` with every legal-number placeholder replaced by its value on `on`, written in `language`.

    Raises `LawNotKnown` for a day before the law the knowledge holds, `PlaceholderError` for an unknown parameter.
    """
    if "{" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        placeholder = parse(match[1])
        return format_value(value_of(placeholder, on, parameters=parameters), placeholder.spec, language)

    return ANY_PLACEHOLDER.sub(replace, text)


def problems(text: str, parameters: ParameterSet | None = None) -> list[str]:
    """What is wrong with the placeholders of `text`: malformed ones, unknown parameters, fixed days the law does not
    cover. Empty when every placeholder renders."""
    known = {name for name, _ in (parameters or parameter_set()).items()}
    found = []
    for content in ANY_PLACEHOLDER.findall(text):
        try:
            placeholder = parse(content)
        except PlaceholderError as error:
            found.append(str(error))
            continue
        found.extend(f"unknown parameter {{{name}}}" for name in placeholder.names if name not in known)
        if placeholder.day is not None and placeholder.day < (parameters or parameter_set()).known_from:
            found.append(f"{{{content}}}: the law is not known on {placeholder.day.isoformat()}")
    return found
