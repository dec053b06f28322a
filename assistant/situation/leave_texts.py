"""The Dutch source texts of the verdicts on leave questions (`assistant.situation.leave`), and its buttons."""

from __future__ import annotations

from assistant.i18n import _

NO = _("Nee, dat kan niet.")
WEEKS_ABOUT = _("{weeks} weken zijn ongeveer {days} schooldagen.")
ONE_MONTH_ABOUT = _("Een maand is ongeveer {days} schooldagen.")
MONTHS_ABOUT = _("{months} maanden zijn ongeveer {days} schooldagen.")
PERIOD_DAYS = _("Van {start} tot en met {end} zijn er {days} schooldagen.")
PERIOD_ONE_DAY = _("Van {start} tot en met {end} is er één schooldag.")
ONE_DAY = _("Op {start} is er één schooldag.")
VAKANTIE_MAX = _(
    "Vakantieverlof kan voor ten hoogste {max} schooldagen per schooljaar; langer kan ook niet via de "
    "leerplichtambtenaar (artikel 13a Leerplichtwet)."
)
VAKANTIE_FITS = _(
    "Dat past binnen het maximum van {max} schooldagen. Maar vakantieverlof kan alleen als het beroep "
    "van een ouder een vakantie in alle schoolvakanties onmogelijk maakt, en ten hoogste {times} keer "
    "per schooljaar (artikel 13a Leerplichtwet)."
)
# the days fit and a job is named: the job test is the verdict (one sentence for the rule, one for the limits)
VAKANTIE_JOB_FITS = _(
    "Dat kan alleen als het werk van een ouder een gezinsvakantie in alle schoolvakanties onmogelijk maakt, zoals "
    "seizoenswerk; drukte of een eigen bedrijf alleen is niet genoeg. Dan kan de directeur het geven; het past binnen "
    "het maximum van {max} schooldagen, {times} keer per schooljaar (artikel 13a Leerplichtwet)."
)
VAKANTIE_JOB = _(
    "Het werk telt alleen als het een vakantie in alle schoolvakanties onmogelijk maakt, zoals "
    "seizoenswerk; drukte of een eigen bedrijf alleen is niet genoeg."
)
VAKANTIE_JOB_ONLY = _(
    "Dat kan alleen als de aard van het werk van een ouder een gezinsvakantie in alle "
    "schoolvakanties van het schooljaar onmogelijk maakt, zoals seizoenswerk; drukte of een eigen "
    "bedrijf alleen is niet genoeg. Dan kan de directeur ten hoogste {max} schooldagen geven, "
    "{times} keer per schooljaar en niet in de eerste {weeks} lesweken (artikel 13a Leerplichtwet)."
)
VAKANTIE_JOB_ONE_HOLIDAY = _(
    "Vakantieverlof kan alleen als de aard van het werk van een ouder een gezinsvakantie in alle schoolvakanties van "
    "het schooljaar onmogelijk maakt (artikel 13a Leerplichtwet). Kunt u in één schoolvakantie niet weg, maar in een "
    "andere wel, dan is dat niet genoeg; waar u heen wilt, maakt daarbij niet uit."
)
VAKANTIE_ONCE = _(
    "Nee. Vakantieverlof kan ten hoogste {times} keer per schooljaar (artikel 13a Leerplichtwet). Is "
    "het dit schooljaar al gegeven, dan kan de directeur het niet opnieuw geven."
)
VAKANTIE_FIRST_WEEKS = _(
    "Nee, dat kan niet. Vakantieverlof kan nooit in de eerste {weeks} lesweken van het schooljaar "
    "(artikel 13a Leerplichtwet). In schooljaar {school_year} zijn dat de weken van {first} tot "
    "en met {last}."
)
VAKANTIE_FIRST_WEEKS_NOTE = _(
    "Let op: in de eerste {weeks} lesweken van het schooljaar kan het nooit. In schooljaar "
    "{school_year} zijn dat de weken van {first} tot en met {last}."
)
NO_JOB_LUXE = _("Zo niet, dan kan het niet; gaat uw kind toch, dan is dat luxe verzuim.")
VAKANTIE_ONLY_JOB_REASON = _(
    "Vakantieverlof kan alleen als het beroep van een ouder een gezinsvakantie in alle "
    "schoolvakanties onmogelijk maakt (artikel 13a Leerplichtwet)."
)
TODO_VAKANTIE = _("Vraag het ruim van tevoren schriftelijk aan bij de directeur, met een verklaring van de werkgever.")
# a self-employed parent (`Facts.self_employed`): their own statement in the first bubble
TODO_VAKANTIE_OWN = _(
    "Vraag het ruim van tevoren schriftelijk aan bij de directeur. Als zelfstandige geeft u een eigen verklaring of "
    "een verklaring van uw accountant mee waaruit blijkt dat u in geen enkele schoolvakantie weg kunt."
)
TODO_VAKANTIE_SELF = _("Bent u zelfstandig, dan geeft u een eigen verklaring of een verklaring van uw accountant mee.")
TODO_VAKANTIE_SHORTER = _("Een kortere periode kunt u bij de directeur aanvragen.")
TODO_VAKANTIE_SCHOOL = _(
    "Als directeur beslist u. Vraag om een verklaring van de werkgever. Gaat de leerling zonder "
    "verlof, dan is dat luxe verzuim: dat meldt u bij DUO."
)
TODO_VAKANTIE_SCHOOL_NO = _(
    "Als directeur kunt u hiervoor geen verlof geven. Gaat de leerling toch, dan is dat luxe "
    "verzuim: dat meldt u bij DUO."
)
VAKANTIE_SCHOOL_RULE = _(
    "Als directeur mag u vakantieverlof alleen geven als het beroep van een ouder een "
    "gezinsvakantie in alle schoolvakanties onmogelijk maakt: ten hoogste {max} schooldagen, "
    "{times} keer per schooljaar en niet in de eerste {weeks} lesweken (artikel 13a "
    "Leerplichtwet)."
)
SCHOOL_LUXE = _("Gaat een leerling zonder verlof, dan is dat luxe verzuim: dat meldt u bij DUO.")
EVENT_IS_ARTICLE_14 = _(
    "Voor {label} vraagt u geen vakantieverlof, maar verlof wegens gewichtige omstandigheden "
    "(artikel 14 Leerplichtwet)."
)

