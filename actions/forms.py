"""What the validation actions of the forms need to know about the form they validate.

Rasa 3.6 calls a form's validation action with a tracker in which the form is already the active loop, also at
activation (`FormAction._activate_loop` adds `ActiveLoop(form)` before it validates). So "the active loop is not this
form" never says that the form starts now. What does: the `active_loop` event that activated the form comes after the
latest user message. At a later turn of the form, that event lies before the message being answered.
"""

from __future__ import annotations

from rasa_sdk import Tracker


def activating(tracker: Tracker, form: str) -> bool:
    """True while `form` is being activated by the latest user message (a new run of the form starts now)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "active_loop" and event.get("name") == form:
            return True
    return (tracker.active_loop or {}).get("name") != form
