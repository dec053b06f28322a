"""The Dutch source texts of the verdicts about a relative and the degree of kinship (`assistant.situation.family`):
the names of the relatives (`NOUNS`, by the name of a `kinship.Tie` and gender), the sentences that name the degree
counted from the child, and the texts about asking leave in advance or afterwards (Leerplichtwet art. 14 lid 1-2).

The degree is a placeholder ("in de {degree}e graad"): the verdict computes it, no text writes it."""

from __future__ import annotations

from assistant.i18n import _

# The names of relatives, lowercase with the article ("een oom"), by relation name and gender (None: either).
NOUNS: dict[str, dict[str | None, str]] = {
    "ouder": {None: _("een ouder"), "m": _("een vader"), "f": _("een moeder")},
    "grootouder": {None: _("een grootouder"), "m": _("een opa"), "f": _("een oma")},
    "overgrootouder": {None: _("een overgrootouder"), "m": _("een overgrootvader"), "f": _("een overgrootmoeder")},
    "betovergrootouder": {None: _("een betovergrootouder")},
    "broer_zus": {None: _("een broer of zus"), "m": _("een broer"), "f": _("een zus")},
    "halfbroer_zus": {None: _("een halfbroer of halfzus"), "m": _("een halfbroer"), "f": _("een halfzus")},
    "oom_tante": {None: _("een oom of tante"), "m": _("een oom"), "f": _("een tante")},
    "oudoom_tante": {None: _("een oudoom of oudtante"), "m": _("een oudoom"), "f": _("een oudtante")},
    "kind_broer_zus": {
        None: _("een kind van een broer of zus"),
        "m": _("een zoon van een broer of zus"),
        "f": _("een dochter van een broer of zus"),
    },
    "volle_neef": {None: _("een volle neef of nicht"), "m": _("een volle neef"), "f": _("een volle nicht")},
    "neef_ouder": {
        None: _("een neef of nicht van een ouder"),
        "m": _("een neef van een ouder"),
        "f": _("een nicht van een ouder"),
    },
    "kleinkind_broer_zus": {None: _("een kleinkind van een broer of zus")},
    "kind_volle_neef": {None: _("een kind van een volle neef of nicht")},
    "stiefouder": {None: _("een stiefouder"), "m": _("een stiefvader"), "f": _("een stiefmoeder")},
    "stiefgrootouder": {None: _("een stiefgrootouder"), "m": _("een stiefopa"), "f": _("een stiefoma")},
    "aangetrouwd_oom_tante": {
        None: _("een aangetrouwde oom of tante"),
        "m": _("een aangetrouwde oom"),
        "f": _("een aangetrouwde tante"),
    },
    "schoonouder": {None: _("een schoonouder"), "m": _("een schoonvader"), "f": _("een schoonmoeder")},
    "zwager_schoonzus": {None: _("een zwager of schoonzus"), "m": _("een zwager"), "f": _("een schoonzus")},
    "neef_nicht": {None: _("een neef of nicht"), "m": _("een neef"), "f": _("een nicht")},
    "achterneef": {None: _("een achterneef of achternicht"), "m": _("een achterneef"), "f": _("een achternicht")},
    "familielid": {None: _("een familielid")},
}

KIN_BLOOD = _("familie in de {degree}e graad")
KIN_MARRIAGE = _("aangetrouwde familie (aanverwant) in de {degree}e graad")
KIN_RANGE = _("familie in de {low}e of {high}e graad")

# Counted from whom: the asker's child (a parent asks), the child (a school asks, or nobody said), the asker (a young
# person, or someone asking about their own relative).
IS = {
    "uw kind": _("Vanaf uw kind geteld is {relative} {kin}."),
    "het kind": _("Vanaf het kind geteld is {relative} {kin}."),
    "u": _("Vanaf u geteld is {relative} {kin}."),
}
EITHER = {
    "uw kind": _("Vanaf uw kind geteld kan {said} {one} zijn ({first}e graad) of {two} ({second}e graad)."),
    "het kind": _("Vanaf het kind geteld kan {said} {one} zijn ({first}e graad) of {two} ({second}e graad)."),
    "u": _("Vanaf u geteld kan {said} {one} zijn ({first}e graad) of {two} ({second}e graad)."),
}
# A parent's own relative ("mijn broer"), counted from the child; a parent's own parent ("mijn vader") by name.
YOURS = _("Vanaf uw kind geteld is {said} van u {relative}: {kin}.")
YOURS_PARENT = _("Vanaf uw kind geteld is {said} {relative}: {kin}.")
PARENT_SAID = {None: _("uw ouder"), "m": _("uw vader"), "f": _("uw moeder")}
YOURS_RANGE = _("Vanaf uw kind geteld is {said} van u {kin}.")
YOURS_EITHER = _("Vanaf uw kind geteld kan {said} van u {one} zijn ({first}e graad) of {two} ({second}e graad).")
ASKING_FOR_CHILD = _("Vraagt u het als ouder voor uw kind?")

# A question about a degree ("Is een achterneef 3e graad?").
YES = _("Ja.")
NO = _("Nee.")
WITHIN_ASKED = _("Dat is dichterbij dan de {asked}e graad, dus het valt binnen 'tot en met de {asked}e graad'.")
BEYOND_ASKED = _("Dat is verder dan de {asked}e graad.")
FIRST_ONLY_ASKED = _("Alleen in het eerste geval valt het binnen de {asked}e graad.")

# The guidance for an event and a degree (the counts themselves are in knowledge/rules/verlof.yml `kin_days`).
GUIDANCE_DEGREES = _(
    "Als richtlijn tellen veel gemeenten bij een huwelijk of ernstige ziekte familie tot en met de {wedding}e graad "
    "mee, en bij een overlijden tot en met de {death}e graad. Dit kan per gemeente verschillen."
)
WITHIN_EVENT_GUIDANCE = _(
    "Voor {label} valt dat binnen de richtlijnen, die familie tot en met de {up_to}e graad noemen. Uw school of "
    "gemeente kan andere afspraken hebben."
)
BEYOND_GUIDANCE = _(
    "Dat is verder dan de {up_to}e graad die de richtlijnen voor {label} noemen. Zij geven daarvoor geen aantal "
    "dagen; de directeur beslist of het toch een gewichtige omstandigheid is (artikel 14 Leerplichtwet)."
)
BETWEEN_DISTANCE = _("Of de gevraagde dagen daarin passen, hangt af van de reisafstand.")
BETWEEN_SCHOOL = _("Of de gevraagde dagen daarin passen, hangt af van de richtlijn van de school of gemeente.")

# Asking in advance, or afterwards (art. 14 lid 1 and 2).
MUST_ASK = _(
    "Uw kind mag niet zomaar thuisblijven: vraag vooraf verlof aan de directeur. Kon dat niet, meld de reden dan "
    "binnen {days} dagen; dan kan de directeur het verlof alsnog geven (artikel 14 Leerplichtwet)."
)
AFTERWARDS = _(
    "Meld de reden zo snel mogelijk aan de directeur: binnen {days} dagen nadat uw kind daardoor niet naar school "
    "kon. Dan kan de directeur het verlof alsnog geven (artikel 14 Leerplichtwet)."
)
PROOF = _(
    "Volgens richtlijnen van gemeenten kan de school om bewijs vragen, zoals een rouwkaart, trouwkaart of "
    "doktersverklaring."
)
