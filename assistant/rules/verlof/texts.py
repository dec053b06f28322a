"""The Dutch source texts of the verlof rules (`_()`-marked; translated where they are shown)."""

from __future__ import annotations

from assistant.i18n import Message, _

END_BEFORE_START = _(
    "De einddatum ({end}) ligt vóór de begindatum ({start}). Controleer de data en probeer het opnieuw."
)
NO_SCHOOL_DAYS = _(
    "Van {start} tot en met {end} zijn er geen schooldagen: het is weekend, vakantie of een vrije "
    "feestdag. Daarvoor hoeft u geen verlof te vragen. Kijk wel in de schoolgids, want uw school kan "
    "andere vrije dagen hebben."
)
TOO_MANY_DAYS = _(
    "U vraagt {days} schooldagen vakantieverlof. De wet staat ten hoogste {max} schooldagen per "
    "schooljaar toe. Langer is niet mogelijk, ook niet met toestemming van de leerplichtambtenaar. U "
    "kunt wel verlof vragen voor een kortere periode."
)
ALREADY_USED = _(
    "Vakantieverlof kan ten hoogste {times} keer per schooljaar. U heeft in schooljaar {school_year} al "
    "vakantieverlof gehad. Daarom kan de directeur het dit schooljaar niet opnieuw geven."
)
FIRST_TWO_WEEKS = _(
    "Vakantieverlof mag niet in de eerste {weeks} lesweken van het schooljaar vallen. In schooljaar "
    "{school_year} zijn dat de lesweken van {first} tot en met {last} (vakantieregio {region}). Uw "
    "aanvraag valt (voor een deel) in die weken."
)
VAKANTIE_AFTERWARDS = _("Vakantieverlof moet u vooraf aanvragen. De directeur kan het niet achteraf geven.")
VAKANTIE_NOTICE = _(
    "Vraag vakantieverlof als het kan minstens {weeks} weken van tevoren aan. U vraagt het {days} "
    "dagen van tevoren aan. Dit is een richtlijn, geen wettelijke termijn: de school kan uw aanvraag "
    "nog steeds behandelen."
)
GEWICHTIG_AFTERWARDS_OK = _(
    "U vraagt het verlof achteraf. Dat kan: de directeur mag alsnog verlof geven als u de "
    "reden binnen {days} dagen na het begin van de afwezigheid meldt. Meld het dus zo snel "
    "mogelijk aan de school."
)
GEWICHTIG_AFTERWARDS_LATE = _(
    "U meldt de reden meer dan {days} dagen na het begin van de afwezigheid ({start}): de "
    "laatste dag om het te melden was {deadline}. Dan kan de directeur volgens de wet geen "
    "verlof meer achteraf geven. Neem toch contact op met de school om uit te leggen wat er "
    "is gebeurd."
)
NOTE_TERM_EXTENDED = _(
    "De {days} dagen eindigen op een zaterdag, zondag of feestdag. Dan loopt de termijn door tot en "
    "met de eerstvolgende werkdag: {deadline} (Algemene termijnenwet, artikel 1)."
)
OFFICER_NOTICE = _(
    "Vraag verlof van meer dan {max} schooldagen als het kan minstens {weeks} weken van tevoren aan. "
    "De leerplichtambtenaar heeft tijd nodig om de directeur te horen en te beslissen. Dit is een "
    "richtlijn, geen wettelijke termijn."
)
RELIGIEUS_LATE = _(
    "Voor een religieuze verplichting hoeft u geen toestemming te vragen. U moet het wel uiterlijk "
    "{days} dagen vóór de eerste dag ({start}) aan de directeur melden. Uw melding is later; dat is "
    "te laat volgens de wet. Neem zo snel mogelijk contact op met de school."
)
NOT_A_VALID_REASON = _(
    "{reason} Verlof om zo'n reden heet 'luxe verzuim' en wordt meestal niet gegeven. U mag de "
    "aanvraag wel indienen; de school beslist."
)
NOT_A_VALID_REASON_VAKANTIE = _(
    "{reason} Vakantieverlof kan alleen als u door het beroep van een van de ouders in "
    "geen enkele schoolvakantie op vakantie kunt. U mag de aanvraag wel indienen; de "
    "school beslist."
)
NEEDS_OFFICER = _(
    "U vraagt dit schooljaar in totaal {total} schooldagen verlof ({prior} eerder en {days} nu). Bij "
    "meer dan {max} schooldagen beslist niet de directeur, maar de leerplichtambtenaar van de gemeente "
    "{officer}. Die hoort eerst de directeur van de school."
)
NEEDS_OFFICER_OTHER_MUNICIPALITY = _(
    "U vraagt dit schooljaar in totaal {total} schooldagen verlof ({prior} eerder en "
    "{days} nu). Bij meer dan {max} schooldagen beslist niet de directeur, maar de "
    "leerplichtambtenaar. Voor {municipality} is dat de leerplichtambtenaar van de "
    "gemeente {officer}. Die hoort eerst de directeur van de school."
)

