"""`assistant users create|list|add-school`: accounts from the command line, passwords never echoed."""

from __future__ import annotations

import io

from sqlalchemy import select

from assistant.cases.auth import verify_password
from assistant.cases.models import AuditEntry, OfficerSchool, User
from assistant.cli import main
from assistant.db.session import session_scope


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_create_list_and_add_school(configured, monkeypatch, capsys):
    password = "een-heel-geheim-wachtwoord"
    code, out, _ = run(
        monkeypatch,
        capsys,
        [
            "users",
            "create",
            "--role",
            "officer",
            "--email",
            "Jan@Hengelo.nl",
            "--name",
            "Jan Jansen",
            "--municipality",
            "hengelo",
            "--password-stdin",
        ],
        password + "\n",
    )
    assert code == 0 and "created officer jan@hengelo.nl" in out and password not in out
    code, out, _ = run(
        monkeypatch,
        capsys,
        ["users", "add-school", "--email", "jan@hengelo.nl", "--school-id", "12AB", "--school-name", "OBS De Esch"],
    )
    assert code == 0
    code, out, _ = run(
        monkeypatch,
        capsys,
        [
            "users",
            "create",
            "--role",
            "school",
            "--email",
            "info@esch.nl",
            "--name",
            "OBS De Esch",
            "--school",
            "12AB",
            "--password-stdin",
        ],
        password + "\n",
    )
    assert code == 0
    code, out, _ = run(monkeypatch, capsys, ["users", "list"])
    assert "officer\tjan@hengelo.nl\tJan Jansen\tHengelo\tactive  schools: OBS De Esch (12AB)" in out
    assert "school\tinfo@esch.nl\tOBS De Esch\t12AB\tactive" in out and password not in out
    with session_scope() as session:
        user = session.scalar(select(User).where(User.email == "jan@hengelo.nl"))
        assert user.password_hash.startswith("$argon2id$") and verify_password(user.password_hash, password)
        assert session.scalar(select(OfficerSchool)).officer_id == user.id
        assert [e.action for e in session.scalars(select(AuditEntry))] == [
            "user_created",
            "officer_school_set",
            "user_created",
        ]


def test_refusals(configured, monkeypatch, capsys):
    args = ["users", "create", "--role", "officer", "--email", "a@b.nl", "--name", "A", "--password-stdin"]
    code, _, err = run(monkeypatch, capsys, [*args, "--municipality", "Borne"], "een-heel-geheim-wachtwoord\n")
    assert code == 2 and "Enschede, Hengelo" in err  # Borne's leerplicht is run by Hengelo
    code, _, err = run(monkeypatch, capsys, [*args, "--municipality", "Hengelo"], "kort\n")
    assert code == 2 and "at least 12 characters" in err
    assert run(monkeypatch, capsys, [*args, "--municipality", "Hengelo"], "een-heel-geheim-wachtwoord\n")[0] == 0
    code, _, err = run(monkeypatch, capsys, [*args, "--municipality", "Hengelo"], "een-heel-geheim-wachtwoord\n")
    assert code == 2 and "exists already" in err
    code, _, err = run(
        monkeypatch,
        capsys,
        ["users", "create", "--role", "school", "--email", "s@b.nl", "--name", "S", "--password-stdin"],
        "een-heel-geheim-wachtwoord\n",
    )
    assert code == 2 and "school id" in err


def test_prompt_asks_twice_without_echo(configured, monkeypatch, capsys):
    answers = iter(["een-heel-geheim-wachtwoord", "iets-anders-dan-eerst"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run(
        monkeypatch, capsys, ["users", "create", "--role", "admin", "--email", "b@twente.nl", "--name", "Beheer"]
    )
    assert code == 2 and "differ" in err
