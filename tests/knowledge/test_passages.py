"""The step or detail of a topic that answers the point asked (assistant/knowledge/passages.py), on the real topics."""

from __future__ import annotations

from assistant.knowledge import get_knowledge_base
from assistant.knowledge.passages import answering_passage, point_asked

URGENT = "Kunnen we bij een spoedeisende zaak naar de voorzieningenrechter?"


def test_a_question_about_one_point_gets_the_detail_that_answers_it():
    passage = answering_passage(URGENT, "bezwaar")
    assert passage is not None
    assert "voorlopige voorziening" in passage and "8:81" in passage
    assert passage in get_knowledge_base().topic("bezwaar").answer.details


def test_the_detail_is_rendered_as_the_user_reads_it():
    shown = point_asked(URGENT, "bezwaar")
    assert shown is not None and "{" not in shown  # no placeholder left
    assert point_asked("/ask_bezwaar", "bezwaar") is None  # a button asks no point


def test_what_the_short_answer_says_needs_no_detail():
    assert answering_passage("Wat is luxe verzuim?", "luxe_verzuim") is None
    assert answering_passage("bezwaar", "bezwaar") is None
    assert answering_passage(URGENT, "no_such_topic") is None
