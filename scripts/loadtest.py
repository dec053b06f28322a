"""`make loadtest`: many concurrent multi-turn Dutch conversations against the running stack, then a check that no
turn was lost, duplicated or reordered, in the app's `chat_messages` and in Rasa's tracker `events`.

By default it starts the stack itself with `make run` (SQLite, one Rasa, one gateway process; var/loadtest/), runs
`--conversations` simulated users for `--duration` seconds, stops the stack and verifies the databases. With
`--stack none` it drives a stack that is already running (e.g. `make scale`) and reads the databases named by
`--database-url` / `--tracker-url`.

Each simulated user runs one dialogue after another (greeting, a question, a follow-up, thanks), with a think time
between turns (`--think`, seconds, uniformly 0.5x-1.5x), and starts no new dialogue after the duration; every
dialogue in flight finishes, bounded by the request timeout. Traffic goes to loopback only.
Writes the "## Load test" section of docs/benchmarks.md (the rest of that file is `make bench`'s).

`--one-address`: parents behind one shared address (a school or a reception centre), against the stack's real rate
limits. Every user sends from the same address, by default 4 messages a minute (`--think 15`), and one more
conversation floods (a message a second). The run passes when no user's message met a 429 and the flooding
conversation did: the limits count per conversation, with a per-address ceiling far above 50 parents.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.db.session import normalise_url  # noqa: E402
from assistant.devtools.reports import write_section  # noqa: E402
from assistant.devtools.stack import GATEWAY, running_stack  # noqa: E402

DIALOGUES = [
    [
        "Goedemiddag",
        "Hoeveel dagen vrij krijgt mijn zoon voor de bruiloft van mijn zus?",
        "en voor een begrafenis?",
        "Dank u wel",
    ],
    [
        "Hallo",
        "Mag ik een week eerder op vakantie omdat ik in de zomer moet werken?",
        "Hoe vraag ik dat verlof aan?",
        "Bedankt voor de uitleg",
    ],
    [
        "Hoi",
        "Vanaf welke leeftijd is mijn kind leerplichtig?",
        "En tot welke leeftijd moet hij naar school?",
        "Dank je wel",
    ],
    [
        "Goedemorgen",
        "Moeten wij als school 16 uur verzuim melden bij DUO?",
        "En als een leerling vaak te laat komt?",
        "Dankjewel",
    ],
]
REQUEST_TIMEOUT = 30.0
P95_TARGET_MS = 1000.0
SECTION = "## Load test"


@dataclass
class Turn:
    text: str
    status: int  # 0: no HTTP answer (timeout, connection error)
    latency_ms: float
    bot_texts: list[str] = field(default_factory=list)


@dataclass
class Conversation:
    sender_id: str
    turns: list[Turn] = field(default_factory=list)


@dataclass
class Run:
    conversations: list[Conversation]
    seconds: float
    concurrency: int
    think: float
    flooding: Conversation | None = None  # --one-address: the conversation that floods (not one of the users)

    @property
    def turns(self) -> list[Turn]:
        return [turn for conversation in self.conversations for turn in conversation.turns]

    @property
    def latencies(self) -> list[float]:
        return sorted(turn.latency_ms for turn in self.turns if turn.status == 200)

    def percentile(self, p: float) -> float:
        values = self.latencies
        if not values:
            return float("nan")
        return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]

    @property
    def errors(self) -> Counter[int]:
        return Counter(turn.status for turn in self.turns if turn.status != 200)


async def user(
    client: httpx.AsyncClient,
    gateway: str,
    deadline: float,
    think: float,
    conversations: list[Conversation],
    rng: random.Random,
    one_address: bool = False,
) -> None:
    await asyncio.sleep(rng.uniform(0, max(think, 0.5)))  # users do not all arrive at once
    # By default each simulated parent has their own address, as at home (counted as such when the stack trusts
    # loopback as its proxy: FORWARDED_ALLOW_IPS). With --one-address all share the address that connects.
    address = (
        {}
        if one_address
        else {"X-Forwarded-For": f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"}
    )
    while time.monotonic() < deadline:
        conversation = Conversation(f"load-{uuid.uuid4().hex[:16]}")
        conversations.append(conversation)
        for index, message in enumerate(rng.choice(DIALOGUES)):
            if index and think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
            started = time.perf_counter()
            try:
                response = await client.post(
                    f"{gateway}/api/chat",
                    headers=address,
                    json={"sender_id": conversation.sender_id, "message": message},
                )
                status = response.status_code
                body = response.json() if status == 200 else {}
            except (httpx.HTTPError, ValueError):
                status, body = 0, {}
            latency = (time.perf_counter() - started) * 1000
            conversation.turns.append(
                Turn(message, status, latency, [m.get("text", "") for m in body.get("messages", [])])
            )
            if status != 200:
                break  # a real user would retry later; the check below accounts for the stored user turn


async def flood(client: httpx.AsyncClient, gateway: str, deadline: float, conversation: Conversation) -> None:
    """One conversation sending a message a second, whatever the answer (a script, or a stuck button)."""
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            response = await client.post(
                f"{gateway}/api/chat", json={"sender_id": conversation.sender_id, "message": "hallo"}
            )
            status = response.status_code
            body = response.json() if status == 200 else {}
        except (httpx.HTTPError, ValueError):
            status, body = 0, {}
        conversation.turns.append(
            Turn(
                "hallo",
                status,
                (time.perf_counter() - started) * 1000,
                [m.get("text", "") for m in body.get("messages", [])],
            )
        )
        await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - started)))


async def drive(
    gateway: str, concurrency: int, duration: float, think: float, seed: int, one_address: bool = False
) -> Run:
    conversations: list[Conversation] = []
    limits = httpx.Limits(max_connections=concurrency + 10, max_keepalive_connections=concurrency + 10)
    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT, limits=limits) as client:
        warm = Conversation(f"load-warmup-{uuid.uuid4().hex[:8]}")
        for message in DIALOGUES[0]:  # not counted; loads the model's lazy parts
            await client.post(f"{gateway}/api/chat", json={"sender_id": warm.sender_id, "message": message})
        started = time.monotonic()
        deadline = started + duration
        rng = random.Random(seed)  # noqa: S311 - think times, not secrets
        tasks = [
            user(
                client,
                gateway,
                deadline,
                think,
                conversations,
                random.Random(rng.random()),  # noqa: S311
                one_address,
            )
            for _ in range(concurrency)
        ]
        flooding = None
        if one_address:
            flooding = Conversation(f"load-flood-{uuid.uuid4().hex[:12]}")
            tasks.append(flood(client, gateway, deadline, flooding))
        # bounded: the duration, plus one dialogue in flight (4 turns at most REQUEST_TIMEOUT each, with think time)
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=duration + 4 * (REQUEST_TIMEOUT + 2 * think) + 10)
        seconds = time.monotonic() - started
    return Run(conversations, seconds, concurrency, think, flooding)


# --- verification ------------------------------------------------------------------------------------------------


@dataclass
class Check:
    conversations: int = 0
    complete: int = 0
    app_mismatches: list[str] = field(default_factory=list)
    tracker_mismatches: list[str] = field(default_factory=list)
    lost_turns: int = 0
    duplicated_turns: int = 0
    late_turns: int = 0  # Rasa handled the message after the gateway gave up (503): its answer is not in the chat

    @property
    def ok(self) -> bool:
        return not self.app_mismatches and not self.tracker_mismatches


def _rows(url: str, query: str, senders: list[str]) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {sender: [] for sender in senders}
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            for start in range(0, len(senders), 500):
                batch = senders[start : start + 500]
                marks = ", ".join(f":s{i}" for i in range(len(batch)))
                for row in connection.execute(
                    text(query.format(marks=marks)), {f"s{i}": sender for i, sender in enumerate(batch)}
                ):
                    found[row[0]].append(tuple(row[1:]))
    finally:
        engine.dispose()
    return found


def _match_tracker(turns: list[Turn], seen: list[str]) -> tuple[bool, int]:
    """Whether Rasa's user events are the answered turns, in order, once each; a turn the gateway gave up on (503,
    no answer) may or may not be there (Rasa may have handled it late). Returns (in step, late turns)."""
    position, late = 0, 0
    for turn in turns:
        arrived = position < len(seen) and seen[position] == turn.text
        if turn.status == 200:
            if not arrived:
                return False, late
            position += 1
        elif arrived:
            position, late = position + 1, late + 1
    return position == len(seen), late


def verify(run: Run, database_url: str, tracker_url: str) -> Check:
    """Every conversation's turns, complete and in order, exactly once, in both stores."""
    check = Check(conversations=len(run.conversations))
    senders = [c.sender_id for c in run.conversations]
    app = _rows(
        database_url,
        "SELECT c.sender_id, m.author, m.text FROM chat_messages m JOIN conversations c "
        "ON c.id = m.conversation_id WHERE c.sender_id IN ({marks}) ORDER BY m.id",
        senders,
    )
    tracker = _rows(
        tracker_url,
        "SELECT sender_id, data FROM events WHERE type_name = 'user' AND sender_id IN ({marks}) ORDER BY id",
        senders,
    )
    for conversation in run.conversations:
        expected: list[tuple] = []
        to_rasa: list[str] = []
        for turn in conversation.turns:
            if turn.status in (200, 503):  # a 503 means: stored, Rasa not reached
                expected.append(("user", turn.text))
            if turn.status == 200:
                expected.extend(("bot", bot) for bot in turn.bot_texts)
                to_rasa.append(turn.text)
        stored = app[conversation.sender_id]
        if stored != expected:
            check.app_mismatches.append(conversation.sender_id)
            users_stored = Counter(t for author, t in stored if author == "user")
            users_expected = Counter(t for author, t in expected if author == "user")
            check.lost_turns += sum((users_expected - users_stored).values())
            check.duplicated_turns += sum((users_stored - users_expected).values())
        seen = [json.loads(data).get("text") for (data,) in tracker[conversation.sender_id]]
        in_step, late = _match_tracker(conversation.turns, seen)
        check.late_turns += late
        if not in_step:
            check.tracker_mismatches.append(conversation.sender_id)
            check.lost_turns += sum((Counter(to_rasa) - Counter(seen)).values())
            check.duplicated_turns += max(0, sum((Counter(seen) - Counter(to_rasa)).values()) - late)
        if (
            stored == expected
            and in_step
            and all(t.status == 200 for t in conversation.turns)
            and len(conversation.turns) == 4
        ):
            check.complete += 1
    return check


