"""The passage of a topic that answers the point asked.

A topic's short answer states its main rule; a question about one point of the topic ("Wat gebeurt er na mijn
bezwaar?", "Hoe vraag ik een vrijstelling aan?", "Krijg ik bij één dag al een proces-verbaal?") is answered by one of
its steps or details, which sit behind "Meer uitleg". This module finds that passage, so the first reply can lead with
it: every step and detail of every topic is a document of a BM25 index per language (Dutch: lemmas and compound parts;
other languages: character n-grams of the reviewed translation, `ngram_text`), so a word is worth more the fewer
passages use it. Only the question's words that the short answer does not use count (what the short answer says, it
has answered), and a passage is chosen only when it matches those clearly (about PASSAGE_MIN_MATCH words that occur in
one passage only): otherwise the short answer is the answer to the question. An asker with a text of their own
(`audience`, school staff: `Topic.audiences`) is answered from that text: the index of an audience holds its texts
where a topic has them, the general ones elsewhere.

A question often asks for one kind of point ("Hoe lang van tevoren …?" a deadline, "Krijg ik een boete?" a
consequence, "Hoe hoog is de boete?" an amount, "Wat gebeurt er nadat …?" or "We hebben een pv gekregen, wat nu?"
what comes next, "Hoe vraag ik dat aan?" the procedure, "Wat moet er in een bezwaarschrift staan?" the contents,
"Wie beslist?", "Voor wie geldt …?" whom it applies to, "Waarom is dat nodig?" the reason, "Hoe bereik ik …?" a
contact, "Mogen we gaan terwijl het bezwaar loopt?" what holds in the meantime, "Moet ik een doktersverklaring
inleveren?" the evidence), in words that the passage giving it does not use. The kinds asked are read from the
question in its own language (`asked_points`, the `points` words of languages.yml); the kinds a passage gives are
read from its Dutch text (the message id, the same in every language): `PASSAGE_MARKERS`, and every step is a
procedure. A passage of a kind asked counts KIND_WEIGHT of the threshold as matched, unless the short answer already
gives that kind of point; a question about the procedure is answered by the first step when no step matches its
words. A question that asks two kinds of point ("Wat betekent dat proces-verbaal en hoe hoog wordt de boete?") gets,
after the best passage, the best one of a kind asked that the first does not give (at most MAX_PASSAGES). After a
verdict (`answered`), only a passage of a kind asked that the verdict does not give is added ("Moet ik óp de dag
melden?" after "U moet dit melden": the term).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.clock import today
from assistant.i18n import SOURCE_LANGUAGE, lookup, normalise_language
from assistant.i18n.phrases import asked_points
from assistant.knowledge.dutch_text import terms
from assistant.knowledge.knowledge_base import KnowledgeBase
from assistant.knowledge.loader import get_knowledge_base
from assistant.knowledge.models import Topic
from assistant.knowledge.ngram_text import grams
from assistant.knowledge.placeholders import render as render_numbers
from assistant.knowledge.retrieval import LuceneBM25

PASSAGE_MIN_MATCH = 1.2  # Dutch: worth a little more than one word that occurs in one passage only
PASSAGE_MIN_GRAM_MATCH = 11.0  # other languages: one matching word yields several matching grams
KIND_WEIGHT = 1.0  # a passage of the kind of point asked counts as this share of the threshold matched
MAX_PASSAGES = 2  # a question asking two kinds of point gets a passage for each, never more than this

# The kinds of point a passage gives, read from its Dutch text (whole words, a word may go on: "straf" in "strafbaar").
PASSAGE_MARKERS: dict[str, tuple[str, ...]] = {
    "deadline": (
        *("binnen", "uiterlijk", "vóór", "van tevoren", "vooraf", "termijn", "zo snel mogelijk", "op tijd"),
        *("begint op", "eindigt", "duurt", "tot en met"),  # a period: when it starts and ends
    ),
    "consequence": ("proces-verbaal", "boete", "geldboete", "straf", "officier van justitie", "waarschuwing", "halt"),
    "next": (
        *("daarna", "na uw", "nadat", "vervolgens", "hoorzitting", "nieuw besluit", "opnieuw naar"),
        *("na een proces-verbaal", "strafbeschikking"),  # what follows a proces-verbaal
    ),
    "decider": ("beslist", "besluit", "bepaalt", "toestemming"),
    "scope": ("geldt voor", "geldt ook voor", "geldt niet voor", "voor elk", "voor ieder", "voor alle"),
    "amount": ("euro",),  # an amount of money (a statutory limit, or a figure given as guidance)
    "reason": ("zodat", "omdat", "daarom", "om die reden"),
    "contact": (
        *("bel de", "bel het", "belt u", "bereikt u", "telefoon", "mail", "contactpersoon"),
        *("neem contact op", "neem dan contact op", "neemt u contact op"),  # not "het Doorstroompunt neemt contact op"
    ),
    "pending": ("zolang", "in afwachting", "intussen", "ondertussen", "nog loopt"),  # what holds in the meantime
    "evidence": ("verklaring", "doktersverklaring", "bewijs", "aantonen", "aan te tonen"),
    "contents": ("zet erin", "zet daarin", "bevat", "staan onder meer", "geef onder meer door", "vermeld"),
}
# A verdict that says where to send the notice or the request has given the procedure ("Hoe regelen we dat?").
VERDICT_PROCEDURE = re.compile(
    r"(?<!\w)(?:u meldt het|meldt u het|meld het bij|stuur een verklaring|vraag het aan bij)", re.IGNORECASE
)
_MARKERS = {
    kind: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(marker) for marker in markers) + r")", re.IGNORECASE)
    for kind, markers in PASSAGE_MARKERS.items()
}


def passage_kinds(text: str, *, step: bool = False) -> frozenset[str]:
    """The kinds of point the Dutch passage `text` gives (`PASSAGE_MARKERS`; a step is also a procedure)."""
    kinds = {kind for kind, marker in _MARKERS.items() if marker.search(text)}
    return frozenset(kinds | {"procedure"} if step else kinds)


def _verdict_kinds(text: str) -> frozenset[str]:
    """The kinds of point a verdict's Dutch text gives (`passage_kinds`, and the procedure when it says where to go)."""
    return passage_kinds(text) | ({"procedure"} if VERDICT_PROCEDURE.search(text) else frozenset())


