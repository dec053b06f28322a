"""The one normal form for typed text: NFKC without invisible format characters, and the detectors' skeleton."""

from __future__ import annotations

import pytest

from assistant.privacy.normalize import has_invisible, normalize_text, skeleton, strip_invisible


@pytest.mark.parametrize(
    "invisible",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u00ad",  # zero-width, word joiner, BOM, soft hyphen
        "\u200e",
        "\u200f",
        "\u061c",  # LRM, RLM, ALM
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",  # embeddings and overrides
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",  # isolates
        "\ufe0f",
        "\u034f",
        "\U000e0041",  # a variation selector, the grapheme joiner, a tag character
    ],
)
def test_invisible_characters_are_removed(invisible):
    text = f"ver{invisible}lof"
    assert has_invisible(text)
    assert normalize_text(text) == "verlof" == strip_invisible(text)


def test_nfkc_folds_full_width_and_compatibility_forms():
    assert normalize_text("ＶＥＲＬＯＦ １２３") == "VERLOF 123"
    assert normalize_text("ﬁnale") == "finale"
    assert normalize_text("x\u00a0y") == "x y"


def test_visible_text_of_every_supported_language_is_unchanged():
    for text in (
        "Mag ik verlof?",
        "هل يمكنني الحصول على إجازة؟",
        "Чи можу я взяти відпустку?",
        "İzin alabilir miyim?",
        "Czy mogę dostać urlop?",
        "Ik ben blij 😀",
        "مَدْرَسَة",
    ):
        assert normalize_text(text) == text


def test_normalising_twice_changes_nothing():
    text = "a\u200b\u0301ｂ\u202e c ﬁ"
    assert normalize_text(normalize_text(text)) == normalize_text(text)


def test_the_skeleton_folds_digits_and_maps_back():
    text = "رقم ١٢٣ x\u0301y"
    view = skeleton(text)
    assert view.text == "رقم 123 xy"
    start = view.text.index("123")
    assert view.span(start, start + 3) == (4, 7)
    x = view.text.index("x")
    assert text[slice(*view.span(x, x + 1))] == "x\u0301"  # the combining accent goes with its letter
