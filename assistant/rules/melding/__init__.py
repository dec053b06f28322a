"""DUO verzuimmelding check for schools: must this absence be reported, how, by when and with what.

`evaluate_melding(facts, on=day)` is pure: the same facts and day always give the same decision, with no I/O
beyond reading the knowledge files once. The law is applied as it holds on `on` (the day the absence is judged):
every number comes from the dated legal parameters (`params(on).melding...`, `knowledge/parameters/`), with the
citation of the version in force; the channels, counting units and regional agreements live in
`knowledge/rules/melding.yml` (whose Dutch names `make i18n-extract` collects too), and where the agreements apply
in the regional table (`knowledge/regions.yml`, through `assistant.knowledge.get_regions`); the other Dutch texts live
in `texts.py`, marked with `_()`, and take the legal numbers as placeholders. The decision's str fields are Dutch
(as `POST /api/melding/check` returns them); the same texts as `Message`s (template and values) are its `findings`
(the explanation's sentences and the notes, as `Finding`s like the verlof rules') and `texts` (the other parts),
for the chat to translate. The package: `facts` (input), `texts`, `outcome` (the decision and the table of what each
category means) and `decide` (the rules). Rules (sources in the parameter and rules files):

- Required (statute or DUO's list of required categories): 16 hours unauthorised within four consecutive lesweken
  (Lpw art. 21a; report again each time a new 16 hours is reached), long-term relative absence (more than four
  weeks), (suspected) luxe verzuim, and young people no longer leer- or kwalificatieplichtig without
  startkwalificatie, below the 18+ age limit, absent four consecutive weeks (WEB 8.1.8a until 2025: under 23;
  WEB 9.2.1-9.2.2 since 1 January 2026: under 27; DUO routes it to the woongemeente, in Twente the Doorstroompunt).
- Not required but agreed in Twente: overig verzuim below the threshold (late arrivals included), participation in
  the preventive spreekuur, and long-term sickness absence (Hengelo and Borne, since 2024-2025).
- Not reported to DUO as verzuim: sickness and suspension (unless unauthorised absence is suspected), and granted
  leave. A schorsing of more than one day is reported to the Inspectie (WVO 2020 art. 8.14 lid 3), not to DUO.

Hours are counted in the school type's unit: klokuren in po, lesuren in vo, uren lestijd in mbo.
"""

from assistant.rules.melding.decide import evaluate_melding
from assistant.rules.melding.facts import (
    AbsenceKind,
    AgeStatus,
    Category,
    MeldingFacts,
    Obligation,
    SchoolType,
    age_status,
    load_melding_rules,
)
from assistant.rules.melding.outcome import EXPLANATION, NOTE, OUTCOMES, Deadline, MeldingDecision, MeldingTexts

__all__ = [
    "EXPLANATION",
    "NOTE",
    "OUTCOMES",
    "AbsenceKind",
    "AgeStatus",
    "Category",
    "Deadline",
    "MeldingDecision",
    "MeldingFacts",
    "MeldingTexts",
    "Obligation",
    "SchoolType",
    "age_status",
    "evaluate_melding",
    "load_melding_rules",
]
