"""Which language to answer in: the API's choice, an explicit request in the text, or the language of the text.

`choose_language` is a pure function of the message text, the requested language (API field or picker) and the
conversation's current language. The detector (lingua, restricted to the languages in `languages.yml`, both
supported and recognised-but-unsupported ones) is built once, on first use.

Thresholds (tested in tests/i18n/test_detect.py):
- Latin script: at least `MIN_WORDS` words and `MIN_LETTERS` letters, and the top language at least
  `SWITCH_CONFIDENCE` (supported) or `UNSUPPORTED_CONFIDENCE` (unsupported). A message of fewer than
  `SHORT_MESSAGE_WORDS` words needs `SHORT_SWITCH_CONFIDENCE`: the detector is weak on a few words ("Is dit een
  chatbot?" scores 0.85 English), so a short message keeps the page's or the conversation's language unless it is
  unmistakable ("Oğlum hasta, ne yapmalıyım?"). A message that is only capitalised words ("Fatima Yilmaz", "Ahmed
  Al Hassan") is a name, not a language.
- Arabic or Cyrillic script: at least `MIN_LETTERS_OTHER_SCRIPT` letters (the script alone says a lot); an
  unsupported language also needs two words.
- While the conversation's current language still scores `KEEP_CONFIDENCE` or more, it is kept.
- Dutch legal terms from the glossary are removed first: an English question about "vrijstelling" stays English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.i18n import _, translate
from assistant.i18n.glossary import dutch_term_pattern
from assistant.i18n.languages import Language, load_languages

if TYPE_CHECKING:
    from lingua import LanguageDetector

MIN_WORDS = 3
MIN_LETTERS = 12
MIN_LETTERS_OTHER_SCRIPT = 3
SWITCH_CONFIDENCE = 0.8
SHORT_MESSAGE_WORDS = 5
SHORT_SWITCH_CONFIDENCE = 0.95
UNSUPPORTED_CONFIDENCE = 0.9
OTHER_SCRIPT_CONFIDENCE = 0.6
KEEP_CONFIDENCE = 0.2
MAX_SWITCH_WORDS = 7  # "could you please answer in English" still counts; a long question never does

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\[[^\]\n]{1,40}\]")

# Words that ask for something: with one of these, a message of up to MAX_SWITCH_WORDS words that names a language
# is a request to switch ("can you speak english", "wij spreken Arabisch"). Exact words, casefolded.
_REQUEST_WORDS = frozenset(
    """
    please pls plz speak talk switch change answer reply write respond
    graag alstublieft alsjeblieft aub spreek spreken praat praten antwoord antwoorden schrijf liever
    lütfen konuş konuşun konuşabilir konuşur yazın yaz cevap
    proszę prosze mów mówić mowic pisz piszcie odpowiedz odpowiadaj
    будь ласка говоріть говорити розмовляйте розмовляти пишіть відповідайте пожалуйста
    فضلك سمحت تكلم تكلمي تحدث تحدثي اكتب أجب رجاء رجاءً
    bitte sprechen parlez
""".split()
)
# Words that may stand beside a language name without changing its meaning ("in het Nederlands", "po polsku").
_FILLER_WORDS = _REQUEST_WORDS | frozenset(
    """
    in the a an language can could you do het de een taal kan kunt u je jij wil wilt op
    dil dilinde dili olarak misiniz musunuz musun mısınız bir
    po w języku jezyku możesz mozesz
    мовою мова будь можна ви
    باللغة اللغة لغة من لو ممكن
    auf en na
""".split()
)
_NEGATIONS = frozenset(
    """
    geen niet not no don't dont cannot can't doesn't nie не ні لا ما لست değil yok bilmiyorum konuşamıyorum
    anlamıyorum konuşmuyorum nicht kein
