"""The print journal survives SIGKILL (issue 10, item 6): prints recorded while the database
was away, the app killed, the database back, the app started again: both records are in the
activity log, once each, at the time of the print."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from desk.db.engine import Database
from desk.models import AuditEvent
from tests.conftest import make_sqlite_database
from tests.e2e.cli import COMMAND

REPO = Path(__file__).resolve().parents[2]


def read_line(process: subprocess.Popen, prefix: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"no {prefix!r} from the child: {process.communicate()}")


def logged(database: Database, keys: list[str]) -> list[AuditEvent]:
    with database.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.idempotency_key.in_(keys))))


def test_the_journal_survives_sigkill(
    isolated_data_dir: Path, tmp_path: Path, sqlite_template: Path
) -> None:
    database = make_sqlite_database(sqlite_template, tmp_path / "db")
    url = f"sqlite:///{database.sqlite_path}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "RECOVERY_DESK_DATABASE_URL": url,
        "PYTHONPATH": str(REPO),
    }
    holder = sqlite3.connect(database.sqlite_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # the database is away: every write waits, then fails
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.journal_child", url],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        # Killed while its writes wait for the database: the journal is all there is.
        keys = read_line(child, "SUBMITTED ", timeout=60).split()[1:]
        time.sleep(random.uniform(0, 1))
        journal = isolated_data_dir / "print-journal.json"
        assert stat.S_IMODE(journal.stat().st_mode) == 0o600
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
        holder.rollback()
        holder.close()
    assert child.returncode == -signal.SIGKILL
    assert logged(database, keys) == []
    waiting = json.loads(journal.read_text(encoding="utf-8"))["entries"]
    assert sorted(entry["record"]["key"] for entry in waiting) == sorted(keys)

    # The database is back; the app starts again and writes what the journal kept.
    app = subprocess.Popen(
        [str(COMMAND)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(logged(database, keys)) < 2:
            assert app.poll() is None, app.communicate()
            time.sleep(0.2)
        events = logged(database, keys)
        assert sorted(event.action for event in events) == [
            "print.category_handout",
            "print.failed",
        ]
        app.send_signal(signal.SIGTERM)
        _out, errors = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0 and "Traceback" not in errors, errors
    assert json.loads(journal.read_text(encoding="utf-8"))["entries"] == []
    assert len(logged(database, keys)) == 2  # once each
    database.dispose()
