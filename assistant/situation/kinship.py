"""The degree of kinship of a relative named in a message ("mijn broer", "haar tante", "opa", "my cousin", "amcam"),
counted from the child, as the municipal leave guidelines count "bloed- en aanverwanten tot en met de 3e graad".

Pure: the words are in `assistant/locale/situation.yml` (`kin` and the words around it), the relations here.

- **Whose relative.** A word with a possessive of the child ("haar tante", "zijn opa", "de oom van mijn dochter",
  "amcası") or without one ("opa", "een achterneef") names the child's relative: parents say "opa" for the child's
  grandparent. A word with the asker's possessive ("mijn broer", "my uncle", "amcam") names the asker's relative: a
  parent's (the child's uncle, for "mijn broer"), or a young person's own (`Kin.owner` "mine"; who asks decides).
- **Degree.** By blood: the generations up to the common ancestor plus those down to the relative (a grandparent 2,
  an uncle 3, a cousin 4). By marriage (aanverwantschap): the spouse of a blood relative (a stepparent, an aunt by
  marriage) or a blood relative of the spouse (schoonfamilie), in the degree of that blood relative.
- **From the parent to the child.** A parent's blood relative is the child's one generation further up; the
  parent's schoonfamilie is the child's family by blood (the parent's partner taken as the child's other parent: a
  schoonvader is the child's grandfather).
- **Ambiguous words.** "neef" is the child of a brother or sister (3rd degree) or of an uncle or aunt (4th):
  `readings` keeps every reading, and the texts say both rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant.i18n.situation_words import Token, Words, load_words

if TYPE_CHECKING:
    from assistant.situation.reading import Reading

Owner = Literal["child", "mine", "bare"]
Spouse = Literal["of", "in_law"] | None
OWNERS: tuple[str, ...] = ("child", "mine", "bare")


@dataclass(frozen=True)
class Tie:
    """How a relative is related to a person: `up` generations to the common ancestor and `down` from it to the
    relative; `spouse` "of": the relative is the spouse of that blood relative (a stepparent); "in_law": the relative
    is that blood relative of the person's spouse (a schoonvader); None: by blood. `half`: a half-brother or -sister."""

    up: int
    down: int
    spouse: Spouse = None
    half: bool = False

    @property
    def degree(self) -> int:
        return self.up + self.down

    @property
    def by_marriage(self) -> bool:
        return self.spouse is not None

    def for_child(self) -> Tie:
        """The same relative, counted from the child of the person (one generation further up). The person's
        schoonfamilie is the child's blood family: the person's spouse is taken to be the child's other parent."""
        if self.spouse == "in_law":
            return Tie(self.up + 1, self.down)
        return Tie(self.up + 1, self.down, self.spouse)

    @property
    def name(self) -> str:
        """The name of the relation (a key of `assistant.situation.kinship_texts.NOUNS`), "familielid" without one."""
        if self.spouse == "in_law":
            return {(1, 0): "schoonouder", (1, 1): "zwager_schoonzus"}.get((self.up, self.down), "familielid")
        if self.spouse == "of":
            return {
                (1, 0): "stiefouder",
                (2, 0): "stiefgrootouder",
                (1, 1): "zwager_schoonzus",
                (2, 1): "aangetrouwd_oom_tante",
            }.get((self.up, self.down), "familielid")
        if (self.up, self.down) == (1, 1) and self.half:
            return "halfbroer_zus"
        return _BLOOD_NAMES.get((self.up, self.down), "familielid")


_BLOOD_NAMES = {
    (1, 0): "ouder",
    (2, 0): "grootouder",
    (3, 0): "overgrootouder",
    (4, 0): "betovergrootouder",
    (1, 1): "broer_zus",
    (2, 1): "oom_tante",
    (3, 1): "oudoom_tante",
    (1, 2): "kind_broer_zus",
    (2, 2): "volle_neef",
    (3, 2): "neef_ouder",
    (1, 3): "kleinkind_broer_zus",
    (2, 3): "kind_volle_neef",
}


def _b(up: int, down: int) -> Tie:
    return Tie(up, down)


