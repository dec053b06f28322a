"""An NLU component (runs inside Rasa, environment B): a "when / where / how / which" question is a question about the
rules, never a request to start a form.

"Wanneer kunt u verlof aanvragen?", "Waar kan ik verlof aanvragen?", "Hoe vraag ik verlof aan?": the words "verlof
aanvragen" pull the classifier towards `request_verlof`, which starts the request form, while the asker wants to know
the rule (when leave is possible, where to ask, how). A question that opens with an interrogative word asks for
information; "ik wil verlof aanvragen" and the yes/no question "kan ik hier verlof aanvragen?" stay requests. For such a
question this component replaces a form-starting intent by the classifier's best topic question (`ask_<topic>`) in its
ranking, so the topic is answered (and the answer offers the form); when the ranking holds no topic question the
message becomes `nlu_fallback` and the retrieval decides. The same holds when the classifier was unsure
(`nlu_fallback`) and its best guess was the form: the question is about leave, and its best topic question answers it
better than a menu. Button payloads ("/intent") are left alone.

A request-like question about an event ("Kan ik verlof aanvragen voor de bruiloft van mijn zus?": the event entity,
and no phrase that asks to file the request here) also asks about the rule, and gets its topic.

The other way round, a message that asks to file a leave request here ("Ik wil verlof aanvragen voor mijn dochter, de
bruiloft van haar tante is op vrijdag 14 juni"; the `apply` phrases of languages.yml) and that the classifier read as
one of the leave topics (`leave_topics`) starts the request form, unless it opens with a question word: the event and
the date it names pull the classifier to the topic, while the asker wants to apply.

The question words of every supported language count (an interrogative of one language is no everyday word of
another, so one set serves all); they are read from assistant/locale/languages.yml, where the assistant reads them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Text

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

FALLBACK_INTENT = "nlu_fallback"
TOPIC_PREFIX = "ask_"
# The question words that ask for information, per language: `questions.open` in assistant/locale/languages.yml (the
# list the assistant reads too, `assistant.i18n.phrases.is_open_question`).
LANGUAGES_FILE = Path(__file__).resolve().parent.parent / "assistant" / "locale" / "languages.yml"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CLAUSE = re.compile(r"[.,;:!?؟\n]+")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=1)
def _apply_phrases() -> tuple[str, ...]:
    """Every language's phrases that ask to file a request, folded words joined by one space ("^" kept in front)."""
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    phrases = set()
    for entry in data.get("supported", []):
        for phrase in (entry.get("questions") or {}).get("apply") or []:
            anchored = phrase.startswith("^")
            words = " ".join(_fold(word) for word in _WORD.findall(phrase.lstrip("^")))
            phrases.add(("^" if anchored else "") + words)
    return tuple(sorted(phrases))


def asks_to_apply(text: str) -> bool:
    """True when `text` holds an `apply` phrase ("ik wil verlof aanvragen", "voor mij invullen")."""
    words = " " + " ".join(_fold(word) for word in _WORD.findall(text)) + " "
    for phrase in _apply_phrases():
        if phrase.startswith("^"):
            if words.startswith(" " + phrase[1:] + " "):
                return True
        elif " " + phrase + " " in words:
            return True
    return False


@lru_cache(maxsize=1)
def _open_words() -> tuple[tuple[str, ...], ...]:
    """Every language's open question words and phrases, folded, each as its words ("voor wie" -> ("voor", "wie"));
    a trailing * lets the last word go on ("welk*": "welke")."""
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    entries = data.get("supported", [])
    words = {
        tuple(_fold(part) for part in phrase.split())
        for entry in entries
        for phrase in ((entry.get("questions") or {}).get("open") or [])
    }
    return tuple(sorted(words))


def _opens(words: list[str], phrase: tuple[str, ...]) -> bool:
    if len(words) < len(phrase):
        return False
    head, last = phrase[:-1], phrase[-1]
    if tuple(words[: len(head)]) != head:
        return False
    word = words[len(head)]
    return word.startswith(last[:-1]) if last.endswith("*") else word == last


