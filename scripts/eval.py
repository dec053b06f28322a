"""`make eval`: sends every question of ../shared/eval/dev.jsonl and of scripts/eval_situation.jsonl (situational
questions written for this check, not taken from the dev set) to /api/chat as a new conversation and scores it.

Per question it records the intent, the cited articles, whether the answer is on the expected topic with a fitting
article citation, whether it is in the asker's language, which expected facts appear (a word-overlap heuristic;
read docs/eval/answers.md for the real judgement), the length of the first bubble, and whether the first bubble
states the verdict computed for the question's facts (issue 15):

- for a situational question, the values it lists (numbers, and dates written the way the language writes them);
- for a dev-set question, the verdict `assistant.situation` computes offline from the question's facts for the
  expected topics: a question "carries a computable fact" when that gives a verdict (or the one question to ask),
  and the first bubble must contain its first sentence in the question's language.

It also sends the questions of scripts/eval_heldout.jsonl: 180 questions in six languages written for this check by
someone who saw neither the training data nor the dev set, each labelled with the one topic that answers it (or
`request_verlof` for a wish to file a request here). It measures how well the understanding carries over to phrasings
nobody trained on: the topic answered (the API's `topic`; the request form counts as `request_verlof`).

Results go to docs/eval/.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from assistant.devtools.stack import GATEWAY, ROOT, running_stack

DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"
SITUATION_SET = ROOT / "scripts" / "eval_situation.jsonl"
HELDOUT_SET = ROOT / "scripts" / "eval_heldout.jsonl"
REQUEST_FORM = "request_verlof"
OUT = ROOT / "docs" / "eval"
FIRST_BUBBLE_TARGET = 450  # characters (issue 15: the first bubble answers the question asked, short)

# The dev set labels topics coarsely; these are the assistant's topics (intent ask_<id>) that count as a hit for each
# label, and the articles of which at least one must be cited.
TOPIC_MAP: dict[str, tuple[set[str], set[str]]] = {
    "verlof_13a": ({"verlof_vakantie", "luxe_verzuim", "geoorloofd_verzuim"}, {"Leerplichtwet 1969, artikel 13a"}),
    "verlof_14": (
        {"verlof_gewichtige_omstandigheden", "religieuze_feestdag", "familie_graden", "geoorloofd_verzuim"},
        {"Leerplichtwet 1969, artikel 14", "Leerplichtwet 1969, artikel 13", "Leerplichtwet 1969, artikel 11"},
    ),
    "bezwaar": ({"bezwaar"}, {"Algemene wet bestuursrecht, artikel 6:7"}),
    "boete": (
        {"luxe_verzuim", "leerplicht_leeftijd", "leerplicht_uitleg"},
        {
            "Leerplichtwet 1969, artikel 26",
            "Leerplichtwet 1969, artikel 22",
            "Leerplichtwet 1969, artikel 2",
            "Leerplichtwet 1969, artikel 3",
        },
    ),
    "melding": (
        {
            "meldplicht_verzuim",
            "verzuim_18plus",
            "in_uitschrijving",
            "boete_school",
            "thuiszitters",
            "voortijdig_schoolverlaten",
            "ziekte",
            "soorten_verzuim",
            "gegevens_delen",
        },
        {
            "Leerplichtwet 1969, artikel 21a",
            "Leerplichtwet 1969, artikel 18",
            "Leerplichtwet 1969, artikel 27",
            "Leerplichtwet 1969, artikel 11",
            "Leerplichtwet 1969, artikel 12",
        },
    ),
    "leeftijd": (
        {
            "leerplicht_leeftijd",
            "kwalificatieplicht",
            "vijfjarigen",
            "nieuwkomers",
            "voortijdig_schoolverlaten",
            "luxe_verzuim",
            "leerplicht_uitleg",
        },
        {
            "Leerplichtwet 1969, artikel 3",
            "Leerplichtwet 1969, artikel 4a",
            "Leerplichtwet 1969, artikel 1",
            "Leerplichtwet 1969, artikel 11a",
            "Leerplichtwet 1969, artikel 2",
            "Leerplichtwet 1969, artikel 4b",
            "Leerplichtwet 1969, artikel 4c",
        },
    ),
    "vrijstelling": (
        {"vrijstelling_5", "vrijstelling_5a", "vrijstelling_15", "vervangende_leerplicht", "verhuizen_buitenland"},
        {
            "Leerplichtwet 1969, artikel 5",
            "Leerplichtwet 1969, artikel 5a",
            "Leerplichtwet 1969, artikel 15",
            "Leerplichtwet 1969, artikel 3a",
        },
    ),
    "other": (set(), set()),
}
STOP = frozenset(
    """de het een en of van in op te is zijn voor met niet dan als bij aan om er die dat wat ook kan mag naar
    the a an of to in is are for and or not be can with on at by it this that""".split()
)


@dataclass
class Outcome:
    question: dict
    intent: str | None = None
    confidence: float = 0.0
    texts: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    language: str | None = None
    status: int = 0
    first: str = ""  # the first bubble
    details: bool = False  # it has more behind "Meer uitleg"
    answered: str | None = None  # the topic the answer was given in (the API's `topic`), when one was
    # What the first bubble must state: one of these alternatives (each a list of parts that must all be in it);
    # None: the question carries no computable fact.
    expected_verdict: list[list[str]] | None = None

    @property
    def computable(self) -> bool:
        return self.expected_verdict is not None

    @property
    def verdict_first(self) -> bool:
        return self.computable and any(
            all(part in self.first for part in parts) for parts in self.expected_verdict or ()
        )

    @property
    def topic(self) -> str | None:
        """The topic answered (the API names it; the verdict may be given in another topic than the intent's),
        else the intent's."""
        if self.answered:
            return self.answered
        return self.intent[4:] if self.intent and self.intent.startswith("ask_") else None

    @property
    def on_topic(self) -> bool:
        topics, _ = TOPIC_MAP[self.question["expected_topic"]]
        if not topics or self.topic in topics:
            return True
        # No topic intent (the classifier was unsure, or read the message as a form answer outside a form), but a
        # topic was answered (its guess and the retrieval agreed): judge it by the articles the answer cites.
        return self.topic is None and bool(self.citations)

    @property
    def cites_right_article(self) -> bool:
        _, articles = TOPIC_MAP[self.question["expected_topic"]]
        return not articles or bool(articles & set(self.citations))

    @property
    def right(self) -> bool:
        return self.on_topic and self.cites_right_article

    @property
    def in_question_language(self) -> bool:
        return self.language == self.question["lang"]

    def facts_found(self) -> list[bool]:
        answer = _words(" ".join(self.texts))
        found = []
        for fact in self.question["expected_facts"]:
            words = _words(fact)
            found.append(bool(words) and len(words & answer) / len(words) >= 0.5)
        return found


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _words(text: str) -> set[str]:
    return {word[:6] for word in re.findall(r"\w+", _fold(text)) if word not in STOP and len(word) > 2}


def ask(client: httpx.Client, question: dict) -> Outcome:
    outcome = Outcome(question)
    response = client.post(
        f"{GATEWAY}/api/chat", json={"sender_id": f"eval-{uuid.uuid4().hex[:12]}", "message": question["question"]}
    )
    outcome.status = response.status_code
    if response.status_code != 200:
        return outcome
    body = response.json()
    outcome.language = body["language"]
    outcome.intent = (body.get("intent") or {}).get("name")
    outcome.confidence = (body.get("intent") or {}).get("confidence") or 0.0
    for message in body["messages"]:
        outcome.answered = outcome.answered or message.get("topic")
        outcome.texts.append(message["text"])
        outcome.citations.extend(citation["ref"] for citation in message["citations"])
    if body["messages"]:
        outcome.first = body["messages"][0]["text"]
        outcome.details = bool(body["messages"][0].get("details"))
    outcome.expected_verdict = expected_verdict(question)
    return outcome


def expected_verdict(question: dict) -> list[list[str]] | None:
    """What the first bubble must state for this question (see the module docstring), in the question's language:
    the parts of the situational question's `expect`, or the first sentence of the verdict of any of the expected
    topics that give one."""
    from datetime import date

    from assistant.clock import today
    from assistant.i18n import Localiser
    from assistant.i18n.formatting import format_date
    from assistant.i18n.phrases import is_open_question, question_parts, without_yes_or_no
    from assistant.situation import read_facts
    from assistant.situation.verdict import situational_reply

    language = question["lang"]
    if "expect" in question:
        return [
            [
                item if isinstance(item, str) else format_date(date.fromisoformat(item["date"]), language)
                for item in question["expect"]
            ]
        ]
    topics, _articles = TOPIC_MAP[question["expected_topic"]]
    asked = question_parts(question["question"], language)[0].text  # a message of two questions: the first
    facts = read_facts(asked, language, today=today())
    replies = [situational_reply(topic, facts, today()) for topic in sorted(topics)]
    found = [[Localiser(language)(reply.lines[0])] for reply in replies if reply is not None]
    if is_open_question(asked, language):  # answered with what holds, without "Ja." / "Nee."
        found = [[without_yes_or_no(part, language) for part in parts] for parts in found]
    return found or None


def _median(values: list[int]) -> int:
    return int(statistics.median(values)) if values else 0


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.0%})" if total else "–"


