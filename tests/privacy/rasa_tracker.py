"""Test helper: a Rasa tracker store with chosen events, written by Rasa's own `SQLTrackerStore` when `.venv-rasa`
exists (the table is then exactly Rasa's), otherwise a table with the same columns (`assistant.privacy.retention`).

The tests in `.venv` never import `rasa`; Rasa runs in a subprocess of `.venv-rasa`.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from assistant.db.session import normalise_url
from assistant.privacy.retention import tracker_events, tracker_metadata

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"

# Conversation turns as Rasa stores them: the (redacted) user text with its parse data, the slots the actions set
# from it, and the bot's answer, at the turn's time (seconds since the epoch). Turns of one sender are saved together.
_RASA_TURNS_WRITER = """
import asyncio, json, sys, warnings
warnings.filterwarnings("ignore")
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

spec = json.loads(sys.stdin.read())
store = SQLTrackerStore(**spec["store"])
async def main():
    by_sender = {}
    for turn in spec["turns"]:
        by_sender.setdefault(turn["sender"], []).append(turn)
    for sender, turns in by_sender.items():
        tracker = await store.retrieve(sender) or DialogueStateTracker(sender, slots=[])
        for turn in turns:
            parse_data = {"text": turn["text"], "intent": {"name": "inform", "confidence": 0.9}, "entities": [],
                          "metadata": {"language": "nl"}}
            tracker.update(UserUttered(turn["text"], intent=parse_data["intent"], parse_data=parse_data,
                                       timestamp=turn["at"]))
            for name, value in turn["slots"].items():
                tracker.update(SlotSet(name, value, timestamp=turn["at"]))
            tracker.update(BotUttered(turn["bot"], timestamp=turn["at"]))
        await store.save(tracker)
asyncio.run(main())
"""


def write_turns(url: str, turns: list[dict], at: float = 1.7e9) -> str:
    """Store conversation turns (`{"sender", "text", "slots", "bot"}`, optionally `"at"`) as Rasa would; returns
    "rasa" (Rasa's own SQLTrackerStore, when `.venv-rasa` exists) or "table" (a table with the same columns)."""
    turns = [{"at": at, **turn} for turn in turns]
    if RASA_PYTHON.exists():
        spec = {"store": _store_arguments(url), "turns": turns}
        done = subprocess.run(
            [str(RASA_PYTHON), "-c", _RASA_TURNS_WRITER],
            input=json.dumps(spec),
            text=True,
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return "rasa"
    engine = create_engine(normalise_url(url))
    tracker_metadata.create_all(engine)
    with engine.begin() as connection:
        for turn in turns:
            events = [("user", {"event": "user", "text": turn["text"], "parse_data": {"text": turn["text"]}})]
            events += [
                ("slot", {"event": "slot", "name": name, "value": value}) for name, value in turn["slots"].items()
            ]
            events.append(("bot", {"event": "bot", "text": turn["bot"]}))
            for kind, data in events:
                connection.execute(
                    tracker_events.insert().values(
                        sender_id=turn["sender"],
                        type_name=kind,
                        timestamp=turn["at"],
                        data=json.dumps({**data, "timestamp": turn["at"]}),
                    )
                )
    engine.dispose()
    return "table"


def _store_arguments(url: str) -> dict:
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        return {"dialect": "sqlite", "db": parsed.database}
    query = {key: value for key, value in parsed.query.items()}
    return {
        "dialect": "postgresql",
        "host": parsed.host or "127.0.0.1",
        "port": parsed.port or 5432,
        "db": parsed.database,
        "username": parsed.username,
        "password": parsed.password,
        "query": query or None,
    }


def write_tracker(url: str, senders: dict[str, float]) -> str:
    """A user turn, a slot and a bot turn per sender at time `senders[sender]`; returns "rasa" or "table"."""
    return write_turns(
        url,
        [
            {
                "sender": sender,
                "text": "hallo, mag mijn kind vrij?",
                "slots": {"topic": "verlof"},
                "bot": "Dat hangt ervan af.",
                "at": at,
            }
            for sender, at in senders.items()
        ],
    )


def events_per_sender(url: str) -> dict[str, int]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(tracker_events.c.sender_id, func.count()).group_by(tracker_events.c.sender_id)
            )
            return {sender: count for sender, count in rows}
    finally:
        engine.dispose()
