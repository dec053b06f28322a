"""Who is asking: school staff ("onze leerling", "moeten wij melden", "als school"), a young person about their own
obligations ("ik ben 17", "mag ik stoppen"), or a parent about their child ("mijn zoon"). The phrases of every
language are in `assistant/locale/situation.yml` (roles).

School words win over parent words (staff talk about "de ouders" and "het kind" too), and parent words over a young
person's (a parent writes "ik ben moeder"; "ik ben 35" next to "mijn kind" is no young person). A message without
such words says nothing about the role: the conversation's role then stays (`assistant.situation.reply`).
"""

from __future__ import annotations

from assistant.i18n.situation_words import Token, Words, load_words

PRIORITY = ("school", "parent", "young")
YOUNG_MAX_AGE = 30  # "ik ben 45" is no young person asking about school; not law


def read_role(toks: list[Token], words: Words | None = None) -> tuple[str | None, int | None]:
    """(role, the age a young person gave: "ik ben 17" -> ("young", 17)), or (None, None)."""
    words = words or load_words()
    found: dict[str, int | None] = {}
    for phrase, _start, _end, number in words.find("roles", toks):
        age = int(number) if number is not None and number.is_integer() else None
        if phrase.value == "young" and age is not None and not 0 < age <= YOUNG_MAX_AGE:
            continue
        if phrase.value not in found or found[phrase.value] is None:
            found[phrase.value] = age
    for role in PRIORITY:
        if role in found:
            return role, found[role] if role == "young" else None
    return None, None