def language_rows(groups: dict[str, list[Outcome]], row: Callable[[str, list[Outcome]], str]) -> list[str]:
    """One table row per language (Dutch first, then by code), made by `row` from that language's outcomes."""
    return [row(language, groups[language]) for language in sorted(groups, key=lambda code: (code != "nl", code))]


def by_language(outcomes: list[Outcome]) -> dict[str, list[Outcome]]:
    grouped: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        grouped[outcome.question["lang"]].append(outcome)
    return grouped


def report(outcomes: list[Outcome], situational: list[Outcome]) -> str:
    per_language = by_language(outcomes)
    lines = [
        "# Evaluation on the development set",
        "",
        f"{len(outcomes)} questions from `../shared/eval/dev.jsonl`, each sent to `/api/chat` as a new "
        "conversation. *Right* = the answer is on the expected topic **and** cites a fitting article. "
        "*Facts* is a word-overlap heuristic over the expected facts (read `answers.md` for the real judgement).",
        "",
        "| language | questions | right topic + article | in the asker's language | facts (heuristic) |",
        "|---|---:|---:|---:|---:|",
    ]

    def dev_row(language: str, group: list[Outcome]) -> str:
        facts = [found for outcome in group for found in outcome.facts_found()]
        return (
            f"| {language} | {len(group)} | {sum(o.right for o in group) / len(group):.0%} | "
            f"{sum(o.in_question_language for o in group) / len(group):.0%} | "
            f"{sum(facts) / max(1, len(facts)):.0%} |"
        )

    lines += language_rows(per_language, dev_row)
    everything = [*outcomes, *situational]
    computable = [outcome for outcome in everything if outcome.computable]
    lengths = [len(outcome.first) for outcome in everything if outcome.status == 200]
    first_verdicts = sum(outcome.verdict_first for outcome in computable)
    lines += [
        "",
        f"Situational questions (`scripts/eval_situation.jsonl`): right topic + article "
        f"{_share(sum(o.right for o in situational), len(situational))}; in the asker's language "
        f"{_share(sum(o.in_question_language for o in situational), len(situational))}.",
    ]
    lines += [
        "",
        "## The first bubble (issue 15)",
        "",
        f"Median length of the first bubble: {_median(lengths)} characters (target ≤ {FIRST_BUBBLE_TARGET}); "
        f"{sum(length > FIRST_BUBBLE_TARGET for length in lengths)} of {len(lengths)} are longer. The page "
        "keeps the sources collapsed and, opened, shows at most three until 'Alle bronnen' is chosen.",
        "",
        f"Questions that carry a computable fact: {len(computable)} ({len(situational)} situational questions "
        f"of `scripts/eval_situation.jsonl`, {len(computable) - len(situational)} of the dev set). The first "
        f"bubble states the computed verdict in {_share(first_verdicts, len(computable))} (target ≥ 90 %).",
        "",
        "| language | computable | verdict first | first bubble median |",
        "|---|---:|---:|---:|",
    ]

    def first_bubble_row(language: str, group: list[Outcome]) -> str:
        facts = [outcome for outcome in group if outcome.computable]
        return (
            f"| {language} | {len(facts)} | {_share(sum(o.verdict_first for o in facts), len(facts))} | "
            f"{_median([len(o.first) for o in group if o.status == 200])} |"
        )

    lines += language_rows(by_language(everything), first_bubble_row)
    lines += [
        "",
        "| id | lang | expected | intent (confidence) | answered | right | first bubble | verdict first | cited |",
        "|---|---|---|---|---|---|---:|---|---|",
    ]
    for outcome in everything:
        question = outcome.question
        verdict = ("yes" if outcome.verdict_first else "no") if outcome.computable else "–"
        lines.append(
            f"| {question['id']} | {question['lang']} | {question['expected_topic']} | "
            f"{outcome.intent} ({outcome.confidence:.2f}) | {outcome.answered or '–'} | "
            f"{'yes' if outcome.right else 'no'} | "
            f"{len(outcome.first)} | {verdict} | {'; '.join(dict.fromkeys(outcome.citations)) or '–'} |"
        )
    return "\n".join(lines) + "\n"


