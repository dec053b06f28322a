"""The chat API contract (see docs/architecture.md and ../shared/design.md)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    sender_id: str = Field(
        min_length=1,
        max_length=128,
        pattern=r"^[A-Za-z0-9_.:\-]+$",
        description="Opaque conversation id chosen by the client.",
        examples=["web-3f1c2a9e"],
    )
    message: str = Field(description="What the user typed, or a button payload such as `/greet`.")
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code (nl, en, ar, uk, tr, pl). When absent the conversation's language is used.",
        examples=["nl"],
    )


class Button(BaseModel):
    title: str
    payload: str


class Citation(BaseModel):
    ref: str = Field(examples=["Leerplichtwet 1969, artikel 13a"])
    url: str | None = Field(default=None, examples=["https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a"])


class BotMessage(BaseModel):
    text: str = ""
    buttons: list[Button] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    headline: bool = Field(default=False, description="True: the first line of `text` sums the message up (an "
                           "outcome, such as whether to report absence to DUO); show it emphasised.")


class Intent(BaseModel):
    name: str | None
    confidence: float


class Handoff(BaseModel):
    case_id: str
    status: str
    queue_position: int | None = None
    expected_response: str | None = None


class ChatResponse(BaseModel):
    sender_id: str
    language: str
    messages: list[BotMessage]
    intent: Intent | None
    handoff: Handoff | None = None


class ErrorResponse(BaseModel):
    detail: str
