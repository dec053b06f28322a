"""The statute files: completeness, citation format, and word-for-word fidelity to the reference passages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.knowledge import KnowledgeBase
from assistant.knowledge.models import Citation

# The statute passages the verbatim articles are checked against, copied into the repository (with their source);
# the shared reference they came from is outside it and only on some machines.
STATUTE_REFERENCE = Path(__file__).parent / "fixtures" / "statute-reference.md"
SHARED_REFERENCE = Path("/work/shared/reference")
LPW_ARTICLES = [
    "1", "1b", "2", "3", "3a", "3b", "4", "4a", "4b", "4c", "5", "5a", "6", "7", "8", "9", "10", "11", "11a",
    "12", "13", "13a", "13b", "14", "15", "15a", "16", "18", "21a", "22", "24", "25", "26", "27", "28",
]  # fmt: skip
OTHER_ARTICLES = ["awb:6:5", "awb:6:7", "awb:6:8", "awb:6:9", "awb:6:16", "awb:4:13", "awb:7:10", "wrod:10",
                  "wrod:12", "brod:14", "sr:23", "web:7.2.2", "web:8.1.8", "web:8.1.8a", "web:9.2.1", "web:9.2.2",
                  "wvo:8.14", "wvo:8.15", "wvo:8.20", "atw:1", "atw:3"]  # fmt: skip
# Laws whose text the shared reference quotes; the other statute files were read from the RegelRecht mirror.
REFERENCE_PREFIXES = ("lpw", "awb", "wrod", "sr")  # brod: read from the RegelRecht mirror (2026-08-01)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("cid", [f"lpw:{n}" for n in LPW_ARTICLES] + OTHER_ARTICLES)
def test_every_article_the_answers_use_is_present(fixture_kb: KnowledgeBase, cid: str) -> None:
    article = fixture_kb.article(cid)
    assert article.text.strip()
    assert article.url.endswith(f"#Artikel{article.number}")


@pytest.mark.parametrize(
    ("cid", "expected"),
    [
        ("lpw:13a", Citation(ref="Leerplichtwet 1969, artikel 13a",
                             url="https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel13a")),
        ("lpw:21a", Citation(ref="Leerplichtwet 1969, artikel 21a",
                             url="https://wetten.overheid.nl/BWBR0002628/2024-01-01#Artikel21a")),
        ("awb:6:7", Citation(ref="Algemene wet bestuursrecht, artikel 6:7",
                             url="https://wetten.overheid.nl/BWBR0005537/2024-01-01#Artikel6:7")),
        ("brod:14", Citation(ref="Besluit register onderwijsdeelnemers, artikel 14",
                             url="https://wetten.overheid.nl/BWBR0042639/2026-08-01#Artikel14")),
        ("wrod:12", Citation(ref="Wet register onderwijsdeelnemers, artikel 12",
                             url="https://wetten.overheid.nl/BWBR0042012/2024-01-01#Artikel12")),
        ("web:8.1.8a", Citation(ref="Wet educatie en beroepsonderwijs, artikel 8.1.8a",
                                url="https://wetten.overheid.nl/BWBR0007625/2025-01-01#Artikel8.1.8a")),
        ("web:9.2.1", Citation(ref="Wet educatie en beroepsonderwijs, artikel 9.2.1",
                               url="https://wetten.overheid.nl/BWBR0007625/2026-01-01#Artikel9.2.1")),
        ("web:9.2.2", Citation(ref="Wet educatie en beroepsonderwijs, artikel 9.2.2",
                               url="https://wetten.overheid.nl/BWBR0007625/2026-01-01#Artikel9.2.2")),
        ("wvo:8.14", Citation(ref="Wet voortgezet onderwijs 2020, artikel 8.14",
                              url="https://wetten.overheid.nl/BWBR0044212/2026-08-01#Artikel8.14")),
    ],
)  # fmt: skip
def test_citation_shows_law_name_article_and_anchor(fixture_kb: KnowledgeBase, cid: str, expected: Citation) -> None:
    assert fixture_kb.citation(cid) == expected


def test_key_statutory_numbers_are_in_the_text(fixture_kb: KnowledgeBase) -> None:
    assert "slechts eenmaal voor ten hoogste tien dagen per schooljaar" in fixture_kb.article("lpw:13a").text
    assert "eerste twee lesweken" in fixture_kb.article("lpw:13a").text
    assert "binnen twee dagen na het ontstaan van de verhindering" in fixture_kb.article("lpw:12").text
    assert "uiterlijk twee dagen vóór de verhindering" in fixture_kb.article("lpw:13").text
    assert "vier opeenvolgende lesweken in totaal zestien uren" in fixture_kb.article("lpw:21a").text
    assert "ten hoogste 5 uren per week" in fixture_kb.article("lpw:11a").text
    assert "ten hoogste 1 000 euro per overtreding" in fixture_kb.article("lpw:27").text
    assert fixture_kb.article("awb:6:7").text.strip() == (
        "De termijn voor het indienen van een bezwaar- of beroepschrift bedraagt zes weken."
    )


def test_paraphrases_say_they_are_not_the_official_text(fixture_kb: KnowledgeBase) -> None:
    paraphrased = [a for a in fixture_kb.articles if a.fidelity == "paraphrase"]
    assert {a.id for a in paraphrased} >= {"lpw:3a", "lpw:3b", "awb:6:9", "awb:7:10", "sr:23"}
    for article in paraphrased:
        assert article.text.startswith("Samenvatting, geen officiële tekst."), article.id


def test_uncertain_texts_carry_their_caveat(fixture_kb: KnowledgeBase) -> None:
    old_18plus = fixture_kb.article("web:8.1.8a")
    assert str(old_18plus.valid_until) == "2025-12-31"
    assert str(fixture_kb.article("web:9.2.1").valid_from) == "2026-01-01"
    assert "jonger is dan 27 jaar" in fixture_kb.article("web:9.2.1").text
    assert "de leeftijd van 23 jaren nog niet heeft bereikt" in fixture_kb.article("web:8.1.8").text
    assert "not verified" in (fixture_kb.article("sr:23").uncertain or "")
    assert "vierde lid" in (fixture_kb.article("lpw:22").uncertain or "")
    assert fixture_kb.article("lpw:4a").excerpt == "leden 1 tot en met 3"


def _unquoted(text: str) -> str:
    return re.sub(r"^> ?", "", text, flags=re.MULTILINE)


def test_verbatim_articles_match_the_reference_word_for_word(fixture_kb: KnowledgeBase) -> None:
    reference = _normalise(_unquoted(STATUTE_REFERENCE.read_text(encoding="utf-8")))
    verbatim = [
        a
        for a in fixture_kb.articles
        if a.fidelity == "verbatim"
        and a.id.split(":")[0] in REFERENCE_PREFIXES
        and "/2026-08-01#" not in a.url
        and "/2026-07-01#" not in a.url
    ]  # re-read in a newer version
    assert len(verbatim) >= 33
    mismatches = [a.id for a in verbatim if _normalise(a.text) not in reference]
    assert mismatches == []


@pytest.mark.skipif(
    not SHARED_REFERENCE.is_dir(),
    reason="the shared reference (outside the repository) is not here; "
    "the statute passages it quotes are in tests/knowledge/fixtures/statute-reference.md",
)
def test_the_reference_passages_are_copied_word_for_word_from_the_shared_reference() -> None:
    shared = "\n".join(
        (SHARED_REFERENCE / name).read_text(encoding="utf-8")
        for name in ("leerplicht-sources.md", "calendar-regional.md")
    )
    sections = re.split(r"(?m)^<!-- from [\w.-]+ -->\n", STATUTE_REFERENCE.read_text(encoding="utf-8"))[1:]
    assert len(sections) >= 30
    assert [section.split("\n", 1)[0] for section in sections if section.rstrip("\n") not in shared] == []


def test_awb_4_13_and_4_14_are_quoted_from_the_consolidation_valid_from_2026_07_01(fixture_kb: KnowledgeBase) -> None:
    """Issue 14: the 2017 text of Awb 4:13/4:14 was compared with the RegelRecht mirror's version of 2026-07-01;
    4:13 is word for word the same, 4:14 is now quoted instead of summarised."""
    for cid in ("awb:4:13", "awb:4:14"):
        article = fixture_kb.article(cid)
        assert article.fidelity == "verbatim" and "/2026-07-01#" in article.url, cid
        assert "1980e54b015b099c5fd191537c2eb7c0a79afa72" in (article.notes or ""), cid
    assert "binnen acht weken na ontvangst van de aanvraag" in fixture_kb.article("awb:4:13").text
    assert "een beschikking niet binnen acht weken kan worden gegeven" in fixture_kb.article("awb:4:14").text


def test_statutes_beyond_the_reference_name_their_mirror_version() -> None:
    """WEB, WVO 2020, the Besluit register onderwijsdeelnemers and the Algemene termijnenwet were read from the
    RegelRecht mirror: each file names the file and commit it was read from, so the text can be checked again."""
    import yaml

    from assistant.knowledge.loader import DEFAULT_ROOT

    for path in sorted((DEFAULT_ROOT / "statutes").glob("*.yml")):
        statute = yaml.safe_load(path.read_text(encoding="utf-8"))
        if statute["prefix"] in REFERENCE_PREFIXES:
            continue
        assert "MinBZK/regelrecht-corpus" in statute["source"], path.name
        assert re.search(r"commit [0-9a-f]{40}", statute["source"]), path.name


def test_the_besluit_register_onderwijsdeelnemers_is_the_version_valid_on_the_review_day() -> None:
    """Since 1 January 2026 the verzuimgegevens of young people under the 18+ duty rest on WEB 9.2.2 (BROD art. 14 and
    21 in the consolidation of 2026-08-01), no longer on WEB 8.1.8a; the file names the version it was read from."""
    from assistant.knowledge import load_knowledge

    kb = load_knowledge()
    article_14, article_21 = kb.article("brod:14"), kb.article("brod:21")
    assert article_14.text.startswith(
        "Het register onderwijsdeelnemers bevat van de onderwijsdeelnemer, bedoeld in "
        "artikel 21a LPW, artikel 9.2.2 WEB, artikel 47b WEC of artikel 8.20 WVO 2020,"
    )
    assert "artikel 8.20 WVO 2020 of artikel 9.2.2 WEB van toepassing is, levert het bestuur" in article_21.text
    assert article_14.valid_from is not None and article_14.valid_from.isoformat() == "2026-01-01"
    for article in (article_14, article_21):
        assert article.fidelity == "verbatim" and "8.1.8a" not in article.text
        assert article.url.startswith("https://wetten.overheid.nl/BWBR0042639/2026-08-01#")


def test_every_statute_file_names_the_version_it_was_read_from() -> None:
    import yaml

    from assistant.knowledge.loader import DEFAULT_ROOT

    for path in sorted((DEFAULT_ROOT / "statutes").glob("*.yml")):
        statute = yaml.safe_load(path.read_text(encoding="utf-8"))
        dated = re.search(r"\d{4}-\d{2}-\d{2}", statute["source"]) or statute.get("valid_from")
        assert dated or statute.get("uncertain"), path.name


def test_the_leerplichtwet_definitions_are_those_valid_on_the_review_day() -> None:
    """Art. 1 onder c sub 2 changed on 2026-08-01 (the only difference between the 2024-01-01 and 2026-08-01
    consolidations among the articles the answers use)."""
    from assistant.knowledge import load_knowledge

    article = load_knowledge().article("lpw:1")
    assert "2. beroepsopleiding waarvoor een erkenning is verleend als bedoeld in artikel 11.1.1" in article.text
    assert "artikel 1.4.1, eerste lid" not in article.text
    assert article.url.endswith("/2026-08-01#Artikel1")
