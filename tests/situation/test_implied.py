"""The topics a message's facts point to by themselves (`assistant.situation.implied`)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.situation import read_facts
from assistant.situation.implied import implied_topics

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("language", "text", "topics"),
    [
        ("nl", "zoontje geboren 03-02-2022", ("leerplicht_leeftijd",)),
        ("en", "born 3/2/2022", ("leerplicht_leeftijd",)),
        ("nl", "ik ben 21, zit op het mbo en ben al 5 weken niet geweest", ("verzuim_18plus",)),
        ("pl", "mam 19 lat, uczę się w mbo i od 5 tygodni nie chodzę na zajęcia", ("verzuim_18plus",)),
        # 17 is kwalificatieplichtig: the classifier's topics, not the 18-plus duty
        ("nl", "ik ben 17, zit op het mbo en ben al 5 weken niet geweest", ()),
        # an adult without a school type or without a time away points nowhere by itself
        ("nl", "ik ben 21 en ben al 5 weken niet geweest", ()),
        ("nl", "ik ben 21 en zit op het mbo", ()),
        ("nl", "van 12-10-2026 tot 16-10-2026", ()),
    ],
)
def test_what_the_facts_point_to(language: str, text: str, topics: tuple[str, ...]) -> None:
    assert implied_topics(read_facts(text, language, today=TODAY), TODAY) == topics
