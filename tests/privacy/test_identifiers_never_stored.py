"""Issue 17, must reach: 0 identifiers stored out of >= 1,000 generated spellings, in the app database (every column
of every table) and in Rasa's tracker store.

Hypothesis generates valid BSNs (11-proef), IBANs (mod 97; the Netherlands and other countries), phone numbers
(Dutch and international, mobile and landline, valid for libphonenumber) and e-mail addresses, and writes them the ways
people do: grouped with spaces, dots, dashes, slashes, commas or brackets; glued to Latin, Arabic or Cyrillic letters;
with zero-width and bidirectional characters; in full-width, Arabic-Indic or Persian digits; obfuscated ("[at]",
" dot "). Each spelling goes through

- the chat API, not at a form step that asks for a contact: the user turn and the bot's answer go to the app database,
  and the text Rasa receives is kept for the tracker;
- the slots the forms would set from that text: every verlof and handoff form check, applied to what Rasa received;
- the verlof API: in the reason (stored redacted), and in the child's name, class or school (refused, or replaced by
  the school registry's name);
- a conversation an officer case holds (BSN and IBAN; a phone number or e-mail address typed to the officer goes to the
  case's contact details by design: docs/privacy.md).

After every example the rows it added to any table are searched for the identifier in any spelling; at the end every
turn is stored through Rasa's own SQLTrackerStore (tests/privacy/rasa_tracker.py) and its events table is searched.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberType
from sqlalchemy import MetaData, create_engine, select

from actions import handoff
from assistant.db.session import normalise_url
from assistant.verlof_requests import answers, form
from tests.conftest import GATEWAY_TOKEN, FakeRasa, _reset_caches, override_today
from tests.privacy.rasa_tracker import write_turns
from tests.verlof_requests.conftest import TODAY, body

EXAMPLES = {"sqlite": 1000, "postgresql": 150}  # through the code behind the APIs
API_EXAMPLES = 100  # through the HTTP APIs

# -- what people type ------------------------------------------------------------------------------------------------

DIGIT_SCRIPTS = ("0123456789", "0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
INVISIBLE = (
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
)
SEPARATORS = ("", " ", "  ", ".", "-", "/", "_", ",", " - ", " / ", "\u00a0", "\u202f", "\u2009", "–")
IBAN_SEPARATORS = ("", " ", "  ", "-", ".", " - ", "\u00a0")
BEFORE = (
    "Mijn nummer is",
    "Hierbij:",
    "رقمي هو",
    "Мій номер",
    "Numaram",
    "Mój numer to",
    "bsn",
    "IBAN",
    "tel",
    "nr.",
    "mail",
    "",
)
AFTER = ("graag", "dank u", "شكرا", "дякую", "teşekkürler", "dzięki", ".", "")
CONSONANTS = "bcdfgjkqvwxz"  # no word, URL or stored text has six of these in a row

# Country: the BBAN as (count, kind) parts (SWIFT IBAN registry: a letters, n digits, c letters or digits).
IBAN_FORMATS = {
    "NL": ((4, "a"), (10, "n")),
    "BE": ((12, "n"),),
    "DE": ((18, "n"),),
    "FR": ((10, "n"), (11, "c"), (2, "n")),
    "GB": ((4, "a"), (14, "n")),
    "TR": ((5, "n"), (1, "n"), (16, "c")),
    "PL": ((24, "n"),),
    "UA": ((6, "n"), (19, "c")),
    "ES": ((20, "n"),),
    "IT": ((1, "a"), (10, "n"), (12, "c")),
}
KINDS = {"a": string.ascii_uppercase, "n": string.digits, "c": string.ascii_uppercase + string.digits}
PHONE_REGIONS = ("NL", "NL", "NL", "BE", "DE", "GB", "TR", "PL", "UA", "MA", "FR", "SY", "ER", "US")
NOT_PERSONAL = {
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.UAN,
    PhoneNumberType.VOICEMAIL,
}


@dataclass(frozen=True)
class Spelling:
    kind: str  # bsn | iban | phone | email
    text: str  # as typed
    needle: str  # what must never be stored, compacted (see `compact`)


_SEPARATORS = re.compile(r"[\s.\-/_,()\[\]{}–·]+")


def compact(text: str) -> str:
    """A stored text in the form the needles are in: NFKC, no invisible characters, digits of every script as ASCII
    digits, lower case, without the separators people put in identifiers."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        kept = []
        for character in text:
            category = unicodedata.category(character)
            if category not in ("Cf", "Mn", "Me"):
                kept.append(str(unicodedata.digit(character)) if category == "Nd" else character)
        text = "".join(kept)
    return _SEPARATORS.sub("", text).lower()


