"""The database goes away under a running app: told within 10 s, nothing typed lost, back
without a restart, nothing saved twice.

    uv run python -m tests.soak.outage --json results/outage.json

The app's own main window and task runner (offscreen), on PostgreSQL (a private server of
the harness's own when this runs as root, else RECOVERY_DESK_TEST_PG_URL) and on SQLite. In
each scenario an intake is typed, the database is taken away, Save is pressed, and the time
until the main window's banner (or the intake's own) says so is measured; then the database
comes back and Save is pressed again until it is saved, without restarting anything.

- PostgreSQL stopped and started (the private server only: never the shared one);
- the network frozen (a local TCP proxy stops passing bytes, nothing fails);
- the connection refused (the proxy cut, then listening again);
- the commit's reply lost (the proxy lets the COMMIT through and cuts before its answer);
- the disk holding the SQLite file full (a small tmpfs of its own: needs root).

A SQLite folder made read-only under a running app is not a scenario here: on Linux the
files it already has open stay writable, so the app goes on saving (checked by hand), and
the next start is refused with a message (tests/e2e/test_cli_foundation.py). Root ignores
permission bits, and a read-only remount is refused while files are open for writing.

Checked: the banner within 10 s; every typed field still there; saved after the database is
back, without a restart; exactly one person saved.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from desk.db.engine import Database
from desk.models import Person
from desk.services.checkin import PurposeChoice
from tests.soak.common import PG_URL_ENV, fresh_database, migrated, print_table, write_json
from tests.soak.private_postgres import PrivatePostgres, Unavailable
from tests.staff import admin_actor
from tests.tcp_proxy import TcpProxy
from ui.app import build_main_window
from ui.change_listener import ChangeListener
from ui.context import AppContext, ChangeSignals
from ui.main_window import MainWindow
from ui.pages.front_desk.intake_dialog import IntakeDialog
from ui.tasks import DEFAULT_DEADLINE_S, TaskRunner

BANNER_WITHIN_S = 10.0


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QApplication.processEvents()
        if predicate():
            return True
        time.sleep(0.02)
    QApplication.processEvents()
    return predicate()


class RunningApp:
    """The app's main window on `database`, with its change listener, as a station runs it."""

    def __init__(self, database: Database, folder: Path, deadline: float) -> None:
        settings = QSettings(
            str(folder / f"station-{uuid.uuid4().hex[:6]}.ini"), QSettings.Format.IniFormat
        )
        self.crashes: list[BaseException] = []
        tasks = TaskRunner(database, self.crashes.append)
        with database.session() as session:
            actor = admin_actor(session)
        context = AppContext(database, actor, tasks, ChangeSignals(), settings)
        self.window: MainWindow = build_main_window(context)
        self.window.context.tasks.default_deadline = deadline
        self.listener = ChangeListener(database)
        self.listener.changed.connect(self.window.context.changes.changed)
        self.listener.start()
        self.window.show()

    def close(self) -> None:
        self.listener.stop()
        self.window.context.tasks.wait_for_done(5000)
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()


def intake_under_outage(
    app: RunningApp,
    database: Database,
    scenario: str,
    engine: str,
    take_away: Callable[[], None],
    bring_back: Callable[[], None],
) -> dict:
    context = app.window.context
    name = f"Outage{uuid.uuid4().hex[:6]}"
    dialog = IntakeDialog(context, context.people_index, [PurposeChoice("drop_in")], "")
    dialog.show()
    typed = {"first_name": name, "last_name": "Pérez-Ó'Neil", "town": "Auburn"}
    for field, text in typed.items():
        getattr(dialog.form, field).setText(text)
    dialog.form.note.setPlainText("Staying at the shelter this week")
    wait_until(lambda: False, 0.6)  # the duplicate check has answered
    window = app.window
    take_away()
    started = time.monotonic()
    dialog.save()

    def told() -> bool:
        in_window = window.banner.isVisible() and window.banner.property("level") == "error"
        return in_window or ("Not saved" in dialog.banner.text or "No answer" in dialog.banner.text)

    banner = wait_until(told, BANNER_WITHIN_S + 5)
    banner_s = time.monotonic() - started
    kept = (
        dialog.isVisible()
        and all(getattr(dialog.form, f).text() == t for f, t in typed.items())
        and dialog.form.note.toPlainText() == "Staying at the shelter this week"
    )
    bring_back()
    back_at = time.monotonic()
    while dialog.isVisible() and time.monotonic() - back_at < 30:
        if not dialog._saving:
            dialog.save()
        wait_until(lambda: not dialog.isVisible(), 1.0)
    recovered = dialog.result() == IntakeDialog.DialogCode.Accepted
    recovery_s = time.monotonic() - back_at
    context.tasks.wait_for_done(15000)
    wait_until(lambda: False, 0.2)
    with database.session() as session:
        saved = session.scalar(select(func.count()).where(Person.first_name == name))
    dialog.deleteLater()
    return {
        "scenario": scenario,
        "engine": engine,
        "banner s": round(banner_s, 1) if banner else "none",
        "within 10 s": "yes" if banner and banner_s <= BANNER_WITHIN_S else "NO",
        "typed kept": "yes" if kept else "NO",
        "recovered": "yes" if recovered else "NO",
        "recovery s": round(recovery_s, 1),
        "people saved": saved,
        "crashes": len(app.crashes),
    }


