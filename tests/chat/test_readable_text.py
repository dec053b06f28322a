"""What the assistant reads of a message with markup: the words, without tags or script contents."""

from __future__ import annotations

import pytest

from assistant.conversations.validation import ONLY_MARKUP, problem_with_message, readable_text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("<script>alert(1)</script> mag ik op vakantie 30 februari?", "mag ik op vakantie 30 februari?"),
        ("<SCRIPT type='x'>evil()</SCRIPT>Is mijn kind leerplichtig?", "Is mijn kind leerplichtig?"),
        ("<b>Vraag</b> over <i>verlof</i>", "Vraag over verlof"),
        ('<img src=x onerror="alert(2)">Hoe meld ik ziek?', "Hoe meld ik ziek?"),
        ("<style>p{color:red}</style>وقت المدرسة؟", "وقت المدرسة؟"),
        ("tekst <script>niet gesloten", "tekst"),
        ("ik hou van school <3 en 4 < 5 > 3", "ik hou van school <3 en 4 < 5 > 3"),
        ("Hallo 😀", "Hallo 😀"),
    ],
)
def test_the_words_are_read_without_markup(typed, read):
    assert readable_text(typed) == read


@pytest.mark.parametrize("typed", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b></b> <br/>"])
def test_markup_only_is_a_problem(typed):
    assert problem_with_message(typed, 2000) == ONLY_MARKUP


def test_a_question_with_markup_is_no_problem():
    assert problem_with_message("<b>Mag</b> ik verlof?", 2000) is None
