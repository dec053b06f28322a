"""Redaction of personal identifiers: valid numbers are removed, look-alikes and ordinary numbers stay."""

from __future__ import annotations

import pytest

from assistant.privacy.redact import BSN_MARK, EMAIL_MARK, IBAN_MARK, PHONE_MARK, is_valid_bsn, redact

VALID_BSN = "111222333"  # passes the 11-proef
VALID_BSN_2 = "123456782"


@pytest.mark.parametrize(
    "number, valid",
    [
        (VALID_BSN, True),
        (VALID_BSN_2, True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("1234567", False),
        ("abcdefghi", False),
    ],
)
def test_eleven_check(number, valid):
    assert is_valid_bsn(number) is valid


@pytest.mark.parametrize("written", ["111222333", "1112.22.333", "111 222 333", "1112-22-333", "1112 22 333"])
def test_bsn_in_any_grouping_is_redacted(written):
    result = redact(f"Het BSN van mijn zoon is {written}, kunt u kijken?")
    assert written not in result.text
    assert BSN_MARK in result.text
    assert result.had_bsn


def test_invalid_bsn_and_ordinary_numbers_stay():
    text = "Nummer 123456789, 16 uur in 4 weken, 13-3-2026 en 10 schooldagen"
    result = redact(text)
    assert result.text == text
    assert not result.found


def test_iban_is_redacted_only_when_the_check_digits_are_right():
    assert redact("rekening NL91 ABNA 0417 1643 00 graag").text == f"rekening {IBAN_MARK} graag"
    assert redact("NL91ABNA0417164300").found == {"iban"}
    assert redact("NL12ABNA0417164300").text == "NL12ABNA0417164300"


@pytest.mark.parametrize(
    "phone",
    [
        "0612345678",
        "06-12345678",
        "06 1234 5678",
        "+31 6 12345678",
        "0031612345678",
        "053-4812345",
        "074 2459876",
        "+31 (0)53 4812345",
    ],
)
def test_phone_numbers_are_redacted(phone):
    result = redact(f"bel mij op {phone} aub")
    assert PHONE_MARK in result.text
    assert phone not in result.text


def test_email_is_redacted_outside_the_step_that_asks_for_it():
    assert redact("mail naar ouder@example.nl").text == f"mail naar {EMAIL_MARK}"
    assert redact("ouder@example.nl", requested_slot="email").text == "ouder@example.nl"


def test_phone_kept_at_the_contact_step_but_bsn_never():
    result = redact(f"0612345678 en {VALID_BSN}", requested_slot="contact")
    assert result.text == f"0612345678 en {BSN_MARK}"


def test_mixed_text_keeps_everything_else():
    result = redact(f"Hoi! <b>Vraag</b> 😀 over verlof. BSN {VALID_BSN_2}; mail a.b@c.nl")
    assert result.text == f"Hoi! <b>Vraag</b> 😀 over verlof. BSN {BSN_MARK}; mail {EMAIL_MARK}"
    assert result.found == {"bsn", "email"}


@pytest.mark.parametrize("date", ["12-01-2026", "28-02-2026", "12.01.2026", "2026-01-12", "1-3-2026"])
def test_dates_are_never_taken_for_a_bsn(date):
    assert redact(f"van {date} tot en met vrijdag").text == f"van {date} tot en met vrijdag"


def test_every_date_of_a_school_year_survives():
    from datetime import date, timedelta

    day = date(2026, 8, 1)
    while day < date(2027, 8, 1):
        text = day.strftime("%d-%m-%Y")
        assert redact(text).text == text
        day += timedelta(days=1)


# --- the ways people write identifiers (issue 17: 20 of 44 were stored verbatim) -------------------------------------

VALID_IBAN = "NL91ABNA0417164300"


@pytest.mark.parametrize(
    "written",
    [
        "bsn123456782",
        "BSN:123456782",
        "123  456  782",
        "123/456/782",
        "123_456_782",
        "123 - 456 - 782",
        "1234.56.782",
        "1 2 3 4 5 6 7 8 2",
        "123,456,782",
        "رقم123456782شكرا",  # glued to Arabic letters
        "номер123456782",  # glued to Cyrillic letters
        "١٢٣٤٥٦٧٨٢",  # Arabic-Indic digits
        "１２３４５６７８２",  # full-width digits
        "123\u200b456\u200b782",
        "123\u200d456\u200d782",
        "\u2066123456782\u2069",
        "\u202e287654321",  # invisible
        "1\u00ad23456782",
        "123\ufeff456782",
    ],
)
def test_a_bsn_is_found_however_it_is_written(written):
    result = redact(f"Mijn zoon heeft {written} als nummer")
    assert result.found == {"bsn"}, result.text
    assert BSN_MARK in result.text
    assert not any(char.isdigit() for char in result.text)


@pytest.mark.parametrize(
    "written",
    [
        "NL91 ABNA 0417 1643 00",
        "NL91ABNA0417164300",
        "nl91abna0417164300",
        "NL 91 ABNA 041 716 4300",
        "NL91-ABNA-0417-1643-00",
        "NL91  ABNA  0417  1643  00",
        "rekeningNL91ABNA0417164300graag",
        "NL91 ABNA 0417 1643 00.",
        "ＮＬ９１ＡＢＮＡ０４１７１６４３００",
        "NL91\u200bABNA\u200b0417164300",
        "DE89 3704 0044 0532 0130 00",
        "BE68 5390 0754 7034",
        "GB29 NWBK 6016 1331 9268 19",
        "TR33 0006 1005 1978 6457 8413 26",
        "PL61 1090 1014 0000 0712 1981 2874",
    ],
)
def test_an_iban_is_found_however_it_is_spaced(written):
    result = redact(f"Mijn rekening: {written} dank u")
    assert result.found == {"iban"}, result.text
    assert not any(char.isdigit() for char in result.text)


@pytest.mark.parametrize(
    "written",
    [
        "+32 470 12 34 56",
        "(06) 12345678",
        "06-12345678",
        "06 12 34 56 78",
        "06/12345678",
        "06.12.34.56.78",
        "+31 (0)6 12 34 56 78",
        "+31(0)612345678",
        "0031 6 1234 5678",
        "+316 1234 5678",
        "tel:0612345678",
        "bel0612345678",
        "053 - 481 23 45",
        "(053) 4812345",
        "+49 30 123456789",
        "+44 20 7946 0958",
        "+90 532 123 45 67",
        "+48 512 345 678",
        "+380 50 123 4567",
        "0 6 1 2 3 4 5 6 7 8",
        "٠٦١٢٣٤٥٦٧٨",
        "０６－１２３４５６７８",
        "06\u200b12345678",
    ],
)
def test_a_phone_number_is_found_in_national_and_international_notation(written):
    result = redact(f"Bel mij op {written} alstublieft")
    assert result.found == {"phone"}, result.text
    assert not any(char.isdigit() for char in result.text)


@pytest.mark.parametrize(
    "written",
    [
        "jan.jansen@example.nl",
        "jan.jansen[at]example[dot]nl",
        "jan.jansen (at) example (dot) nl",
        "jan.jansen at example dot nl",
        "jan.jansen @ example.nl",
        "jan.jansen[at]example.nl",
        "jan.jansen{at}example{punt}nl",
        "jan.jansen (apenstaartje) example (punt) nl",
        "JAN.JANSEN@EXAMPLE.NL",
        "jan.jansen apenstaartje example.nl",
        "jan.jansen＠example．nl",
        "jan.jansen\u200b@example.nl",
        "mailjan.jansen@example.nl",
    ],
)
def test_an_email_address_is_found_also_when_it_is_obfuscated(written):
    result = redact(f"Mijn adres: {written} graag")
    assert result.found == {"email"}, result.text
    assert "jansen" not in result.text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "van 9 t/m 13 maart",
        "9, 10, 11, 12 en 13 maart",
        "9, 10, 11, 12, 13 maart 2026",
        "12-01-2026 tot 16-01-2026",
        "2026/01/12",
        "16 uur in 4 weken",
        "groep 5 en 6, 10 schooldagen",
        "Bel Veilig Thuis: 0800-2000",
        "Bel 14 074 en vraag naar leerplicht",
        "bij direct gevaar 112",
        "kenmerk VL-23456789AB en LP-ABCDEFGHJK",
        "see the info at leerplicht.nl",
        "I am at home now",
        "schooljaar 2025-2026",
        "Nummer 123456789, 16 uur",
        "Een bedrag van € 1.250,00",
        "postcode 7511 AB, huisnummer 12",
        '/inform{"verlof_field": "date"}',
        "de school belt om 10:30",
        "klas 2b, lokaal 101",
    ],
)
def test_ordinary_text_and_numbers_stay(text):
    result = redact(text)
    assert result.text == text and not result.found


def test_the_text_is_normalised_and_invisible_characters_go():
    assert redact("ﬁets\u200b ｖｅｒｌｏｆ\u202e").text == "fiets verlof"


def test_a_bsn_is_removed_even_inside_a_phone_number_that_is_kept():
    result = redact("06 123 456 782 en 0612345678", requested_slot="contact")
    assert "123 456 782" not in result.text and "0612345678" in result.text


def test_what_was_removed_and_kept_is_reported():
    result = redact(f"bel 06-12345678 of mail jan@example.nl, BSN {VALID_BSN_2}", requested_slot="email")
    assert [(item.kind, item.value) for item in result.removed] == [("phone", "06-12345678"), ("bsn", VALID_BSN_2)]
    assert [(item.kind, item.value) for item in result.kept] == [("email", "jan@example.nl")]
    assert [item.value for item in result.removed_contacts] == ["06-12345678"]


def test_contact_details_reads_what_a_contact_question_needs():
    from assistant.privacy.redact import contact_details

    assert [f.value for f in contact_details("Mijn nummer is (06) 12345678, mail kan ook: a.b[at]c[dot]nl")] == [
        "(06) 12345678",
        "a.b[at]c[dot]nl",
    ]
    assert contact_details("geen idee") == []
