"""The Dutch source texts of the melding rules (`_()`-marked for the catalogs; translated where they are shown).
The channels and counting units are in `knowledge/rules/melding.yml`."""

from __future__ import annotations

from assistant.i18n import _

DUO_CATEGORY = {
    "16_uur": _("16 uur in 4 weken"),
    "langdurig_relatief": _("Langdurig relatief verzuim (LRV)"),
    "luxe": _("Luxe verzuim"),
    "18_plus": _("RMC / 18-plus verzuim"),
    "overig": _("Overig verzuim"),
}

UNIT_TEXT = {
    "po": _("klokuren (in het primair onderwijs telt u klokuren)"),
    "vo": _("lesuren (in het voortgezet onderwijs telt u lesuren; een lesuur is hoogstens 60 minuten)"),
    "mbo": _("uren lestijd (in het mbo telt de lestijd)"),
}

# Besluit register onderwijsdeelnemers art. 14 onder b tot en met k: what the school delivers (art. 21).
FIELDS = (
    _("Gegevens van de leerling: burgerservicenummer of onderwijsnummer (persoonsgebonden nummer)"),
    _("Begindatum van het verzuim (art. 14 onder b)"),
    _("Einddatum van het verzuim (art. 14 onder c)"),
    _("Vermoedelijke soort verzuim (art. 14 onder d)"),
    _("Vermoedelijke reden van het verzuim (art. 14 onder e)"),
    _("Of alle lessen zijn gemist (art. 14 onder f)"),
    _("Wat de school al heeft gedaan (art. 14 onder g)"),
    _("Of u actie van de gemeente wilt, met de prioriteit; zo niet, een toelichting (art. 14 onder h)"),
    _("Naam van de leslocatie (art. 14 onder i)"),
    _("Naam, functie, telefoonnummer en e-mailadres van de contactpersoon op school (art. 14 onder j)"),
    _("Telefoonnummer(s) van de leerling of de ouder (art. 14 onder k)"),
)
FIELD_SK = _("Of de leerling een startkwalificatie heeft (art. 14 onder a)")

RECIPIENT_OFFICER = _("de leerplichtambtenaar van de woongemeente (via DUO)")
RECIPIENT_DOORSTROOMPUNT = _("het Doorstroompunt (voorheen RMC) van de woongemeente (via DUO)")

DEADLINE_SIXTEEN_HOURS = _(
    "Meld zo snel mogelijk nadat de grens van {limit} uur is bereikt. De wet noemt geen termijn in dagen."
)
GUIDANCE_SIXTEEN_HOURS = _(
    "Als vuistregel noemen sommige bronnen: binnen {days} werkdagen nadat de grens van {limit} uur is "
    "overschreden. Dat staat niet in de wet; uw gemeente kan andere afspraken hebben."
)
DEADLINE_NO_DAYS = _("Meld zo snel mogelijk. De wet noemt hiervoor geen termijn in dagen.")
DEADLINE_REGIONAL = _(
    "Hiervoor geldt geen wettelijke termijn. Meld zo vroeg mogelijk, zodat leerplicht op tijd kan helpen."
)

NOTE_SK_UNKNOWN = _(
    "U gaf niet op of de leerling een startkwalificatie heeft (een havo-, vwo- of mbo-diploma op "
    "niveau 2 of hoger). Wij gaan uit van: nee."
)
NOTE_SIXTEEN_WITH_SK = _(
    "De leerling is {age} en heeft een startkwalificatie. De leerplicht loopt tot het einde van "
    "het schooljaar waarin de leerling {age} werd. Is dat schooljaar al voorbij? Dan geldt de "
    "meldplicht uit de Leerplichtwet niet meer."
)
NOTE_LEERPLICHT_START = _("De leerplicht begint op de eerste schooldag van de maand na de vijfde verjaardag.")

