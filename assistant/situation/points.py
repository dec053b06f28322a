"""The one point of a topic that a question asks, when a verdict answers that point rather than the topic's general
rule (`Facts.point`):

- `again`: a new melding after an earlier one ("heeft na een eerdere melding opnieuw 16 uur gemist");
- `category`: the DUO category to choose ("In welke categorie melden we …?");
- `consequence`: what happens ("wat gebeurt er als ik stop?");
- `scope`: whether a rule also applies to someone ("Geldt die meldplicht ook voor mbo-studenten?", "geldt leerplicht
  ook voor kinderen van rijke ouders?");
- `check`: whether there are checks ("controleren ze op Schiphol?"; `assistant.situation.luxe`).

The words are the `points` of `assistant/locale/situation.yml` (every language counts in every conversation, as for
the other facts) and, for a consequence and a scope, the `points` words of `assistant/locale/languages.yml` that the
passage choice reads too (`assistant.i18n.phrases.asked_points`), in the conversation's language and in Dutch. The
verdicts that answer a point: `assistant.situation.reporting_points` (reporting to DUO), `leaving` (stopping
school), `explain` (whom leerplicht applies to), `luxe` (what a parent risks, checks). Pure.
"""

from __future__ import annotations

from assistant.i18n import SOURCE_LANGUAGE
from assistant.i18n.phrases import asked_points
from assistant.i18n.situation_words import Token, Words

POINTS = ("again", "category", "consequence", "scope", "check")  # the first one asked wins


def read_point(words: Words, toks: list[Token], text: str, language: str) -> str | None:
    """The point `text` asks (its folded tokens `toks`), or None."""
    found = {phrase.value for phrase, *_rest in words.find("points", toks)}
    asked = asked_points(text, language) | asked_points(text, SOURCE_LANGUAGE)
    found |= asked & {"consequence", "scope"}
    return next((point for point in POINTS if point in found), None)
