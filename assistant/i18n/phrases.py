"""Configured words and phrases found in typed text, in every supported language, and two readings built on them.

- `word_pattern(words)`: a regex for any of a list of configured words ("vertrek*", "klopt niet") over text folded
  with `folded(text)` (case, accents, Arabic marks and digits folded as `assistant.dates.fold` does, punctuation as
  spaces). Used by the verlof form's corrections (`assistant.verlof_requests.interpret`).
- `is_question(text, language)`: the message asks something ("wat is luxe verzuim?", "hoeveel dagen mag ik weg",
  "czy to możliwe"), from the `questions` words in `assistant/locale/languages.yml`. Inside a form, a question
  leaves the form; any other text answers the form's question.
- `is_open_question(text, language)`: a clause of the message opens with a question word that asks for information
  ("Wanneer …", "Hallo, hoe …", "متى …"), not yes or no: such a question is never a request to start a form, and its
  answer does not open with "Ja." or "Nee." (`without_yes_or_no`), from the `open` and `answers` words.
- `asked_points(text, language)`: the points of a topic the message asks for ("hoe lang van tevoren" a deadline,
  "krijg ik een boete" a consequence, "wat gebeurt er nadat" what comes next, "hoe vraag ik dat aan" the procedure,
  "wie beslist" who decides), from the `points` words; `assistant.knowledge.passages` answers them.
- `asks_about_the_assistant(text, language)`: the message asks whether it is talking to a person or a computer
  ("Ben ik nu met een robot aan het praten?", "is this a bot", "هل أنت إنسان؟"), from the `disclosure` words. The
  answer must say that the assistant is a computer (AI Act art. 50), however the classifier read the message.

The words of the message's language and of Dutch count (people mix in Dutch words); nothing here lists a language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.folding import fold_with_positions, word_char
from assistant.i18n import SOURCE_LANGUAGE, normalise_language
from assistant.i18n.languages import POINT_KINDS, load_languages

QUESTION_MARKS = ("?", "؟", "？")


def folded(text: str) -> tuple[str, list[int]]:
    """The folded text (punctuation as spaces) and, for each of its characters (and the end), the index in `text`."""
    return fold_with_positions(text, word_char)


def _phrase(word: str) -> str:
    """A regex for one configured word or phrase: folded, spaces match any white space; a trailing * lets a word go
    on ("vertrek*": "vertrekdatum"), a leading * lets it start earlier."""
    parts = []
    for piece in word.split():
        core = "".join(word_char(char) for char in piece.strip("*")).strip()
        if not core:
            continue
        escaped = r"\s+".join(re.escape(bit) for bit in core.split())
        parts.append((r"\w*" if piece.startswith("*") else "") + escaped + (r"\w*" if piece.endswith("*") else ""))
    return r"\s+".join(parts)


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words` as whole words in folded text, longest first (never matches when there are none)."""
    alternatives = [_phrase(word) for word in sorted(set(words), key=len, reverse=True)]
    alternatives = [alternative for alternative in alternatives if alternative]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)" if alternatives else r"(?!)")


def _languages(language: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys((normalise_language(language), SOURCE_LANGUAGE)))


@dataclass(frozen=True)
class _Words:
    question_start: re.Pattern[str]
    question_particle: re.Pattern[str]
    open_start: re.Pattern[str]
    answer_start: re.Pattern[str]
    asks: re.Pattern[str]
    beings: re.Pattern[str]
    alone: re.Pattern[str]
    points: dict[str, re.Pattern[str]]


@lru_cache
def _words(language: str) -> _Words:
    config = load_languages()
    entries = [config.get(code) for code in _languages(language)]

    def words(section: str, key: str) -> list[str]:
        return [word for entry in entries if entry for word in getattr(entry, section).get(key) or ()]

    return _Words(
        question_start=word_pattern(words("questions", "start")),
        question_particle=word_pattern(words("questions", "particles")),
        open_start=word_pattern(words("questions", "open")),
        answer_start=word_pattern(words("questions", "answers")),
        asks=word_pattern(words("disclosure", "asks")),
        beings=word_pattern(words("disclosure", "beings")),
        alone=word_pattern(words("disclosure", "alone")),
        points={kind: word_pattern(words("points", kind)) for kind in POINT_KINDS},
    )


def is_question(text: str, language: str | None = None) -> bool:
    """Whether `text` asks something: a question mark, a question word at the start, or a question particle."""
    stripped = (text or "").strip()
    if not stripped or stripped.startswith("/"):
        return False
    if stripped.endswith(QUESTION_MARKS):
        return True
    words = _words(normalise_language(language))
    text_folded = folded(stripped)[0].strip()
    return bool(words.question_start.match(text_folded) or words.question_particle.search(text_folded))


_CLAUSE = re.compile(r"[.,;:!?؟？\n]+")
_YES_OR_NO = re.compile(r"^\s*(\w+)\s*([.,!]\s*)", re.UNICODE)


def is_open_question(text: str, language: str | None = None) -> bool:
    """Whether a clause of `text` opens with a question word that asks for information, not yes or no."""
    stripped = (text or "").strip()
    if not stripped or stripped.startswith("/"):
        return False
    pattern = _words(normalise_language(language)).open_start
    return any(pattern.match(folded(clause)[0].strip()) for clause in _CLAUSE.split(stripped) if clause.strip())


def without_yes_or_no(answer: str, language: str | None = None) -> str:
    """`answer` without an opening "Ja." / "Nee, …" / "Yes." (the `answers` words): the answer to an open question
    says what holds, not yes or no. Whatever follows keeps its words; its first letter becomes a capital."""
    match = _YES_OR_NO.match(answer)
    if match is None or not _words(normalise_language(language)).answer_start.fullmatch(folded(match[1])[0].strip()):
        return answer
    rest = answer[match.end() :]
    return rest[:1].upper() + rest[1:] if rest else answer


def asks_about_the_assistant(text: str, language: str | None = None) -> bool:
    """Whether `text` asks if the user is talking to a person or a computer (never for a button payload)."""
    stripped = (text or "").strip()
    if not stripped or stripped.startswith("/"):
        return False
    words = _words(normalise_language(language))
    text_folded = folded(stripped)[0]
    if words.alone.search(text_folded):
        return True
    return bool(words.asks.search(text_folded) and words.beings.search(text_folded))


def asked_points(text: str, language: str | None = None) -> frozenset[str]:
    """The kinds of point (`POINT_KINDS`) that `text` asks for; none for a button payload."""
    stripped = (text or "").strip()
    if not stripped or stripped.startswith("/"):
        return frozenset()
    text_folded = folded(stripped)[0]
    patterns = _words(normalise_language(language)).points
    return frozenset(kind for kind, pattern in patterns.items() if pattern.search(text_folded))