# --- report ------------------------------------------------------------------------------------------------------


def flood_refused(run: Run) -> int:
    return sum(turn.status == 429 for turn in run.flooding.turns) if run.flooding else 0


def report(run: Run, check: Check, stack: str, section: str = SECTION) -> str:
    turns = len(run.turns)
    ok = len(run.latencies)
    errors = ", ".join(f"{status or 'no answer'}: {count}" for status, count in sorted(run.errors.items())) or "none"
    p95 = run.percentile(95)
    lines = [
        section,
        "",
        f"Measured by `scripts/loadtest.py` (`make loadtest`) on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC "
        f"({os.cpu_count()} cores), stack: {stack}. {run.concurrency} simulated users, each running Dutch dialogues "
        f"of four turns (greeting, a question, a follow-up, thanks) one after another for {run.seconds:.0f} s, "
        f"with {run.think:g} s think time between turns (uniformly 0.5x-1.5x). Latency is per message, measured by "
        "the client on loopback; afterwards every conversation is checked in `chat_messages` and in Rasa's tracker "
        "`events`.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| concurrent users | {run.concurrency} |",
        f"| conversations started / complete and verified | {check.conversations} / {check.complete} |",
        f"| messages answered (200) / sent | {ok} / {turns} |",
        f"| errors (by status) | {errors} |",
        f"| throughput | {ok / run.seconds:.1f} messages/s |",
        f"| p50 / p95 / p99 latency | {run.percentile(50):.0f} / {p95:.0f} / {run.percentile(99):.0f} ms |",
        f"| mean / max latency | {statistics.mean(run.latencies) if ok else float('nan'):.0f} / "
        f"{max(run.latencies) if ok else float('nan'):.0f} ms |",
        f"| lost / duplicated turns | {check.lost_turns} / {check.duplicated_turns} |",
        f"| turns Rasa handled after the gateway gave up (answer not shown) | {check.late_turns} |",
        f"| conversations out of step: app / tracker | {len(check.app_mismatches)} / {len(check.tracker_mismatches)} |",
        "",
        "| target | met |",
        "|---|---|",
        f"| no errors | {'yes' if not run.errors else 'no'} |",
        f"| no lost, duplicated or reordered turns | {'yes' if check.ok else 'no'} |",
        f"| p95 < {P95_TARGET_MS:.0f} ms | {'yes' if p95 < P95_TARGET_MS else 'no'} |",
    ]
    if run.flooding is not None:
        lines[2] = lines[2].replace(
            "simulated users,",
            "simulated users behind one address (the stack's real rate "
            "limits), plus one conversation sending a message a second,",
        )
        lines.insert(
            lines.index("| target | met |") - 1,
            f"| flooding conversation: messages refused (429) / sent | "
            f"{flood_refused(run)} / {len(run.flooding.turns)} |",
        )
        lines.append(f"| the flooding conversation meets 429 | {'yes' if flood_refused(run) else 'no'} |")
    return "\n".join([*lines, ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=50, help="concurrent simulated users")
    parser.add_argument("--duration", type=float, default=60, help="seconds during which new dialogues start")
    parser.add_argument(
        "--think",
        type=float,
        default=None,
        help="mean think time between turns (s): reading the answer and typing the next question "
        "(default 5; 15 with --one-address: 4 messages a minute)",
    )
    parser.add_argument(
        "--one-address",
        action="store_true",
        help="all users behind one address, the stack's real rate limits, and one flooding "
        "conversation (which must meet 429 while the users never do)",
    )
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument(
        "--stack",
        choices=("run", "none"),
        default="run",
        help="run: start `make run` here (SQLite); none: use a running stack",
    )
    parser.add_argument("--gateway", default=GATEWAY, help="with --stack none: the gateway's URL (loopback)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), help="with --stack none")
    parser.add_argument(
        "--tracker-url",
        default=os.environ.get("TRACKER_STORE_URL"),
        help="with --stack none (default: the database URL)",
    )
    parser.add_argument("--report", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument(
        "--title",
        default=None,
        help="title of the report section (one section per title), e.g. 'Load test: make scale' "
        "(default 'Load test', with --one-address 'Load test: one address')",
    )
    args = parser.parse_args(argv)
    if args.think is None:
        args.think = 15.0 if args.one_address else 5.0
    if args.title is None:
        args.title = SECTION.removeprefix("## ") + (": one address" if args.one_address else "")
    if not 1 <= args.conversations <= 500 or not 1 <= args.duration <= 1800:
        parser.error("1-500 conversations, 1-1800 seconds")
    if urlsplit(args.gateway).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("the load test only targets loopback")

    if args.stack == "run":
        # One address: the stack's own limits. Otherwise none: one client sends everything here.
        with running_stack("loadtest", settings={} if args.one_address else None):
            run = asyncio.run(
                drive(GATEWAY, args.conversations, args.duration, args.think, args.seed, args.one_address)
            )
        data = ROOT / "var" / "loadtest"
        database_url, tracker_url = f"sqlite:///{data / 'assistant.db'}", f"sqlite:///{data / 'tracker.db'}"
        stack = "`make run` (SQLite, one Rasa process, one gateway process)"
    else:
        if not args.database_url:
            parser.error("--stack none needs --database-url (or DATABASE_URL)")
        run = asyncio.run(
            drive(args.gateway.rstrip("/"), args.conversations, args.duration, args.think, args.seed, args.one_address)
        )
        database_url, tracker_url = args.database_url, args.tracker_url or args.database_url
        stack = os.environ.get("LOADTEST_STACK_LABEL", "an already running stack")
    check = verify(run, database_url, tracker_url)
    section = report(run, check, stack, f"## {args.title}")
    write_section(Path(args.report), section)
    print(section)
    if check.app_mismatches or check.tracker_mismatches:
        print(f"out of step (first 5): app {check.app_mismatches[:5]}, tracker {check.tracker_mismatches[:5]}")
    flood_ok = run.flooding is None or flood_refused(run) > 0
    return 0 if check.ok and not run.errors and flood_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
