"""Pydantic models of the knowledge files in `knowledge/` (statutes, sources, topics, regions)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Basis = Literal["law", "guidance", "regional"]
Audience = Literal["school", "young"]  # who may have an own text besides the general one (parents): staff, pupils


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(BaseModel):
    """A source as the chat API shows it next to a message."""

    model_config = ConfigDict(frozen=True)

    ref: str = Field(examples=["Leerplichtwet 1969, artikel 13a"])
    url: str | None = Field(default=None, examples=["https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a"])


class ArticleEntry(_Strict):
    """An article as written in a statute file (the law's metadata lives one level up)."""

    number: str
    title: str
    fidelity: Literal["verbatim", "paraphrase"]
    text: str = Field(min_length=1)
    url: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    excerpt: str | None = None
    facts: tuple[str, ...] = ()
    notes: str | None = None
    uncertain: str | None = None


class Article(ArticleEntry):
    """One statute article, with the law's metadata copied in."""

    id: str
    law: str
    bwb_id: str

    @property
    def citation(self) -> Citation:
        return Citation(ref=f"{self.law}, artikel {self.number}", url=self.url)


class StatuteFile(_Strict):
    law: str
    prefix: str = Field(pattern=r"^[a-z]+$")
    bwb_id: str = Field(pattern=r"^BWBR\d{7}$")
    valid_from: dt.date | None = None
    source: str
    uncertain: str | None = None
    articles: tuple[ArticleEntry, ...] = Field(min_length=1)


class Source(_Strict):
    """A guidance or regional source (`src:<slug>`)."""

    id: str = Field(pattern=r"^src:[a-z0-9][a-z0-9-]*$")
    publisher: str
    title: str
    url: str | None = None
    kind: Literal["guidance", "regional"]
    retrieved: dt.date | None = None
    facts: tuple[str, ...] = ()
    notes: str | None = None
    uncertain: str | None = None

    @property
    def citation(self) -> Citation:
        return Citation(ref=f"{self.publisher} – {self.title}", url=self.url)


class Answer(_Strict):
    short: str = Field(min_length=1)
    steps: tuple[str, ...] = ()
    details: tuple[str, ...] = ()

    @field_validator("short")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the short answer is empty")
        return value


class Statement(_Strict):
    text: str = Field(min_length=1)
    basis: Basis
    citations: tuple[str, ...] = Field(min_length=1)
    audience: Audience | None = Field(
        default=None,
        description="Set when the statement backs only the topic's text for that audience (`Topic.audiences`); such "
        "a statement is not searched, as that text is not.",
    )


class Variant(_Strict):
    """What changes in a topic's answer for one event (a `gebeurtenis`) or for a question about one subject
    (`ids.ASKED_SUBJECTS`: "thuisonderwijs" in the exemptions)."""

    short: str | None = None
    steps: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()


class AudienceText(_Strict):
    """A topic's answer written for one audience (`school`: school staff; `young`: the young person asking for
    themselves), replacing the general answer (which is written for parents) when that audience asks. Its steps and
    details replace the general ones too, also when it has none (the parents' steps do not speak to them); its own
    citations are the ones shown with it."""

    short: str = Field(min_length=1)
    steps: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    citations: tuple[str, ...] = Field(min_length=1)

    @property
    def texts(self) -> list[str]:
        return [self.short, *self.steps, *self.details]


class Topic(_Strict):
    id: str
    title: str = Field(min_length=1)
    last_verified: dt.date
    keywords: tuple[str, ...] = ()
    answer: Answer
    statements: tuple[Statement, ...] = ()
    citations: tuple[str, ...] = Field(min_length=1)
    handoff: bool = False
    variants: dict[str, Variant] = Field(default_factory=dict)
    audiences: dict[Audience, AudienceText] = Field(
        default_factory=dict,
        description="The answer for an audience other than parents (`school`), chosen when that audience asks.",
    )
    related: tuple[str, ...] = ()
    no_law_reason: str | None = Field(
        default=None, description="Why the topic has no `law` statement (required when it has none)."
    )
    literal_numbers: tuple[str, ...] = Field(
        default=(),
        description="Phrases of the answer whose quantity is no parameter's although a parameter has the "
        "same value (a guidance count of days that equals a legal term); the validation does not ask for a "
        "placeholder there. The quantity must still stand in a cited source.",
    )

    def audience_text(self, audience: str | None) -> AudienceText | None:
        """The topic's text for `audience` (`school`), or None when it has none (the general answer applies)."""
        return next((text for name, text in self.audiences.items() if name == audience), None)

    @field_validator("keywords", mode="before")
    @classmethod
    def _numbers_are_keywords_too(cls, value: object) -> object:
        """A bare YAML number in the keyword list (`13a, 14`) is meant as text."""
        if isinstance(value, list):
            return [
                str(item) if isinstance(item, int | float) and not isinstance(item, bool) else item for item in value
            ]
        return value


class Contact(_Strict):
    name: str
    kind: Literal["leerplicht", "doorstroompunt", "gemeente"]
    phone: str | None = None
    email: str | None = None
    postal_address: str | None = None
    url: str | None = None
    verified: bool
    note: str | None = None
    citations: tuple[str, ...] = Field(min_length=1)


class Municipality(_Strict):
    name: str
    leerplicht_by: str
    doorstroompunt_by: str | None = None
    vakantieregio: Literal["noord", "midden", "zuid"]
    citations: tuple[str, ...] = Field(min_length=1)
    contacts: tuple[Contact, ...] = ()
    note: str | None = None
    uncertain: str | None = None


class VakantieRegio(_Strict):
    region: Literal["noord", "midden", "zuid"]
    text: str
    citations: tuple[str, ...] = Field(min_length=1)


class Agreement(_Strict):
    """A regional agreement from the Twente instruction or annual reports (always `basis: regional`)."""

    id: str
    title: str
    text: str
    applies_to: tuple[str, ...] = Field(min_length=1)
    basis: Literal["regional"]
    citations: tuple[str, ...] = Field(min_length=1)


class DoorstroompuntArea(_Strict):
    """A town outside the municipalities table whose early school leavers a listed municipality's Doorstroompunt
    serves. Who runs leerplicht there is not in the sources, so it has no `leerplicht_by`."""

    name: str
    doorstroompunt_by: str
    citations: tuple[str, ...] = Field(min_length=1)
    note: str | None = None


class RegionsFile(_Strict):
    municipalities: tuple[Municipality, ...] = Field(min_length=1)
    doorstroompunt_areas: tuple[DoorstroompuntArea, ...] = ()
    vakantieregio: VakantieRegio
    agreements: tuple[Agreement, ...] = ()


class Region(_Strict):
    """A municipality as `KnowledgeBase.region` returns it: its own data, the contacts of the municipality that
    runs leerplicht for it, and the regional agreements that apply there."""

    name: str
    leerplicht_by: str
    doorstroompunt_by: str | None
    vakantieregio: Literal["noord", "midden", "zuid"]
    contacts: tuple[Contact, ...]
    agreements: tuple[Agreement, ...]
    citations: tuple[str, ...]
    note: str | None = None
    uncertain: str | None = None