def proxy_scenarios(url: str, folder: Path, deadline: float, engine: str) -> list[dict]:
    target = make_url(url)
    proxy = TcpProxy(target.host or "127.0.0.1", target.port or 5432)
    proxy.start()
    through = Database.open(target.set(host="127.0.0.1", port=proxy.port).render_as_string(False))
    app = RunningApp(through, folder, deadline)
    rows = []
    try:
        for scenario, away, back in (
            ("network frozen", proxy.pause, proxy.resume),
            ("connection refused", proxy.cut, proxy.start),
            ("commit reply lost", proxy.drop_next_commit_reply, lambda: None),
        ):
            rows.append(intake_under_outage(app, through, scenario, engine, away, back))
    finally:
        proxy.resume()
        app.close()
        proxy.cut()
        through.dispose()
    return rows


def server_scenarios(
    server: PrivatePostgres,
    folder: Path,
    deadline: float,
    template: str | None = None,
    only: int | None = None,
) -> list[dict]:
    rows = []
    with fresh_database("postgresql", folder, server.url(), template) as url:
        database = migrated(url)
        app = RunningApp(database, folder, deadline)
        modes = [("server stopped", "fast"), ("server crashed", "immediate")][:only]
        try:
            for scenario, mode in modes:
                rows.append(
                    intake_under_outage(
                        app,
                        database,
                        scenario,
                        "postgresql (private)",
                        lambda mode=mode: server.stop(mode),
                        server.start,
                    )
                )
        finally:
            if not server.running:
                server.start()
            app.close()
            database.dispose()
    return rows


def sqlite_scenario(folder: Path, deadline: float) -> list[dict]:
    """The disk holding the SQLite file fills up under the running app (a small tmpfs of its
    own: needs root), then space is freed."""
    from tests.small_disk import SmallDisk

    data = folder / "sqlite-disk"
    data.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        raise Unavailable("a disk to fill is a small tmpfs mounted for the test: needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        raise Unavailable(f"cannot mount a small tmpfs: {mounted.stderr.strip()}")
    try:
        database = migrated(f"sqlite:///{data / 'desk.sqlite3'}")
        disk = SmallDisk(data)
        app = RunningApp(database, folder, deadline)
        try:
            return [
                intake_under_outage(
                    app,
                    database,
                    "disk full",
                    "sqlite",
                    lambda: disk.fill(leave=0),
                    lambda: (data / "filler").unlink(),
                )
            ]
        finally:
            app.close()
            database.dispose()
    finally:
        subprocess.run(["umount", "-l", str(data)], check=False)


def run_all(folder: Path, deadline: float, notes: list[str]) -> list[dict]:
    rows: list[dict] = []
    server = None
    try:
        server = PrivatePostgres()
        server.start()
    except Unavailable as why:
        notes.append(f"PostgreSQL stop/start not run: {why}")
        server = None
    try:
        if server is not None:
            rows += server_scenarios(server, folder, deadline)
            with fresh_database("postgresql", folder, server.url()) as url:
                migrated(url).dispose()
                rows += proxy_scenarios(url, folder, deadline, "postgresql (private)")
        elif os.environ.get(PG_URL_ENV):
            with fresh_database("postgresql", folder, os.environ[PG_URL_ENV]) as url:
                migrated(url).dispose()
                rows += proxy_scenarios(url, folder, deadline, "postgresql")
        else:
            notes.append(f"PostgreSQL scenarios not run: set {PG_URL_ENV} or run as root")
    finally:
        if server is not None:
            server.remove()
    try:
        rows += sqlite_scenario(folder, deadline)
    except Unavailable as why:
        notes.append(f"SQLite disk full not run: {why}")
    return rows


COLUMNS = [
    "scenario",
    "engine",
    "banner s",
    "within 10 s",
    "typed kept",
    "recovered",
    "recovery s",
    "people saved",
    "crashes",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deadline", type=float, default=DEFAULT_DEADLINE_S)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="rd-outage-") as folder:
        rows = run_all(Path(folder), args.deadline, notes)
    print_table(f"The database goes away (task deadline {args.deadline:g} s)", rows, COLUMNS)
    for note in notes:
        print("  note:", note)
    write_json(args.json, "The database goes away", rows)
    del app
    good = all(
        r["within 10 s"] == r["typed kept"] == r["recovered"] == "yes"
        and r["people saved"] == 1
        and r["crashes"] == 0
        for r in rows
    )
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
