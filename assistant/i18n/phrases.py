"""Configured words and phrases found in typed text, in every supported language, and two readings built on them.

- `word_pattern(words)`: a regex for any of a list of configured words ("vertrek*", "klopt niet") over text folded
  with `folded(text)` (case, accents, Arabic marks and digits folded as `assistant.dates.fold` does, punctuation as
  spaces). Used by the verlof form's corrections (`assistant.verlof_requests.interpret`).
- `is_question(text, language)`: the message asks something ("wat is luxe verzuim?", "hoeveel dagen mag ik weg",
  "czy to możliwe"), from the `questions` words in `assistant/locale/languages.yml`. Inside a form, a question
  leaves the form; any other text answers the form's question.
- `is_open_question(text, language)`: a clause of the message opens with a question word that asks for information
  ("Wanneer …", "Hallo, hoe …", "متى …"), not yes or no: such a question is never a request to start a form, and its
  answer does not open with "Ja." or "Nee." nor with a sentence that only says yes or no ("Nee, in principe niet.")
  (`without_yes_or_no`), from the `open` and `answers` words.
- `asked_points(text, language)`: the points of a topic the message asks for ("hoe lang van tevoren" a deadline,
  "krijg ik een boete" a consequence, "wat gebeurt er nadat" what comes next, "hoe vraag ik dat aan" the procedure,
  "wie beslist" who decides), from the `points` words; `assistant.knowledge.passages` answers them.
- `question_parts(text, language)`: the questions a message asks, each with the context sentences before it ("Is
  het verplicht vanaf 4 jaar, en is het waar dat elke dag 50 euro boete kost?" asks two; "Mijn man werkt in de
  horeca. Mag ik in oktober weg?" one), from the question marks, the `joins` words and the `particles` before a comma.
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
    joins: re.Pattern[str]
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
        joins=word_pattern(words("questions", "joins")),
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
_YES_OR_NO = re.compile(r"^\s*(\w+)\s*([.,،!]\s*)", re.UNICODE)
_SENTENCE = re.compile(r"[^.!]*[.!]+\s+(?=\S)")
# An opening sentence of a yes or no and at most this many words after it, none of them a number ("Nee, in principe
# niet.", "Ja, dat kan.", "No, that is not possible.", "Nie, co do zasady nie.") only says yes or no: an open question
# gets none of it. A longer sentence ("Ja, een kind van 5 jaar is leerplichtig.") says what holds and keeps its words.
ANSWER_SENTENCE_MAX_WORDS = 4


def is_open_question(text: str, language: str | None = None) -> bool:
    """Whether a clause of `text` opens with a question word that asks for information, not yes or no."""
    stripped = (text or "").strip()
    if not stripped or stripped.startswith("/"):
        return False
    pattern = _words(normalise_language(language)).open_start
    return any(pattern.match(folded(clause)[0].strip()) for clause in _CLAUSE.split(stripped) if clause.strip())


def without_yes_or_no(answer: str, language: str | None = None) -> str:
    """`answer` without its opening yes or no (the `answers` words): the answer to an open question says what holds,
    not yes or no. An opening sentence that only says yes or no ("Nee, in principe niet.", "Ja, dat kan.", "Ні, так не
    можна."; `ANSWER_SENTENCE_MAX_WORDS`) is left out when more follows; otherwise only the word goes ("Ja, een kind
    van 5 jaar is leerplichtig." becomes "Een kind van 5 jaar is leerplichtig."). What is left keeps its words; its
    first letter becomes a capital."""
    match = _YES_OR_NO.match(answer)
    if match is None or not _words(normalise_language(language)).answer_start.fullmatch(folded(match[1])[0].strip()):
        return answer
    sentence = _SENTENCE.match(answer)
    if sentence is not None and sentence.end() > match.end() and _starts_a_sentence(answer[sentence.end() :]):
        said = _WORD.findall(answer[match.end() : sentence.end()])
        if len(said) <= ANSWER_SENTENCE_MAX_WORDS and not any(char.isdigit() for word in said for char in word):
            match = sentence
    rest = answer[match.end() :]
    return rest[:1].upper() + rest[1:] if rest else answer


def _starts_a_sentence(text: str) -> bool:
    """Whether `text` starts as a sentence does: a capital or a letter without case ("bijv. voor" goes on)."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


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


# -- the questions of a message -------------------------------------------------------------------------------------

QUESTION_MIN_WORDS = 3  # a shorter question ("Wat", "En hoe lang?") belongs to the question before it
_SENTENCE_END = re.compile(r"[?؟？]+|[.!]+|\n+")
_ASKS = re.compile(r"[?؟？]\s*$")
_TOLD = re.compile(r"[.!]\s*$")
_EDGES = " \t\n,،;:"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class QuestionPart:
    """One question of a message, with the context sentences before it: its text and where it is in the message."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    asks: bool


def _sentence_ends(text: str) -> list[int]:
    """Where the sentences of `text` end: after a question mark or a line break always; after a full stop or an
    exclamation mark only before a capital or a letter without case ("o.a. voor", "art. 13a" go on)."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() :].lstrip()
        if match.group()[0] in ".!" and following:
            first = following[0]
            if not (first.isupper() or (first.isalpha() and first.lower() == first.upper())):
                continue
        ends.append(match.end())
    return ends


def _joins(text: str, words: _Words) -> list[tuple[int, int]]:
    """Inside one sentence, where a second question opens: (where the first ends, where the second begins). A `joins`
    phrase of several words opens its question after its conjunction; a question particle before a comma ends one."""
    folded_text, positions = folded(text)
    cuts = []
    for match in words.joins.finditer(folded_text):
        if match.start() == 0 or not folded_text[: match.start()].strip():
            continue
        phrase = match.group()
        space = re.search(r"\s+", phrase)
        begin = match.start() + space.end() if space else match.start()
        cuts.append((positions[match.start()], positions[begin]))
    for match in words.question_particle.finditer(folded_text):
        end = positions[match.end()]
        comma = re.match(r"\s*[,،]", text[end:])
        if comma and text[end + comma.end() :].strip():
            cuts.append((end, end + comma.end()))
    return sorted(set(cuts))


def _words_in(text: str) -> int:
    return len(_WORD.findall(text))


def _asks(text: str, language: str) -> bool:
    """Whether a piece of a message asks something: a question mark, or a clause that is a question, unless it ends
    as a statement ("Ik werk in de horeca, wat betekent dat ik niet weg kan.")."""
    if _ASKS.search(text):
        return True
    if _TOLD.search(text):
        return False
    return any(is_question(clause.strip(), language) for clause in _CLAUSE.split(text) if clause.strip())


def _pieces(text: str, language: str) -> list[_Piece]:
    words = _words(normalise_language(language))
    pieces = []
    start = 0
    for end in [*_sentence_ends(text), len(text)]:
        if end <= start:
            continue
        sentence = text[start:end]
        begin, opened = 0, False
        for first_end, second_start in _joins(sentence, words):
            if first_end > begin:
                piece = sentence[begin:first_end]
                pieces.append(_Piece(start + begin, start + first_end, opened or _asks(piece, language)))
            begin, opened = second_start, True
        rest = sentence[begin:]
        if rest.strip():
            pieces.append(_Piece(start + begin, end, opened or _asks(rest, language)))
        start = end
    return pieces


def question_parts(text: str, language: str | None = None) -> tuple[QuestionPart, ...]:
    """The questions `text` asks, in order, each with the context sentences before it (trailing context stays with
    the last question). One part, the whole text, when it asks one question (or none, or is a button payload). A
    question of fewer than QUESTION_MIN_WORDS words joins the question before it ("Wat en hoe moet ik melden?")."""
    text = text or ""
    stripped = text.strip()
    begin = text.find(stripped)
    whole = (QuestionPart(stripped, begin, begin + len(stripped)),) if stripped else ()
    if not stripped or stripped.startswith("/"):
        return whole
    groups: list[list[int]] = []  # per question: [start with its context, end, start of the question itself]
    context: int | None = None  # where the context sentences waiting for their question begin
    for piece in _pieces(text, normalise_language(language)):
        if not piece.asks:
            context = piece.start if context is None else context
            continue
        short = groups and (
            _words_in(text[piece.start : piece.end]) < QUESTION_MIN_WORDS
            or _words_in(text[groups[-1][2] : groups[-1][1]]) < QUESTION_MIN_WORDS
        )
        if short:
            groups[-1][1] = piece.end
        else:
            groups.append([piece.start if context is None else context, piece.end, piece.start])
        context = None
    if len(groups) < 2:
        return whole
    if context is not None:
        groups[-1][1] = len(text)
    parts = []
    for start, end, _question in groups:
        part = text[start:end].strip(_EDGES)
        offset = text.find(part, start)
        parts.append(QuestionPart(part, offset, offset + len(part)))
    return tuple(parts)
