"""A record of something already done (a sheet printed) survives the database going away,
a crash and a restart: the print journal (issue 10, item 6)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.errors import DatabaseUnavailable
from desk.models import AuditEvent
from desk.print_journal import PrintJournal
from desk.services import print_records
from desk.services.print_records import (
    ActorData,
    PrintFailure,
    PrintRecorded,
    record_from_dict,
    record_to_dict,
)
from tests.staff import admin_actor
from ui import tasks as tasks_module
from ui.tasks import ImmediateTaskRunner


@pytest.fixture
def actor_data(sqlite_database) -> ActorData:
    with sqlite_database.session() as session:
        return ActorData.of(admin_actor(session))


def handout_printed(actor: ActorData) -> PrintRecorded:
    return PrintRecorded(actor, "category_handout", "detox", printed=True, destination="Desk")


def events(database, action: str) -> list[AuditEvent]:
    with database.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_records_are_plain_data_that_round_trip(actor_data: ActorData) -> None:
    for record in (
        handout_printed(actor_data),
        PrintFailure(actor_data, "referral_sheet", 12, printer="Front", reason="Out of paper"),
    ):
        text = json.dumps(record_to_dict(record))
        assert record_from_dict(json.loads(text)) == record


def test_a_record_waits_on_disk_and_is_written_once_the_database_is_back(
    qapp, sqlite_database, crashes, actor_data, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "print-journal.json"
    journal = PrintJournal(path, "sqlite:///desk")
    runner = ImmediateTaskRunner(sqlite_database, crashes, journal=journal)
    away = [True]
    real_write = print_records.write_print_record

    def write(session, record):
        if away:
            raise DatabaseUnavailable("The database cannot be reached.")
        return real_write(session, record)

    monkeypatch.setattr(tasks_module, "write_print_record", write)
    told = []
    record = handout_printed(actor_data)
    runner.submit_record(record, on_error=told.append)
    assert runner.records_waiting == 1
    assert "recorded as soon as the database is back" in told[0].hint
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it names people's records
    assert json.loads(path.read_text())["entries"][0]["record"]["key"] == record.key

    away.clear()
    back = []
    runner.database_available.connect(lambda: back.append(True))
    runner.submit(lambda _session: None)  # any work that goes through: the database is back
    assert back == [True] and runner.records_waiting == 0
    [event] = events(sqlite_database, "print.category_handout")
    assert event.idempotency_key == record.key
    assert event.occurred_at.replace(tzinfo=None) == record.happened_at.replace(tzinfo=None)
    runner.deleteLater()


def test_a_record_written_before_a_crash_is_not_written_twice(
    qapp, sqlite_database, crashes, actor_data, tmp_path: Path
) -> None:
    """Killed between the commit and crossing it off: the replay finds it by its key."""
    journal = PrintJournal(tmp_path / "print-journal.json", "sqlite:///desk")
    record = handout_printed(actor_data)
    with sqlite_database.transaction() as session:
        print_records.write_print_record(session, record)
    journal.add(record)  # as if the app died before crossing it off
    runner = ImmediateTaskRunner(sqlite_database, crashes, journal=journal)
    assert runner.replay_journal() == 1
    assert len(events(sqlite_database, "print.category_handout")) == 1
    assert runner.records_waiting == 0
    runner.deleteLater()


def test_another_databases_records_are_kept_for_it(actor_data: ActorData, tmp_path) -> None:
    path = tmp_path / "print-journal.json"
    PrintJournal(path, "postgresql://desk@server/desk").add(handout_printed(actor_data))
    here = PrintJournal(path, "sqlite:///demo")
    assert here.waiting() == [] and len(PrintJournal(path, "postgresql://desk@server/desk")) == 1


def test_a_corrupt_journal_is_kept_aside_and_reported(
    qapp, qtbot, sqlite_database, crashes, actor_data, tmp_path: Path
) -> None:
    path = tmp_path / "print-journal.json"
    path.write_bytes(b'{"format": 1, "entries": [{"database": "x", "rec')  # cut short
    journal = PrintJournal(path, "x")
    assert journal.waiting() == []
    [aside] = tmp_path.glob("print-journal.unreadable-*.json")
    assert aside.read_bytes().endswith(b'"rec')  # kept whole, for whoever looks after it
    assert str(aside) in journal.problems[0]

    from PySide6.QtCore import QSettings

    from tests.staff import admin_actor
    from ui.app import build_main_window
    from ui.context import AppContext, ChangeSignals

    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    tasks = ImmediateTaskRunner(sqlite_database, crashes, journal=journal)
    with sqlite_database.session() as session:
        actor = admin_actor(session)
    window = build_main_window(AppContext(sqlite_database, actor, tasks, ChangeSignals(), settings))
    qtbot.addWidget(window)
    assert "damaged" in window.banner.text and str(aside) in window.banner.text


def test_an_unreadable_entry_is_set_aside_and_the_others_kept(actor_data, tmp_path) -> None:
    path = tmp_path / "print-journal.json"
    good = record_to_dict(handout_printed(actor_data))
    bad = {**good, "happened_at": "yesterday"}
    entries = [{"database": "x", "record": good}, {"database": "x", "record": bad}]
    path.write_text(json.dumps({"format": 1, "entries": entries}))
    journal = PrintJournal(path, "x")
    assert [record.key for record in journal.waiting()] == [good["key"]]
    assert "1 record(s) that cannot be read" in journal.problems[0]
    assert len(list(tmp_path.glob("print-journal.unreadable-*.json"))) == 1