def in_script(digits: str, script: str) -> str:
    return "".join(script[int(d)] if d.isdigit() else d for d in digits)


@st.composite
def partition(draw: st.DrawFn, text: str, largest: int = 4, standard: tuple[tuple[int, ...], ...] = ()) -> list[str]:
    """`text` in groups: a usual grouping or a random one."""
    sizes = list(draw(st.sampled_from(standard))) if standard and draw(st.booleans()) else []
    if sum(sizes) != len(text):
        sizes, remaining = [], len(text)
        while remaining:
            sizes.append(draw(st.integers(1, min(largest, remaining))))
            remaining -= sizes[-1]
    groups, position = [], 0
    for size in sizes:
        groups.append(text[position : position + size])
        position += size
    return groups


@st.composite
def sprinkled(draw: st.DrawFn, text: str) -> str:
    """Zero-width and bidirectional characters at random places (sometimes none)."""
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(INVISIBLE)) + text[at:]
    return text


@st.composite
def bsns(draw: st.DrawFn) -> Spelling:
    first = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    check = sum(d * w for d, w in zip(first, range(9, 1, -1), strict=True)) % 11
    assume(check < 10 and any(first))
    digits = "".join(map(str, first)) + str(check)
    groups = draw(partition(digits, 4, ((3, 3, 3), (4, 2, 3), (9,), (1,) * 9, (2, 3, 4))))
    written = in_script(draw(st.sampled_from(SEPARATORS)).join(groups), draw(st.sampled_from(DIGIT_SCRIPTS)))
    return Spelling("bsn", draw(sprinkled(written)), digits)


def _iban(country: str, bban: str) -> str:
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


