"""The parent's copy of the conversation: `GET /api/chat/{sender_id}/transcript` as a plain-text file.

Written on the fly from the stored turns (redacted, as everything stored is), in the language the parent asks for
(the conversation's language by default), with the sources of every answer. Nothing is stored for it and nothing is
kept longer because of it: once the conversation is deleted (after `CHAT_RETENTION_DAYS`), there is nothing to
download. The sender id is the key, as for the rest of the chat API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from assistant.cases import sla
from assistant.db.models import ChatMessage, Conversation
from assistant.db.session import session_scope
from assistant.i18n import _, normalise_language, translate
from assistant.i18n.formatting import format_date

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
MAX_TURNS = 2000

TITLE = _("Uw gesprek met de Leerplicht-assistent")
DOWNLOADED_ON = _("Gedownload op {date} om {time} uur.")
DISCLAIMER = _(
    "De Leerplicht-assistent is een automatische assistent. De antwoorden zijn algemene informatie over "
    "de leerplicht, geen besluit over uw situatie. Daarover beslist de schooldirecteur of de "
    "leerplichtambtenaar."
)
REDACTED_NOTE = _(
    "Persoonlijke nummers (zoals een BSN) en contactgegevens zijn uit het gesprek gehaald voordat het werd bewaard."
)
DELETION_NOTE = _(
    "We bewaren het gesprek {days} dagen na uw laatste bericht. Daarna verwijderen we het. Deze kopie "
    "is alleen voor uzelf."
)
SOURCES = _("Bronnen")
AUTHORS = {
    "user": _("U"),
    "bot": _("Assistent"),
    "officer": _("Leerplichtambtenaar"),
    "system": _("Bericht"),
}
NOT_FOUND = _("Dit gesprek bestaat niet (meer).")


@dataclass(frozen=True)
class Download:
    filename: str
    text: str


def _local(moment: datetime) -> datetime:
    return sla.aware(moment).astimezone(LOCAL_TIME)


def _turn(author: str, text: str, at: datetime, citations: list[dict[str, Any]] | None, language: str) -> list[str]:
    moment = _local(at)
    lines = [
        f"{translate(AUTHORS.get(author, AUTHORS['system']), language)} "
        f"({format_date(moment.date(), language, 'short')} {moment:%H:%M}):",
        text.strip(),
    ]
    sources = [c for c in citations or [] if isinstance(c, dict) and c.get("ref")]
    if sources:
        lines.append(f"{translate(SOURCES, language)}:")
        lines.extend(f"- {c['ref']}" + (f" ({c['url']})" if c.get("url") else "") for c in sources)
    return [*lines, ""]


def transcript_text(
    sender_id: str, language: str | None, retention_days: int, now: datetime | None = None
) -> Download | None:
    """The conversation as text in `language` (its own language when None); None when it does not exist."""
    with session_scope() as session:
        conversation = session.execute(
            select(Conversation.id, Conversation.language).where(Conversation.sender_id == sender_id)
        ).first()
        if conversation is None:
            return None
        turns = session.execute(
            select(ChatMessage.author, ChatMessage.text, ChatMessage.created_at, ChatMessage.citations)
            .where(ChatMessage.conversation_id == conversation.id)
            .order_by(ChatMessage.id)
            .limit(MAX_TURNS)
        ).all()
    language = normalise_language(language or conversation.language)
    moment = _local(now or datetime.now(LOCAL_TIME))
    lines = [
        translate(TITLE, language),
        translate(DOWNLOADED_ON, language, date=moment.date(), time=f"{moment:%H:%M}"),
        "",
        translate(DISCLAIMER, language),
        translate(REDACTED_NOTE, language),
        translate(DELETION_NOTE, language, days=retention_days),
        "",
        "-" * 60,
        "",
    ]
    for author, text, at, citations in turns:
        lines.extend(_turn(author, text, at, citations, language))
    return Download(f"leerplicht-assistent-{moment:%Y-%m-%d}.txt", "\n".join(lines).rstrip() + "\n")