# A relation word's ties (from the person whose relative it is), its gender ("m", "f", None), and the name of the word
# itself where it is not that of its first tie (an ambiguous word: "neef").
_SIBLING, _UNCLE = _b(1, 1), _b(2, 1)
_NEPHEW, _COUSIN = _b(1, 2), _b(2, 2)
_SECOND = (_b(1, 3), _b(2, 3), _b(3, 2))  # "achterneef": a grandchild of a sibling, a child or a parent of a cousin
RELATIONS: dict[str, tuple[tuple[Tie, ...], str | None, str | None]] = {
    "ouder": ((_b(1, 0),), None, None),
    "vader": ((_b(1, 0),), "m", None),
    "moeder": ((_b(1, 0),), "f", None),
    "grootouder": ((_b(2, 0),), None, None),
    "opa": ((_b(2, 0),), "m", None),
    "oma": ((_b(2, 0),), "f", None),
    "overgrootouder": ((_b(3, 0),), None, None),
    "overgrootvader": ((_b(3, 0),), "m", None),
    "overgrootmoeder": ((_b(3, 0),), "f", None),
    "betovergrootouder": ((_b(4, 0),), None, None),
    "broer_zus": ((_SIBLING,), None, None),
    "broer": ((_SIBLING,), "m", None),
    "zus": ((_SIBLING,), "f", None),
    "halfbroer": ((Tie(1, 1, half=True),), "m", None),
    "halfzus": ((Tie(1, 1, half=True),), "f", None),
    "oom_tante": ((_UNCLE,), None, None),
    "oom": ((_UNCLE,), "m", None),
    "tante": ((_UNCLE,), "f", None),
    "oudoom": ((_b(3, 1),), "m", None),
    "oudtante": ((_b(3, 1),), "f", None),
    "neef_nicht": ((_NEPHEW, _COUSIN), None, "neef_nicht"),
    "neef": ((_NEPHEW, _COUSIN), "m", "neef_nicht"),
    "nicht": ((_NEPHEW, _COUSIN), "f", "neef_nicht"),
    "kind_broer_zus": ((_NEPHEW,), None, None),
    "neef_kind": ((_NEPHEW,), "m", None),
    "nicht_kind": ((_NEPHEW,), "f", None),
    "volle_neef_nicht": ((_COUSIN,), None, None),
    "volle_neef": ((_COUSIN,), "m", None),
    "volle_nicht": ((_COUSIN,), "f", None),
    "achterneef_nicht": (_SECOND, None, "achterneef"),
    "achterneef": (_SECOND, "m", "achterneef"),
    "achternicht": (_SECOND, "f", "achterneef"),
    "kleinkind_broer_zus": ((_b(1, 3),), None, None),
    "stiefouder": ((Tie(1, 0, "of"),), None, None),
    "stiefvader": ((Tie(1, 0, "of"),), "m", None),
    "stiefmoeder": ((Tie(1, 0, "of"),), "f", None),
    "aangetrouwde_oom": ((Tie(2, 1, "of"),), "m", None),
    "aangetrouwde_tante": ((Tie(2, 1, "of"),), "f", None),
    "schoonouder": ((Tie(1, 0, "in_law"),), None, None),
    "schoonvader": ((Tie(1, 0, "in_law"),), "m", None),
    "schoonmoeder": ((Tie(1, 0, "in_law"),), "f", None),
    "zwager": ((Tie(1, 1, "in_law"), Tie(1, 1, "of")), "m", None),
    "schoonzus": ((Tie(1, 1, "in_law"), Tie(1, 1, "of")), "f", None),
}
# Words that name a relative only with a possessive: "de ouders", "ik ben vader", "als moeder" name nobody's relative.
NEEDS_OWNER = frozenset({"ouder", "vader", "moeder"})
# The events whose leave guidance counts degrees of kinship (knowledge/rules/verlof.yml `kin_days`): there the degree
# is said. (The jubilee guidance names the parents and grandparents themselves, not a degree.)
KIN_EVENTS = ("huwelijk", "overlijden", "ernstige_ziekte")


