"""The loaded knowledge base: look-ups by citation id, topic, intent and municipality."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from assistant.knowledge.ids import TOPIC_IDS, topic_id_for_intent
from assistant.knowledge.models import (
    Agreement,
    Article,
    Citation,
    Region,
    Source,
    Topic,
    VakantieRegio,
)
from assistant.knowledge.parameters import ParameterSet
from assistant.knowledge.regions import Regions


class KnowledgeError(ValueError):
    """The knowledge files are inconsistent; `problems` lists every finding, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the knowledge base:\n" + "\n".join(problems))


class KnowledgeBase:
    """Read-only view over statutes, sources, topics and the regional layer."""

    def __init__(
        self,
        *,
        root: Path,
        articles: Mapping[str, Article],
        sources: Mapping[str, Source],
        topics: Mapping[str, Topic],
        regions: Regions,
        parameters: ParameterSet | None = None,
    ) -> None:
        self.root = root
        self._articles = dict(articles)
        self._sources = dict(sources)
        self._topics = dict(topics)
        self.regions = regions
        self.parameters = parameters
        self.problems: list[str] = []

    # --- citations -------------------------------------------------------------------------------------------

    def has_citation(self, cid: str) -> bool:
        return cid in self._articles or cid in self._sources

    def citation(self, cid: str) -> Citation:
        """`lpw:13a` -> Citation(ref="Leerplichtwet 1969, artikel 13a", url=...); KeyError when unknown."""
        if cid in self._articles:
            return self._articles[cid].citation
        if cid in self._sources:
            return self._sources[cid].citation
        raise KeyError(f"unknown citation id: {cid}")

    def resolve(self, ids: Iterable[str]) -> list[Citation]:
        """The one citation resolver: ids to {ref, url} in order, dropping repeats. An unknown id is a defect in the
        code or data that cites it (the knowledge validation and the rule tests keep every id known), so it raises
        KeyError rather than showing an answer with a source nobody can check."""
        return [self.citation(cid) for cid in dict.fromkeys(ids)]

    def article(self, cid: str) -> Article:
        try:
            return self._articles[cid]
        except KeyError:
            raise KeyError(f"unknown article: {cid}") from None

    def source(self, cid: str) -> Source:
        try:
            return self._sources[cid]
        except KeyError:
            raise KeyError(f"unknown source: {cid}") from None

    @property
    def articles(self) -> list[Article]:
        return list(self._articles.values())

    @property
    def sources(self) -> list[Source]:
        return list(self._sources.values())

    # --- topics ----------------------------------------------------------------------------------------------

    @property
    def topics(self) -> list[Topic]:
        """Loaded topics in the fixed topic order."""
        return [self._topics[tid] for tid in TOPIC_IDS if tid in self._topics]

    def topic(self, topic_id: str) -> Topic:
        try:
            return self._topics[topic_id]
        except KeyError:
            raise KeyError(f"unknown topic: {topic_id}") from None

    def has_topic(self, topic_id: str) -> bool:
        return topic_id in self._topics

    def topic_for_intent(self, intent_name: str | None) -> Topic | None:
        """`ask_<id>` -> that topic, when it is loaded; None otherwise."""
        topic_id = topic_id_for_intent(intent_name or "")
        return self._topics.get(topic_id) if topic_id else None

    def missing_topics(self) -> list[str]:
        return [tid for tid in TOPIC_IDS if tid not in self._topics]

    # --- regions (the look-ups are `self.regions`, the same `Regions` that `get_regions()` gives) ------------

    @property
    def municipalities(self) -> list[str]:
        return list(self.regions.municipalities)

    @property
    def vakantieregio(self) -> VakantieRegio | None:
        return self.regions.vakantieregio

    @property
    def agreements(self) -> tuple[Agreement, ...]:
        return self.regions.agreements

    def responsible_municipality(self, town: str) -> str:
        """The municipality whose leerplicht officers serve `town` ("Borne" -> "Hengelo"); UnknownMunicipality
        when the table does not have it."""
        return self.regions.responsible_municipality(town)

    def region(self, municipality: str) -> Region:
        """A municipality with its contacts and the regional agreements that apply there (`Regions.region`)."""
        return self.regions.region(municipality)
