"""Prepares a scale-out run (`make scale`): PostgreSQL database, migrations, Rasa configuration, Rasa's tracker table.

Run with the application's Python (`.venv`) and the scale-out environment (DATABASE_URL=postgresql://...,
LOCK_STORE_URL, RASA_URLS ...). Idempotent: every step only does what is missing.

- creates the database named in DATABASE_URL when the server does not have it yet;
- applies the Alembic migrations and writes var/rasa/endpoints.yml and credentials.yml from the settings;
- creates Rasa's tracker table once, with Rasa's own code (`.venv-rasa`), so that two Rasa processes starting at the
  same moment do not both try to create it;
- checks that the Redis lock store answers (two Rasa processes without a lock store can interleave one
  conversation's turns).
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from assistant.db import migrate  # noqa: E402
from assistant.db.session import normalise_url  # noqa: E402
from assistant.rasa_config import write_rasa_config  # noqa: E402
from assistant.settings import get_settings  # noqa: E402

CREATE_TRACKER_TABLE = """
import warnings; warnings.filterwarnings("ignore")
from rasa.core.tracker_store import TrackerStore
from rasa.utils.endpoints import read_endpoint_config
TrackerStore.create(read_endpoint_config("var/rasa/endpoints.yml", "tracker_store"))
"""


def ensure_database(url: str) -> None:
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "postgresql":
        raise SystemExit(f"`make scale` needs PostgreSQL (DATABASE_URL is {parsed.get_backend_name()})")
    server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
        ).scalar()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
            print(f"created database {parsed.database}")
    server.dispose()


def check_redis(url: str | None) -> None:
    if not url:
        raise SystemExit("LOCK_STORE_URL is not set: two Rasa processes need a shared lock store")
    parsed = make_url(url)
    with socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 6379), timeout=2) as connection:
        if parsed.password:
            connection.sendall(f"AUTH {parsed.password}\r\n".encode())
            connection.recv(64)
        connection.sendall(b"PING\r\n")
        if not connection.recv(64).startswith(b"+PONG"):
            raise SystemExit(f"the lock store at {parsed.host}:{parsed.port} does not answer PING")


def main() -> int:
    settings = get_settings()
    ensure_database(settings.database_url)
    migrate.upgrade(settings.database_url)
    write_rasa_config(settings, ROOT / "var" / "rasa")
    subprocess.run(  # noqa: S603 - the project's own interpreter and script
        [str(ROOT / ".venv-rasa" / "bin" / "python"), "-c", CREATE_TRACKER_TABLE],
        cwd=ROOT,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    check_redis(settings.lock_store_url)
    print(f"ready: {len(settings.rasa_url_list)} Rasa URLs, lock store and tracker store shared")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
