"""Loading the knowledge base and its look-ups: citations, topics, intents, municipalities."""

from __future__ import annotations

import pytest

from assistant.knowledge import KnowledgeBase, UnknownMunicipality, load_knowledge


def test_fixture_knowledge_loads_without_problems(fixture_kb: KnowledgeBase) -> None:
    assert fixture_kb.problems == []
    assert [t.id for t in fixture_kb.topics] == ["verlof_vakantie", "verlof_gewichtige_omstandigheden", "thuiszitters"]


def test_citations_keep_order_and_drop_repeats(fixture_kb: KnowledgeBase) -> None:
    refs = [c.ref for c in fixture_kb.resolve(["lpw:14", "src:fixture-verlofrichtlijn", "lpw:14", "awb:6:7"])]
    assert refs == [
        "Leerplichtwet 1969, artikel 14",
        "Voorbeeldgemeente – Richtlijn verlof wegens gewichtige omstandigheden",
        "Algemene wet bestuursrecht, artikel 6:7",
    ]


def test_source_citation_names_publisher_and_title(fixture_kb: KnowledgeBase) -> None:
    citation = fixture_kb.citation("src:hengelo-jaarverslag-leerplicht-2024-2025")
    assert citation.ref == "Gemeente Hengelo – Jaarverslag leerplicht 2024-2025"
    assert citation.url is None


@pytest.mark.parametrize("cid", ["lpw:99", "src:bestaat-niet", "13a", ""])
def test_unknown_citation_raises_key_error(fixture_kb: KnowledgeBase, cid: str) -> None:
    with pytest.raises(KeyError):
        fixture_kb.citation(cid)
    with pytest.raises(KeyError):
        fixture_kb.resolve(["lpw:13a", cid])


def test_topic_for_intent(fixture_kb: KnowledgeBase) -> None:
    assert fixture_kb.topic_for_intent("ask_verlof_vakantie").id == "verlof_vakantie"
    assert fixture_kb.topic_for_intent("ask_bezwaar") is None  # a fixed id without a topic file here
    assert fixture_kb.topic_for_intent("greet") is None
    assert fixture_kb.topic_for_intent(None) is None
    with pytest.raises(KeyError):
        fixture_kb.topic("bestaat_niet")


@pytest.mark.parametrize(
    ("town", "municipality"),
    [("Hengelo", "Hengelo"), ("Borne", "Hengelo"), ("borne", "Hengelo"), ("Enschede", "Enschede"),
     ("Losser", "Enschede"), ("Oldenzaal", "Enschede"), (" Dinkelland ", "Enschede")],
)  # fmt: skip
def test_responsible_municipality(fixture_kb: KnowledgeBase, town: str, municipality: str) -> None:
    assert fixture_kb.responsible_municipality(town) == municipality


def test_unknown_town_raises_unknown_municipality(fixture_kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownMunicipality) as raised:
        fixture_kb.responsible_municipality("Amsterdam")
    assert raised.value.municipality == "Amsterdam" and "Borne" in raised.value.known


def test_region_of_borne_uses_hengelo_contacts_and_agreements(fixture_kb: KnowledgeBase) -> None:
    borne = fixture_kb.region("Borne")
    assert borne.leerplicht_by == "Hengelo"
    assert borne.vakantieregio == "noord"
    assert "rmc.trajectbureau@hengelo.nl" in {c.email for c in borne.contacts}
    assert "14 074" in {c.phone for c in borne.contacts}
    agreements = {a.id for a in borne.agreements}
    assert {"langdurig-ziekteverzuim-gemeld", "overig-verzuim-melden", "doorstroompunt-18-plus"} <= agreements
    assert "vrijstelling-5b-jaarlijks-onderzoek" not in agreements  # Enschede's instruction


def test_region_of_enschede(fixture_kb: KnowledgeBase) -> None:
    enschede = fixture_kb.region("Enschede")
    emails = {c.email for c in enschede.contacts if c.verified}
    assert emails == {"leerplicht@enschede.nl", "rmc@enschede.nl"}
    unverified = [c for c in enschede.contacts if not c.verified]
    assert [c.phone for c in unverified] == ["14 053"]
    agreements = {a.id for a in enschede.agreements}
    assert {"absoluut-verzuim-voorrang", "vrijstelling-5b-jaarlijks-onderzoek"} <= agreements
    assert "langdurig-ziekteverzuim-gemeld" not in agreements


def test_regional_agreements_are_regional_and_cited(fixture_kb: KnowledgeBase) -> None:
    ids = {a.id for a in fixture_kb.agreements}
    assert {
        "overig-verzuim-melden",
        "preventief-spreekuur-met-duo-melding",
        "langdurig-ziekteverzuim-gemeld",
        "absoluut-verzuim-voorrang",
        "doorstroompunt-18-plus",
        "vrijstelling-5b-jaarlijks-onderzoek",
    } <= ids
    for agreement in fixture_kb.agreements:
        assert agreement.basis == "regional"
        assert any(cid.startswith("src:") for cid in agreement.citations)
    five_b = next(a for a in fixture_kb.agreements if a.id == "vrijstelling-5b-jaarlijks-onderzoek")
    assert "elk jaar" in five_b.text and "12 jaar" in five_b.text


def test_vakantieregio_is_noord_for_all_of_twente(fixture_kb: KnowledgeBase) -> None:
    assert fixture_kb.vakantieregio is not None and fixture_kb.vakantieregio.region == "noord"
    assert {fixture_kb.region(name).vakantieregio for name in fixture_kb.municipalities} == {"noord"}


def test_missing_directory_gives_an_empty_knowledge_base(tmp_path) -> None:
    kb = load_knowledge(tmp_path)
    assert kb.topics == [] and kb.articles == [] and kb.problems == []