GEWICHTIG_DIRECTOR = _("Voor {label} kan de directeur verlof geven (artikel 14 Leerplichtwet).")
GEWICHTIG_DIRECTOR_ASK = _("Voor {label} vraagt u vooraf verlof aan de directeur (artikel 14).")
GEWICHTIG_OFFICER = _(
    "Voor meer dan {max} schooldagen per schooljaar beslist niet de directeur, maar de "
    "leerplichtambtenaar van de woongemeente, na overleg met de directeur (artikel 14 "
    "Leerplichtwet)."
)
GEWICHTIG_NO_REASON = _(
    "Voor een gewichtige omstandigheid, zoals een huwelijk of een overlijden in de familie, kan de "
    "directeur ten hoogste {max} schooldagen per schooljaar geven. Of uw reden telt, beoordeelt de "
    "directeur (artikel 14 Leerplichtwet)."
)
MORE_THAN_GUIDANCE = _("U vraagt meer dagen dan die richtlijn. Leg in de aanvraag uit waarom.")
WITHIN_GUIDANCE = _("De gevraagde dagen passen binnen die richtlijn.")  # to parents and schools alike
# to school staff: the parents ask and explain, the director weighs the request
MORE_THAN_GUIDANCE_SCHOOL = _(
    "Er worden meer dagen gevraagd dan die richtlijn; de ouders leggen in de aanvraag uit waarom."
)
DEPENDS_ON_GUIDANCE = _("Of de gevraagde dagen daarin passen, hangt af van de graad van familie of de reisafstand.")
TODO_GEWICHTIG = _(
    "Vraag het vooraf schriftelijk aan bij de directeur. Kon dat niet, meld de reden dan binnen {days} dagen."
)
TODO_GEWICHTIG_OFFICER = _(
    "Lever de aanvraag zo vroeg mogelijk in bij de school; die stuurt hem naar de leerplichtambtenaar."
)
GEWICHTIG_SCHOOL_ASSESS = _(
    "Of een reden een gewichtige omstandigheid is, beoordeelt u; de wet noemt geen lijst. Kon "
    "de ouder het niet vooraf vragen? Dan kunt u het verlof alsnog geven als de reden binnen "
    "{days} dagen bij u is gemeld (artikel 14 Leerplichtwet)."
)
TODO_GEWICHTIG_SCHOOL = _(
    "Als directeur beslist u tot en met {max} schooldagen per schooljaar. Bij meer stuurt u de "
    "aanvraag door naar de leerplichtambtenaar, die u eerst hoort."
)

