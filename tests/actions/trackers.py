"""A tracker holding one new message with the classifier's ranking, as Rasa hands it to an action (shared by the
action tests that run the real answer actions)."""

from __future__ import annotations

from rasa_sdk import Tracker


def message_tracker(
    text: str, ranking: list[tuple[str, float]], language: str = "nl", form: str | None = None, sender: str = "test"
) -> Tracker:
    """`text` just received, the first intent of `ranking` picked, no slots set, `form` active when given."""
    intent, confidence = ranking[0]
    return Tracker(
        sender_id=sender,
        slots={"topic": None, "gebeurtenis": None},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": name, "confidence": value} for name, value in ranking],
            "entities": [],
            "metadata": {"language": language},
        },
        events=[{"event": "action", "name": "action_listen"}],
        paused=False,
        followup_action=None,
        active_loop={"name": form} if form else {},
        latest_action_name="action_listen",
    )