def answers(outcomes: list[Outcome]) -> str:
    parts = ["# Answers on the development set", ""]
    for outcome in outcomes:
        question = outcome.question
        parts += [
            f"## {question['id']} ({question['lang']}, expected {question['expected_topic']})",
            "",
            f"> {question['question']}",
            "",
            f"intent: `{outcome.intent}` ({outcome.confidence:.2f}), answered in topic `{outcome.answered or '–'}`, "
            f"status {outcome.status}",
            "",
        ]
        parts += [text.strip() + "\n" for text in outcome.texts]
        parts += ["Sources: " + ("; ".join(dict.fromkeys(outcome.citations)) or "none"), ""]
        if outcome.computable:
            expected = " | or | ".join("; ".join(parts) for parts in outcome.expected_verdict or ())
            parts += [
                f"Verdict in the first bubble: {'yes' if outcome.verdict_first else 'no'} (expected: {expected})",
                "",
            ]
        if question.get("expected_facts"):
            parts.append("Expected facts:")
            parts += [
                f"- [{'x' if found else ' '}] {fact}"
                for fact, found in zip(question["expected_facts"], outcome.facts_found(), strict=True)
            ]
        parts.append("")
    return "\n".join(parts)


# Intents with a flow of their own, and the labels that flow answers: the request form; the safety response (112,
# Veilig Thuis, a person) is the answer to a safety worry; the melding walk-through answers a school's reporting
# question with the outcome for its pupil.
FLOWS: dict[str, set[str]] = {
    REQUEST_FORM: {REQUEST_FORM},
    "safety_signal": {"veiligheid"},
    "check_melding": {"meldplicht_verzuim", "verzuim_18plus"},
}


