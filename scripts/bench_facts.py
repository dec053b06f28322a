"""`make bench` (third part): how long reading the facts of a message takes (`assistant.situation.read_facts`), at
the message lengths the chat accepts, in each supported language. Writes the "## Reading facts" section of
docs/benchmarks.md. Target: under 250 ms for the longest message (a small part of one chat turn's budget).

    .venv/bin/python scripts/bench_facts.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.devtools.reports import write_section  # noqa: E402
from assistant.situation import read_facts  # noqa: E402

TARGET_MS = 250.0
TODAY = date(2026, 12, 6)
SENTENCES = {
    "nl": "Mijn kind van 8 zit in groep 5 en wij willen in oktober drie weken weg voor een bruiloft. ",
    "en": "My son is 8, in year 5, and we want to leave three weeks in October for a wedding. ",
    "tr": "Oğlum 8 yaşında, ekim ayında bir düğün için üç hafta gitmek istiyoruz. ",
    "pl": "Mój syn ma 8 lat i chcemy wyjechać w październiku na trzy tygodnie na wesele. ",
    "uk": "Моєму сину 8 років, ми хочемо поїхати в жовтні на три тижні на весілля. ",
    "ar": "ابني عمره 8 سنوات ونريد السفر في أكتوبر لمدة ثلاثة أسابيع لحضور حفل زفاف. ",
}
LENGTHS = (200, 2000, 5000)


def measure(text: str, language: str, repeat: int) -> float:
    """The median time of `repeat` readings, in milliseconds (after one warm-up reading)."""
    read_facts(text, language, today=TODAY)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        read_facts(text, language, today=TODAY)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--report", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    rows = [
        "## Reading facts",
        "",
        "Median time of `read_facts` for one message (ms), by language and message length in characters; "
        f"target under {TARGET_MS:.0f} ms at the longest.",
        "",
        "| language | " + " | ".join(f"{n} chars" for n in LENGTHS) + " | met |",
        "|---|" + "---:|" * len(LENGTHS) + "---|",
    ]
    worst = 0.0
    for language, sentence in SENTENCES.items():
        medians = [measure((sentence * (n // len(sentence) + 1))[:n], language, args.repeat) for n in LENGTHS]
        worst = max(worst, medians[-1])
        rows.append(
            f"| {language} | "
            + " | ".join(f"{m:.1f}" for m in medians)
            + f" | {'yes' if medians[-1] < TARGET_MS else 'no'} |"
        )
        print(language, " ".join(f"{m:.1f}" for m in medians))
    write_section(Path(args.report), "\n".join(rows) + "\n")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
