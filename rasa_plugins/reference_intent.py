"""An NLU component (runs inside Rasa, environment B): a message with a verlof reference (VL-…) asks about that request.

"Wat is de status van VL-7K2M9QXR4T?", "VL-7K2M9QXR4T", "what happened to my request VL-…": whatever the words and
the language, a parent who types the reference of a request wants to know where it stands, never to start a new
request. The classifier cannot learn the references themselves (every one is new), so this component sets the intent
`ask_verlof_status` whenever the text holds one; `action_verlof_status` then points to the status page. Button
payloads ("/intent") are left alone. The reference format is the one `assistant.verlof_requests.service` hands out.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

STATUS_INTENT = "ask_verlof_status"
REFERENCE = re.compile(r"(?<![A-Za-z0-9])VL-[2-9A-HJ-NP-Z]{10}(?![A-Za-z0-9])", re.IGNORECASE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class VerlofReferenceIntent(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "VerlofReferenceIntent":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/") or not REFERENCE.search(text):
                continue
            intent = {INTENT_NAME_KEY: STATUS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [
                item for item in message.get(INTENT_RANKING_KEY) or [] if item.get(INTENT_NAME_KEY) != STATUS_INTENT
            ]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
        return messages
