"""The Dutch source texts of the verlof form in the chat (`assistant.verlof_requests.form`, `actions/verlof_form.py`),
translated into the conversation's language where they are shown."""

from __future__ import annotations

from assistant.i18n import _

# -- texts --------------------------------------------------------------------------------------------------------

# Said once, when a parent starts a request (not with every question, nor when a question is asked again).
INTRO = _(
    "Ik help u graag met een verlofaanvraag. Ik stel u een paar vragen. Daarna ziet u alles nog een keer, voordat u "
    'het verstuurt. U kunt altijd "stop" typen.'
)

BAD_KIND = _(
    "Ik begrijp niet welk soort verlof u bedoelt. Kies een van de knoppen, of typ bijvoorbeeld "
    '"vakantie" of "bruiloft".'
)
BAD_CHILD_NAME = _('Dat lijkt geen naam. Typ de voornaam en achternaam van uw kind, bijvoorbeeld "Sara Jansen".')
BAD_CLASS = _('Typ de groep of klas kort, bijvoorbeeld "groep 5" of "2 havo".')
BAD_SCHOOL = _('Typ de naam van de school, bijvoorbeeld "De Borgh".')
SCHOOL_NOT_KNOWN = _("Deze school staat niet in mijn lijst. Ik noteer de naam zoals u hem typte: {school}.")
SCHOOL_AMBIGUOUS = _(
    'Er zijn meer scholen met een naam die hierop lijkt: {schools}. Typ de naam en de plaats, bijvoorbeeld "{example}".'
)
BAD_MUNICIPALITY = _(
    "Deze gemeente ken ik niet. De assistent werkt voor {municipalities}. Typ de naam van de "
    'gemeente, bijvoorbeeld "Hengelo".'
)
NO_DATE = _('Ik kan hierin geen datum vinden. Typ de datum zo: "{example}" of "{numeric}".')
IMPOSSIBLE_DATE = _('Die datum bestaat niet ({text}). Kijk nog eens naar de dag en de maand, bijvoorbeeld "{example}".')
WEEKDAY_MISMATCH = _(
    "De dag en de datum passen niet bij elkaar: {date} valt op een {weekday}. Welke datum bedoelt "
    'u? Typ bijvoorbeeld "{example}".'
)
DATE_IN_PAST = _(
    "Deze datum ligt in het verleden ({date}). Verlof vraagt u vooraf aan. Typ een datum vanaf vandaag, "
    'bijvoorbeeld "{example}".'
)
OUTSIDE_CALENDAR = _("Voor deze datum kennen we de schoolvakanties nog niet. Kies een datum tot en met {until}.")
END_BEFORE_START = _(
    'De laatste dag ({end}) ligt vóór de eerste dag ({start}). Typ de laatste dag opnieuw, bijvoorbeeld "{example}".'
)
NOT_REALLY_A_REASON = _("Vertel in een paar woorden waarom u verlof vraagt.")
BAD_YES_NO = _("Antwoord met ja of nee, of kies een van de knoppen.")
BAD_EMAIL = _(
    "Dit lijkt geen geldig e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl. Typ het nog een keer."
)
OFFER_HUMAN = _("Lukt het niet? Dat geeft niet. U kunt ook met een medewerker praten.")
HUMAN_BUTTON = _("Met een medewerker praten")
CORRECTED = _("Ik heb het aangepast.")
DATES_NOTED = _("Dank u. Ik heb de data genoteerd: {period}. Ik stel mijn vraag nog een keer.")
DATES_KNOWN = _("Deze data heb ik al: {period}. Ik stel mijn vraag nog een keer.")
DATES_OTHER = _(
    "U gaf eerder deze data: {period}. Die heb ik bewaard. Wilt u andere data? Kies dan de knop "
    "hieronder. Eerst stel ik mijn vraag nog een keer."
)
DATES_LATER = _("Dat lijkt een datum. Naar de data vraag ik straks. Eerst stel ik mijn vraag nog een keer.")
DATES_RANGE = _("{start} tot en met {end}")
BUTTON_OTHER_DATES = _("Andere data invullen")