# A municipality whose routing `knowledge/regions.yml` marks uncertain (the source speaks of handhaving only):
# say what the law says (art. 14 lid 3: the officer of the woongemeente) and what the source says, and name it.
NEEDS_OFFICER_UNCERTAIN_ROUTING = _(
    "U vraagt dit schooljaar in totaal {total} schooldagen verlof ({prior} eerder en {days} nu). Bij "
    "meer dan {max} schooldagen beslist niet de directeur, maar de leerplichtambtenaar van de gemeente "
    "waar uw kind woont: {municipality} (Leerplichtwet artikel 14, derde lid). Leerplichtambtenaren van "
    "{officer} handhaven de leerplicht ook in {municipality}. Vraag bij de gemeente {municipality} na "
    "wie over uw aanvraag beslist. De leerplichtambtenaar hoort eerst de directeur van de school."
)

# The vakantieregio's (knowledge/calendar/school-holidays.yml) as users read them.
REGION_NAMES = {"noord": _("Noord"), "midden": _("Midden"), "zuid": _("Zuid")}

NOTE_SCHOOLGIDS = _(
    "We tellen {days} schooldagen met de schoolvakanties en de vrije feestdagen van vakantieregio "
    "{region}. Uw school kan andere vrije dagen of studiedagen hebben; kijk in de schoolgids."
)
NOTE_UNCERTAIN_HOLIDAYS = _(
    "Let op: de data van deze vrije dagen in deze periode staan nog niet vast: {names}. Controleer ze in de schoolgids."
)
NOTE_ADVISORY_HOLIDAYS = _(
    "Voor deze vrije dagen geeft de overheid alleen adviesdata: {names}. Uw school mag "
    "andere data kiezen; controleer ze in de schoolgids."
)
NOTE_BEROEP = _(
    "Vakantieverlof kan alleen als u door de specifieke aard van het beroep van een van de ouders in geen "
    "enkele schoolvakantie van dit schooljaar op vakantie kunt. De school vraagt daarvoor meestal een "
    "verklaring van de werkgever, of als u zelfstandige bent een eigen verklaring (richtlijn)."
)
NOTE_EVENT_IS_ARTICLE_14 = _(
    "Gaat het om een bijzondere gebeurtenis, zoals {label}? Dan vraagt u geen "
    "vakantieverlof, maar verlof wegens gewichtige omstandigheden."
)
NOTE_GUIDANCE_DAYS = _("{guidance} Dit is een richtlijn; het aantal dagen verschilt per gemeente en school.")
NOTE_MORE_THAN_GUIDANCE = _(
    "U vraagt {days} schooldagen voor {label}. Dat is meer dan de richtlijn die veel "
    "gemeenten gebruiken. Leg in uw aanvraag uit waarom u meer dagen nodig heeft."
)
NOTE_NO_REASON = _(
    "Vertel in uw aanvraag om welke gebeurtenis het gaat. De directeur beoordeelt of het een "
    "gewichtige omstandigheid is."
)
NOTE_RELIGIOUS_IS_ARTICLE_13 = _(
    "Voor een religieuze verplichting hoeft u geen verlof te vragen. Het is genoeg om "
    "het uiterlijk {days} dagen van tevoren aan de directeur te melden."
)
NOTE_RELIGIOUS_DAYS = _(
    "Veel scholen geven in principe {days} dag per religieuze feestdag. Dat is schoolbeleid, geen wet."
)
NOTE_OFFICER_VIA_SCHOOL = _(
    "Meestal levert u de aanvraag in bij de school; die stuurt hem door naar de leerplichtambtenaar (richtlijn)."
)
NOTE_BEZWAAR = _(
    "Bent u het niet eens met de beslissing? Dan kunt u binnen {weeks:words} weken bezwaar maken bij wie "
    "de beslissing nam."
)


def region_name(region: str) -> Message | str:
    """The vakantieregio as users read it ("Noord", "North"); an unknown region as it is."""
    name = REGION_NAMES.get(region)
    return Message(name) if name else region
