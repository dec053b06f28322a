"""A hospital named as where a parent works ("werkt in het ziekenhuis", six languages) is a job, not an illness in the
family: the holiday-leave question gets the job test of art. 13a, not leave for a gewichtige omstandigheid; a relative
lying in hospital is still a serious illness."""

from __future__ import annotations

import pytest

from assistant.situation import read_facts
from tests.situation.helpers import TODAY, first_bubble, reply


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Mijn man werkt in het ziekenhuis en krijgt 's zomers nooit vrij. Kunnen we in maart een week weg?"),
        ("nl", "Ik ben verpleegkundige en kan in geen enkele schoolvakantie weg. Mag het in mei een week?"),
        ("en", "My husband works at a hospital and never gets summer leave. Can we go away for a week in March?"),
        ("pl", "Mąż pracuje w szpitalu i nigdy nie ma wolnego latem. Czy możemy wyjechać na tydzień w marcu?"),
        ("tr", "Eşim hastanede çalışıyor ve yazın hiç izin alamıyor. Martta bir hafta gidebilir miyiz?"),
    ],
)
def test_a_parent_working_in_a_hospital_gets_the_job_test(language: str, text: str) -> None:
    facts = read_facts(text, language, today=TODAY)
    assert facts.reason == "werk"
    found = reply("verlof_vakantie", text, language)
    assert found.topic == "verlof_vakantie"
    assert found.citations[0] == "lpw:13a"
    assert "13a" in first_bubble(found, language)


def test_a_relative_in_hospital_is_still_a_serious_illness() -> None:
    assert read_facts("Mijn moeder ligt in het ziekenhuis, mag mijn zoon vrij?", "nl", today=TODAY).reason == (
        "ernstige_ziekte"
    )