def is_information_question(text: str) -> bool:
    """True when a clause of `text` opens with an open question word ("Wanneer …", "Hallo, hoe …", "متى …")."""
    for clause in _CLAUSE.split(text):
        words = [_fold(word) for word in _WORD.findall(clause)]
        if words and any(_opens(words, phrase) for phrase in _open_words()):
            return True
    return False


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionIsNoRequest(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # `not_topics`: intents named ask_… that ask no topic question (a follow-up, a request's status)
        return {
            "form_intents": ["request_verlof"],
            "not_topics": ["ask_followup", "ask_verlof_status"],
            "leave_topics": ["ask_verlof_vakantie", "ask_verlof_gewichtige_omstandigheden"],
            "event_entity": "gebeurtenis",
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.form_intents = frozenset(config.get("form_intents") or ())
        self.not_topics = frozenset(config.get("not_topics") or ())
        self.leave_topics = frozenset(config.get("leave_topics") or ())
        self.event_entity = config.get("event_entity")
        self.form_intent = sorted(self.form_intents)[0] if self.form_intents else None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "QuestionIsNoRequest":
        return cls(config)

    def _applies(self, message: Message, text: str) -> bool:
        """A leave topic picked for a message that asks to file the request here, without opening with a question."""
        picked = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        return (
            self.form_intent is not None
            and picked in self.leave_topics
            and asks_to_apply(text)
            and not is_information_question(text)
        )

    def _asks_about_an_event(self, message: Message, text: str) -> bool:
        """An event named without asking to file the request here ("Kan ik verlof aanvragen voor de bruiloft van mijn
        zus?" asks whether leave is possible for it; "Kan ik hier verlof aanvragen?" names none and stays a request)."""
        named = any(entity.get(ENTITY_ATTRIBUTE_TYPE) == self.event_entity for entity in message.get(ENTITIES) or [])
        return named and not asks_to_apply(text)

    def _start_form(self, message: Message) -> None:
        """The form intent first, with the confidence the classifier gave the leave topic; the rest keeps its order."""
        intent = message.get(INTENT) or {}
        chosen = {INTENT_NAME_KEY: self.form_intent, PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY)}
        ranking = [
            item for item in message.get(INTENT_RANKING_KEY) or [] if item.get(INTENT_NAME_KEY) not in self.form_intents
        ]
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(chosen), *ranking], add_to_output=True)

    def _asks_form(self, message: Message) -> bool:
        """The classifier's pick, or its best guess behind an unsure `nlu_fallback`, is a form-starting intent."""
        ranking = message.get(INTENT_RANKING_KEY) or []
        picked = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if picked == FALLBACK_INTENT:
            picked = next((item.get(INTENT_NAME_KEY) for item in ranking if item.get(INTENT_NAME_KEY) != picked), None)
        return picked in self.form_intents

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = message.get(INTENT) or {}
            if text.startswith("/"):
                continue
            if self._applies(message, text):
                self._start_form(message)
                continue
            if not self._asks_form(message) or not (
                is_information_question(text) or self._asks_about_an_event(message, text)
            ):
                continue
            ranking = [
                item
                for item in message.get(INTENT_RANKING_KEY) or []
                if item.get(INTENT_NAME_KEY) not in self.form_intents
            ]
            topic = next(
                (
                    item
                    for item in ranking
                    if str(item.get(INTENT_NAME_KEY)).startswith(TOPIC_PREFIX)
                    and item.get(INTENT_NAME_KEY) not in self.not_topics
                ),
                None,
            )
            chosen = topic or {
                INTENT_NAME_KEY: FALLBACK_INTENT,
                PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY),
            }
            message.set(INTENT, dict(chosen), add_to_output=True)
            message.set(
                INTENT_RANKING_KEY, [dict(chosen), *[item for item in ranking if item is not topic]], add_to_output=True
            )
        return messages