SIXTEEN_HOURS = _(
    "U moet dit verzuim melden bij DUO. De leerling heeft in {lesweken:words} aaneengesloten lesweken "
    "{hours} {unit} ongeoorloofd gemist. Bij {limit} uur of meer is melden verplicht (Leerplichtwet "
    "artikel 21a)."
)
LATE_ALSO_COUNTS = _("Ook te laat komen telt mee: het is gemiste lestijd zonder geldige reden.")
DUO_SENDS_TO_OFFICER = _("DUO stuurt de melding naar de leerplichtambtenaar van de gemeente waar de leerling woont.")
NOTE_SIXTEEN_WORDING = _(
    "De wet zegt 'in totaal {limit:words} uren'; DUO schrijft 'meer dan {limit} uur'. Wij houden "
    "{limit} uur aan als grens: dan is melden verplicht."
)
LONG_TERM_RELATIVE = _(
    "U moet dit verzuim melden bij DUO als langdurig relatief verzuim. De leerling is al {weeks} "
    "weken ongeoorloofd afwezig. Bij meer dan {long_term} weken noemt DUO dit langdurig relatief "
    "verzuim; die melding is verplicht. Heeft u nog geen melding '{category}' gedaan? Doe die dan "
    "ook. Neem ook contact op met de leerplichtambtenaar, zodat u samen kunt zoeken naar een "
    "oplossing."
)
LUXE = _(
    "U moet dit melden bij DUO als luxe verzuim, ook als het om een vermoeden gaat. Luxe verzuim is: de leerling "
    "is buiten de schoolvakanties op vakantie gegaan zonder verlof. Bijvoorbeeld een ziekmelding vlak voor een "
    "vakantie. U meldt de vermoedelijke soort en reden van het verzuim; de leerplichtambtenaar zoekt het verder "
    "uit."
)
BELOW_THRESHOLD = _(
    "De leerling heeft in {lesweken:words} lesweken {hours} {unit} ongeoorloofd gemist. Dat is minder "
    "dan {limit} uur, dus een melding is wettelijk niet verplicht."
)
LATE_BELOW_THRESHOLD = _(
    "De leerling komt te laat. Voor te laat komen staat geen grens in de wet. De gemiste lestijd "
    "telt wel mee voor de grens van {limit} uur; die is nog niet bereikt."
)
LATE_COUNT_BELOW_THRESHOLD = _(
    "De leerling komt te laat ({count} keer). Voor te laat komen staat geen grens in de "
    "wet. De gemiste lestijd telt wel mee voor de grens van {limit} uur; die is nog niet "
    "bereikt."
)
NOTE_LATE_THRESHOLD = _(
    "De grens voor te laat komen in de Twentse schoolaanwezigheidskaart hebben wij niet. Kijk in "
    "de kaart of vraag het de leerplichtambtenaar."
)
NO_TWENTE = _(
    "Wij kennen alleen de afspraken van Hengelo, Borne en Enschede en de gemeenten waarvoor zij leerplicht "
    "of het Doorstroompunt uitvoeren. Vraag de leerplichtafdeling van de gemeente of daar een afspraak "
    "bestaat over het melden van dit verzuim."
)
CAN_REPORT_OVERIG = _("U kunt dit wel melden als 'overig verzuim'.")
TWENTE_OVERIG = _(
    "In {municipalities} vraagt leerplicht scholen om dit verzuim toch te melden als 'overig verzuim'. "
    "Dat is een verzoek van die gemeenten, geen wettelijke plicht. Zo kan leerplicht vroeg helpen."
)
OVERIG_ELSEWHERE = _(
    "Alleen in {municipalities} vraagt leerplicht scholen om dit verzuim toch te melden als 'overig "
    "verzuim'. Dat is een verzoek van die gemeenten, geen wettelijke plicht. Vraag in een andere "
    "gemeente de leerplichtambtenaar of u het ook moet melden."
)
NOTE_FOURTEEN_HOURS = _(
    "Het jaarverslag van Hengelo en Borne omschrijft overig verzuim als 'minder dan {regional} "
    "uur in {weeks:words} weken'; DUO en de wet leggen de grens bij {limit} uur."
)
SPREEKUUR = _(
    "De leerling doet mee aan het preventieve spreekuur van de leerplichtambtenaar. In {municipalities} is "
    "afgesproken dat de school daarvoor een DUO-melding doet (overig verzuim). Die melding is de formele "
    "basis voor het gesprek. Dit is een regionale afspraak."
)
SICK_SUSPECTED = _(
    "Ziekte is geoorloofd verzuim en meldt u normaal niet. Vermoedt u dat er eigenlijk sprake is van "
    "ongeoorloofd verzuim? Dan kunt u dit melden als 'overig verzuim'."
)
SUSPENDED_SUSPECTED = _(
    "Schorsing is geoorloofd verzuim en meldt u normaal niet. Vermoedt u dat er eigenlijk sprake "
    "is van ongeoorloofd verzuim? Dan kunt u dit melden als 'overig verzuim'."
)
NOTE_SUSPECTED_SIXTEEN = _(
    "Blijkt het verzuim ongeoorloofd en is het {limit} uur of meer in {weeks} lesweken? Dan is "
    "een melding '{category}' verplicht."
)
SICK_ALLOWED = _(
    "Ziekte is geoorloofd verzuim (Leerplichtwet artikel 11). Dit meldt u niet bij DUO, tenzij u "
    "vermoedt dat er sprake is van ongeoorloofd verzuim."
)
SUSPENDED_ALLOWED = _(
    "Schorsing is geoorloofd verzuim (Leerplichtwet artikel 11). Dit meldt u niet bij DUO, tenzij u "
    "vermoedt dat er sprake is van ongeoorloofd verzuim."
)
LONG_TERM_SICKNESS_HERE = _(
    "In {municipality} wordt langdurig ziekteverzuim sinds schooljaar {school_year} wel "
    "gemeld, als 'overig verzuim'. Dat is een regionale afspraak van Hengelo en Borne, geen "
    "wettelijke plicht. Zo komt leerplicht eerder in beeld en kan die samen met school en "
    "jeugdarts meedenken."
)
NOTE_LONG_TERM_NO_WEEKS = _(
    "De bron noemt geen aantal weken voor 'langdurig'. Volg de Twentse "
    "schoolaanwezigheidskaart of vraag het de leerplichtambtenaar."
)
NOTE_LONG_TERM_SICKNESS = _(
    "In Hengelo en Borne wordt langdurig ziekteverzuim sinds schooljaar {school_year} gemeld (regionale afspraak)."
)
GRANTED_LEAVE = _(
    "Verlof dat de directeur of de leerplichtambtenaar heeft gegeven, is geen verzuim. Voor het verlof "
    "zelf hoeft u niets te melden. Blijft de leerling langer weg dan het verlof? Dan is dat ongeoorloofd "
    "verzuim."
)
EIGHTEEN_PLUS_BASIS = _(
    "De leerling is {adult} jaar of ouder, jonger dan {upper} jaar en heeft geen "
    "startkwalificatie. De Leerplichtwet geldt niet meer, maar er is een aparte meldplicht."
)
NOTE_EIGHTEEN_PLUS_VO = _(
    "Voor vo en (v)so staat deze meldplicht in andere wetten (WVO 2020 artikel 8.20, WEC artikel "
    "47b). DUO gebruikt dezelfde soort melding."
)
NOTE_LAW_CHANGED = _(
    "Deze meldplicht staat sinds {date} in de Wet educatie en beroepsonderwijs (artikel 9.2.1 en "
    "9.2.2) en geldt sindsdien tot {upper} jaar; daarvoor was dat tot {old_upper} jaar."
)
SICK_NOT_REPORTED = _("Ziekte is geoorloofd verzuim; dat meldt u niet.")
SUSPENDED_NOT_REPORTED = _("Schorsing is geoorloofd verzuim; dat meldt u niet.")
EIGHTEEN_PLUS_SUSPECTED = _(
    "U vermoedt wel ongeoorloofd verzuim. Bespreek dit met de doorstroomcoach van het Doorstroompunt (voorheen RMC)."
)
EIGHTEEN_PLUS_NOT_YET = _(
    "Die plicht begint als de leerling {weeks_needed} weken aaneengesloten zonder geldige reden "
    "afwezig is. Nu is dat {weeks} weken, dus een melding is nog niet verplicht. Uw school kan "
    "zelf een kortere termijn hebben afgesproken. Houd de afwezigheid goed bij."
)
EIGHTEEN_PLUS_REQUIRED = _(
    "De leerling is {weeks} weken aaneengesloten zonder geldige reden afwezig. Bij "
    "{weeks_needed} weken of meer moet u dit melden bij DUO. DUO stuurt de melding naar de "
    "gemeente waar de leerling woont. In Twente pakt het Doorstroompunt (voorheen RMC) de "
    "melding op."
)
OUTSIDE_AGE = _("De leerling is {age} jaar. Vanaf {upper} jaar gelden de meldplichten voor verzuim niet meer.")
SCHORSING_INSPECTIE = _(
    "Let op: dat geldt alleen voor DUO. Een schorsing duurt ten hoogste {max_weeks:words} week. Duurt "
    "de schorsing langer dan {days} dag? Dan meldt het schoolbestuur haar schriftelijk en met "
    "redenen aan de Inspectie van het Onderwijs (Wet voortgezet onderwijs 2020, artikel 8.14). "
    "Voor verwijdering gelden eigen regels (artikel 8.15)."
)
OUTSIDE_SK = _(
    "De leerling heeft een startkwalificatie en is niet meer leerplichtig. Daarom gelden de meldplichten "
    "uit de Leerplichtwet en de meldplicht voor 18-plussers niet."
)
NOT_NEEDED_OWN_POLICY = _("Een melding bij DUO is niet nodig. Wel geldt het verzuimbeleid van uw eigen school.")
MBO_STUDY_FINANCE = _(
    "Heeft de student studiefinanciering? Dan kan de WEB een aparte regel hebben voor lange "
    "afwezigheid (artikel 8.1.7). Kijk daarvoor bij DUO."
)
NOT_YET_LEERPLICHTIG = _(
    "Een kind van {age} jaar is nog niet leerplichtig. De leerplicht begint op de eerste "
    "schooldag van de maand na de vijfde verjaardag. Een melding bij DUO is daarom niet nodig. "
    "Bespreek de afwezigheid wel met de ouders."
)
FINE_RISK = _(
    "Doet de school een verplichte melding niet? Dan kan de minister het hoofd van de school een "
    "bestuurlijke boete geven van ten hoogste {per_violation} euro per overtreding, met een maximum van "
    "{per_year} euro per schooljaar (Leerplichtwet artikel 27)."
)

