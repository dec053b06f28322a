"""The knowledge base: statutes, guidance and regional sources, answer topics, and retrieval over them.

Public interface (other packages code against these names):
`load_knowledge`, `get_knowledge_base`, `KnowledgeBase`, `KnowledgeError`, `Citation`, `Article`, `Topic`,
`Region`, `render_answer`, `RenderedAnswer`, `search`, `resolve_citations`, and the one regional look-up
`get_regions`, `Regions`, `UnknownMunicipality` (`knowledge/regions.yml`: who runs leerplicht for a town, its
Doorstroompunt and vakantieregio, the towns covered, the regional agreements).
"""

from assistant.knowledge.knowledge_base import KnowledgeBase, KnowledgeError
from assistant.knowledge.loader import get_knowledge_base, load_knowledge, resolve_citations
from assistant.knowledge.models import Article, Citation, Region, Source, Topic
from assistant.knowledge.regions import Regions, UnknownMunicipality, get_regions
from assistant.knowledge.render import RenderedAnswer, render_answer
from assistant.knowledge.retrieval import decisive_topic, search

__all__ = [
    "Article",
    "Citation",
    "KnowledgeBase",
    "KnowledgeError",
    "Region",
    "Regions",
    "RenderedAnswer",
    "Source",
    "Topic",
    "UnknownMunicipality",
    "decisive_topic",
    "get_knowledge_base",
    "get_regions",
    "load_knowledge",
    "render_answer",
    "resolve_citations",
    "search",
]
