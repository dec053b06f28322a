"""The `assistant` command line: database migrations and Rasa configuration."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Leerplicht-assistent administration")
    commands = parser.add_subparsers(dest="command", required=True)

    db = commands.add_parser("db", help="database schema").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply all Alembic migrations").set_defaults(handler=_db_upgrade)

    rasa = commands.add_parser("rasa-config", help="write Rasa's endpoints.yml and credentials.yml")
    rasa.add_argument("--out", default=str(PROJECT_ROOT / "var" / "rasa"))
    rasa.set_defaults(handler=_rasa_config)
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