@dataclass(frozen=True)
class Kin:
    """A relative named in a message: the relation word's id (a key of RELATIONS) and whose relative it is."""

    relation: str
    owner: Owner

    @property
    def fact(self) -> str:
        """The compact form kept in `Facts.kin` ("mine:broer")."""
        return f"{self.owner}:{self.relation}"

    @classmethod
    def from_fact(cls, value: str | None) -> Kin | None:
        """The Kin of `Facts.kin`; None for anything else (facts may come from a client)."""
        owner, _, relation = str(value or "").partition(":")
        if owner not in OWNERS or relation not in RELATIONS:
            return None
        return cls(relation, owner)  # type: ignore[arg-type]

    @property
    def ties(self) -> tuple[Tie, ...]:
        return RELATIONS[self.relation][0]

    @property
    def gender(self) -> str | None:
        return RELATIONS[self.relation][1]

    @property
    def word_name(self) -> str:
        """The name of the word itself ("neef_nicht" for "neef"), for the texts that name what was said."""
        return RELATIONS[self.relation][2] or self.ties[0].name

    def readings(self, from_parent: bool) -> tuple[Tie, ...]:
        """Every reading of the relative, counted from the child (`from_parent`: the words are a parent's own
        relative, "mijn broer"), blood before marriage and nearer degrees first, without repeats."""
        ties = tuple(tie.for_child() for tie in self.ties) if from_parent else self.ties
        return tuple(sorted(dict.fromkeys(ties), key=lambda tie: (tie.degree, tie.by_marriage)))


def degrees(readings: tuple[Tie, ...]) -> tuple[int, ...]:
    """The distinct degrees of the readings, lowest first."""
    return tuple(sorted({tie.degree for tie in readings}))


# -- reading -----------------------------------------------------------------------------------------------------


def _ends_before(words: Words, name: str, toks: list[Token], index: int) -> bool:
    """Whether a phrase of list `name` ends right before `index` (one word of `kin_filler` may stand between:
    "mijn lieve oma")."""
    for end in (index, index - 1):
        if end < index and not any(p.match(words, toks, end) for p in words.lists["kin_filler"]):
            continue
        for start in range(max(0, end - 3), end):
            found = words.first(name, toks, start)
            if found is not None and found[1] == end:
                return True
    return False


def read_kin(toks: list[Token], words: Words | None = None) -> Kin | None:
    """The first relative a message names, and whose relative it is (see the module); None when it names none."""
    words = words or load_words()
    stems = [Token(token.stem, token.start, token.end) for token in toks]  # "brother's", "opa's": the word itself
    found = [(phrase, start, end) for phrase, start, end, _number in words.find("kin", stems)]
    for index, (phrase, start, end) in enumerate(found):
        relation, _, marked = str(phrase.value).partition("@")
        if relation not in RELATIONS:
            continue
        owner: Owner | None = marked if marked in ("child", "mine") else None  # type: ignore[assignment]
        if owner is None and _ends_before(words, "kin_child", toks, start):
            owner = "child"
        if owner is None and end < len(toks) and words.first("kin_of_child", toks, end) is not None:
            # "de ouders van een leerling vragen vrij voor het huwelijk van de broer": the parents ask, the
            # relative of the event comes later
            if relation in NEEDS_OWNER and index + 1 < len(found):
                continue
            owner = "child"
        if owner is None and _ends_before(words, "kin_mine", toks, start):
            owner = "mine"
        if owner is None and relation in NEEDS_OWNER:
            continue
        return Kin(relation, owner or "bare")
    return None


def read_asked_degree(toks: list[Token], words: Words | None = None) -> int | None:
    """The degree a message asks about ("3e graad", "eerste graad", "third degree", "trzeciego stopnia")."""
    words = words or load_words()
    for phrase, _start, _end, number in words.find("kin_degree", toks):
        value = number if phrase.value == "n" else phrase.value
        if value is not None and float(value).is_integer() and 1 <= int(value) <= 9:
            return int(value)
    return None


def read_family(reading: Reading, toks: list[Token]) -> None:
    """The facts of `assistant.situation.reading` about family: the relative named (`Facts.kin`), the degree asked
    about, and whether the leave could not be asked in advance ("afterwards") or whether asking is needed at all
    ("whether")."""
    words = reading.words
    kin = read_kin(toks, words)
    if kin is not None:
        reading.set("kin", kin.fact)
    degree = read_asked_degree(toks, words)
    if degree is not None:
        reading.set("asked_degree", degree)
    if any(True for _ in words.find("afterwards", toks)):
        reading.set("leave_asked", "afterwards")
    elif any(True for _ in words.find("permission", toks)):
        reading.set("leave_asked", "whether")
