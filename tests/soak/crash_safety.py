"""Crash safety: a writer killed with SIGKILL at random moments; nothing acknowledged is lost.

    uv run python -m tests.soak.crash_safety --engine sqlite --kills 180 --migration-kills 20
    uv run python -m tests.soak.crash_safety --engine private-postgresql --kills 180 \\
        --migration-kills 20 --json results/crash-pg.json

The writer (tests/soak/crash_writer.py) signs people in, makes intakes, checks visitors out
and imports lists of resources, each in its own transaction, and acknowledges each only once
its commit has answered (a line fsynced to a log, as the app tells the desk only then). It is
killed with SIGKILL at a random moment, again and again. After each kill:

- the database passes its integrity check (SQLite: integrity_check and foreign_key_check;
  PostgreSQL: amcheck on every B-tree index, on the private server where it may be used);
- every acknowledged write is there (people and visits by id and idempotency key, checked-out
  visits done, each imported list whole);
- no import is there in part (each list has all its rows or none).

Then `recovery-desk db upgrade` is killed at random moments while it upgrades a database made
at the first schema (0001) with rows in it: the schema is either the old one or the newest,
never in between, the rows are all there, and the upgrade completes afterwards. At the end,
`recovery-desk self-check` must pass on the database: the app starts.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from desk.cli import main as cli_main
from desk.db.engine import Database
from desk.db.migrate import alembic_config, head_revision, upgrade_database
from desk.models import Person, Service, Visit, VisitStatus
from tests.e2e.cli import COMMAND
from tests.soak.common import (
    PG_URL_ENV,
    AckLog,
    fresh_database,
    integrity_check_name,
    integrity_problems,
    migrated,
    print_table,
    write_json,
)
from tests.soak.private_postgres import private_postgres

REPO = Path(__file__).resolve().parents[2]
OLD_PEOPLE = 3000  # rows in the database the killed migration upgrades


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def kill_writer_once(url: str, acks: Path, work: Path, rng: random.Random, max_s: float) -> None:
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.soak.crash_writer",
            url,
            str(acks),
            str(work),
            str(rng.random()),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
        cwd=REPO,
    )
    try:
        line = child.stdout.readline()
        if not line.startswith("READY"):
            raise RuntimeError(f"the writer did not start: {child.communicate(timeout=30)}")
        time.sleep(rng.uniform(0, max_s))
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)


def missing_acknowledged(database: Database, acks: list[dict]) -> list[str]:
    """Every acknowledged write that cannot be found, described; and every import in part."""
    missing = []
    with database.session() as session:
        for ack in acks:
            if ack["kind"] == "person":
                key = session.scalar(select(Person.idempotency_key).where(Person.id == ack["id"]))
                if key != ack["key"] or session.get(Visit, ack["visit"]) is None:
                    missing.append(f"person {ack['id']}")
            elif ack["kind"] == "visit":
                key = session.scalar(select(Visit.idempotency_key).where(Visit.id == ack["id"]))
                if key != ack["key"]:
                    missing.append(f"visit {ack['id']}")
            elif ack["kind"] == "check_out":
                status = session.scalar(select(Visit.status).where(Visit.id == ack["id"]))
                if status is not VisitStatus.DONE:
                    missing.append(f"check-out of visit {ack['id']}")
        names = session.scalars(select(Service.name).where(Service.name.like("b% program %")))
        batches = Counter(name.split(" ", 1)[0] for name in names)
    for ack in acks:
        if ack["kind"] == "import" and batches.get(ack["batch"], 0) != ack["rows"]:
            missing.append(f"import {ack['batch']}")
    rows = max((a["rows"] for a in acks if a["kind"] == "import"), default=None)
    if rows is not None:
        missing += [f"import {b} in part ({n})" for b, n in batches.items() if n != rows]
    return missing


def revision_of(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def old_database(url: str) -> Database:
    """A database at the first schema (0001), with people and visits in it."""
    database = Database.open(url)
    config = alembic_config(database)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (first_name, kind, created_at, updated_at, version) "
                "VALUES (:name, 'peer', '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1)"
            ),
            [{"name": f"Old {n}"} for n in range(OLD_PEOPLE)],
        )
    return database


def _migrating_child(url: str) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.soak.crash_writer", "--migrate", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
        cwd=REPO,
    )
    if not child.stdout.readline().startswith("READY"):
        raise RuntimeError(f"the migration did not start: {child.communicate(timeout=30)}")
    return child


def timed_migration(url: str) -> float:
    """How long the upgrade of the old database takes, uninterrupted, from its start."""
    database = old_database(url)
    child = _migrating_child(url)
    started = time.monotonic()
    child.stdout.readline()  # DONE
    took = time.monotonic() - started
    child.communicate(timeout=60)
    database.dispose()
    return took


def kill_migration_once(url: str, rng: random.Random, within_s: float) -> tuple[str, list[str]]:
    """Kill the upgrade at a random moment of its run; (where it was left, problems)."""
    database = old_database(url)
    child = _migrating_child(url)
    time.sleep(rng.uniform(0, within_s))
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    problems = []
    revision = revision_of(database)
    left = "old" if revision == "0001" else "newest" if revision == head_revision() else revision
    if left not in ("old", "newest"):
        problems.append(f"schema left at {revision}")
    problems += integrity_problems(database)
    upgrade_database(database)  # finishes what was cut short
    with database.session() as session:
        people = session.scalar(select(func.count()).select_from(Person))
    if people != OLD_PEOPLE:
        problems.append(f"{people} people after the upgrade, not {OLD_PEOPLE}")
    database.dispose()
    return left, problems


def app_starts(url: str, *, as_process: bool) -> bool:
    """`recovery-desk self-check` passes on the database: in a process of its own at full
    scale, in this one at small scale (the same code, without a second start-up's seconds)."""
    if as_process:
        result = subprocess.run(
            [str(COMMAND), "--database", url, "self-check"],
            capture_output=True,
            text=True,
            env=_child_env(),
            check=False,
            timeout=180,
        )
        return result.returncode == 0
    with contextlib.redirect_stdout(io.StringIO()):
        return cli_main(["--database", url, "self-check"]) == 0


def run(
    engine: str,
    url: str,
    make_url_for_migration,
    *,
    kills: int,
    migration_kills: int,
    seed: int = 1,
    max_s: float = 1.5,
    app_as_process: bool = True,
) -> dict:
    rng = random.Random(seed)
    started = time.monotonic()
    database = migrated(url)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="rd-crash-") as folder:
        acks_path, work = Path(folder) / "acks.jsonl", Path(folder)
        for _ in range(kills):
            kill_writer_once(url, acks_path, work, rng, max_s)
            problems += integrity_problems(database)
            problems += missing_acknowledged(database, AckLog.read(acks_path))
        acks = AckLog.read(acks_path)
    left: Counter[str] = Counter()
    if migration_kills:
        with make_url_for_migration() as migration_url:
            whole = timed_migration(migration_url)
        for _ in range(migration_kills):
            with make_url_for_migration() as migration_url:
                where, found = kill_migration_once(migration_url, rng, whole)
                left[where] += 1
                problems += found
    check = integrity_check_name(database)
    database.dispose()
    starts = app_starts(url, as_process=app_as_process)
    lost = [p for p in problems if p.startswith(("person", "visit", "check-out", "import"))]
    return {
        "engine": engine,
        "writer kills": kills,
        "migration kills": migration_kills,
        "migrations left old / newest": f"{left['old']} / {left['newest']}",
        "acknowledged writes": len(acks),
        "lost": len(lost),
        "integrity check": check,
        "integrity problems": len(problems) - len(lost),
        "app starts": "yes" if starts else "NO",
        "seconds": round(time.monotonic() - started, 1),
        "problems": problems[:20],
    }


COLUMNS = [
    "engine",
    "writer kills",
    "migration kills",
    "migrations left old / newest",
    "acknowledged writes",
    "lost",
    "integrity check",
    "integrity problems",
    "app starts",
    "seconds",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "private-postgresql"])
    parser.add_argument("--kills", type=int, default=180)
    parser.add_argument("--migration-kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rd-crash-db-")))
        if args.engine == "private-postgresql":
            admin = stack.enter_context(private_postgres()).url()
        else:
            admin = os.environ.get(PG_URL_ENV)
        engine = "sqlite" if args.engine == "sqlite" else "postgresql"

        def for_migration():
            return fresh_database(engine, folder, admin)

        url = stack.enter_context(fresh_database(engine, folder, admin))
        row = run(
            args.engine,
            url,
            for_migration,
            kills=args.kills,
            migration_kills=args.migration_kills,
            seed=args.seed,
        )
    print_table("Crash safety", [row], COLUMNS)
    for problem in row["problems"]:
        print("  problem:", problem)
    write_json(args.json, "Crash safety", [row])
    return 0 if not row["problems"] and row["app starts"] == "yes" else 1


if __name__ == "__main__":
    sys.exit(main())