RELIGIEUS = _(
    "U hoeft geen toestemming te vragen voor een plicht uit uw geloof of levensovertuiging. Meld het wel "
    "uiterlijk {days} dagen van tevoren aan de directeur (artikel 13 Leerplichtwet)."
)
RELIGIEUS_SCHOOL = _(
    "De ouders hoeven geen toestemming te vragen voor een plicht uit geloof of levensovertuiging. Zij "
    "melden het uiterlijk {days} dagen van tevoren bij de directeur (artikel 13 Leerplichtwet)."
)
RELIGIEUS_BY = _("Voor {date} meldt u het dus uiterlijk op {deadline}.")
RELIGIEUS_LATE = _("Voor {date} had dat uiterlijk op {deadline} gemoeten. Meld het zo snel mogelijk.")

ASK_REASON = _("Waarvoor vraagt u het verlof? Daar hangt het antwoord van af.")
REASON_BUTTONS = (
    ("huwelijk", _("Een bruiloft")),
    ("overlijden", _("Een overlijden of uitvaart")),
    ("ernstige_ziekte", _("Ernstige ziekte in de familie")),
    ("verhuizing", _("Een verhuizing")),
    ("religieuze_verplichting", _("Een religieuze feestdag")),
    ("vakantie", _("Op vakantie")),
    ("overig", _("Iets anders")),
)
NON_REASON_NO = _("Nee. {reason}")
NON_REASON_DIRECTOR = _("Over verlof beslist de directeur van de school (artikel 14 Leerplichtwet).")
LEAVE_GROUNDS = _(
    "Vrij van school kan alleen voor een plicht uit geloof of levensovertuiging (artikel 13), als het beroep van "
    "een ouder een vakantie in alle schoolvakanties onmogelijk maakt (artikel 13a), of bij een gewichtige "
    "omstandigheid die buiten uw wil ligt, zoals een huwelijk of een overlijden in de familie (artikel 14 "
    "Leerplichtwet)."
)
GEWICHTIG_OTHER = _(
    "Verlof wegens gewichtige omstandigheden kan alleen bij iets bijzonders dat buiten uw wil ligt, zoals een "
    "huwelijk, ernstige ziekte of een overlijden in de familie. Een feest, een uitje of een vakantie hoort daar niet "
    "bij. Of uw reden telt, beoordeelt de directeur (artikel 14 Leerplichtwet)."
)
MORE_THAN_ABROAD_GUIDANCE = _(
    "U vraagt meer dagen dan die richtlijn voor het buitenland. Leg in de aanvraag uit waarom."
)
WITHIN_ABROAD_GUIDANCE = _("De gevraagde dagen passen binnen die richtlijn voor het buitenland.")
MORE_THAN_ABROAD_GUIDANCE_SCHOOL = _(
    "Er worden meer dagen gevraagd dan die richtlijn voor het buitenland; de ouders leggen in de aanvraag uit waarom."
)

FALSE_SICK = _(
    "Nee. Uw kind ziek melden terwijl het niet ziek is, is ongeoorloofd verzuim (luxe verzuim). Alleen echte ziekte "
    "is een geldige reden om thuis te blijven (artikel 2 en artikel 11 Leerplichtwet)."
)
# what happens after a false sick report ("krijg ik een boete?"): no "Nee" before it
FALSE_SICK_DONE = _(
    "Uw kind ziek melden terwijl het niet ziek is, is ongeoorloofd verzuim: luxe verzuim (artikel 2 en 11 "
    "Leerplichtwet)."
)
FALSE_SICK_NEXT = _(
    "De school meldt een vermoeden daarvan. De leerplichtambtenaar hoort u en kan proces-verbaal opmaken; de "
    "officier van justitie beslist over de straf (artikel 22 en 26 Leerplichtwet). Vertel in dat gesprek eerlijk uw "
    "kant van het verhaal."
)
FALSE_SICK_ENFORCEMENT = _(
    "Vermoedt de school luxe verzuim, dan meldt zij dat. De leerplichtambtenaar onderzoekt het en kan proces-verbaal "
    "opmaken (artikel 22 Leerplichtwet); de officier van justitie beslist over de straf (artikel 26 Leerplichtwet)."
)
FALSE_SICK_FINE = _(
    "Er is geen vast boetebedrag in de wet. In het nieuws wordt als vuistregel ongeveer {fine} euro per dag per kind "
    "genoemd; dat is een indicatie."
)
FALSE_SICK_TODO = _(
    "Heeft u een reden die wel telt, zoals het beroep van een ouder of een gewichtige omstandigheid? Vraag dan vooraf "
    "verlof aan bij de directeur."
)