""".split()
)

UNSUPPORTED_REPLY = _(
    "Sorry, deze taal spreek ik (nog) niet. U kunt kiezen uit: {languages}. Typ uw vraag in een van deze talen of "
    "kies een taal bovenaan de pagina."
)
SWITCH_CONFIRMATION = _("Goed, vanaf nu antwoord ik in het Nederlands. Waar kan ik u mee helpen?")


@dataclass(frozen=True)
class LanguageChoice:
    """The outcome of `choose_language`.

    language     the supported language to answer in (never an unsupported one)
    switched     `language` differs from the conversation's language before this message (Dutch when it had none)
    unsupported  the code of an unsupported language the user asked for or wrote in ("de", "ru", "ti" ...), else None;
                 `language` then stays the conversation's language and the gateway answers with
                 `unsupported_language_reply()` instead of asking Rasa
    explicit     the user chose the language (API field, language picker or a request such as "English please");
                 an explicit message is a request, not a question: the gateway may confirm it and skip Rasa
    """

    language: str
    switched: bool
    unsupported: str | None = None
    explicit: bool = False


def _code(value: str) -> str:
    return value.strip().lower().replace("_", "-").split("-")[0]


def _words(text: str) -> list[str]:
    return _WORD.findall(_NOISE.sub(" ", text))


def _script(char: str) -> str:
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF:
        return "ethiopic"
    if "LATIN" in unicodedata.name(char, ""):
        return "latin"
    return "other"


def _dominant_script(words: list[str]) -> tuple[str, int]:
    counts: dict[str, int] = {}
    for word in words:
        for char in word:
            if char.isalpha():
                script = _script(char)
                counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "none", 0
    script = max(counts, key=lambda key: counts[key])
    return script, sum(counts.values())


def _all_languages() -> tuple[Language, ...]:
    config = load_languages()
    return (*config.supported, *config.unsupported)


@lru_cache(maxsize=1)
def get_detector() -> LanguageDetector:
    """The lingua detector over every language in `languages.yml` that lingua knows (built once).

    Low-accuracy mode (trigram models only) keeps it at about 25 MB instead of about 400 MB; the word and letter
    thresholds above keep it away from the very short texts where that mode is weak.
    """
    from lingua import Language as LinguaLanguage
    from lingua import LanguageDetectorBuilder

    languages = [getattr(LinguaLanguage, lang.lingua) for lang in _all_languages() if lang.lingua]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def warm_up() -> None:
    """Build the detector and load its models now (call at start-up, off the request path)."""
    get_detector().compute_language_confidence_values("Goedendag, ik heb een vraag over school.")


def _confidences(text: str) -> dict[str, float]:
    by_lingua = {lang.lingua: lang.code for lang in _all_languages() if lang.lingua}
    return {
        by_lingua[value.language.name]: value.value
        for value in get_detector().compute_language_confidence_values(text)
        if value.language.name in by_lingua
    }


def _is_name(words: list[str]) -> bool:
    return len(words) <= 5 and all(word[:1].isupper() for word in words)


# Letters only Ukrainian writes among the Cyrillic languages, and letters Ukrainian never writes (Russian, Belarusian):
# the detector, trained on whole texts, can score a short Ukrainian question as Russian ("З якого віку і до якого
# дитина мусить ходити до школи?": 0.6 Russian), but "і" and "ї" settle it.
_UKRAINIAN_ONLY = frozenset("іїєґ")
_NOT_UKRAINIAN = frozenset("ыэъёў")


def _ukrainian_letters(words: list[str]) -> bool:
    letters = {char for word in words for char in word.casefold()}
    return bool(letters & _UKRAINIAN_ONLY) and not letters & _NOT_UKRAINIAN


def detect(text: str, current: str | None = None) -> tuple[str, float] | None:
    """The language `text` is clearly written in (supported or not) with its confidence, or None when the text is
    too short, ambiguous, a name, or still fits `current`. Dutch legal terms (the glossary) do not count: people
    use them in every language ("Is vrijstelling 5a possible?")."""
    words = _words(dutch_term_pattern().sub(" ", text))
    script, letters = _dominant_script(words)
    config = load_languages()
    if script == "ethiopic" and letters >= MIN_LETTERS_OTHER_SCRIPT:
        ethiopic = next((lang for lang in _all_languages() if lang.script == "ethiopic"), None)
        return (ethiopic.code, 1.0) if ethiopic else None
    if script in ("arabic", "cyrillic"):
        if letters < MIN_LETTERS_OTHER_SCRIPT:
            return None
        if script == "cyrillic" and _ukrainian_letters(words):
            return ("uk", 1.0)
        min_supported, min_unsupported = OTHER_SCRIPT_CONFIDENCE, UNSUPPORTED_CONFIDENCE
        if len(words) < 2:
            min_unsupported = 2.0  # one word in Arabic script could be Persian or Arabic: never "unsupported"
    elif script == "latin":
        if len(words) < MIN_WORDS or letters < MIN_LETTERS or _is_name(words):
            return None
        min_supported, min_unsupported = SWITCH_CONFIDENCE, UNSUPPORTED_CONFIDENCE
        if len(words) < SHORT_MESSAGE_WORDS:
            min_supported = min_unsupported = SHORT_SWITCH_CONFIDENCE
    else:
        return None
    confidences = _confidences(" ".join(words))
    if not confidences:
        return None
    if current and confidences.get(current, 0.0) >= KEEP_CONFIDENCE:
        return None
    code = max(confidences, key=lambda key: confidences[key])
    confidence = confidences[code]
    needed = min_supported if code in config.codes else min_unsupported
    return (code, confidence) if confidence >= needed else None


def explicit_request(text: str) -> str | None:
    """The code of the language a short message asks for ("English please", "po polsku", "بالعربية",
    "in het Nederlands graag", "Deutsch bitte" -> "de"), or None. A negation ("I don't speak Dutch") is no request."""
    words = [word.casefold() for word in _words(text)]
    if not words or len(words) > MAX_SWITCH_WORDS:
        return None
    if any(word in _NEGATIONS for word in words):
        return None
    named: set[str] = set()
    naming_words: set[int] = set()
    for language in _all_languages():
        for alias in language.aliases:
            parts = alias.split()
            for index in range(len(words) - len(parts) + 1):
                window = words[index : index + len(parts)]
                if window[:-1] == parts[:-1] and window[-1].startswith(parts[-1]):
                    named.add(language.code)
                    naming_words.update(range(index, index + len(parts)))
    if len(named) != 1:
        return None
    others = [word for index, word in enumerate(words) if index not in naming_words]
    if all(word in _FILLER_WORDS for word in others) or any(word in _REQUEST_WORDS for word in others):
        return named.pop()
    return None


def choose_language(text: str, requested: str | None, current: str | None) -> LanguageChoice:
    """The language to answer `text` in.

    text       the user's message (redacted or not; URLs, e-mail addresses and [PLACEHOLDERS] are ignored)
    requested  the chat API's `language` field or the picker's choice; when given it wins over everything
    current    the conversation's language so far (None for a new conversation: Dutch is assumed)

    Order: `requested`; an explicit request in the text; the detected language of the text when it is long and
    clear enough; otherwise the current language. Short or ambiguous messages ("ok", "10", "13-3", a date, emoji, a
    name) keep the current language. A request for, or a message clearly in, an unsupported language keeps the
    current language and sets `unsupported` (answer with `unsupported_language_reply()`).
    """
    config = load_languages()
    base = _code(current) if current and _code(current) in config.codes else config.source
    if requested and requested.strip():
        code = _code(requested)
        if code in config.codes:
            return LanguageChoice(code, switched=code != base, explicit=True)
        return LanguageChoice(base, switched=False, unsupported=code, explicit=True)
    asked = explicit_request(text)
    if asked is not None:
        if asked in config.codes:
            return LanguageChoice(asked, switched=asked != base, explicit=True)
        return LanguageChoice(base, switched=False, unsupported=asked, explicit=True)
    detected = detect(text, base)
    if detected is None:
        return LanguageChoice(base, switched=False)
    code = detected[0]
    if code in config.codes:
        return LanguageChoice(code, switched=code != base)
    return LanguageChoice(base, switched=False, unsupported=code)


def unsupported_language_reply() -> str:
    """The answer to a message in an unsupported language: in Dutch and in English, listing the supported
    languages by their own names ("Nederlands, English, العربية, …")."""
    config = load_languages()
    names = ", ".join(language.name for language in config.supported)
    english = ", ".join(
        language.name if language.name == language.english else f"{language.name} ({language.english})"
        for language in config.supported
    )
    return "\n\n".join(
        [
            translate(UNSUPPORTED_REPLY, config.source, languages=names),
            translate(UNSUPPORTED_REPLY, "en", languages=english),
        ]
    )


def switch_confirmation(language: str) -> str:
    """The reply to a message that only asked for another language ("English please"), in that language."""
    return translate(SWITCH_CONFIRMATION, language)
