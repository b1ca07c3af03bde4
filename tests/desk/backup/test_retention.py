"""Retention: 14 daily and 12 monthly by default; today's backups are all kept."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from desk.backup.automatic import backup_now, daily_backup_due, prune
from desk.backup.files import BackupFile, backup_name, list_backups
from desk.backup.retention import backups_to_remove
from desk.db.engine import Database
from desk.services.settings import update_settings
from tests.staff import admin_actor


def fake(made_at: datetime, kind: str = "daily") -> BackupFile:
    name = backup_name(made_at, kind, content="sqlite", encrypted=False)
    return BackupFile(Path(name), made_at, kind, "sqlite", False, 1)


def test_a_year_and_a_half_of_starts_and_closes_keeps_14_days_and_12_months() -> None:
    start = datetime(2025, 6, 1, 9, 0)
    backups: list[BackupFile] = []
    last_of_month: dict[tuple[int, int], datetime] = {}
    for day in range(540):
        morning = start + timedelta(days=day)
        if morning.weekday() == 6:
            continue  # closed on Sundays: those days have no backup
        backups += [fake(morning), fake(morning.replace(hour=17), "close")]
        last_of_month[(morning.year, morning.month)] = morning.replace(hour=17)
        removed = set(backups_to_remove(backups, keep_daily=14, keep_monthly=12))
        backups = [backup for backup in backups if backup not in removed]
    days = sorted({backup.made_at.date() for backup in backups}, reverse=True)
    last = backups[-1].made_at
    assert {b.made_at for b in backups if b.made_at.date() == last.date()} == {
        last.replace(hour=9),
        last,
    }  # both of the last day's backups
    recent = [day for day in days if (last.date() - day).days < 16]
    assert len(recent) == 14  # 14 days with backups (Sundays had none)
    months = {(b.made_at.year, b.made_at.month) for b in backups}
    assert len(months) == 12  # this month and the 11 before it
    older = [b for b in backups if b.made_at.date() not in recent]
    # Each month before the last 14 days keeps its last backup: that day's closing one.
    assert all(b.made_at == last_of_month[(b.made_at.year, b.made_at.month)] for b in older)
    assert len(older) >= 10


def test_the_newest_backup_survives_any_settings() -> None:
    backups = [fake(datetime(2026, 1, 1, 9)), fake(datetime(2026, 1, 2, 9))]
    removed = backups_to_remove(backups, keep_daily=1, keep_monthly=0)
    assert [b.made_at.day for b in removed] == [1]


def test_other_files_in_the_folder_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "holiday-photos.jpg").write_bytes(b"x")
    (tmp_path / "recovery-desk-notes.txt").write_bytes(b"x")
    for day in range(1, 6):
        name = backup_name(datetime(2026, 1, day, 9), "daily", content="sqlite", encrypted=False)
        (tmp_path / name).write_bytes(b"x")
    removed = prune(tmp_path, keep_daily=2, keep_monthly=0)
    assert len(removed) == 3
    assert sorted(p.name for p in tmp_path.iterdir())[:2] == [
        "holiday-photos.jpg",
        "recovery-desk-2026-01-04-090000-daily.sqlite3",
    ]
    assert (tmp_path / "recovery-desk-notes.txt").exists()


def test_backups_made_on_a_fake_clock_follow_the_center_settings(
    sqlite_database: Database,
) -> None:
    with sqlite_database.transaction() as session:
        actor = admin_actor(session)
        update_settings(
            session,
            actor,
            {"backup.keep_daily": 3, "backup.keep_monthly": 2},
            read_versions={},
        )
    folder = sqlite_database.sqlite_path.parent / "backups"
    clock = datetime.fromisoformat("2026-01-20T14:00:00+00:00")  # 09:00 in Worcester
    for _day in range(45):
        if daily_backup_due(folder, (clock - timedelta(hours=5)).date()):
            backup_now(sqlite_database, actor, "daily", now=clock)
        assert not daily_backup_due(folder, (clock - timedelta(hours=5)).date())
        backup_now(sqlite_database, actor, "close", now=clock + timedelta(hours=8))
        clock += timedelta(days=1)
    names = [backup.name for backup in list_backups(folder)]
    assert names == [
        "recovery-desk-2026-03-05-170000-close.sqlite3",
        "recovery-desk-2026-03-05-090000-daily.sqlite3",
        "recovery-desk-2026-03-04-170000-close.sqlite3",
        "recovery-desk-2026-03-03-170000-close.sqlite3",
        "recovery-desk-2026-02-28-170000-close.sqlite3",
    ]
