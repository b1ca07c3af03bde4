"""A fresh demo database: a new SQLite file with the sample center in it.

The app's `--demo` opens the window on an empty copy of the newest schema at once (copied
from a template kept in the data folder, so Alembic runs once per schema version, not at
every demo) and fills in the sample data from a second process, on the other core, while
the window comes up (`seed_command_line`). Tests and scripts use `create_demo_database`,
which seeds before returning.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desk.db.engine import Database, open_database
from desk.db.schema_version import head_from_files, is_current
from desk.db.startup import open_and_upgrade
from desk.paths import data_dir

if TYPE_CHECKING:
    from desk.demo.seed import SeedPlan, SeedSummary
    from desk.services.actor import Actor

DEMO_FILE = "demo.sqlite3"


@dataclass
class DemoDatabase:
    database: Database
    folder: Path
    summary: SeedSummary | None = None  # None until the sample data is in
    actor: Actor | None = None  # the demo admin the app signs in as

    @property
    def url(self) -> str:
        return f"sqlite:///{self.folder / DEMO_FILE}"

    def remove(self) -> None:
        self.database.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


def create_demo_database(plan: SeedPlan | None = None) -> DemoDatabase:
    """A new SQLite file in a temporary folder, migrated and seeded; remove() deletes it."""
    from desk.demo.accounts import add_demo_accounts, give_coaches_the_demo_password
    from desk.demo.seed import SeedPlan, seed_demo_data
    from desk.services.actor import command_line_actor

    folder = Path(tempfile.mkdtemp(prefix="recovery-desk-demo-"))
    try:
        database, _ = open_and_upgrade(f"sqlite:///{folder / DEMO_FILE}")
        with database.session() as session:
            actor = command_line_actor(session)
        summary = seed_demo_data(database, actor, plan or SeedPlan())
        with database.transaction() as session:
            admin = add_demo_accounts(session)
            give_coaches_the_demo_password(session)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return DemoDatabase(database, folder, summary, admin)


def create_empty_demo_database() -> DemoDatabase:
    """A new SQLite file with the newest schema, the demo's staff accounts and no sample data
    yet (see `seed_command_line`); remove() deletes it."""
    from desk.demo.accounts import add_demo_accounts

    folder = Path(tempfile.mkdtemp(prefix="recovery-desk-demo-"))
    target = folder / DEMO_FILE
    try:
        database = _open_from_template(target)
        if database is None:
            database, _ = open_and_upgrade(f"sqlite:///{target}")
        with database.transaction() as session:
            admin = add_demo_accounts(session)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return DemoDatabase(database, folder, actor=admin)


def _open_from_template(target: Path) -> Database | None:
    """A copy of the schema template at `target`, opened; None when there is no template or
    it is not at the newest schema."""
    template = _schema_template()
    if template is None:
        return None
    shutil.copyfile(template, target)
    database = open_database(f"sqlite:///{target}")
    if is_current(database):
        return database
    database.dispose()
    target.unlink()
    return None


def seed_command_line(url: str) -> list[str]:
    """The command that fills the demo database at `url` with the sample center."""
    if getattr(sys, "frozen", False):  # the bundle's program runs subcommands itself
        return [sys.executable, "--database", url, "seed-demo"]
    # -P: this installation's desk, never a `desk` folder in the working directory.
    return [sys.executable, "-P", "-m", "desk.cli", "--database", url, "seed-demo"]


def _schema_template() -> Path | None:
    """An empty database at the newest schema, made once per schema version; None when it
    cannot be kept (a data folder that cannot be written), and the demo migrates afresh."""
    head = head_from_files()
    if head is None:
        return None
    folder = data_dir() / "demo"
    template = folder / f"schema-{head}.sqlite3"
    if template.is_file():
        return template
    try:
        folder.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="schema-", dir=folder))
    except OSError:
        return None
    try:
        made = scratch / DEMO_FILE
        database, _ = open_and_upgrade(f"sqlite:///{made}")
        database.dispose()
        with contextlib.closing(sqlite3.connect(made)) as connection:
            # One self-contained file: the copy opens with no write-ahead log beside it.
            connection.execute("PRAGMA journal_mode = DELETE")
        os.replace(made, template)  # atomic: two demos starting at once never see half a file
    except OSError:
        return None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return template
