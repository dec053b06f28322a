"""An NLU component (runs inside Rasa, environment B): messages without a single known word are `nlu_fallback`.

DIET always picks some intent, and for an emoji, a row of question marks or keyboard mashing ("asdfgh") it can be
surprisingly confident. This component remembers the words of the training examples and, when a message contains
letters but none of those words (or no letters and no digits at all), sets the intent to `nlu_fallback` so the
assistant asks again and offers a person. Digits count as known: dates and numbers answer form questions.
Button payloads ("/intent") are left alone. The classifier's ranking is replaced by the fallback alone: its guesses
for words it never saw mean nothing, and the fallback action must not offer them as topics.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

FALLBACK_INTENT = "nlu_fallback"
VOCABULARY_FILE = "vocabulary.json"
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_DIGIT = re.compile(r"\d")


def words(text: str) -> Set[str]:
    """Lowercased words of two or more letters, accents removed (so "vakantie" and "vakántie" match)."""
    folded = "".join(char for char in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(char))
    return set(_WORD.findall(folded))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsFallback(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: Optional[Set[str]] = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary or set()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "UnknownWordsFallback":
        return cls(model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "UnknownWordsFallback":
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = set(json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8")))
        except (ValueError, FileNotFoundError):
            vocabulary = set()
        return cls(model_storage, resource, vocabulary)

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary: Set[str] = set()
        for example in training_data.training_examples:
            vocabulary |= words(example.get(TEXT) or "")
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(vocabulary)), encoding="utf-8")
        self.vocabulary = vocabulary
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not self.vocabulary or text.startswith("/"):
                continue
            found = words(text)
            if found & self.vocabulary or (not found and _DIGIT.search(text)):
                continue
            confidence = (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY, 0.0)
            fallback = {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: max(confidence, 0.5)}
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [fallback], add_to_output=True)
        return messages
