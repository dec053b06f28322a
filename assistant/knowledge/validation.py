"""Consistency checks over a loaded knowledge base; each finding is one readable line.

- every citation id resolves; statute urls point at their own article (`#Artikel<number>`);
- every topic has a short answer, `last_verified`, and a `law` statement (or a `no_law_reason`);
- a `law` statement cites a statute, a guidance or regional statement cites a `src:` source;
- the citations shown with an answer cover every statement behind it;
- a topic's text for an audience (`audiences`: school staff) cites a statute, only citations that back statements of
  the topic, and states no number that what it cites does not (it is shown with its own citations only);
- every quantity (days, hours, weeks, months, years, euros) stated in a topic also appears in a source it cites
  (the article text or the source's `facts`) or is the value of a legal parameter resting on one of those sources;
- legal numbers in answer texts are placeholders (`{verlof.vakantie_max_school_days}`,
  `assistant/knowledge/placeholders.py`): an unknown or malformed placeholder is refused, a placeholder's parameter
  rests on a source the answer cites, a literal number that a parameter resting on a cited source states must be
  that parameter's placeholder, and a literal number only a statute states (no parameter) is refused: add the
  parameter; a guidance or regional number is a parameter too. Numbers that are not legal numbers (article numbers,
  phone numbers, the year of a date) are no quantities and stay literal; a quantity that is no rule ("24 uur per dag"
  bereikbaar, "een dag eerder") is listed in the topic's `literal_numbers`;
- a topic title (a button, a list entry, a search field) is shown without a law date, so it states no quantity;
- the regional layer refers only to known municipalities and sources;
- every legal parameter (`knowledge/parameters/`) cites known ids; a `law` value cites a statute article; a
  `quote` stands verbatim in the article it cites; a regional value names known municipalities.

A related topic that is a fixed id but not written yet is not a problem here (`render_answer` skips it);
`KnowledgeBase.missing_topics` lists those.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from assistant.folding import fold
from assistant.knowledge.ids import ASKED_SUBJECTS, GEBEURTENISSEN, TOPIC_IDS
from assistant.knowledge.models import Topic
from assistant.knowledge.placeholders import placeholders
from assistant.knowledge.placeholders import problems as placeholder_problems
from assistant.knowledge.placeholders import strip as strip_placeholders
from assistant.knowledge.quantities import Quantity, describe, quantities

if TYPE_CHECKING:
    from assistant.knowledge.knowledge_base import KnowledgeBase
    from assistant.knowledge.parameters import ParameterSet

# The quantity class (assistant/knowledge/quantities.py) of each parameter unit.
_UNIT_CLASS = {
    "years": "year",
    "weeks": "week",
    "lesweken": "week",
    "school_days": "day",
    "days": "day",
    "hours": "hour",
    "hours_per_week": "hour",
    "eur": "euro",
    "months": "month",
    "times": "times",
}


def _is_statute(cid: str) -> bool:
    return not cid.startswith("src:")


def grounded_quantities(kb: KnowledgeBase, cids: Iterable[str]) -> set[Quantity]:
    """The quantities stated by the given sources (unknown ids contribute nothing)."""
    found: set[Quantity] = set()
    for cid in cids:
        if not kb.has_citation(cid):
            continue
        if _is_statute(cid):
            article = kb.article(cid)
            texts: Iterable[str] = (article.text, *article.facts)
        else:
            texts = kb.source(cid).facts
        for text in texts:
            found |= quantities(text)
    return found | _parameter_quantities(kb.parameters, cids)


def _parameter_quantities(parameters: ParameterSet | None, cids: Iterable[str]) -> set[Quantity]:
    """The values of every parameter version that rests on one of `cids` (a parameter states its source's number)."""
    if parameters is None:
        return set()
    wanted = set(cids)
    found: set[Quantity] = set()
    for _, definition in parameters.items():
        unit = _UNIT_CLASS.get(definition.unit)
        if unit is None:
            continue
        for version in definition.versions:
            if wanted & set(version.citations):
                found.add((Decimal(str(version.value)), unit))
    return found


def _fold(text: str) -> str:
    """Folded (`assistant.folding`) with white space collapsed: a quote matches however the statute wraps."""
    return " ".join(fold(text).split())


def _validate_parameters(kb: KnowledgeBase) -> list[str]:
    if kb.parameters is None:
        return []
    problems = []
    names = {name.casefold() for name in kb.municipalities}
    for name, definition in kb.parameters.items():
        for version in definition.versions:
            where = f"parameters: {name} (from {version.valid_from})"
            unknown = [cid for cid in version.citations if not kb.has_citation(cid)]
            problems.extend(f"{where}: unknown citation id {cid}" for cid in unknown)
            if version.basis == "law" and not any(_is_statute(cid) for cid in version.citations):
                problems.append(f"{where}: basis 'law' but cites no statute article")
            if version.basis != "law" and not any(not _is_statute(cid) for cid in version.citations):
                problems.append(f"{where}: basis {version.basis!r} but cites no src: source")
            problems.extend(
                f"{where}: applies_to names unknown municipality {town!r}"
                for town in version.applies_to
                if town.casefold() not in names
            )
            if version.quote and not any(
                _is_statute(cid) and cid not in unknown and _fold(version.quote) in _fold(kb.article(cid).text)
                for cid in version.citations
            ):
                cited = ", ".join(version.citations)
                problems.append(f"{where}: quote {version.quote!r} is not in the text of {cited}")
    return problems


def _check_quantities(kb: KnowledgeBase, where: str, texts: Iterable[str], cids: Iterable[str]) -> list[str]:
    cids = list(dict.fromkeys(cids))
    allowed = grounded_quantities(kb, cids)
    problems = []
    for text in texts:
        for quantity in sorted(quantities(text) - allowed):
            problems.append(f"{where}: states {describe(quantity)!r} but none of {', '.join(cids)} does: {text[:80]!r}")
    return problems


def _parameters_stating(parameters: ParameterSet, quantity: Quantity, cids: Iterable[str]) -> list[str]:
    """The names of the parameters resting on one of `cids` that have `quantity` as a value in some version."""
    wanted = set(cids)
    value, unit = quantity
    return [
        name
        for name, definition in parameters.items()
        if _UNIT_CLASS.get(definition.unit) == unit
        and any(
            Decimal(str(version.value)) == value and wanted & set(version.citations) for version in definition.versions
        )
    ]


def _check_numbers(
    kb: KnowledgeBase, where: str, texts: Iterable[str], cids: Iterable[str], exempt: Iterable[str] = ()
) -> list[str]:
    """Legal numbers in answer texts: placeholders that resolve, rest on a cited source, and no literal legal number.

    Without parameters (a fixture knowledge base) only the grounding of literal quantities is checked."""
    cids = list(dict.fromkeys(cids))
    parameters = kb.parameters
    if parameters is None:
        return _check_quantities(kb, where, texts, cids)
    problems: list[str] = []
    literal_texts = []
    for text in texts:
        found = placeholder_problems(text, parameters)
        problems.extend(f"{where}: {problem}: {text[:80]!r}" for problem in found)
        if not found:
            for placeholder in placeholders(text):
                for name in placeholder.names:
                    group, member = name.split(".", 1)
                    definition = parameters.definitions[group][member]
                    if not any(set(version.citations) & set(cids) for version in definition.versions):
                        problems.append(f"{where}: {{{name}}} rests on sources the answer does not cite: {text[:80]!r}")
        literal = strip_placeholders(text, " ; ")
        for phrase in exempt:
            literal = literal.replace(phrase, " ")
        literal_texts.append(literal)
        for quantity in sorted(quantities(literal)):
            named = _parameters_stating(parameters, quantity, cids)
            if named:
                names = ", ".join(f"{{{name}}}" for name in named)
                problems.append(
                    f"{where}: writes {describe(quantity)!r} literally; use the placeholder {names}: {text[:80]!r}"
                )
            elif quantity in grounded_quantities(
                kb, [cid for cid in cids if _is_statute(cid)]
            ) and quantity not in grounded_quantities(kb, [cid for cid in cids if not _is_statute(cid)]):
                problems.append(
                    f"{where}: writes the legal number {describe(quantity)!r} literally and no parameter "
                    f"states it: add one to knowledge/parameters and write its placeholder: {text[:80]!r}"
                )
            else:
                problems.append(
                    f"{where}: writes {describe(quantity)!r} literally: a guidance or regional number is "
                    f"a parameter too (knowledge/parameters/richtlijn.yml); a quantity that is no rule at "
                    f"all goes in the topic's literal_numbers: {text[:80]!r}"
                )
    return problems + _check_quantities(kb, where, literal_texts, cids)


def _validate_articles(kb: KnowledgeBase) -> list[str]:
    problems = []
    for article in kb.articles:
        anchor = f"#Artikel{article.number}"
        if not article.url.endswith(anchor):
            problems.append(f"statutes: {article.id}: url {article.url} does not end with {anchor}")
        if article.valid_from is None and not article.uncertain:
            problems.append(f"statutes: {article.id}: no valid_from and no note saying why")
    return problems


def _validate_topic(kb: KnowledgeBase, topic: Topic) -> list[str]:
    where = f"topics/{topic.id}.yml"
    problems = []
    statement_cids = [cid for s in topic.statements for cid in s.citations]
    variant_cids = [cid for v in topic.variants.values() for cid in v.citations]
    audience_cids = [cid for a in topic.audiences.values() for cid in a.citations]
    for cid in dict.fromkeys([*topic.citations, *statement_cids, *variant_cids, *audience_cids]):
        if not kb.has_citation(cid):
            problems.append(f"{where}: unknown citation id {cid}")
    if not any(s.basis == "law" for s in topic.statements) and not topic.no_law_reason:
        problems.append(f"{where}: no statement with basis 'law' and no no_law_reason")
    shown = set(topic.citations) | set(variant_cids) | set(audience_cids)
    for number, statement in enumerate(topic.statements, start=1):
        label = f"{where}: statement {number}"
        if statement.audience is not None and statement.audience not in topic.audiences:
            problems.append(f"{label}: backs the text for {statement.audience}, which the topic does not have")
        if statement.basis == "law" and not any(_is_statute(c) for c in statement.citations):
            problems.append(f"{label}: basis 'law' but cites no statute")
        if statement.basis != "law" and not any(not _is_statute(c) for c in statement.citations):
            problems.append(f"{label}: basis {statement.basis!r} but cites no src: source")
        missing = [c for c in statement.citations if c not in shown]
        if missing:
            problems.append(f"{label}: cites {', '.join(missing)}, which the answer does not show")
        problems += _check_quantities(kb, label, [statement.text], statement.citations)
    answer_cids = [*topic.citations, *statement_cids]
    answer_texts = [topic.answer.short, *topic.answer.steps, *topic.answer.details]
    shown_texts = [
        *answer_texts,
        *(text for v in topic.variants.values() for text in (v.short or "", *v.steps, *v.details)),
        *(text for a in topic.audiences.values() for text in a.texts),
    ]
    problems.extend(
        f"{where}: literal_numbers {phrase!r} is in no answer text"
        for phrase in topic.literal_numbers
        if not any(phrase in text for text in shown_texts)
    )
    problems += _check_numbers(kb, f"{where}: answer", answer_texts, answer_cids, topic.literal_numbers)
    problems.extend(
        f"{where}: the title writes {describe(quantity)!r}: a title takes no placeholder, so it states "
        f"no quantity (say it in the answer)"
        for quantity in sorted(quantities(topic.title))
    )
    for event, variant in topic.variants.items():
        label = f"{where}: variant {event}"
        if event not in GEBEURTENISSEN and event not in ASKED_SUBJECTS:
            problems.append(f"{label}: not a known gebeurtenis or asked subject")
        texts = [variant.short or "", *variant.steps, *variant.details]
        problems += _check_numbers(kb, label, texts, [*variant.citations, *answer_cids], topic.literal_numbers)
    problems += _validate_audiences(kb, topic, where)
    for related in topic.related:
        if related == topic.id or related not in TOPIC_IDS:
            problems.append(f"{where}: related topic {related!r} is not another fixed topic id")
    return problems


def _validate_audiences(kb: KnowledgeBase, topic: Topic, where: str) -> list[str]:
    """A text for an audience (`school`) is shown with its own citations only: it cites a statute article (the law
    comes first), its numbers rest on what it cites, and each of its citations backs a statement of the topic (every
    normative sentence has its statement, `basis` and citations)."""
    problems = []
    stated = {cid for statement in topic.statements for cid in statement.citations}
    for audience, text in topic.audiences.items():
        label = f"{where}: audience {audience}"
        if not any(_is_statute(cid) for cid in text.citations):
            problems.append(f"{label}: cites no statute article")
        unstated = [cid for cid in text.citations if cid not in stated]
        problems.extend(f"{label}: cites {cid}, which no statement of the topic cites" for cid in unstated)
        problems += _check_numbers(kb, label, text.texts, text.citations, topic.literal_numbers)
    return problems


def _validate_regions(kb: KnowledgeBase) -> list[str]:
    problems = kb.regions.problems()

    def check_cids(where: str, cids: Iterable[str]) -> None:
        problems.extend(f"{where}: unknown citation id {cid}" for cid in cids if not kb.has_citation(cid))

    for name in kb.regions.municipalities:
        municipality = kb.regions.municipality(name)
        where = f"regions.yml: {name}"
        check_cids(where, municipality.citations)
        for contact in municipality.contacts:
            check_cids(f"{where}: contact {contact.name}", contact.citations)
    for area in kb.regions.doorstroompunt_areas:
        check_cids(f"regions.yml: doorstroompunt area {area.name}", area.citations)
    if kb.vakantieregio is not None:
        check_cids("regions.yml: vakantieregio", kb.vakantieregio.citations)
    for agreement in kb.agreements:
        where = f"regions.yml: agreement {agreement.id}"
        check_cids(where, agreement.citations)
        if not any(not _is_statute(c) for c in agreement.citations):
            problems.append(f"{where}: basis 'regional' but cites no src: source")
        problems += _check_quantities(kb, where, [agreement.text], agreement.citations)
    return problems


def validate(kb: KnowledgeBase) -> list[str]:
    """Every consistency problem in `kb` (empty when all is well)."""
    problems = _validate_articles(kb)
    for topic in kb.topics:
        problems += _validate_topic(kb, topic)
    problems += _validate_regions(kb)
    problems += _validate_parameters(kb)
    return problems
