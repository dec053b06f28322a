"""A Babel extractor for the Dutch texts in YAML: Rasa responses (`domain/*.yml`), answer topics
(`knowledge/topics/*.yml`), the texts in the rules files that users see (`knowledge/rules/*.yml`: the melding
channels and counting units, the verlof events' labels and guidance (also per degree of kinship) and the reasons that
do not count) and the names of the school holidays and public holidays (`knowledge/calendar/*.yml`, shown in the
verlof notes). Registered in `babel.cfg`; `make i18n-extract` runs it with the Python and template extractors.

The message ids are exactly the strings the code looks up at run time (`assistant.nlg`, `render_answer`): the
YAML value with surrounding whitespace stripped. Each message gets a comment saying where it is shown, which
`pybabel extract` writes into the template as `#.` lines for translators.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import yaml

Extracted = tuple[int, str | None, str, list[str]]


def _line_numbers(source: str) -> dict[str, int]:
    """The first line of each scalar value in the document (messages keep their line in the template)."""
    lines: dict[str, int] = {}

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode):
            lines.setdefault(str(node.value).strip(), node.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key)
                walk(value)

    root = yaml.compose(source, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root)
    return lines


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, str):
                yield item


def domain_messages(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(text, where) for every response text and button title in a Rasa domain file."""
    for name, variations in (data.get("responses") or {}).items():
        for variation in variations or []:
            if not isinstance(variation, dict):
                continue
            if isinstance(variation.get("text"), str):
                yield variation["text"], f"response {name}"
            for button in variation.get("buttons") or []:
                if isinstance(button, dict) and isinstance(button.get("title"), str):
                    yield button["title"], f"button in response {name}"


def topic_messages(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(text, where) for every text of an answer topic that a user sees (statements and keywords are not shown)."""
    topic = data.get("id", "?")
    if isinstance(data.get("title"), str):
        yield data["title"], f"topic {topic}: title (also a button)"
    answer = data.get("answer") or {}
    for field in ("short", "steps", "details"):
        for text in _texts(answer.get(field)):
            yield text, f"topic {topic}: {field}"
    for event, variant in (data.get("variants") or {}).items():
        for field in ("short", "steps", "details"):
            for text in _texts((variant or {}).get(field)):
                yield text, f"topic {topic}, event {event}: {field}"
    for audience, own in (data.get("audiences") or {}).items():
        for field in ("short", "steps", "details"):
            for text in _texts((own or {}).get(field)):
                yield text, f"topic {topic}, for {audience}: {field}"


_NOT_TEXT = ("status", "citations")


def rules_messages(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(text, where) for the texts of a rules file that the rules put into messages (`assistant.rules`)."""
    for section in ("channels", "counting"):  # melding.yml: {po: …, vo: …, mbo: …, status: …, citations: […]}
        for key, value in (data.get(section) or {}).items():
            if key not in _NOT_TEXT and isinstance(value, str):
                yield value, f"melding rules: {section} {key}"
    for name, event in (data.get("events") or {}).items():  # verlof.yml
        for field in ("label", "guidance", "abroad_guidance", "kin_abroad"):
            if isinstance((event or {}).get(field), str):
                yield event[field], f"verlof rules: event {name} {field}"
        for band in (event or {}).get("kin_days") or ():
            if isinstance((band or {}).get("text"), str):
                yield band["text"], f"verlof rules: event {name} guidance up to degree {band.get('up_to')}"
    for name, entry in (data.get("non_reasons") or {}).items():
        if isinstance((entry or {}).get("text"), str):
            yield entry["text"], f"verlof rules: not a reason: {name}"


def calendar_messages(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(name, where) for the holiday names of the calendar files (`assistant.calendar`): school holidays per school
    year (school-holidays.yml) and public holidays (public-holidays.yml)."""
    for year in data.get("school_years") or []:
        for holiday in (year or {}).get("holidays") or []:
            if isinstance((holiday or {}).get("name"), str):
                yield holiday["name"], f"calendar: school holiday {holiday.get('id', '?')}"
    if isinstance(data.get("dates"), dict):
        for holiday in data.get("holidays") or []:
            if isinstance((holiday or {}).get("name"), str):
                yield holiday["name"], f"calendar: public holiday {holiday.get('id', '?')}"


def messages_of(data: Any) -> Iterator[tuple[str, str]]:
    if not isinstance(data, dict):
        return
    if "responses" in data:
        yield from domain_messages(data)
    if "answer" in data and "id" in data:
        yield from topic_messages(data)
    if (
        isinstance(data.get("channels"), dict)
        or isinstance(data.get("events"), dict)
        or isinstance(data.get("non_reasons"), dict)
    ):
        yield from rules_messages(data)
    if isinstance(data.get("school_years"), list) or (
        isinstance(data.get("holidays"), list) and isinstance(data.get("dates"), dict)
    ):
        yield from calendar_messages(data)


def extract_yaml(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: dict[str, Any]
) -> Iterator[Extracted]:
    """Babel extraction method: yields (line, function name, message, comments)."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    data = yaml.safe_load(source)
    lines = _line_numbers(source)
    seen: set[str] = set()
    for text, where in messages_of(data):
        message = text.strip()
        if not message or message in seen:
            continue
        seen.add(message)
        yield lines.get(message, 1), None, message, [where]


def yaml_messages(paths: Iterable[Path]) -> dict[str, str]:
    """Every message the extractor finds in `paths`: message -> where (for tests and tools)."""
    found: dict[str, str] = {}
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for text, where in messages_of(yaml.safe_load(handle)):
                if text.strip():
                    found.setdefault(text.strip(), f"{path.name}: {where}")
    return found
