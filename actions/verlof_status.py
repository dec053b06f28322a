"""A parent asks where a verlof request stands ("wat is de status van VL-…?"): point to the status page.

The chat never shows the decision itself: the status page asks for the reference and the e-mail address given with
the request (the second factor), so nobody who only knows a reference sees the request. The reference found in the
message is repeated, so the parent can copy it.
"""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.i18n import Localiser, _, language_of_message
from assistant.verlof_requests.form import status_page_url

REFERENCE = re.compile(r"(?<![A-Za-z0-9])VL-[2-9A-HJ-NP-Z]{10}(?![A-Za-z0-9])", re.IGNORECASE)

STATUS_WITH_REFERENCE = _(
    "Wat er over aanvraag {reference} is beslist, ziet u op de statuspagina: {url} Vul daar uw "
    "kenmerk {reference} in en het e-mailadres dat u bij de aanvraag gaf. Ik start hier dus "
    "geen nieuwe aanvraag."
)
STATUS_WITHOUT_REFERENCE = _(
    "Wat er over uw aanvraag is beslist, ziet u op de statuspagina: {url} U heeft daarvoor "
    "uw kenmerk nodig (het begint met VL-) en het e-mailadres dat u bij de aanvraag gaf."
)


class ActionVerlofStatus(Action):
    def name(self) -> str:
        return "action_verlof_status"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        loc = Localiser(language_of_message(tracker.latest_message))
        found = REFERENCE.search(tracker.latest_message.get("text") or "")
        if found:
            text = loc(STATUS_WITH_REFERENCE, reference=found.group(0).upper(), url=status_page_url())
        else:
            text = loc(STATUS_WITHOUT_REFERENCE, url=status_page_url())
        dispatcher.utter_message(text=loc.finish(text))
        return []