def heldout_topic(outcome: Outcome) -> str | None:
    """The topic a held-out question got: the one answered, or the flow that started (its intent)."""
    if outcome.answered:
        return outcome.answered
    return outcome.intent if outcome.intent in FLOWS else None


def heldout_right(outcome: Outcome) -> bool:
    labels = {outcome.question["topic"], *outcome.question.get("alt", [])}
    got = heldout_topic(outcome)
    return got in labels or bool(got in FLOWS and FLOWS[got] & labels)


def heldout_report(outcomes: list[Outcome]) -> tuple[str, int]:
    per_language = by_language(outcomes)

    lines = [
        "# Held-out questions: the topic answered",
        "",
        f"{len(outcomes)} questions of `scripts/eval_heldout.jsonl` (written by someone who saw neither the training "
        "data nor the dev set), each sent as a new conversation. *Right* = the answer is given in the labelled topic "
        "(or an accepted alternative); a flow counts for the labels it answers (the request form, the safety response "
        "for a safety worry, the melding walk-through for a school's reporting question).",
        "",
        "| language | questions | right topic |",
        "|---|---:|---:|",
    ]
    lines += language_rows(
        per_language,
        lambda language, group: f"| {language} | {len(group)} | {_share(sum(map(heldout_right, group)), len(group))} |",
    )
    lines += [
        "",
        "Missed:",
        "",
        "| id | lang | labelled | answered | intent (confidence) | question |",
        "|---|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        if not heldout_right(outcome):
            question = outcome.question
            lines.append(
                f"| {question['id']} | {question['lang']} | {question['topic']} | {heldout_topic(outcome) or 'menu'} | "
                f"{outcome.intent} ({outcome.confidence:.2f}) | {question['question']} |"
            )
    return "\n".join(lines) + "\n", sum(map(heldout_right, outcomes))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--running", action="store_true", help="use a stack that is already running on port 8000")
    args = parser.parse_args()
    questions = _read(DEV_SET)
    situational_questions = _read(SITUATION_SET)

    heldout_questions = _read(HELDOUT_SET)

    def run_all() -> tuple[list[Outcome], list[Outcome], list[Outcome]]:
        with httpx.Client(timeout=30) as client:
            return (
                [ask(client, question) for question in questions],
                [ask(client, question) for question in situational_questions],
                [ask(client, {**question, "expected_topic": "other"}) for question in heldout_questions],
            )

    if args.running:
        outcomes, situational, heldout = run_all()
    else:
        with running_stack("eval"):
            outcomes, situational, heldout = run_all()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "summary.md").write_text(report(outcomes, situational), encoding="utf-8")
    (OUT / "answers.md").write_text(answers([*outcomes, *situational]), encoding="utf-8")
    heldout_text, heldout_right = heldout_report(heldout)
    (OUT / "heldout.md").write_text(heldout_text, encoding="utf-8")
    dutch = [o for o in outcomes if o.question["lang"] == "nl"]
    computable = [o for o in [*outcomes, *situational] if o.computable]
    print(
        f"Dutch: {sum(o.right for o in dutch)}/{len(dutch)} right topic + article; all: "
        f"{sum(o.right for o in outcomes)}/{len(outcomes)}; verdict first: "
        f"{sum(o.verdict_first for o in computable)}/{len(computable)}; held-out right topic: "
        f"{heldout_right}/{len(heldout)}; wrote docs/eval/"
    )
    return 0


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    sys.exit(main())