@st.composite
def ibans(draw: st.DrawFn) -> Spelling:
    country = draw(st.sampled_from(sorted(IBAN_FORMATS)))
    bban = "".join(draw(st.text(KINDS[kind], min_size=count, max_size=count)) for count, kind in IBAN_FORMATS[country])
    iban = _iban(country, bban)
    groups = draw(partition(iban, 6, ((4,) * (len(iban) // 4) + ((len(iban) % 4,) if len(iban) % 4 else ()),)))
    written = draw(st.sampled_from(IBAN_SEPARATORS)).join(groups)
    written = draw(st.sampled_from((str.upper, str.lower, str.upper, lambda s: s[:2].lower() + s[2:])))(written)
    if draw(st.integers(0, 9)) == 0:  # typed on a full-width keyboard
        written = unicodedata.normalize("NFKC", written).translate(
            {ord(c): ord(c) + 0xFEE0 for c in string.ascii_letters + string.digits}
        )
    return Spelling("iban", draw(sprinkled(written)), compact(bban))


@st.composite
def phones(draw: st.DrawFn) -> Spelling:
    region = draw(st.sampled_from(PHONE_REGIONS))
    kind = draw(st.sampled_from((PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)))
    example = phonenumbers.example_number_for_type(region, kind)
    assume(example is not None)
    nsn = phonenumbers.national_significant_number(example)
    nsn = nsn[:-4] + draw(st.text(string.digits, min_size=4, max_size=4))
    number = phonenumbers.parse(f"+{example.country_code}{nsn}")
    assume(phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) not in NOT_PERSONAL)
    separator = draw(st.sampled_from(SEPARATORS[1:]))
    cc = str(example.country_code)
    body = separator.join(draw(partition(nsn, 4, ((1, 8), (2, 7), (3, 6), (1, 2, 2, 2, 2)))))
    if region == "NL":
        forms = [
            f"0{body}",
            f"(0{nsn[0]}) {nsn[1:]}",
            f"+{cc} {body}",
            f"+{cc} (0){body}",
            f"00{cc} {body}",
            f"+{cc}{nsn}",
            f"0{nsn}",
        ]
    else:
        forms = [f"+{cc} {body}", f"00{cc} {body}", f"(+{cc}) {body}", f"+{cc}{separator}{body}"]
    written = in_script(draw(st.sampled_from(forms)), draw(st.sampled_from(DIGIT_SCRIPTS)))
    return Spelling("phone", draw(sprinkled(written)), nsn)


AT_FORMS = ("@", " @ ", "[at]", " [at] ", "(at)", " (at) ", "{at}", "＠", "(apenstaartje)", " at ", " apenstaartje ")
DOT_FORMS = (".", "[dot]", " [dot] ", "(dot)", " dot ", "(punt)", " punt ", "．", "[.]")


@st.composite
def emails(draw: st.DrawFn) -> Spelling:
    words = st.text(CONSONANTS, min_size=6, max_size=9)
    local = draw(words) + (("." + draw(words)) if draw(st.booleans()) else "")
    domain, tld = draw(words), draw(st.sampled_from(("nl", "com", "be", "de", "org", "eu")))
    at = draw(st.sampled_from(AT_FORMS))
    written_dots = [dot for dot in DOT_FORMS if unicodedata.normalize("NFKC", dot) != "."]
    dots = written_dots if at.strip() == "at" else DOT_FORMS  # a bare "at" needs a written dot
    written = f"{local}{at}{domain}{draw(st.sampled_from(dots))}{tld}"
    if draw(st.integers(0, 4)) == 0:
        written = written.upper()
    return Spelling("email", draw(sprinkled(written)), compact(local))


@st.composite
def typed(draw: st.DrawFn) -> tuple[Spelling, str]:
    """A spelling inside a sentence, glued to the words around it or not."""
    spelling = draw(st.one_of(bsns(), ibans(), phones(), emails()))
    before, after = draw(st.sampled_from(BEFORE)), draw(st.sampled_from(AFTER))
    glue_before = "" if spelling.kind != "email" and draw(st.booleans()) else " "
    glue_after = "" if draw(st.booleans()) else " "
    return spelling, f"{before}{glue_before}{spelling.text}{glue_after}{after}".strip()


# -- where it could end up ---------------------------------------------------------------------------------------------


def leaked(value: Any, needle: str) -> bool:
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    return isinstance(value, str) and needle in compact(value)


class Database:
    """Every table of a database, read by reflection; `new_rows` returns the rows added since the last call."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(normalise_url(url))
        self.metadata = MetaData()
        self.metadata.reflect(self.engine)
        self.seen: dict[str, int] = {}
        self.new_rows()

    def new_rows(self) -> Iterator[tuple[str, str, Any]]:
        rows: list[tuple[str, str, Any]] = []
        with self.engine.connect() as connection:
            for table in self.metadata.sorted_tables:
                query = select(table)
                if "id" in table.c:
                    query = query.where(table.c.id > self.seen.get(table.name, 0)).order_by(table.c.id)
                for row in connection.execute(query).mappings():
                    if "id" in table.c:
                        self.seen[table.name] = row["id"]
                    rows += [(table.name, column, value) for column, value in row.items()]
        return iter(rows)


def check_new_rows(database: Database, spellings: list[tuple[Spelling, str]]) -> None:
    """No row added since the last check holds any of `spellings` (checked in batches: one query per table)."""
    for table, column, value in database.new_rows():
        if isinstance(value, (str, dict, list)):
            stored = compact(json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value)
            for spelling, text in spellings:
                assert spelling.needle not in stored, f"{spelling.kind} {text!r} stored in {table}.{column}: {value!r}"
    spellings.clear()


def form_slots(text: str) -> dict[str, Any]:
    """The slots the verlof and handoff forms would set from `text` (what Rasa received)."""
    slots: dict[str, Any] = {}
    checks = {
        "verlof_reason": answers.check_reason,
        "verlof_child_name": answers.check_child_name,
        "verlof_child_class": answers.check_class,
        "verlof_school": lambda t: answers.check_school(t).name,
        "verlof_category": lambda t: answers.check_category(t)[1],
    }
    for slot, check in checks.items():
        try:
            value = check(text)
        except form.FormProblem:
            continue
        if value:
            slots[slot] = value
    for slot in ("handoff_name", "handoff_school", "handoff_town"):
        value, _problem = handoff.read_answer(slot, text)
        if value:
            slots[slot] = value
    return slots


@contextmanager
def running_gateway(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The gateway with a fake Rasa on `database_url`, and the parts of it the tests read."""
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    for name, value in {
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "GATEWAY_TOKEN": GATEWAY_TOKEN,
        "LOG_JSON": "false",
        "ACTION_SERVER_PORT": "8000",
        "CHAT_RATE_LIMIT_PER_CONVERSATION": "100000/minute",
        "CHAT_RATE_LIMIT_PER_IP": "100000/minute",
        "VERLOF_REQUEST_RATE_LIMIT": "100000/minute",
        "VERLOF_STATUS_RATE_LIMIT": "100000/minute",
        "TRACKER_STORE_URL": tracker_url,
    }.items():
        monkeypatch.setenv(name, value)
    _reset_caches()
    from assistant.app import create_app
    from assistant.settings import get_settings

    fake_rasa = FakeRasa()
    app = create_app(get_settings(), rasa_transport=fake_rasa.transport)
    override_today(app, TODAY)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield {
            "client": client,
            "app": client.app,
            "rasa": fake_rasa,
            "url": database_url,
            "tracker_url": tracker_url,
            "flavour": "sqlite" if database_url.startswith("sqlite") else "postgresql",
        }
    from assistant.db import session

    session.get_engine().dispose()
    _reset_caches()


@pytest.fixture
def stack(any_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """On SQLite and on PostgreSQL."""
    with running_gateway(any_database_url, tmp_path, monkeypatch) as parts:
        yield parts


@pytest.fixture
def sqlite_stack(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """On SQLite only: the HTTP layer does not depend on the database."""
    with running_gateway(database_url, tmp_path, monkeypatch) as parts:
        yield parts


def child_name(number: int) -> str:
    """A different child for every example (earlier leave of the same child would refuse the request)."""
    letters = ""
    while True:
        number, rest = divmod(number, 26)
        letters += string.ascii_lowercase[rest]
        if not number:
            return f"Sara {letters.title()}jansen"


def request_data(number: int, **changes: Any) -> Any:
    """The verlof request the API would build from `body(**changes)` for child `number`."""
    from assistant.verlof_requests.service import RequestData

    data = {**body(child_name=child_name(number)), **changes}
    return RequestData(
        **{
            **data,
            "start_date": date.fromisoformat(data["start_date"]),
            "end_date": date.fromisoformat(data["end_date"]),
        }
    )


SETTINGS = {
    "deadline": None,
    "database": None,
    "derandomize": True,
    "phases": (Phase.generate,),
    "suppress_health_check": list(HealthCheck),
}


def test_no_identifier_is_stored_however_it_is_written(stack: dict[str, Any]) -> None:
    """>= 1,000 spellings through the gateway's turn (what is stored, what goes to Rasa), the forms' slots, the verlof
    service and a conversation held by an officer, calling the code behind the APIs directly (the APIs themselves:
    the next test); then Rasa's tracker store."""
    from assistant.cases import chat_handoff
    from assistant.chat.schemas import BotMessage, ChatRequest, ChatResponse
    from assistant.db.session import session_scope
    from assistant.insight.models import OUTCOME_OTHER
    from assistant.insight.record import TurnFacts
    from assistant.verlof_requests import service

    chat = stack["app"].state.chat_service
    flavour = stack["flavour"]
    assert (
        stack["client"]
        .post("/api/chat", json={"sender_id": "web-held", "message": "Ik wil een mens spreken"})
        .status_code
        == 200
    )
    chat_handoff.create_from_conversation("web-held", "user_request", {"town": "Borne"}, None)
    database = Database(stack["url"])
    turns: list[dict[str, Any]] = []
    seen: dict[str, Any] = {"examples": 0, "kinds": set(), "refused": 0}

    @settings(max_examples=EXAMPLES[flavour], **SETTINGS)
    @given(example=typed(), field=st.sampled_from(("child_name", "child_class", "school")))
    def one(example: tuple[Spelling, str], field: str) -> None:
        spelling, text = example
        number = seen["examples"]
        seen["examples"] += 1
        seen["kinds"].add(spelling.kind)
        sender = f"web-prop-{number}"

        turn = chat._begin_turn(ChatRequest(sender_id=sender, message=text))  # stored, and what Rasa receives
        assert not leaked(turn.text, spelling.needle), f"{text!r} sent to Rasa as {turn.text!r}"
        slots = form_slots(turn.text)
        assert not leaked(slots, spelling.needle), f"{text!r} in the slots {slots!r}"
        bot = f"Antwoord op: {turn.text}"  # the fake Rasa's answer repeats what it received
        chat._store_bot_turn(
            sender,
            turn,
            ChatResponse(sender_id=sender, language=turn.language, messages=[BotMessage(text=bot)], intent=None),
            None,
            TurnFacts(None, OUTCOME_OTHER),
        )
        turns.append({"sender": sender, "text": turn.text, "slots": slots, "bot": bot, "needle": spelling.needle})

        with session_scope() as session:
            stored = service.submit(
                session,
                request_data(number, reason=f"Wij gaan op familiebezoek. {text}"),
                today=TODAY,
                actor="api",
                access_token=service.new_access_token(),
            )
            assert not leaked(service.parent_view(stored), spelling.needle)
        if number % 3 == 0:  # in the child's name, class or school: refused (or the registry's school name kept)
            try:
                value = f"{body().get(field) or 'De Borgh'} {text}"
                with session_scope() as session:
                    service.submit(
                        session,
                        request_data(number + 100_000, **{field: value, "school_id": None}),
                        today=TODAY,
                        actor="api",
                    )
            except service.RequestRefused as refused:
                seen["refused"] += 1
                assert refused.field == field

        if spelling.kind in ("bsn", "iban"):  # typed to an officer
            held = chat._begin_turn(ChatRequest(sender_id="web-held", message=text))
            assert held.routed is not None and not leaked(held.text, spelling.needle)
        pending.append((spelling, text))
        if len(pending) == 25:
            check_new_rows(database, pending)

    pending: list[tuple[Spelling, str]] = []
    one()
    check_new_rows(database, pending)
    assert seen["examples"] >= EXAMPLES[flavour] and seen["kinds"] == {"bsn", "iban", "phone", "email"}
    assert seen["refused"] >= seen["examples"] // 6  # a name, class or school with an identifier is refused

    write_turns(stack["tracker_url"], turns)
    needles = {turn["sender"]: turn["needle"] for turn in turns}
    tracker = create_engine(normalise_url(stack["tracker_url"]))
    events = MetaData()
    events.reflect(tracker)
    with tracker.connect() as connection:
        rows = list(connection.execute(select(events.tables["events"])).mappings())
    tracker.dispose()
    assert {row["sender_id"] for row in rows} == set(needles)
    for row in rows:
        for column, value in row.items():
            assert not leaked(value, needles[row["sender_id"]]), (column, value)


def test_the_apis_store_no_identifier(sqlite_stack: dict[str, Any]) -> None:
    """The same spellings through the HTTP APIs: the chat (with the fake Rasa), the verlof request and its reply
    path; nothing stored, nothing sent to Rasa, nothing in an answer."""
    client, fake_rasa = sqlite_stack["client"], sqlite_stack["rasa"]
    database = Database(sqlite_stack["url"])
    counter = iter(range(10**6))

    @settings(max_examples=API_EXAMPLES, **SETTINGS)
    @given(example=typed())
    def one(example: tuple[Spelling, str]) -> None:
        spelling, text = example
        number = next(counter)
        chat = client.post("/api/chat", json={"sender_id": f"web-api-{number}", "message": text})
        assert chat.status_code == 200, chat.text
        assert not leaked(fake_rasa.received[-1]["message"], spelling.needle)
        assert not leaked(chat.json(), spelling.needle)
        created = client.post(
            "/api/verlof/requests",
            json=body(child_name=child_name(number), reason=f"Wij gaan op familiebezoek. {text}"),
        )
        assert created.status_code == 201 and not leaked(created.json(), spelling.needle), created.text
        status = client.get(
            f"/api/verlof/requests/{created.json()['reference']}",
            headers={"Authorization": f"Bearer {created.json()['access_token']}"},
        )
        assert status.status_code == 200 and not leaked(status.json(), spelling.needle)
        check_new_rows(database, [(spelling, text)])

    one()
