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

# Each sender gets a user turn, a slot and a bot turn at the given time (seconds since the epoch).
_RASA_WRITER = """
import asyncio, json, sys, warnings
warnings.filterwarnings("ignore")
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

spec = json.loads(sys.stdin.read())
store = SQLTrackerStore(**spec["store"])
async def main():
    for sender, at in spec["senders"].items():
        tracker = await store.retrieve(sender) or DialogueStateTracker(sender, slots=[])
        for event in (UserUttered("hallo, mag mijn kind vrij?", timestamp=at), SlotSet("topic", "verlof", timestamp=at),
                      BotUttered("Dat hangt ervan af.", timestamp=at)):
            tracker.update(event)
        await store.save(tracker)
asyncio.run(main())
"""


# Conversation turns as Rasa stores them: the (redacted) user text with its parse data, the slots the actions set
# from it, and the bot's answer. Turns of one sender are saved together.
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
                                       timestamp=spec["at"]))
            for name, value in turn["slots"].items():
                tracker.update(SlotSet(name, value, timestamp=spec["at"]))
            tracker.update(BotUttered(turn["bot"], timestamp=spec["at"]))
        await store.save(tracker)
asyncio.run(main())
"""


def write_turns(url: str, turns: list[dict], at: float = 1.7e9) -> str:
    """Store conversation turns (`{"sender", "text", "slots", "bot"}`) as Rasa would; returns "rasa" or "table"."""
    if RASA_PYTHON.exists():
        spec = {"store": _store_arguments(url), "turns": turns, "at": at}
        subprocess.run([str(RASA_PYTHON), "-c", _RASA_TURNS_WRITER], input=json.dumps(spec), text=True, check=True,
                       capture_output=True, timeout=300)
        return "rasa"
    engine = create_engine(normalise_url(url))
    tracker_metadata.create_all(engine)
    with engine.begin() as connection:
        for turn in turns:
            events = [("user", None, {"event": "user", "text": turn["text"], "parse_data": {"text": turn["text"]}})]
            events += [("slot", None, {"event": "slot", "name": name, "value": value})
                       for name, value in turn["slots"].items()]
            events.append(("bot", None, {"event": "bot", "text": turn["bot"]}))
            for kind, intent, data in events:
                connection.execute(tracker_events.insert().values(
                    sender_id=turn["sender"], type_name=kind, timestamp=at, intent_name=intent,
                    data=json.dumps({**data, "timestamp": at})))
    engine.dispose()
    return "table"


def _store_arguments(url: str) -> dict:
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        return {"dialect": "sqlite", "db": parsed.database}
    query = {key: value for key, value in parsed.query.items()}
    return {"dialect": "postgresql", "host": parsed.host or "127.0.0.1", "port": parsed.port or 5432,
            "db": parsed.database, "username": parsed.username, "password": parsed.password, "query": query or None}


def write_tracker(url: str, senders: dict[str, float]) -> str:
    """Three events per sender at time `senders[sender]`; returns "rasa" or "table" (how it was written)."""
    if RASA_PYTHON.exists():
        spec = {"store": _store_arguments(url), "senders": senders}
        subprocess.run([str(RASA_PYTHON), "-c", _RASA_WRITER], input=json.dumps(spec), text=True, check=True,
                       capture_output=True, timeout=120)
        return "rasa"
    engine = create_engine(normalise_url(url))
    tracker_metadata.create_all(engine)
    with engine.begin() as connection:
        for sender, at in senders.items():
            for kind, data in (("user", {"event": "user", "text": "hallo"}), ("slot", {"event": "slot"}),
                               ("bot", {"event": "bot", "text": "Dat hangt ervan af."})):
                connection.execute(tracker_events.insert().values(sender_id=sender, type_name=kind, timestamp=at,
                                                                  data=json.dumps({**data, "timestamp": at})))
    engine.dispose()
    return "table"


def events_per_sender(url: str) -> dict[str, int]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(tracker_events.c.sender_id, func.count())
                                      .group_by(tracker_events.c.sender_id))
            return {sender: count for sender, count in rows}
    finally:
        engine.dispose()
