"""The words on a button, for a stored button payload: "/affirm" -> "Ja", '/inform{"verlof_kind": "vakantie"}' ->
"Vakantie buiten de schoolvakanties (door het werk van een ouder)", "/ask_ziekte" -> the topic's title.

The chat stores what the client sent, and for a button that is its payload. People reading a transcript (the
officer's case page) see the button's Dutch title instead. The titles come from where the buttons are made: the
responses in domain/*.yml, the answer topics (`/ask_<topic>`), and the buttons the actions build; a payload nobody
knows is shown as it is.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from assistant.i18n import _

PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$", re.DOTALL)

# Buttons the actions build (their titles are Dutch source texts there too), by intent and entity.
ACTION_BUTTONS = {
    "/affirm": _("Ja"),
    "/deny": _("Nee"),
    "/request_human": _("Met een medewerker praten"),
    "/stop_form": _("Stoppen"),
    "/check_melding": _("Nog een leerling controleren"),
}


def _key(payload: str) -> str:
    """A payload in one spelling: the intent and its entities sorted (whitespace in the JSON does not matter)."""
    match = PAYLOAD.match(payload.strip())
    if not match:
        return payload.strip()
    try:
        entities = json.loads(match.group(2)) if match.group(2) else {}
    except ValueError:
        return payload.strip()
    if not isinstance(entities, dict) or not entities:
        return f"/{match.group(1)}"
    return f"/{match.group(1)}{json.dumps(entities, sort_keys=True, ensure_ascii=False)}"


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    from assistant.nlg import load_responses
    from assistant.verlof_requests import form_texts

    titles: dict[str, str] = {}
    for variations in load_responses().values():
        for variation in variations:
            for button in variation.get("buttons") or []:
                if isinstance(button, dict) and button.get("payload") and button.get("title"):
                    titles.setdefault(_key(str(button["payload"])), str(button["title"]))
    fields = {
        "date": form_texts.BUTTON_DATES,
        "child_name": form_texts.BUTTON_CHILD,
        "school": form_texts.BUTTON_SCHOOL,
        "reason": form_texts.BUTTON_REASON,
        "email": form_texts.BUTTON_EMAIL,
    }
    for field, title in fields.items():
        titles[_key(f'/verlof_correction{{"verlof_field": "{field}"}}')] = title
    titles.update(ACTION_BUTTONS)  # the general meaning: a "yes" button has several titles in the domain
    return titles


def _topic_title(intent: str) -> str | None:
    from assistant.knowledge import get_knowledge_base
    from assistant.knowledge.ids import topic_id_for_intent

    topic_id = topic_id_for_intent(intent)
    try:
        kb = get_knowledge_base()
    except Exception:  # the knowledge base not loading must not break a transcript
        return None
    return kb.topic(topic_id).title if topic_id and kb.has_topic(topic_id) else None


def button_title(text: str) -> str | None:
    """The (Dutch) title of the button whose payload `text` is; None when `text` is no payload."""
    match = PAYLOAD.match((text or "").strip())
    if not match:
        return None
    key = _key(text)
    if key in _titles():
        return _titles()[key]
    if not match.group(2):
        return _topic_title(match.group(1))
    return None