@dataclass(frozen=True)
class Passage:
    topic_id: str
    text: str  # the Dutch text (the message id of its translations), legal numbers as placeholders
    short: bool  # the topic's short answer (a yardstick, never chosen)
    kinds: frozenset[str] = frozenset()  # the kinds of point it gives (`passage_kinds`)


def _tokens(text: str, language: str) -> list[str]:
    """The index terms of a passage or question written in `language`."""
    return terms(text) if language == SOURCE_LANGUAGE else grams(text, language)


def _shown(text: str, language: str) -> str:
    """The passage as a user of `language` reads it: its reviewed translation (the Dutch text when there is none),
    legal numbers as they hold today."""
    translated = text if language == SOURCE_LANGUAGE else lookup(text, language) or text
    return render_numbers(translated, today(), language)


@dataclass(frozen=True)
class PassageIndex:
    passages: tuple[Passage, ...]
    documents: tuple[tuple[str, ...], ...]  # the index terms of each passage
    language: str
    bm25: LuceneBM25

    @classmethod
    def build(cls, kb: KnowledgeBase, language: str = SOURCE_LANGUAGE, audience: str | None = None) -> PassageIndex:
        passages = [
            Passage(topic.id, text, short=index == 0, kinds=passage_kinds(text, step=0 < index <= steps))
            for topic in kb.topics
            for steps, texts in (_texts(topic, audience),)
            for index, text in enumerate(texts)
            if text
        ]
        documents = [tuple(_tokens(_shown(passage.text, language), language)) or ("<empty>",) for passage in passages]
        return cls(
            passages=tuple(passages),
            documents=tuple(documents),
            language=language,
            bm25=LuceneBM25([list(document) for document in documents]),
        )

    @property
    def threshold(self) -> float:
        rare = LuceneBM25.idf_of(len(self.passages), 1)
        return (PASSAGE_MIN_MATCH if self.language == SOURCE_LANGUAGE else PASSAGE_MIN_GRAM_MATCH) * rare

    def best(self, question: str, topic_id: str, *, answered: str | None = None) -> tuple[str, ...]:
        """The Dutch texts of the steps or details of `topic_id` that answer `question` (best first; the second gives
        a kind of point asked that the first does not), or none when the short answer does (or nothing matches
        clearly). `answered`: the Dutch text of a verdict that answers the question already; then only passages of
        a kind of point asked that the verdict does not give are chosen."""
        short = next((index for index, passage in enumerate(self.passages) if passage.topic_id == topic_id), None)
        if short is None:
            return ()
        # Only what the short answer does not already say: the question's terms that are not the short answer's.
        said = set(self.documents[short])
        query = [token for token in _tokens(question, self.language) if token not in said]
        given = self.passages[short].kinds if answered is None else _verdict_kinds(answered)
        asked = asked_points(question, self.language) - given
        if (not query or answered is not None) and not asked:
            return ()
        scores = self.bm25.get_scores(query) if query else [0.0] * len(self.passages)
        candidates = [
            (index, float(score))
            for index, (passage, score) in enumerate(zip(self.passages, scores, strict=True))
            if passage.topic_id == topic_id and not passage.short and (answered is None or asked & passage.kinds)
        ]
        chosen: list[int] = []
        while candidates and len(chosen) < MAX_PASSAGES:
            index = self._pick(candidates, asked)
            if index is None:
                break
            chosen.append(index)
            # a further passage only for a kind asked that no passage chosen gives
            asked = asked - self.passages[index].kinds
            candidates = [item for item in candidates if asked & self.passages[item[0]].kinds]
        return tuple(self.passages[index].text for index in chosen)

    def _pick(self, candidates: list[tuple[int, float]], asked: frozenset[str]) -> int | None:
        """The candidate (passage index, BM25 score) that answers best, or None when none does clearly."""
        bonus = KIND_WEIGHT * self.threshold
        scored = [(index, score, bool(asked & self.passages[index].kinds)) for index, score in candidates]
        # the first passage of the kind asked wins a tie (the first step of a procedure)
        index, score, of_kind = max(scored, key=lambda item: (item[1] + bonus * item[2], item[2]))
        if score + bonus * of_kind >= self.threshold:
            return index
        if of_kind and "procedure" in asked and "procedure" in self.passages[index].kinds:
            return index  # "Hoe vraag ik het aan?": the steps say how, whatever words it uses
        return None


