"""No translatable text writes a legal number (issue 14): topic texts name the parameter (`{verlof.x}`, checked by
the knowledge validation), and the texts of the code take the value from `params(on=...)` as a format field
(`{weeks}`, `{lesweken:words}`). A text that states a quantity literally is listed here with the reason it may."""

from __future__ import annotations

import re

from assistant.knowledge.quantities import quantities
from tests.i18n.conftest import template

# Quantities that are no legal number, by the start of the message.
NOT_LEGAL = {
    "16 uur in 4 weken": "the name of DUO's verzuim category, quoted as DUO writes it",
    "lesuren (in het voortgezet onderwijs telt u lesuren; een les": "explains the unit (a lesuur is at most 60 min.)",
    "Een maand is ongeveer {days} schooldagen.": "explains a unit of time, states no term",
    "Dit lijkt geen geldig e-mailadres.": "'nog een keer': asking again",
    "Dank u. Ik heb de data genoteerd": "'nog een keer': asking again",
    "Deze data heb ik al": "'nog een keer': asking again",
    "U gaf eerder deze data": "'nog een keer': asking again",
    "Dat lijkt een datum.": "'nog een keer': asking again",
    "Er ging iets mis bij het versturen.": "'nog een keer': trying again",
    "Ik help u graag met een verlofaanvraag.": "'nog een keer': showing the summary again",
    "Wat is de laatste dag dat uw kind niet naar school gaat?": "'één dag' of the form, no term",
    "Van {start} tot en met {end} is er één schooldag.": "the school days counted in the period asked, no term",
    "Op {start} is er één schooldag.": "the school days counted on the day asked, no term",
    "Als richtlijn geven veel gemeenten {days} dag voor een huwel": "the jubilee years (12½, 25 ...) are no terms",
}


def _literal_quantities(text: str) -> set:
    return quantities(re.sub(r"\{[^{}]*\}", " ; ", text))


def test_no_code_text_writes_a_legal_number_literally() -> None:
    found = [
        message.id
        for message in template()
        if isinstance(message.id, str)
        and message.id
        and not any(comment.startswith("topic ") for comment in message.auto_comments)
        and _literal_quantities(message.id)
    ]
    allowed = tuple(NOT_LEGAL)
    unexpected = [text[:70] for text in found if not text.startswith(allowed)]
    assert unexpected == [], "write these numbers as a format field filled from params(on=...):\n" + "\n".join(
        unexpected
    )
    stale = [start for start in allowed if not any(text.startswith(start) for text in found)]
    assert stale == [], f"fixed or gone: remove from the lists here: {stale}"


def test_no_text_claims_a_twente_wide_overig_verzuim_agreement() -> None:
    """Issue 14, finding 7: asking schools to report overig verzuim is a Hengelo-Borne request (regions.yml
    agreement `overig-verzuim-melden`), not a Twente-wide rule."""
    claims = re.compile(r"in Twente (is )?(wel )?(afgesproken|vraagt)|leerplicht in Twente", re.IGNORECASE)
    assert [
        message.id[:80] for message in template() if isinstance(message.id, str) and claims.search(message.id)
    ] == []
