"""`make bench`: latency of /api/chat and of Rasa itself, start-up time and memory, on this machine.

Starts the stack with `make run` (as a user would), waits for /health 200, then measures per-message latency at 1 and
10 concurrent conversations through the gateway and directly against Rasa's gateway channel (the one the gateway
calls, with the gateway token; Rasa's unauthenticated REST channel is not enabled), reads the resident memory of every
process,
stops the stack and writes docs/benchmarks.md with a plot. Traffic goes to loopback only and every loop is bounded.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx

from assistant.devtools.stack import GATEWAY, RASA, ROOT, RunningStack, running_stack
from assistant.settings import get_settings

RASA_LABEL = "Rasa (gateway channel)"


def _rasa_headers() -> dict[str, str]:
    """The gateway token `make run` gave Rasa's channel (the same settings: environment and .env)."""
    return {"X-Gateway-Token": get_settings().gateway_token.get_secret_value()}


MESSAGES = [
    "hallo",
    "mag mijn zoon een week eerder op vakantie",
    "hoeveel dagen vrij krijgt mijn dochter voor de bruiloft van haar oom",
    "tot welke leeftijd moet mijn kind naar school",
    "wanneer moeten wij als school verzuim melden bij DUO",
    "dank je wel",
]
TURNS_PER_CONVERSATION = len(MESSAGES)
# One conversation at a time: the gateway's added latency. Conversations alternate between Rasa's gateway channel and
# /api/chat, so a slower moment of the machine falls on both series alike.
SEQUENTIAL_CONVERSATIONS = 20
# (concurrent conversations, conversations run, think time in s). People read and type between messages: the targets
# are judged with think time, and with it the first conversations start at random moments within one think time (ten
# parents do not press enter in the same millisecond; a new conversation starts when one ends). The series without
# think time shows the capacity of one Rasa process (saturation).
RUNS = [(10, 100, 1.0), (10, 30, 0.0)]


@dataclass
class Series:
    target: str
    concurrency: int
    latencies_ms: list[float]
    errors: int
    think: float = 0.0

    @property
    def label(self) -> str:
        path = "/api/chat" if self.target == "gateway" else RASA_LABEL
        pace = f"{self.think:g} s think time" if self.think else "no think time"
        return f"{path}, {self.concurrency} conc., {pace}"

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _conversation(
    client: httpx.AsyncClient, target: str, latencies: list[float], errors: list[int], think: float = 0.0
) -> None:
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    for number, text in enumerate(MESSAGES):
        if think and number:
            await asyncio.sleep(think * random.uniform(0.5, 1.5))  # noqa: S311 - a person reads and types
        started = time.perf_counter()
        if target == "gateway":
            response = await client.post(f"{GATEWAY}/api/chat", json={"sender_id": sender, "message": text})
        else:
            response = await client.post(
                f"{RASA}/webhooks/gateway/webhook",
                headers=_rasa_headers(),
                json={"sender": sender, "message": text, "metadata": {"language": "nl"}},
            )
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code == 200:
            latencies.append(elapsed)
        else:
            errors.append(response.status_code)


async def measure(target: str, concurrency: int, conversations: int, think: float = 0.0) -> Series:
    latencies: list[float] = []
    errors: list[int] = []
    semaphore = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(timeout=30) as client:
        await _conversation(client, target, [], [])  # warm-up, not counted

        async def run_one(number: int) -> None:
            async with semaphore:
                if think and number < concurrency:  # the first ones start within one think time, not all at once
                    await asyncio.sleep(random.uniform(0, think))  # noqa: S311
                await _conversation(client, target, latencies, errors, think)

        await asyncio.gather(*(run_one(number) for number in range(conversations)))
    return Series(target, concurrency, latencies, len(errors), think)