def _texts(topic: Topic, audience: str | None) -> tuple[int, list[str]]:
    """The number of steps and the texts (short, steps, details) of `topic` that the asker of `audience` reads."""
    own = topic.audience_text(audience)
    if own is not None:
        return len(own.steps), [own.short, *own.steps, *own.details]
    return len(topic.answer.steps), [topic.answer.short or "", *topic.answer.steps, *topic.answer.details]


@lru_cache(maxsize=32)  # six languages, three audiences (everyone, school staff, young people)
def passage_index(kb: KnowledgeBase, language: str = SOURCE_LANGUAGE, audience: str | None = None) -> PassageIndex:
    return PassageIndex.build(kb, language, audience)


def answering_passages(
    question: str,
    topic_id: str,
    *,
    kb: KnowledgeBase | None = None,
    language: str = SOURCE_LANGUAGE,
    answered: str | None = None,
    audience: str | None = None,
) -> tuple[str, ...]:
    """The Dutch texts of the steps or details of `topic_id` that answer the points `question` asks (see the module
    docstring); none when the topic's short answer (or the verdict `answered`, in Dutch) is the answer. `audience`:
    the asker's own text of the topic (school staff), where the topic has one."""
    index = passage_index(kb or get_knowledge_base(), normalise_language(language), audience)
    return index.best(question, topic_id, answered=answered)


def answering_passage(
    question: str,
    topic_id: str,
    *,
    kb: KnowledgeBase | None = None,
    language: str = SOURCE_LANGUAGE,
    answered: str | None = None,
    audience: str | None = None,
) -> str | None:
    """The best of `answering_passages`, or None."""
    found = answering_passages(question, topic_id, kb=kb, language=language, answered=answered, audience=audience)
    return found[0] if found else None


def point_asked(
    question: str,
    topic_id: str,
    language: str = SOURCE_LANGUAGE,
    *,
    kb: KnowledgeBase | None = None,
    answered: str | None = None,
    audience: str | None = None,
) -> str | None:
    """`answering_passages` as the user reads them (one paragraph each): translated, legal numbers as they hold
    today. None for a button payload ("/ask_…") or when the short answer (the verdict `answered`) is the answer."""
    if not question or question.startswith("/"):
        return None
    found = answering_passages(question, topic_id, kb=kb, language=language, answered=answered, audience=audience)
    shown = [_shown(passage, normalise_language(language)) for passage in found]
    return "\n\n".join(shown) if shown else None