# The checklist
REPORT_VIA = _("Meld via {channel}.")
CHOOSE_CATEGORY = _("Kies de verzuimsoort '{category}'.")
COUNT_HOURS_IN = _("Tel de uren in {unit}.")
REPORT_NOW_GUIDANCE = _(
    "Meld zo snel mogelijk; als vuistregel binnen {days} werkdagen nadat de grens van {limit} uur is "
    "overschreden (geen wettelijke termijn). Vakantieweken tellen niet als lesweken."
)
END_DATE_SIXTEEN = _("Einddatum: de laatste verzuimdag of de dag waarop de {limit} uur is bereikt.")
REPORT_AGAIN = _("Komt er daarna opnieuw {limit} uur bij? Doe dan een nieuwe melding.")
FILL_IN_ALL = _("Vul alle gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).")
FILL_IN = _("Vul de gegevens in die hieronder staan (Besluit register onderwijsdeelnemers, artikel 14).")
GIVE_END_DATE = _("Geef een einddatum door zodra de leerling weer naar school gaat of wordt uitgeschreven.")
DO_NOT_DEREGISTER = _("Lang verzuim is geen reden om de leerling uit te schrijven (Leerplichtwet artikel 10).")
LUXE_REASON = _("Vul bij 'vermoedelijke reden' in waarom u luxe verzuim vermoedt.")
REPORT_SUSPICION = _("Meld ook bij een vermoeden; u hoeft het niet eerst zeker te weten.")
TELL_PARENTS_SPREEKUUR = _("Zorg dat de ouders weten van het preventieve gesprek.")
CHOOSE_OVERIG_SICK = _("Kies de verzuimsoort 'Overig verzuim' en vul bij de reden 'langdurig ziek' in.")
NO_MELDING = _("Een melding bij DUO is niet nodig.")
REGISTER_OWN = _("Registreer de afwezigheid wel in uw eigen administratie.")
KEEP_LEAVE = _("Bewaar het verleende verlof (de aanvraag en het besluit) bij het dossier.")
CHOOSE_EIGHTEEN_PLUS = _("Kies de verzuimsoort voor 18-plussers (RMC / 18-plus verzuim).")
REPORT_NOW = _("Meld zo snel mogelijk.")
