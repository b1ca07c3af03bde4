"""A record of something already done (a sheet printed) survives the database going away."""

from __future__ import annotations

from desk.errors import DatabaseUnavailable
from ui.tasks import ImmediateTaskRunner


def test_a_record_is_kept_and_written_once_the_database_is_back(
    qapp, sqlite_database, crashes
) -> None:
    runner = ImmediateTaskRunner(sqlite_database, crashes)
    written, told = [], []

    def record(_session) -> None:
        written.append("try")
        if len(written) == 1:
            raise DatabaseUnavailable("The database cannot be reached.")

    runner.submit_record(record, on_error=told.append)
    assert runner.records_waiting == 1
    assert "recorded as soon as the database is back" in told[0].hint
    back = []
    runner.database_available.connect(lambda: back.append(True))
    runner.submit(lambda _session: None)  # any work that goes through: the database is back
    assert back == [True]
    assert written == ["try", "try"] and runner.records_waiting == 0
    runner.deleteLater()
