"""`recovery-desk db upgrade` and `recovery-desk db current`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import describe_upgrade, open_and_upgrade
from desk.config import parse_database_url, resolve_database_url
from desk.db.engine import Database, open_database
from desk.db.migrate import refuse_if_too_new, schema_status


def upgrade_command(args: argparse.Namespace) -> int:
    database, result = open_and_upgrade(args)
    print(f"{database.description}: {describe_upgrade(result)}")
    database.dispose()
    return 0


def current_command(args: argparse.Namespace) -> int:
    url_text = resolve_database_url(args.database)
    url = parse_database_url(url_text)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database).expanduser()
        if not path.exists():
            print(f"SQLite file {path}: does not exist yet (`recovery-desk db upgrade` creates it)")
            return 1
        database = Database.open(url_text, create_folder=False)
    else:
        database = open_database(url_text)
    try:
        status = schema_status(database)
        print(f"{database.description}: {status.describe()}")
        refuse_if_too_new(status, database)
        return 0
    finally:
        database.dispose()
