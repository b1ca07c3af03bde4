"""Run by tests/e2e/test_print_journal.py as a process of its own, to be killed: records two
prints through the app's TaskRunner while the database is away, says so, and waits.

Usage: python -m tests.e2e.journal_child DATABASE_URL
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desk.db.engine import open_database
from desk.paths import data_dir
from desk.print_journal import JOURNAL_FILE, PrintJournal
from desk.services.actor import command_line_actor
from desk.services.print_records import ActorData, PrintFailure, PrintRecorded
from ui.tasks import TaskRunner


def main() -> None:
    app = QApplication(sys.argv[:1])
    database = open_database(sys.argv[1])
    with database.session() as session:
        actor = ActorData.of(command_line_actor(session))
    where = database.url.render_as_string(hide_password=True)
    journal = PrintJournal(data_dir() / JOURNAL_FILE, where)
    runner = TaskRunner(
        database, lambda error: print(f"CRASH {error!r}", flush=True), journal=journal
    )
    records = [
        PrintRecorded(actor, "category_handout", "detox", printed=True, destination="Front desk"),
        PrintFailure(actor, "consent_form", 7, printer="Front desk", reason="Out of paper"),
    ]
    told = []

    def kept(error) -> None:
        told.append(error)
        if len(told) == len(records):
            print("KEPT " + " ".join(record.key for record in records), flush=True)

    for record in records:
        runner.submit_record(record, on_error=kept)
    print("SUBMITTED " + " ".join(record.key for record in records), flush=True)
    QTimer.singleShot(120_000, app.quit)  # the test kills it long before
    app.exec()


if __name__ == "__main__":
    main()