SUMMARY_INTRO = _("Dit heb ik genoteerd:")
SUMMARY_RULES = _("Wat zeggen de regels?")
SUMMARY_QUESTION = _("Klopt alles? Dan verstuur ik de aanvraag.")
LABEL_KIND = _("Soort verlof")
LABEL_CHILD = _("Kind")
LABEL_SCHOOL = _("School")
LABEL_HOME = _("Woongemeente")
LABEL_PERIOD = _("Periode")
LABEL_REASON = _("Reden")
LABEL_EMPLOYER = _("Verklaring van de werkgever")
LABEL_EMAIL = _("E-mailadres")
YES_TEXT = _("ja")
NO_TEXT = _("nee")
PERIOD = _("{start} tot en met {end} ({days} schooldagen)")
KIND_TEXTS = {
    "vakantie": _("vakantie buiten de schoolvakanties (artikel 13a)"),
    "gewichtige_omstandigheid": _("verlof wegens gewichtige omstandigheden (artikel 14)"),
    "religieus": _("religieuze verplichting (artikel 13)"),
}
DECIDER_TEXTS = {
    "directeur": _("Wie beslist: de directeur van de school."),
    # A school that is not in the registry has no account here: it does not receive the request through us.
    "directeur_unknown_school": _(
        "Wie beslist: de directeur van de school. Deze school staat niet in onze lijst. "
        "Daarom krijgt de school uw aanvraag niet via deze assistent: vraag het verlof ook "
        "aan bij de school zelf."
    ),
    "leerplichtambtenaar": _(
        "Wie beslist: de leerplichtambtenaar van de gemeente {officer}, na overleg met de directeur."
    ),
    "none": _(
        "Wie beslist: niemand. Voor een religieuze verplichting hoeft u geen toestemming te vragen. U meldt "
        "het aan de school."
    ),
}
SEVERITY_TEXTS = {"blocking": _("Niet mogelijk:"), "warning": _("Let op:"), "info": _("Goed om te weten:")}
CANNOT_SEND = _("Zo kan ik de aanvraag niet versturen. {problem} Wat wilt u aanpassen?")
WHAT_TO_CHANGE = _('Wat wilt u aanpassen? Kies hieronder, of typ het, bijvoorbeeld "de laatste dag is 14 maart".')
BUTTON_SEND = _("Ja, versturen")
BUTTON_CHANGE = _("Nee, ik wil iets aanpassen")
BUTTON_STOP = _("Stoppen")
BUTTON_DATES = _("De data")
BUTTON_CHILD = _("De naam van mijn kind")
BUTTON_SCHOOL = _("De school")
BUTTON_REASON = _("De reden")
BUTTON_EMAIL = _("Mijn e-mailadres")

SUBMITTED_DIRECTEUR = _(
    "Uw aanvraag is verstuurd. Uw kenmerk is {reference}. De directeur van {school} beslist over "
    "uw aanvraag. Met uw kenmerk en uw e-mailadres kunt u later zien wat er is beslist."
)
SUBMITTED_UNKNOWN_SCHOOL = _(
    "Uw aanvraag is opgeslagen. Uw kenmerk is {reference}. De directeur van {school} "
    "beslist over uw aanvraag. Deze school staat niet in onze lijst. Daarom krijgt de school "
    "uw aanvraag niet via deze assistent. Vraag het verlof dus ook aan bij de school zelf. "
    "De leerplichtambtenaar van de gemeente {officer} kan uw aanvraag hier wel zien. Met uw "
    "kenmerk en uw e-mailadres kunt u later zien wat er is beslist."
)
SUBMITTED_OFFICER = _(
    "Uw aanvraag is verstuurd. Uw kenmerk is {reference}. Omdat het om meer dan {max} schooldagen "
    "gaat, beslist de leerplichtambtenaar van de gemeente {officer}. Die hoort eerst de directeur "
    "van de school. Met uw kenmerk en uw e-mailadres kunt u later zien wat er is beslist."
)
SUBMITTED_NOTICE = _(
    "Uw melding is doorgegeven. Uw kenmerk is {reference}. Voor een religieuze verplichting hoeft u "
    "geen toestemming te vragen. De school weet nu dat uw kind er niet is."
)
STATUS_LINK = _("Dat kan op de statuspagina: {url}")
STATUS_PATH = "/verlof/status"
SUBMIT_REFUSED = _("Het versturen is niet gelukt. {problem}")
SUBMIT_FAILED = _(
    "Er ging iets mis bij het versturen. Er is niets opgeslagen. Probeer het later nog een keer, of "
    "praat met een medewerker."
)
