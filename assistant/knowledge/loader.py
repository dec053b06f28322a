"""Read `knowledge/` (YAML) into a validated `KnowledgeBase`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from assistant.knowledge.ids import TOPIC_IDS
from assistant.knowledge.knowledge_base import KnowledgeBase, KnowledgeError
from assistant.knowledge.models import (
    Article,
    Citation,
    RegionsFile,
    Source,
    StatuteFile,
    Topic,
)
from assistant.knowledge.parameters import ParameterError, ParameterSet, load_parameter_set
from assistant.knowledge.paths import KNOWLEDGE_DIR
from assistant.knowledge.regions import Regions
from assistant.knowledge.validation import validate

DEFAULT_ROOT = KNOWLEDGE_DIR

M = TypeVar("M", bound=BaseModel)


class _Unreadable:
    """Marks a file that could not be read (the problem is already recorded)."""


UNREADABLE = _Unreadable()


def _read(path: Path, root: Path, problems: list[str]) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        problems.append(f"{path.relative_to(root)}: cannot read: {error}")
        return UNREADABLE


def _parse(model: type[M], data: Any, where: str, problems: list[str]) -> M | None:
    if data is UNREADABLE:
        return None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            location = ".".join(str(part) for part in item["loc"]) or "(top)"
            problems.append(f"{where}: {location}: {item['msg']}")
        return None


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.yml")) if directory.is_dir() else []


def _load_articles(root: Path, problems: list[str]) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for path in _files(root / "statutes"):
        where = str(path.relative_to(root))
        statute = _parse(StatuteFile, _read(path, root, problems), where, problems)
        if statute is None:
            continue
        for entry in statute.articles:
            cid = f"{statute.prefix}:{entry.number}"
            if cid in articles:
                problems.append(f"{where}: duplicate article {cid}")
                continue
            uncertain = " ".join(text for text in (entry.uncertain, statute.uncertain) if text) or None
            articles[cid] = Article(
                **entry.model_dump(exclude={"valid_from", "uncertain"}),
                id=cid,
                law=statute.law,
                bwb_id=statute.bwb_id,
                valid_from=entry.valid_from or statute.valid_from,
                uncertain=uncertain,
            )
    return articles


def _load_sources(root: Path, problems: list[str]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for path in _files(root / "sources"):
        where = str(path.relative_to(root))
        data = _read(path, root, problems)
        if data is UNREADABLE:
            continue
        if not isinstance(data, list):
            problems.append(f"{where}: expected a list of sources")
            continue
        for position, item in enumerate(data):
            source = _parse(Source, item, f"{where}[{position}]", problems)
            if source is None:
                continue
            if source.id in sources:
                problems.append(f"{where}: duplicate source {source.id}")
                continue
            sources[source.id] = source
    return sources


def _load_topics(root: Path, problems: list[str]) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for path in _files(root / "topics"):
        where = str(path.relative_to(root))
        topic = _parse(Topic, _read(path, root, problems), where, problems)
        if topic is None:
            continue
        if topic.id != path.stem:
            problems.append(f"{where}: id {topic.id!r} does not match the file name")
        elif topic.id not in TOPIC_IDS:
            problems.append(f"{where}: {topic.id!r} is not one of the fixed topic ids")
        else:
            topics[topic.id] = topic
    return topics


def load_knowledge(path: Path | str | None = None, *, strict: bool = True) -> KnowledgeBase:
    """Load and validate the knowledge base (default: the repository's `knowledge/`).

    With `strict` (the default) any problem raises `KnowledgeError` listing all of them; otherwise the problems
    are kept in `kb.problems` and the valid parts are loaded.
    """
    root = Path(path) if path is not None else DEFAULT_ROOT
    problems: list[str] = []
    regions = Regions()
    regions_path = root / "regions.yml"
    if regions_path.is_file():
        regions_file = _parse(RegionsFile, _read(regions_path, root, problems), "regions.yml", problems)
        if regions_file is not None:
            regions = Regions.from_file(regions_file)
    parameters: ParameterSet | None = None
    if (root / "parameters").is_dir():
        try:
            parameters = load_parameter_set(root / "parameters")
        except ParameterError as error:
            problems.extend(f"parameters: {problem}" for problem in error.problems)
    kb = KnowledgeBase(
        root=root,
        articles=_load_articles(root, problems),
        sources=_load_sources(root, problems),
        topics=_load_topics(root, problems),
        regions=regions,
        parameters=parameters,
    )
    problems.extend(validate(kb))
    kb.problems = problems
    if strict and problems:
        raise KnowledgeError(problems)
    return kb


@lru_cache(maxsize=1)
def get_knowledge_base() -> KnowledgeBase:
    """The repository's knowledge base, loaded and validated once per process."""
    return load_knowledge()


def resolve_citations(ids: Iterable[str]) -> list[Citation]:
    """Citation ids to {ref, url} through the repository's knowledge base (`KnowledgeBase.resolve`)."""
    return get_knowledge_base().resolve(ids)
