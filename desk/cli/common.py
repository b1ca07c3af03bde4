"""What the subcommands share: opening and migrating the configured database."""

from __future__ import annotations

import argparse

from desk.config import resolve_database_url
from desk.db.engine import Database, open_database
from desk.db.schema_version import UpgradeResult
from desk.db.startup import open_and_upgrade as open_and_upgrade_url


def open_configured_database(args: argparse.Namespace) -> Database:
    return open_database(resolve_database_url(args.database))


def open_and_upgrade(args: argparse.Namespace) -> tuple[Database, UpgradeResult]:
    return open_and_upgrade_url(resolve_database_url(args.database))


def describe_upgrade(result: UpgradeResult) -> str:
    if result.before.current == result.after:
        return f"already at {result.after} (the newest schema)"
    was = result.before.current or "empty"
    text = f"upgraded from {was} to {result.after}"
    if result.backup is not None:
        text += f"; the file before the upgrade is kept at {result.backup}"
    return text
