"""The Dutch source texts and buttons of the DUO verzuimmelding walk-through (`actions/melding.py`), translated into
the conversation's language where they are shown."""

from __future__ import annotations

from assistant.i18n import _

INTRO = _(
    "Ik help u bepalen of u dit verzuim moet melden bij DUO. Ik stel alleen de vragen die daarvoor nodig "
    "zijn. Weet u iets niet? Typ dan 'weet ik niet'."
)
NOT_UNDERSTOOD = _("Sorry, dat begreep ik niet. Kies een van de knoppen, of typ 'weet ik niet'.")
IMPLAUSIBLE = _("Dat getal kan niet kloppen. Wilt u het nog eens nakijken?")

ASK_SCHOOL_TYPE = _("Om welk soort school gaat het?")
ASK_AGE = _("Hoe oud is de leerling? Typ de leeftijd in jaren, bijvoorbeeld 14.")
ASK_STARTKWALIFICATIE = _(
    "Heeft de leerling een startkwalificatie? Dat is een havo- of vwo-diploma, of een mbo-diploma op niveau 2 of hoger."
)
ASK_KIND = _("Wat voor afwezigheid is het?")
ASK_HOURS = _(
    "Hoeveel {unit} heeft de leerling zonder geldige reden gemist in de laatste {lesweken:words} lesweken? "
    "Vakantieweken tellen niet mee."
)
ASK_WEEKS = _(
    "Is de leerling langer dan {long_term:words} weken achter elkaar niet op school geweest, zonder geldige reden?"
)
ASK_WEEKS_18 = _("Hoeveel weken achter elkaar is de leerling al afwezig zonder geldige reden?")
ASK_LATE_COUNT = _("Hoe vaak is de leerling te laat gekomen in de laatste {lesweken:words} lesweken?")
ASK_SUSPECTED_ZIEKTE = _("Twijfelt u of de leerling echt ziek is? Vermoedt u bijvoorbeeld spijbelen of een vakantie?")
ASK_SUSPECTED_SCHORSING = _("Vermoedt u dat de leerling ook zonder geldige reden wegblijft, naast de schorsing?")
UNITS = {"po": _("klokuren"), "vo": _("lesuren"), "mbo": _("uren lestijd")}

YES = {"title": _("Ja"), "payload": "ja"}
NO = {"title": _("Nee"), "payload": "nee"}
DONT_KNOW = {"title": _("Weet ik niet"), "payload": "weet ik niet"}
SCHOOL_TYPE_BUTTONS = [
    {"title": _("Basisschool (po)"), "payload": "po"},
    {"title": _("Voortgezet onderwijs (vo)"), "payload": "vo"},
    {"title": _("Mbo"), "payload": "mbo"},
]
KIND_BUTTONS = [
    {"title": _("Zonder geldige reden (spijbelen)"), "payload": "ongeoorloofd"},
    {"title": _("Ziek gemeld"), "payload": "ziek"},
    {"title": _("Geschorst"), "payload": "geschorst"},
    {"title": _("Verlof gekregen"), "payload": "verlof gekregen"},
    {"title": _("Vaak te laat"), "payload": "te laat"},
    {"title": _("Vermoeden van luxe verzuim"), "payload": "luxe"},
    DONT_KNOW,
]

HEADLINES = {
    "verplicht": _("Uitkomst: u moet dit melden bij DUO."),
    "regionaal_afgesproken": _(
        "Uitkomst: melden is wettelijk niet verplicht, maar uw gemeente heeft afgesproken dat u het wel meldt."
    ),
    "niet_nodig": _("Uitkomst: een melding bij DUO is niet nodig."),
}
LABEL_CATEGORY = _("Soort melding bij DUO: {category}")
LABEL_CHANNEL = _("Hoe: via {channel}")
LABEL_RECIPIENT = _("De melding gaat naar: {recipient}")
LABEL_DEADLINE = _("Wanneer: {deadline}")
LABEL_FINE = _("Boete: {fine}")
LABEL_NOTES = _("Goed om te weten:")
LABEL_ASSUMPTIONS = _("Controleer dit nog:")
CHECKLIST_TITLE = _("Checklist om over te nemen:")
FIELDS_TITLE = _("Deze gegevens staan in de melding:")
CONSULT_OFFER = _("Wilt u hierover overleggen met de leerplichtambtenaar? Dan geef ik uw vraag met deze gegevens door.")
CONSULT_OFFER_ADVISED = _(
    "Ik raad u aan hierover te overleggen met de leerplichtambtenaar. Zal ik uw vraag met deze gegevens doorgeven?"
)
CONSULT_BUTTON = {"title": _("Overleggen met de leerplichtambtenaar"), "payload": "/request_human"}
AGAIN_BUTTON = {"title": _("Nog een leerling controleren"), "payload": "/check_melding"}
