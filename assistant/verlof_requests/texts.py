"""The Dutch source texts of verlof requests (the API and the chat translate them) and which field a blocking rule
problem is refused on."""

from __future__ import annotations

from assistant.i18n import _
from assistant.verlof_requests.models import (
    STATUS_APPROVED,
    STATUS_NOTIFIED,
    STATUS_REFUSED,
    STATUS_SUBMITTED,
)

MAX_REASON_CHARS = 2000  # the parent's reason, and the reason of a refusal

# -- messages (Dutch source texts; the API and the chat translate them) ----------------------------------------------

DATE_IN_PAST = _("de datum {date} ligt in het verleden. Verlof vraagt u vooraf aan.")
OUTSIDE_CALENDAR = _("voor deze datum kennen we de schoolvakanties nog niet. Kies een datum tot en met {until}.")
UNKNOWN_MUNICIPALITY = _("deze gemeente kennen we niet. De assistent werkt voor {municipalities}.")
UNKNOWN_SCHOOL_ID = _("deze school kennen we niet.")
NO_SCHOOL = _("vul de naam van de school in.")
INVALID_EMAIL = _("dit is geen geldig e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl.")
INVALID_CHILD_NAME = _("vul de voornaam en achternaam van uw kind in, zonder cijfers.")
INVALID_CLASS = _("vul de groep of klas in, bijvoorbeeld groep 5 of 2 havo.")
INVALID_REASON = _("vertel kort waarom u verlof vraagt.")
UNKNOWN_KIND = _("kies vakantie, gewichtige_omstandigheid of religieus.")
UNKNOWN_CATEGORY = _("deze reden kennen we niet. Kies uit: {categories}.")
EMPLOYER_STATEMENT_MISSING = _("geef aan of u een verklaring van de werkgever heeft (ja of nee).")

DECIDED_APPROVED = _("Het verlof is toegestaan.")
DECIDED_REFUSED = _("Het verlof is niet toegestaan.")
STATUS_TEXTS = {
    STATUS_SUBMITTED: _("Uw aanvraag is ontvangen. Er is nog geen beslissing."),
    STATUS_APPROVED: DECIDED_APPROVED,
    STATUS_REFUSED: DECIDED_REFUSED,
    STATUS_NOTIFIED: _(
        "Uw melding is doorgegeven aan de school. Voor een religieuze verplichting hoeft u geen toestemming te krijgen."
    ),
}
BEZWAAR_DIRECTEUR = _(
    "Bent u het niet eens met deze beslissing? Dan kunt u binnen {weeks} weken bezwaar maken bij de "
    "directeur van {school}. Dat staat in artikel 6:7 van de Algemene wet bestuursrecht. De {weeks} "
    "weken beginnen op de dag nadat u de beslissing kreeg ({date}). Schrijf in uw bezwaar uw naam, "
    "de datum, over welke beslissing het gaat en waarom u het er niet mee eens bent."
)
BEZWAAR_OFFICER = _(
    "Bent u het niet eens met deze beslissing? Dan kunt u binnen {weeks} weken bezwaar maken bij de "
    "leerplichtambtenaar die besliste: de leerplichtambtenaar voor de gemeente {municipality}. Bij "
    "verlof van meer dan {max} schooldagen beslist die zelf (Leerplichtwet artikel 14, derde lid). De "
    "termijn staat in artikel 6:7 van de Algemene wet bestuursrecht. De {weeks} weken beginnen op de "
    "dag nadat u de beslissing kreeg ({date}). Schrijf in uw bezwaar uw naam, de datum, over welke "
    "beslissing het gaat en waarom u het er niet mee eens bent."
)
BEZWAAR_CITATIONS = ("awb:6:7", "awb:6:8", "lpw:14", "src:assen-wie-beslist")
REFUSAL_NEEDS_REASON = "Geef een reden voor de weigering: de ouder ziet die reden."
NOT_YOURS_TO_DECIDE = "Over deze aanvraag beslist {decider}, niet u."
ALREADY_DECIDED = "Over deze aanvraag is al beslist."
NO_DECISION_NEEDED = "Dit is een melding (artikel 13): daarover wordt niet beslist."
DECIDER_LABELS = {"directeur": "de directeur van de school", "leerplichtambtenaar": "de leerplichtambtenaar"}

# A blocking rule problem is refused on the field it is about.
PROBLEM_FIELDS = {
    "end_before_start": "end_date",
    "too_many_days": "end_date",
    "first_two_weeks": "start_date",
    "already_used_this_school_year": "start_date",
    "short_notice": "start_date",
    "no_school_days": "start_date",
}
