"""Redaction of personal identifiers: valid numbers are removed, look-alikes and ordinary numbers stay."""

from __future__ import annotations

import pytest

from assistant.privacy.redact import BSN_MARK, EMAIL_MARK, IBAN_MARK, PHONE_MARK, is_valid_bsn, redact

VALID_BSN = "111222333"  # passes the 11-proef
VALID_BSN_2 = "123456782"


@pytest.mark.parametrize("number, valid", [
    (VALID_BSN, True), (VALID_BSN_2, True), ("123456789", False), ("000000000", False),
    ("12345678", False), ("1234567", False), ("abcdefghi", False),
])
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


@pytest.mark.parametrize("phone", ["0612345678", "06-12345678", "06 1234 5678", "+31 6 12345678", "0031612345678",
                                   "053-4812345", "074 2459876", "+31 (0)53 4812345"])
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
