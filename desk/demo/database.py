"""A fresh demo database: a new SQLite file with the sample center in it."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desk.db.engine import Database
from desk.db.startup import open_and_upgrade
from desk.demo.accounts import add_demo_accounts
from desk.demo.seed import SeedPlan, SeedSummary, seed_demo_data
from desk.services.actor import Actor, command_line_actor


@dataclass
class DemoDatabase:
    database: Database
    folder: Path
    summary: SeedSummary
    actor: Actor  # the demo admin the app signs in as

    def remove(self) -> None:
        self.database.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


def create_demo_database(plan: SeedPlan | None = None) -> DemoDatabase:
    """A new SQLite file in a temporary folder, migrated and seeded; remove() deletes it."""
    folder = Path(tempfile.mkdtemp(prefix="recovery-desk-demo-"))
    try:
        database, _ = open_and_upgrade(f"sqlite:///{folder / 'demo.sqlite3'}")
        with database.session() as session:
            actor = command_line_actor(session)
        summary = seed_demo_data(database, actor, plan or SeedPlan())
        with database.transaction() as session:
            admin = add_demo_accounts(session)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return DemoDatabase(database, folder, summary, admin)
