"""The kinds of point a question asks for (`assistant.i18n.phrases.asked_points`), in every supported language."""

from __future__ import annotations

import pytest

from assistant.i18n.languages import POINT_KINDS, load_languages
from assistant.i18n.phrases import asked_points


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Hoe lang van tevoren moet ik verlof aanvragen?", "nl", "deadline"),
        ("Binnen welke termijn moeten wij melden?", "nl", "deadline"),
        ("Krijg ik een boete als we een dag eerder gaan?", "nl", "consequence"),
        ("Wat gebeurt er nadat ik bezwaar heb gemaakt?", "nl", "next"),
        ("Hoe vraag ik een vrijstelling aan?", "nl", "procedure"),
        ("Wie beslist over verlof van meer dan tien dagen?", "nl", "decider"),
        ("How far in advance do I have to ask?", "en", "deadline"),
        ("Will we get a fine?", "en", "consequence"),
        ("Who decides about the leave?", "en", "decider"),
        ("هل هناك غرامة إذا سافرنا قبل العطلة؟", "ar", "consequence"),
        ("Як подати заяву на звільнення від навчання?", "uk", "procedure"),
        ("Ne kadar önceden izin istemem gerekiyor?", "tr", "deadline"),
        ("Kto decyduje o urlopie?", "pl", "decider"),
        ("Voor wie geldt de regel over religieuze feestdagen?", "nl", "scope"),
        ("Who does it apply to, only Dutch children?", "en", "scope"),
        ("Hoe hoog is de boete als we een week eerder gaan?", "nl", "amount"),
        ("Is het waar dat het 100 euro per dag kost?", "nl", "amount"),
        ("How much is the fine?", "en", "amount"),
        ("كم الغرامة إذا سافرنا قبل العطلة؟", "ar", "amount"),
        ("Скільки буде штраф за тиждень?", "uk", "amount"),
        ("ceza ne kadar olur", "tr", "amount"),
        ("Jak wysoka jest grzywna?", "pl", "amount"),
        ("We hebben een pv gekregen, wat nu?", "nl", "next"),
        ("Er is proces-verbaal opgemaakt, wat betekent dat?", "nl", "next"),
        ("We got a penalty order (strafbeschikking). What now?", "en", "next"),
        ("Dostaliśmy protokół. Co teraz?", "pl", "next"),
        ("Wat moet er in een bezwaarschrift staan?", "nl", "contents"),
        ("What must an objection letter contain?", "en", "contents"),
        ("Що має містити заперечення?", "uk", "contents"),
        ("Mogen we toch gaan terwijl het bezwaar loopt?", "nl", "pending"),
        ("May we go while the objection is still pending?", "en", "pending"),
        ("İtiraz devam ederken gidebilir miyiz?", "tr", "pending"),
        ("Moet ik een doktersverklaring inleveren?", "nl", "evidence"),
        ("Do I need a doctor's note?", "en", "evidence"),
        ("Чи потрібна довідка від лікаря?", "uk", "evidence"),
        ("Waarom is de jeugdarts nodig?", "nl", "reason"),
        ("Why is the youth doctor needed?", "en", "reason"),
        ("Dlaczego potrzebny jest lekarz?", "pl", "reason"),
        ("Hoe bereik ik de leerplichtambtenaar in Hengelo?", "nl", "contact"),
        ("How can I reach the attendance officer?", "en", "contact"),
        ("Як зв'язатися з інспектором?", "uk", "contact"),
        ("Doorstroompunt ile nasıl iletişime geçebilirim?", "tr", "contact"),
    ],
)
def test_a_question_asks_for_a_kind_of_point(text: str, language: str, kind: str) -> None:
    assert kind in asked_points(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wat is luxe verzuim?", "nl"),
        ("Mag mijn kind vrij voor het Suikerfeest?", "nl"),
        ("/ask_bezwaar", "nl"),
        ("", "nl"),
        ("Is my child of 4 already leerplichtig?", "en"),
        ("Maar wat nu als een vakantie boeken anders echt niet kan?", "nl"),  # what if, not what follows
    ],
)
def test_a_question_without_such_words_asks_for_no_point(text: str, language: str) -> None:
    assert asked_points(text, language) == frozenset()


def test_every_supported_language_has_words_for_every_kind() -> None:
    for language in load_languages().supported:
        assert set(language.points) == set(POINT_KINDS), language.code
        assert all(language.points[kind] for kind in POINT_KINDS), language.code
