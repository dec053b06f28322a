"""Load-time validation: broken knowledge files are refused with a precise list of problems."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.knowledge import KnowledgeError, load_knowledge


def _write_topic(root: Path, topic_id: str, **changes: object) -> None:
    topic = {
        "id": topic_id,
        "title": "Ziek melden",
        "last_verified": "2026-11-20",
        "answer": {"short": "Meld uw kind ziek bij de school, binnen twee dagen."},
        "statements": [{"text": "Meld ziekte binnen twee dagen.", "basis": "law", "citations": ["lpw:12"]}],
        "citations": ["lpw:12"],
    }
    topic.update(changes)
    (root / "topics" / f"{topic_id}.yml").write_text(yaml.safe_dump(topic, allow_unicode=True), encoding="utf-8")


def _problems(root: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(root)
    return caught.value.problems


def test_a_valid_extra_topic_loads(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte")
    assert load_knowledge(fixture_root).topic("ziekte").title == "Ziek melden"


def test_unknown_citation_id(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte", citations=["lpw:12", "src:nergens"])
    assert _problems(fixture_root) == ["topics/ziekte.yml: unknown citation id src:nergens"]


def test_number_not_in_the_cited_source(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte", answer={"short": "Meld uw kind binnen 3 dagen ziek."})
    (problem,) = _problems(fixture_root)
    assert problem.startswith("topics/ziekte.yml: answer: states '3 day' but none of lpw:12 does")


def test_number_in_statement_must_be_in_its_own_citations(fixture_root: Path) -> None:
    statements = [{"text": "Vraag het 8 weken van tevoren aan.", "basis": "law", "citations": ["lpw:12"]}]
    _write_topic(fixture_root, "ziekte", statements=statements)
    (problem,) = _problems(fixture_root)
    assert problem.startswith("topics/ziekte.yml: statement 1: states '8 week' but none of lpw:12 does")


def test_topic_without_law_statement_needs_a_reason(fixture_root: Path) -> None:
    guidance = [{"text": "Richtlijn.", "basis": "guidance", "citations": ["src:fixture-verlofrichtlijn"]}]
    answer = {"short": "Meld uw kind ziek bij de school."}
    _write_topic(fixture_root, "ziekte", answer=answer, statements=guidance, citations=["src:fixture-verlofrichtlijn"])
    assert _problems(fixture_root) == ["topics/ziekte.yml: no statement with basis 'law' and no no_law_reason"]
    _write_topic(
        fixture_root,
        "ziekte",
        answer=answer,
        statements=guidance,
        citations=["src:fixture-verlofrichtlijn"],
        no_law_reason="Alleen praktijk van scholen.",
    )
    assert load_knowledge(fixture_root).topic("ziekte").no_law_reason


def test_basis_must_match_the_kind_of_citation(fixture_root: Path) -> None:
    statements = [
        {"text": "Meld ziekte.", "basis": "law", "citations": ["src:fixture-verlofrichtlijn"]},
        {"text": "Meld ziekte.", "basis": "guidance", "citations": ["lpw:12"]},
    ]
    _write_topic(fixture_root, "ziekte", statements=statements, citations=["lpw:12", "src:fixture-verlofrichtlijn"])
    assert _problems(fixture_root) == [
        "topics/ziekte.yml: statement 1: basis 'law' but cites no statute",
        "topics/ziekte.yml: statement 2: basis 'guidance' but cites no src: source",
    ]


def test_statement_sources_must_be_shown_with_the_answer(fixture_root: Path) -> None:
    statements = [{"text": "Meld ziekte.", "basis": "law", "citations": ["lpw:12", "lpw:13b"]}]
    _write_topic(fixture_root, "ziekte", statements=statements)
    assert _problems(fixture_root) == ["topics/ziekte.yml: statement 1: cites lpw:13b, which the answer does not show"]


def test_schema_errors_name_file_and_field(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte", keywords=["ziek", ["x"]], answer={"short": " "}, statements=[{"text": "x"}])
    problems = _problems(fixture_root)
    assert "topics/ziekte.yml: keywords.1: Input should be a valid string" in problems
    assert any(p.startswith("topics/ziekte.yml: answer.short:") for p in problems)
    assert any(p.startswith("topics/ziekte.yml: statements.0.basis:") for p in problems)


def test_bare_numbers_in_keywords_are_read_as_text(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte", keywords=["artikel 12", 12, "ziek"])
    assert load_knowledge(fixture_root).topic("ziekte").keywords == ("artikel 12", "12", "ziek")


def test_file_name_must_match_id_and_id_must_be_fixed(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte", id="ziek")
    _write_topic(fixture_root, "onbekend_onderwerp")
    problems = _problems(fixture_root)
    assert "topics/ziekte.yml: id 'ziek' does not match the file name" in problems
    assert "topics/onbekend_onderwerp.yml: 'onbekend_onderwerp' is not one of the fixed topic ids" in problems


def test_variant_and_related_ids_are_checked(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte", variants={"feest": {"short": "x"}}, related=["ziekte", "weer"])
    assert sorted(_problems(fixture_root)) == [
        "topics/ziekte.yml: related topic 'weer' is not another fixed topic id",
        "topics/ziekte.yml: related topic 'ziekte' is not another fixed topic id",
        "topics/ziekte.yml: variant feest: not a known gebeurtenis or asked subject",
    ]
    # a variant for a subject a question asks about ("thuisonderwijs") is a known id too
    _write_topic(fixture_root, "ziekte", variants={"thuisonderwijs": {"short": "x"}})
    assert set(load_knowledge(fixture_root).topic("ziekte").variants) == {"thuisonderwijs"}


def test_statute_url_must_point_at_its_own_article(fixture_root: Path) -> None:
    path = fixture_root / "statutes" / "awb.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("#Artikel6:7", "#Artikel6:8"), encoding="utf-8")
    assert _problems(fixture_root) == [
        "statutes: awb:6:7: url https://wetten.overheid.nl/BWBR0005537/2024-01-01#Artikel6:8 "
        "does not end with #Artikel6:7"
    ]


def test_duplicate_source_ids_are_refused(fixture_root: Path) -> None:
    extra = fixture_root / "sources" / "extra.yml"
    extra.write_text((fixture_root / "sources" / "fixture-guidance.yml").read_text(encoding="utf-8"), "utf-8")
    assert _problems(fixture_root) == ["sources/fixture-guidance.yml: duplicate source src:fixture-verlofrichtlijn"]


def test_non_strict_load_keeps_valid_parts(fixture_root: Path) -> None:
    _write_topic(fixture_root, "ziekte", citations=["lpw:12", "src:nergens"])
    kb = load_knowledge(fixture_root, strict=False)
    assert kb.problems == ["topics/ziekte.yml: unknown citation id src:nergens"]
    assert kb.has_topic("verlof_vakantie")


# -- legal numbers are placeholders of the dated parameters (issue 14) ----------------------------------------------


def _with_parameters(root: Path) -> Path:
    import shutil

    from assistant.knowledge.loader import DEFAULT_ROOT

    shutil.copytree(DEFAULT_ROOT / "parameters", root / "parameters")
    return root


def _ziekte(root: Path, short: str, citations: list[str] | None = None) -> list[str]:
    citations = citations or ["lpw:12"]
    statements = [{"text": "Meld ziekte binnen twee dagen.", "basis": "law", "citations": ["lpw:12"]}]
    _write_topic(_with_parameters(root), "ziekte", answer={"short": short}, statements=statements, citations=citations)
    try:
        load_knowledge(root)
    except KnowledgeError as error:
        return [problem for problem in error.problems if problem.startswith("topics/ziekte.yml")]
    return []


def test_a_legal_number_written_as_its_placeholder_passes(fixture_root: Path) -> None:
    assert _ziekte(fixture_root, "Meld uw kind binnen {leerplicht.ziekte_report_days} dagen ziek.") == []


def test_an_unknown_placeholder_is_refused(fixture_root: Path) -> None:
    (problem,) = _ziekte(fixture_root, "Meld uw kind binnen {leerplicht.ziekte_days} dagen ziek.")
    assert "unknown parameter {leerplicht.ziekte_days}" in problem


def test_a_malformed_placeholder_is_refused(fixture_root: Path) -> None:
    (problem,) = _ziekte(fixture_root, "Meld uw kind binnen {leerplicht.ziekte_report_days:roman} dagen ziek.")
    assert "malformed placeholder" in problem


def test_a_placeholder_before_the_known_law_is_refused(fixture_root: Path) -> None:
    (problem,) = _ziekte(fixture_root, "Meld uw kind binnen {leerplicht.ziekte_report_days@2020-01-01} dagen ziek.")
    assert "the law is not known on 2020-01-01" in problem


@pytest.mark.parametrize("short", ["Meld uw kind binnen 2 dagen ziek.", "Meld uw kind binnen twee dagen ziek."])
def test_a_literal_number_a_parameter_states_must_be_its_placeholder(fixture_root: Path, short: str) -> None:
    (problem,) = _ziekte(fixture_root, short)
    assert "writes '2 day' literally; use the placeholder {leerplicht.ziekte_report_days}" in problem


def test_a_literal_legal_number_no_parameter_states_is_refused(fixture_root: Path) -> None:
    """Awb 4:13 states eight weeks, and no parameter does: the number needs a parameter before a text may state it."""
    (problem,) = _ziekte(
        fixture_root, "Meld uw kind ziek; de gemeente beslist binnen 8 weken.", citations=["lpw:12", "awb:4:13"]
    )
    assert "writes the legal number '8 week' literally and no parameter states it" in problem


def test_a_placeholder_resting_on_an_uncited_source_is_refused(fixture_root: Path) -> None:
    (problem,) = _ziekte(fixture_root, "Vakantieverlof: ten hoogste {verlof.vakantie_max_school_days} schooldagen.")
    assert "{verlof.vakantie_max_school_days} rests on sources the answer does not cite" in problem


def test_every_placeholder_of_the_real_topics_renders(fixture_root: Path) -> None:
    from assistant.knowledge.placeholders import ANY_PLACEHOLDER, render

    kb = load_knowledge()
    texts = [text for topic in kb.topics for text in (topic.answer.short, *topic.answer.steps, *topic.answer.details)]
    with_numbers = [text for text in texts if ANY_PLACEHOLDER.search(text)]
    assert len(with_numbers) > 50
    from datetime import date

    assert not [text for text in with_numbers if "{" in render(text, date(2026, 12, 6))]


def test_a_title_states_no_quantity(fixture_root: Path) -> None:
    """Titles are shown as buttons and list entries without a law date, so they take no placeholder: a legal
    number ("18 jaar") belongs in the answer (issue 14)."""
    _write_topic(fixture_root, "ziekte", title="Ziek melden binnen twee dagen")
    assert [p for p in load_knowledge(fixture_root, strict=False).problems if p.startswith("topics/ziekte")] == [
        "topics/ziekte.yml: the title writes '2 day': a title takes no placeholder, so it states no quantity (say it "
        "in the answer)"
    ]


def test_a_literal_guidance_number_is_refused_unless_listed_as_no_rule(fixture_root: Path) -> None:
    """A guidance number is a parameter too (knowledge/parameters/richtlijn.yml); a quantity that is no rule at all
    (a phone line open "24 uur per dag") is listed in the topic's literal_numbers, and the list may not go stale."""
    statements = [{"text": "Meld ziekte binnen twee dagen.", "basis": "law", "citations": ["lpw:12"]}]
    short = "Meld uw kind binnen {leerplicht.ziekte_report_days} dagen ziek. De lijn is 24 uur per dag open."
    _write_topic(
        _with_parameters(fixture_root),
        "ziekte",
        answer={"short": short},
        statements=statements,
        citations=["lpw:12", "src:fixture-verlofrichtlijn"],
    )
    problems = [p for p in load_knowledge(fixture_root, strict=False).problems if p.startswith("topics/ziekte")]
    assert any("writes '24 hour' literally: a guidance or regional number is a parameter too" in p for p in problems)
    _write_topic(
        fixture_root,
        "ziekte",
        answer={"short": short},
        statements=statements,
        citations=["lpw:12", "src:fixture-verlofrichtlijn"],
        literal_numbers=["24 uur per dag"],
    )
    assert not [p for p in load_knowledge(fixture_root, strict=False).problems if p.startswith("topics/ziekte")]
    _write_topic(
        fixture_root,
        "ziekte",
        answer={"short": "Meld uw kind ziek."},
        statements=statements,
        citations=["lpw:12"],
        literal_numbers=["24 uur per dag"],
    )
    assert [p for p in load_knowledge(fixture_root, strict=False).problems if p.startswith("topics/ziekte")] == [
        "topics/ziekte.yml: literal_numbers '24 uur per dag' is in no answer text"
    ]


def test_the_leave_rules_guidance_takes_every_count_from_the_parameters() -> None:
    """knowledge/rules/verlof.yml writes no count: each event's guidance fills its format fields from the parameters
    it names (`numbers`), and `guidance_max_days` names the parameter of the highest count (issue 14)."""
    import string
    from datetime import date

    from assistant.knowledge.parameters import params
    from assistant.rules.verlof import event_guidance, event_guidance_max_days, get_rules

    law = params(on=date(2026, 12, 6))
    for name, event in get_rules().events.items():
        text = event.get("guidance")
        if not text:
            assert "numbers" not in event and "guidance_max_days" not in event, name
            continue
        fields = {field for _, field, _, _ in string.Formatter().parse(text) if field}
        assert fields == set(event.get("numbers") or {}), name
        guidance = event_guidance(event, law)
        assert guidance is not None and "{" not in str(guidance), name
        assert event_guidance_max_days(event, law) in guidance.values.values(), name
    huwelijk = get_rules().events["huwelijk"]
    assert event_guidance_max_days(huwelijk, law) == law.richtlijn.verlof_abroad_max_days.value
    assert "tot 5 schooldagen als het huwelijk in het buitenland is" in str(event_guidance(huwelijk, law))
