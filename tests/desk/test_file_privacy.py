"""Files only this account can read (issue 16, hardening 11): the data folder 0700, the
database, its WAL and SHM, the log, station.ini and the copies kept before upgrades 0600;
older files tightened at start; at most three pre-upgrade copies."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from desk.db.engine import Database
from desk.db.migrate import backup_sqlite_file
from desk.db.startup import open_and_upgrade
from desk.file_privacy import pre_upgrade_copies
from desk.logs import configure_logging
from desk.paths import log_file
from tests.e2e.cli import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_station_makes_everything_private(isolated_data_dir: Path) -> None:
    result = run_cli("db", "upgrade", env={"RECOVERY_DESK_DATA_DIR": str(isolated_data_dir)})
    assert result.returncode == 0, result.stderr
    database = isolated_data_dir / "recovery-desk.sqlite3"
    with Database.open(f"sqlite:///{database}").engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE scratch (x int)")  # a write: WAL and SHM
        assert (isolated_data_dir / "recovery-desk.sqlite3-wal").exists()
        assert mode(isolated_data_dir) == 0o700
        for path in isolated_data_dir.rglob("*"):
            if path.is_file():
                assert mode(path) == 0o600, path
            else:
                assert mode(path) == 0o700, path


def test_the_log_and_its_rotations_are_private(isolated_data_dir: Path) -> None:
    import logging

    path = configure_logging(log_file())
    logging.getLogger("test").warning("x" * 2000)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_recovery_desk", 0))
    handler.doRollover()
    logging.getLogger("test").warning("after the rotation")
    assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
    assert all(mode(p) == 0o600 for p in path.parent.iterdir())
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_files_an_earlier_version_left_readable_are_tightened(
    isolated_data_dir: Path, caplog
) -> None:
    folder = isolated_data_dir
    folder.mkdir(mode=0o755)
    (folder / "logs").mkdir(mode=0o755)
    for name in ("station.ini", "logs/recovery-desk.log", "logs/recovery-desk.log.1"):
        (folder / name).write_text("x")
        (folder / name).chmod(0o644)
    database = folder / "recovery-desk.sqlite3"
    open_and_upgrade(f"sqlite:///{database}")[0].dispose()
    assert mode(folder) == 0o700 and mode(folder / "logs") == 0o700
    assert all(mode(p) == 0o600 for p in folder.rglob("*") if p.is_file())
    assert "made private" in caplog.text and "station.ini" in caplog.text


def test_at_most_three_copies_before_upgrades(sqlite_database: Database) -> None:
    database = sqlite_database.sqlite_path
    for day in range(1, 5):  # copies kept by four earlier upgrades
        old = database.with_name(f"desk.before-upgrade-from-c00{day}-2026010{day}-101500.sqlite3")
        old.write_bytes(b"old")
        os.utime(old, (time.time() - 86400 * (10 - day),) * 2)
    made = backup_sqlite_file(sqlite_database, "upgrade-from-r002")
    copies = pre_upgrade_copies(database)
    assert len(copies) == 3 and made in copies
    assert not any("c001" in copy.name or "c002" in copy.name for copy in copies)  # the oldest
    assert mode(made) == 0o600
