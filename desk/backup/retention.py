"""Which backups to keep: the newest of each of the last N days that have backups, and the
newest of each of the last M months (14 and 12 by default, in Center settings).

Days are counted among days that have a backup, not on the calendar: a center closed for a
fortnight still has its last 14 days of work when it opens again. The newest backup is always
kept, and so is every backup of its day (the morning's, one made by hand, the closing one):
a day's backups are thinned only once the day is over. Only files named as backups are
ever considered.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime

from desk.backup.files import BackupFile


def _newest_per_period(
    backups: list[BackupFile], period: Callable[[datetime], Hashable], count: int
) -> set[BackupFile]:
    kept: dict[Hashable, BackupFile] = {}
    for backup in backups:  # newest first
        key = period(backup.made_at)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = backup
    return set(kept.values())


def backups_to_remove(
    backups: list[BackupFile], *, keep_daily: int, keep_monthly: int
) -> list[BackupFile]:
    """The backups that fall outside the policy, oldest first."""
    newest_first = sorted(backups, key=lambda backup: (backup.made_at, backup.name), reverse=True)
    if not newest_first:
        return []
    last_day = newest_first[0].made_at.date()
    keep = {backup for backup in newest_first if backup.made_at.date() == last_day}
    keep |= _newest_per_period(newest_first, lambda moment: moment.date(), keep_daily)
    keep |= _newest_per_period(
        newest_first, lambda moment: (moment.year, moment.month), keep_monthly
    )
    return [backup for backup in reversed(newest_first) if backup not in keep]
