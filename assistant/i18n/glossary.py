"""The glossary of Dutch legal terms (`assistant/locale/glossary.yml`) and the check that translations keep them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from assistant.i18n.languages import LOCALE_DIR

GLOSSARY_FILE = LOCALE_DIR / "glossary.yml"


@dataclass(frozen=True)
class Term:
    term: str
    forms: tuple[str, ...]
    check: bool = True
    translations: dict[str, str] = field(default_factory=dict)

    def pattern(self) -> re.Pattern[str]:
        """Any form at the start of a word; acronyms (ISK, BSN) only in capitals, other forms in any case."""
        parts = [re.escape(form) if form.isupper() else f"(?i:{re.escape(form)})" for form in self.forms]
        return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})")

    def occurs_in(self, text: str) -> bool:
        return bool(self.pattern().search(text))


@lru_cache
def load_glossary() -> tuple[Term, ...]:
    with GLOSSARY_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    terms = []
    for entry in data["terms"]:
        translations = {key: str(value) for key, value in entry.items() if key not in ("term", "forms", "check")}
        terms.append(
            Term(
                term=entry["term"],
                forms=tuple(entry["forms"]),
                check=entry.get("check", True),
                translations=translations,
            )
        )
    return tuple(terms)


def missing_dutch_terms(source: str, translation: str) -> list[str]:
    """The checked glossary terms in the Dutch `source` whose Dutch word the `translation` leaves out."""
    return [
        term.term
        for term in load_glossary()
        if term.check and term.occurs_in(source) and not term.occurs_in(translation)
    ]


@lru_cache
def dutch_term_pattern() -> re.Pattern[str]:
    """Matches every glossary form (and what follows it in the word), for removal before language detection."""
    parts = [re.escape(form) for term in load_glossary() for form in term.forms]
    return re.compile(rf"(?<!\w)(?:{'|'.join(sorted(parts, key=len, reverse=True))})\w*", re.IGNORECASE)
