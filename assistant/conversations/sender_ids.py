"""Conversation ids (sender ids): the ones the chat API accepts, and the ones reserved for the assistant itself.

A verlof request that the leerplichtambtenaar decides gets an officer case with its own thread, under the sender id
`verlof:<reference>`. That thread belongs to the parent who can prove it is theirs
(`assistant.http.routes.verlof_requests`), so the chat API refuses every reserved prefix: with the reference alone
nobody can read or write into it.
"""

from __future__ import annotations

from assistant.i18n import _

VERLOF_PREFIX = "verlof:"
RESERVED_PREFIXES = (VERLOF_PREFIX,)
RESERVED = _("deze gesprekscode is alleen voor intern gebruik. Laad de pagina opnieuw, dan krijgt u een nieuwe code.")


def is_reserved(sender_id: str) -> bool:
    """True for ids the chat API must refuse (any capitalisation)."""
    return sender_id.strip().casefold().startswith(RESERVED_PREFIXES)


def verlof_sender_id(reference: str) -> str:
    """The sender id of the officer thread of verlof request `reference`."""
    return f"{VERLOF_PREFIX}{reference}"


def verlof_reference(sender_id: str) -> str | None:
    """The verlof reference of an officer thread's sender id; None for any other conversation."""
    return sender_id[len(VERLOF_PREFIX) :] if sender_id.startswith(VERLOF_PREFIX) else None
