"""The `assistant` command line: database migrations, Rasa configuration, back-office accounts, retention (`purge`),
erasure (`erase`), the school registry (`schools import`) and the officers' reviewed examples
(`nlu export-reviewed`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.knowledge.paths import NLU_DATA_DIR
from assistant.settings import PROJECT_ROOT, get_settings


def _db_upgrade(_args: argparse.Namespace) -> int:
    from assistant.db import migrate

    migrate.upgrade(get_settings().database_url)
    return 0


def _rasa_config(args: argparse.Namespace) -> int:
    from assistant.rasa_config import write_rasa_config

    endpoints, credentials = write_rasa_config(get_settings(), Path(args.out))
    print(f"wrote {endpoints} and {credentials}")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    """From stdin (`--password-stdin`, first line) or an interactive prompt asked twice; never echoed."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Password (again): ") != first:
        raise ValueError("the passwords differ")
    return first


def _users_create(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from assistant.cases import audit, routing
    from assistant.cases.auth import create_user
    from assistant.cases.models import User
    from assistant.db.session import session_scope

    municipality = args.municipality
    if args.role == "officer":
        municipality = routing.canonical_municipality(args.municipality)
        if municipality is None:
            known = ", ".join(routing.leerplicht_municipalities())
            raise ValueError(f"an officer needs --municipality, one of: {known}")
    password = _read_password(args)
    with session_scope() as session:
        if session.scalar(select(User.id).where(User.email == args.email.strip().lower())) is not None:
            raise ValueError(f"an account {args.email} exists already")
        user = create_user(
            session,
            email=args.email,
            display_name=args.name,
            role=args.role,
            password=password,
            municipality=municipality,
            school_id=args.school,
        )
        audit.record(
            session,
            audit.ACTOR_SYSTEM,
            "user_created",
            "user",
            str(user.id),
            {"role": user.role, "municipality": user.municipality, "school_id": user.school_id, "via": "cli"},
        )
        print(f"created {user.role} {user.email} (id {user.id})")
    return 0


def _users_list(_args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from assistant.cases.models import OfficerSchool, User
    from assistant.db.session import session_scope

    with session_scope() as session:
        users = session.scalars(select(User).order_by(User.role, User.email)).all()
        schools: dict[int, list[str]] = {}
        for link in session.scalars(select(OfficerSchool).order_by(OfficerSchool.school_name)):
            schools.setdefault(link.officer_id, []).append(f"{link.school_name} ({link.school_id})")
        for user in users:
            scope = user.municipality or user.school_id or "-"
            state = "active" if user.active else "inactive"
            extra = f"  schools: {'; '.join(schools[user.id])}" if user.id in schools else ""
            print(f"{user.id}\t{user.role}\t{user.email}\t{user.display_name}\t{scope}\t{state}{extra}")
    return 0


def _users_add_school(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from assistant.cases import audit
    from assistant.cases.models import ROLE_OFFICER, OfficerSchool, User
    from assistant.db.session import session_scope

    with session_scope() as session:
        officer = session.scalar(select(User).where(User.email == args.email.strip().lower()))
        if officer is None or officer.role != ROLE_OFFICER:
            raise ValueError(f"no officer account {args.email}")
        link = session.scalar(select(OfficerSchool).where(OfficerSchool.school_id == args.school_id))
        if link is None:
            session.add(OfficerSchool(officer_id=officer.id, school_id=args.school_id, school_name=args.school_name))
        else:  # a school has one contact officer: this moves it
            link.officer_id, link.school_name = officer.id, args.school_name
        audit.record(
            session,
            audit.ACTOR_SYSTEM,
            "officer_school_set",
            "user",
            str(officer.id),
            {"school_id": args.school_id, "school_name": args.school_name, "via": "cli"},
        )
    print(f"{args.school_name} ({args.school_id}) -> {officer.email}")
    return 0


def _purge(args: argparse.Namespace) -> int:
    """Delete data past its retention period, once or (`--every`) on a schedule until SIGINT/SIGTERM."""
    from assistant.privacy import retention

    def run_once() -> None:
        result = retention.purge(get_settings())
        print(result.summary(), flush=True)

    if not args.every:
        run_once()
        return 0
    if args.every < 60:
        raise ValueError("--every needs at least 60 seconds")

    def report(error: BaseException) -> None:
        print(f"purge failed ({type(error).__name__}); retrying later", file=sys.stderr, flush=True)

    print(f"purge scheduled every {args.every} s (stop with Ctrl-C or SIGTERM)", flush=True)
    retention.run_every(args.every, run_once, on_error=report)
    print("purge scheduler stopped", flush=True)
    return 0


def _erase(args: argparse.Namespace) -> int:
    """Erase one conversation everywhere: chat, cases (messages, notes), verlof requests and Rasa's tracker events."""
    from assistant.privacy import erasure

    try:
        result = erasure.erase(
            sender_id=args.sender_id, case_reference=args.case, verlof_reference=args.verlof, via="cli"
        )
    except erasure.NothingToErase:
        print("nothing found to erase", file=sys.stderr)
        return 1
    print(result.summary())
    return 0


def _schools_import(args: argparse.Namespace) -> int:
    """Read a DUO vestigingen CSV and write the schools of the region to knowledge/schools-duo.yml."""
    from assistant.schools import duo_import, registry

    path = Path(args.file)
    if not path.is_file():
        raise ValueError(f"no such file: {path}")
    try:
        result = duo_import.parse(
            path.read_bytes(), municipalities=None if args.all else duo_import.REGION, level=args.level
        )
    except duo_import.DuoFileError as error:
        raise ValueError(f"{path.name}: {error}") from error
    out = duo_import.write(result, path.name, Path(args.out) if args.out else registry.DUO_FILE, merge=not args.replace)
    registry.get_registry.cache_clear()
    print(f"{result.summary()} -> {out}")
    return 0


def _nlu_export_reviewed(args: argparse.Namespace) -> int:
    """Write the examples officers labelled in the review queue as Rasa NLU data, one file per language."""
    from assistant.db.session import session_scope
    from assistant.i18n import SUPPORTED_LANGUAGES
    from assistant.insight import review

    languages = set(args.language or [])
    unknown = languages - set(SUPPORTED_LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language(s): {', '.join(sorted(unknown))}; use {', '.join(SUPPORTED_LANGUAGES)}")
    with session_scope() as session:
        result = review.export_reviewed(session, Path(args.out), languages or None)
    print(result.summary())
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    # X-Forwarded-For counts only from the reverse proxies named in FORWARDED_ALLOW_IPS; with none, the client is
    # the address that connected (so no one can pick the address the rate limits count).
    proxies = settings.forwarded_allow_ips.strip()
    uvicorn.run(
        "assistant.app:create_app",
        factory=True,
        host=settings.assistant_host,
        port=settings.assistant_port,
        workers=args.workers or settings.web_workers,
        access_log=False,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )
    return 0


def _serve_actions(_args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "assistant.action_server:create_action_app",
        factory=True,
        host=settings.assistant_host,
        port=settings.action_server_port,
        access_log=False,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Leerplicht-assistent administration")
    commands = parser.add_subparsers(dest="command", required=True)

    db = commands.add_parser("db", help="database schema").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply all Alembic migrations").set_defaults(handler=_db_upgrade)

    serve = commands.add_parser("serve", help="run the assistant (ASSISTANT_HOST:ASSISTANT_PORT)")
    serve.add_argument("--workers", type=int, default=None, help="uvicorn worker processes (default WEB_WORKERS)")
    serve.set_defaults(handler=_serve)

    actions = commands.add_parser("serve-actions", help="run the action server for Rasa (ACTION_SERVER_PORT)")
    actions.set_defaults(handler=_serve_actions)

    rasa = commands.add_parser("rasa-config", help="write Rasa's endpoints.yml and credentials.yml")
    rasa.add_argument("--out", default=str(PROJECT_ROOT / "var" / "rasa"))
    rasa.set_defaults(handler=_rasa_config)

    users = commands.add_parser("users", help="back-office accounts").add_subparsers(
        dest="users_command", required=True
    )
    create = users.add_parser("create", help="create an account (the password is asked for, never echoed)")
    create.add_argument("--role", required=True, choices=("officer", "school", "admin"))
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True, help="display name")
    create.add_argument("--municipality", help="officers: the municipality whose queue they work (Hengelo, Enschede)")
    create.add_argument("--school", help="school accounts: the school id")
    create.add_argument("--password-stdin", action="store_true", help="read the password from the first stdin line")
    create.set_defaults(handler=_users_create)
    users.add_parser("list", help="list the accounts").set_defaults(handler=_users_list)
    add_school = users.add_parser("add-school", help="make an officer the fixed contact of a school")
    add_school.add_argument("--email", required=True, help="the officer's e-mail address")
    add_school.add_argument("--school-id", required=True)
    add_school.add_argument("--school-name", required=True)
    add_school.set_defaults(handler=_users_add_school)

    purge = commands.add_parser("purge", help="delete chats and closed cases past their retention period")
    purge.add_argument(
        "--every",
        type=int,
        metavar="SECONDS",
        help="keep running and purge every SECONDS (at least 60) until SIGINT/SIGTERM",
    )
    purge.set_defaults(handler=_purge)

    erase = commands.add_parser(
        "erase", help="erase one conversation everywhere (chat, cases, verlof requests, Rasa tracker)"
    )
    target = erase.add_mutually_exclusive_group(required=True)
    target.add_argument("--sender-id", help="the conversation's sender id")
    target.add_argument("--case", metavar="LP-…", help="a case reference: erases its conversation and all its cases")
    target.add_argument(
        "--verlof",
        metavar="VL-…",
        help="a verlof request: erases it with the conversation it was "
        "made in (or, from the API, with its officer case)",
    )
    erase.set_defaults(handler=_erase)

    schools = commands.add_parser("schools", help="the school registry").add_subparsers(
        dest="schools_command", required=True
    )
    school_import = schools.add_parser(
        "import", help="import DUO's open-data vestigingen CSV (; or , separated, cp1252 or UTF-8)"
    )
    school_import.add_argument("file", help="the CSV file, e.g. 02.-alle-vestigingen-vo.csv")
    school_import.add_argument("--level", choices=("po", "vo", "so"), help="po/vo/so when the file does not say")
    school_import.add_argument("--all", action="store_true", help="keep every municipality, not only Twente's")
    school_import.add_argument("--replace", action="store_true", help="drop schools imported earlier from other files")
    school_import.add_argument("--out", help="where to write (default knowledge/schools-duo.yml)")
    school_import.set_defaults(handler=_schools_import)

    nlu = commands.add_parser("nlu", help="training data").add_subparsers(dest="nlu_command", required=True)
    export = nlu.add_parser(
        "export-reviewed",
        help="write the examples labelled in the back office's review queue "
        "as Rasa NLU YAML (<out>/<language>/reviewed.yml)",
    )
    export.add_argument("--out", default=str(NLU_DATA_DIR), help="directory (default nlu_data)")
    export.add_argument("--language", action="append", help="only this language (repeatable)")
    export.set_defaults(handler=_nlu_export_reviewed)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except ValueError as error:  # e.g. refused production settings
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
