"""The Dutch source texts of handing a conversation to a leerplicht officer (`actions/handoff.py`), translated into
the conversation's language where they are shown."""

from __future__ import annotations

from assistant.i18n import _

OFFER_USER_REQUEST = _("U wilt graag met een mens praten. Dat kan.")
OFFER_RULES = _(
    "Hierover beslist de leerplichtambtenaar, of die moet ernaar kijken. Ik kan uw vraag aan een "
    "leerplichtambtenaar doorgeven."
)
OFFER_MISUNDERSTOOD = _("Een leerplichtambtenaar kan u waarschijnlijk beter helpen.")  # after utter_default
OFFER_SAFETY = _(
    "Ik kan dit gesprek ook met spoed doorgeven aan een leerplichtambtenaar. Die neemt zo snel "
    "mogelijk contact met u op."
)
WHAT_HAPPENS = _(
    "Als u dat wilt, geef ik dit gesprek door aan een leerplichtambtenaar van uw gemeente. Die leest "
    "het gesprek en antwoordt hier in de chat, of neemt contact met u op. Daarvoor vraag ik uw naam, "
    "hoe u bereikbaar bent, de school (als die er is) en uw woonplaats. Die gegevens gaan alleen naar "
    "de leerplichtambtenaar."
)
CONSENT_QUESTION = _("Wilt u dat ik uw vraag doorgeef?")
YES_BUTTON = {"title": _("Ja, geef mijn vraag door"), "payload": "/affirm"}
NO_BUTTON = {"title": _("Nee, liever niet"), "payload": "/deny"}

DECLINED = _(
    "Goed, ik geef niets door. U kunt mij gewoon verder vragen stellen. Wilt u later toch iemand "
    "spreken? Typ dan 'medewerker'."
)
DECLINED_SAFETY = _(
    "Goed, ik geef niets door. Denk eraan: bij direct gevaar belt u 112. Voor advies kunt u altijd "
    "bellen met Veilig Thuis: 0800-2000 (gratis, dag en nacht)."
)

ASK_NAME = _("Wat is uw naam?")
ASK_CONTACT = _("Hoe kan de leerplichtambtenaar u bereiken? Typ uw telefoonnummer of e-mailadres.")
ASK_SCHOOL = _("Om welke school gaat het? Gaat het niet om een school, kies dan 'Geen school'.")
ASK_TOWN = _("In welke gemeente woont u (of het kind)? Bijvoorbeeld Enschede, Hengelo of Borne.")
NO_SCHOOL_BUTTON = {"title": _("Geen school"), "payload": "geen school"}
TOWN_BUTTONS = [{"title": town, "payload": town} for town in ("Enschede", "Hengelo", "Borne")]
BAD_NAME = _("Ik heb een naam nodig, zodat de leerplichtambtenaar weet wie u bent.")
BAD_CONTACT = _("Ik heb een telefoonnummer of e-mailadres nodig, zodat de leerplichtambtenaar u kan bereiken.")
BAD_TOWN = _("Ik heb de naam van uw gemeente nodig, zodat de juiste leerplichtambtenaar uw vraag krijgt.")

CASE_CREATED = _("Uw vraag is doorgegeven aan de leerplichtambtenaar. Uw zaaknummer is {case_id}.")
CASE_QUEUE = _("U bent nummer {position} in de wachtrij.")
CASE_WHERE = _(
    "Het antwoord verschijnt hier in dit gesprek. U kunt deze pagina sluiten: opent u hem later weer in "
    "deze browser, dan staat het gesprek er nog. Gaf u een e-mailadres? Dan krijgt u een e-mail zodra er "
    "een antwoord is."
)
CASE_FAILED = _(
    "Het doorgeven is nu niet gelukt. Neem zelf contact op met de leerplichtambtenaar. Woont u in "
    "Enschede? Mail dan naar leerplicht@enschede.nl. Woont u in Hengelo of Borne? Bel dan de gemeente "
    "Hengelo via 14 074 en vraag naar leerplicht. Bij direct gevaar belt u 112."
)