async def measure_in_rounds(concurrency: int, conversations: int, think: float) -> tuple[Series, Series]:
    """`conversations` per target, `concurrency` at a time, in rounds that alternate Rasa and /api/chat (as the
    one-conversation series does), so a slower minute of the machine falls on both series alike."""
    merged = {target: Series(target, concurrency, [], 0, think) for target in ("rasa", "gateway")}
    for _round in range(max(1, conversations // concurrency)):
        for target, total in merged.items():
            part = await measure(target, concurrency, concurrency, think)
            total.latencies_ms.extend(part.latencies_ms)
            total.errors += part.errors
    return merged["rasa"], merged["gateway"]


async def measure_alternating(conversations: int) -> tuple[Series, Series]:
    """One conversation at a time, alternating Rasa and /api/chat."""
    results = {target: ([], []) for target in ("rasa", "gateway")}
    async with httpx.AsyncClient(timeout=30) as client:
        for target in results:
            await _conversation(client, target, [], [])  # warm-up, not counted
        for _ in range(conversations):
            for target, (latencies, errors) in results.items():
                await _conversation(client, target, latencies, errors)
    return tuple(Series(target, 1, latencies, len(errors)) for target, (latencies, errors) in results.items())


def machine_speed_seconds() -> float:
    """Seconds for a fixed pure-Python loop: a reference for comparing runs on a shared machine whose speed varies
    (on this one the same loop takes between ~0.8 and ~1.4 s from one minute to the next)."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - started


def resident_memory(stack: RunningStack) -> dict[str, float]:
    """RSS in MiB of every process `make run` starts (Rasa, assistant, action server, scheduler, honcho)."""
    memory: dict[str, float] = {}
    for pid in stack.process_ids():
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        rss_kib = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        if "rasa run" in cmdline:
            name = "rasa"
        elif "assistant serve-actions" in cmdline:
            name = "action server (uvicorn)"
        elif "assistant serve" in cmdline or "uvicorn" in cmdline:
            name = "assistant (uvicorn)"
        elif "assistant purge" in cmdline:
            name = "retention scheduler"
        elif "honcho" in cmdline:
            name = "honcho (process runner)"
        else:
            continue
        memory[name] = max(memory.get(name, 0.0), rss_kib / 1024)
    return memory


def plot(series: list[Series], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(11, 5))
    labels, p50s, p95s = [], [], []
    for item in series:
        labels.append(item.label.replace(", ", "\n", 1).replace("think time", "think"))
        p50s.append(item.percentile(50))
        p95s.append(item.percentile(95))
    positions = range(len(labels))
    axis.bar([p - 0.2 for p in positions], p50s, width=0.4, label="p50", color="#1f5f8b")
    axis.bar([p + 0.2 for p in positions], p95s, width=0.4, label="p95", color="#e0a526")
    axis.axhline(150, color="#b3261e", linestyle="--", linewidth=1, label="p95 target /api/chat (150 ms)")
    axis.set_xticks(list(positions), labels)
    axis.set_ylabel("latency per message (ms)")
    axis.set_title("Leerplicht-assistent: per-message latency on a 2-core machine")
    axis.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=120)


def write_report(
    series: list[Series], startup_seconds: float, memory: dict[str, float], speed: tuple[float, float]
) -> None:
    by_key = {(s.target, s.concurrency, s.think): s for s in series}
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on this machine "
        f"({os.cpu_count()} cores), SQLite storage, one Rasa process and one assistant process. "
        f"Each conversation sends {TURNS_PER_CONVERSATION} Dutch messages; latency is per message, measured by the "
        "client on loopback. Rasa's gateway channel (the one the gateway calls) is measured directly for comparison. "
        "The two alternate: conversation "
        "by conversation at one at a time, round by round (ten conversations) at ten at a time. With think time, "
        "the first ten conversations of a round start at random moments within the first think time instead of all "
        "in the same millisecond. Where the time goes and what was changed: "
        "[performance.md](performance.md).",
        "",
        f"Machine speed reference (a fixed pure-Python loop, before and after the measurements): {speed[0]:.2f} s and "
        f"{speed[1]:.2f} s; compare runs only at similar values.",
        "",
        "| path | concurrent conversations | think time (s) | messages | errors | p50 (ms) | p95 (ms) | mean (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for item in series:
        lines.append(
            f"| {'/api/chat' if item.target == 'gateway' else RASA_LABEL} | {item.concurrency} | {item.think:g} | "
            f"{len(item.latencies_ms)} | {item.errors} | {item.percentile(50):.1f} | {item.percentile(95):.1f} | "
            f"{statistics.mean(item.latencies_ms):.1f} |"
        )
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---:|---|"]

    def added(concurrency: int, think: float) -> float:
        gateway, rasa = by_key[("gateway", concurrency, think)], by_key[("rasa", concurrency, think)]
        return gateway.percentile(50) - rasa.percentile(50)

    for concurrency, think in ((1, 0.0), (10, 1.0)):
        overhead = added(concurrency, think)
        lines.append(
            f"| gateway adds ≤ 10 ms to Rasa's p50 ({concurrency} conc., {think:g} s think) | "
            f"{overhead:+.1f} ms | {'yes' if overhead <= 10 else 'no'} |"
        )
    p95 = by_key[("gateway", 10, 1.0)].percentile(95)
    lines.append(
        f"| p95 through /api/chat < 150 ms at 10 conc. (1 s think) | {p95:.1f} ms | {'yes' if p95 < 150 else 'no'} |"
    )
    saturated = by_key[("gateway", 10, 0.0)].percentile(95)
    lines.append(
        f"| (capacity, not a target) at 10 conc. with no think time every message waits behind nine others: "
        f"p95 through /api/chat; what the gateway adds to Rasa's p50 there | "
        f"{saturated:.1f} ms; {added(10, 0.0):+.1f} ms | – |"
    )
    lines += [
        "",
        f"Time from `make run` to `/health` 200 with a trained model: **{startup_seconds:.1f} s**.",
        "",
        "| process | resident memory (MiB) |",
        "|---|---:|",
        *[f"| {name} | {rss:.0f} |" for name, rss in sorted(memory.items())],
        "",
        "![latency](img/bench-latency.png)",
        "",
    ]
    path = ROOT / "docs" / "benchmarks.md"
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    # written by `make loadtest` and scripts/bench_stats.py: keep them
    kept = [
        index
        for index in (previous.find("\n## Load test\n"), previous.find("\n## Back-office statistics\n"))
        if index != -1
    ]
    if kept:
        lines.append(previous[min(kept) + 1 :])
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    speed_before = machine_speed_seconds()
    with running_stack("bench") as stack:
        series = list(asyncio.run(measure_alternating(SEQUENTIAL_CONVERSATIONS)))
        for concurrency, conversations, think in RUNS:
            series.extend(asyncio.run(measure_in_rounds(concurrency, conversations, think)))
        for item in series:
            print(
                f"{item.label:45}: p50={item.percentile(50):6.1f} ms p95={item.percentile(95):6.1f} ms "
                f"errors={item.errors}"
            )
        memory = resident_memory(stack)
    plot(series, ROOT / "docs" / "img" / "bench-latency.png")
    write_report(series, stack.startup_seconds, memory, (speed_before, machine_speed_seconds()))
    print(f"start-up {stack.startup_seconds:.1f} s; memory {memory}; wrote docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
