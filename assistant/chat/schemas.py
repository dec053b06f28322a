"""The chat API contract (see docs/architecture.md and ../shared/design.md)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from assistant.conversations.sender_ids import RESERVED, is_reserved
from assistant.conversations.validation import VISIBLE_CHARACTER_PATTERN
from assistant.i18n import SUPPORTED_LANGUAGES
from assistant.knowledge.models import Citation  # the one citation shape: {ref, url}

# The limit on `message` in the published schema; the app sets the configured MAX_MESSAGE_CHARS
# (assistant.http.openapi).
DEFAULT_MAX_MESSAGE_CHARS = 2000
ID_PATTERN = r"^[A-Za-z0-9_.:\-]+$"
# A supported language code, in any case, optionally with a region or script ("en-GB").
LANGUAGE_PATTERN = (
    "^("
    + "|".join("".join(f"[{c.upper()}{c}]" for c in code) for code in SUPPORTED_LANGUAGES)
    + ")(-[A-Za-z0-9]{1,8})*$"
)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    sender_id: str = Field(
        min_length=1,
        max_length=128,
        pattern=ID_PATTERN,
        description="Opaque conversation id chosen by the client.",
        examples=["web-3f1c2a9e"],
    )
    # Checked by the gateway (assistant.conversations.validation), which answers with a friendly reason; the schema
    # states the same rule for clients: something visible, at most MAX_MESSAGE_CHARS characters once invisible
    # characters are removed and the text is NFKC-normalised.
    message: str = Field(
        description="What the user typed, or a button payload such as `/greet`. Control and format characters "
        "(bidi controls, zero-width characters) are removed and the text is NFKC-normalised; what remains must not "
        "be empty and is limited to MAX_MESSAGE_CHARS characters (422 otherwise).",
        json_schema_extra={"pattern": VISIBLE_CHARACTER_PATTERN, "maxLength": DEFAULT_MAX_MESSAGE_CHARS},
        examples=["Mag mijn zoon een dag vrij voor een bruiloft?"],
    )
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code (nl, en, ar, uk, tr, pl), optionally with a region (en-GB). When absent the "
        "conversation's language is used. Another code: 422 with the list of supported languages.",
        json_schema_extra={"pattern": LANGUAGE_PATTERN},
        examples=["nl"],
    )
    client_message_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        pattern=ID_PATTERN,
        description="Optional id the client gives each message and reuses when it retries that message. A repeated "
        "id in the same conversation returns the answer already given (no second turn); while the first attempt is "
        "still being answered, 409 with Retry-After.",
        examples=["m-1f2e3d4c"],
    )

    @field_validator("sender_id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if is_reserved(value):  # the officer threads of verlof requests: see assistant.conversations.sender_ids
            raise PydanticCustomError("value_error", "reserved sender id", {"reason": RESERVED})
        return value


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    id: int | None = Field(
        default=None,
        description="Stable id of the stored message (for feedback: `POST /api/chat/feedback`).",
        examples=[1234],
    )
    text: str = Field(default="", description="The message. For an answer: the answer to the question asked, short.")
    buttons: list[Button] = Field(default_factory=list)
    citations: list[Citation] = Field(
        default_factory=list,
        description="Every source behind the message, those that ground `text` first (statute articles first). A "
        "client may show the first three and the rest on request.",
    )
    headline: bool = Field(
        default=False,
        description="True: the first line of `text` sums the message up (an "
        "outcome, such as whether to report absence to DUO); show it emphasised.",
    )
    details: str | None = Field(
        default=None,
        description="More explanation behind the answer (the steps, the exceptions, how it was computed), for a "
        "'Meer uitleg' control; null when there is none (new: older clients ignore it).",
    )
    topic: str | None = Field(
        default=None,
        description="The answer topic this message answers (a topic id such as `verlof_vakantie`: the topic the "
        "verdict was given in, which may differ from the intent); null for any other message (new: older clients "
        "ignore it).",
        examples=["verlof_vakantie"],
    )


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
