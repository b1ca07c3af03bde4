"""The print journal: records of prints waiting for the database, kept on the station's disk.

A sheet that has come out of the printer must appear in the activity log even if the
database was away at that moment and the app then crashed or was closed. Its record (plain
data, desk.services.print_records) is written here before the database is tried, and
crossed off once its transaction has committed; at start-up, and whenever the database comes
back, what is left is written.

The file (`print-journal.json` in the data folder) is JSON, replaced atomically at each
change (desk.atomic_files) and readable by this OS account only (0600): the records name a
person's number and a referral's. Changes are made under a lock file, read-modify-write, so
two Recovery Desk windows on one station never undo each other's entries. Each entry names
the database it belongs to (its address, without the password), so a station pointed at
another database keeps the first one's records for when it returns to it.

A journal that cannot be read (a disk fault, an edit by hand) is never dropped in silence:
it is moved aside as `print-journal.unreadable-<time>.json`, the entries that can still be
read are kept, and `problems` says what happened, for the app to tell the person at the desk.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from desk.atomic_files import write_bytes_atomically
from desk.services.print_records import (
    PrintRecord,
    UnreadableRecord,
    record_from_dict,
    record_to_dict,
)

logger = logging.getLogger(__name__)

JOURNAL_FILE = "print-journal.json"
JOURNAL_FORMAT = 1
PRIVATE = 0o600

try:  # a lock between processes where the OS has one (every POSIX station)
    import fcntl
except ImportError:  # pragma: no cover  (Windows: one app per account, the thread lock)
    fcntl = None  # type: ignore[assignment]


class PrintJournal:
    """The journal of one station, seen from one database (`database`, its address)."""

    def __init__(self, path: Path | None, database: str) -> None:
        self.path = path  # None: kept in memory only (tests, in-memory databases)
        self.database = database
        self.problems: list[str] = []
        self._lock = threading.Lock()
        self._memory: list[dict] = []
        with self._locked():
            self._read()

    # -- what the app asks ---------------------------------------------------------------------
    def add(self, record: PrintRecord) -> None:
        """Keep `record` (on disk before this returns)."""
        entry = {"database": self.database, "record": record_to_dict(record)}
        with self._locked():
            entries = self._read()
            entries.append(entry)
            self._write(entries)

    def remove(self, key: str) -> None:
        """Cross off the record with `key` (it is in the database now)."""
        with self._locked():
            entries = self._read()
            kept = [entry for entry in entries if entry["record"].get("key") != key]
            if len(kept) != len(entries):
                self._write(kept)

    def waiting(self) -> list[PrintRecord]:
        """Records for this database not yet written, oldest first."""
        with self._locked():
            entries = self._read()
        return [
            record_from_dict(entry["record"])
            for entry in entries
            if entry["database"] == self.database
        ]

    def __len__(self) -> int:
        return len(self.waiting())

    def discard_all(self) -> None:
        """For a demo database, which is gone when the demo ends."""
        with self._locked():
            self._write([])

    # -- the file ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with self._lock:
            if self.path is None or fcntl is None:
                yield
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock_path = self.path.with_name(self.path.name + ".lock")
            handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, PRIVATE)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX)
                yield
            finally:
                os.close(handle)  # closing releases the lock

    def _read(self) -> list[dict]:
        """Every readable entry; an unreadable file or entry is moved aside and reported."""
        if self.path is None:
            return list(self._memory)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            self._problem(f"cannot be read ({error.strerror or error})", keep_aside=False)
            raise
        entries: list[dict] = []
        bad = 0
        try:
            document = json.loads(raw.decode("utf-8"))
            if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
                raise ValueError("not a print journal")
            for entry in document["entries"]:
                try:
                    if not isinstance(entry, dict) or not isinstance(entry.get("database"), str):
                        raise UnreadableRecord("no database named")
                    record_from_dict(entry.get("record"))
                    entries.append(entry)
                except UnreadableRecord:
                    bad += 1
        except (UnicodeDecodeError, ValueError) as error:
            logger.error("print journal %s cannot be read: %s", self.path, error)
            self._problem(
                "is damaged and cannot be read: prints made while the database was away may "
                "be missing from the activity log",
                keep_aside=True,
            )
            self._write([])
            return []
        if bad:
            self._problem(
                f"held {bad} record(s) that cannot be read (damaged, or written by a newer "
                "Recovery Desk); the others are kept and written",
                keep_aside=True,
            )
            self._write(entries)
        return entries

    def _write(self, entries: list[dict]) -> None:
        if self.path is None:
            self._memory = list(entries)
            return
        document = {"format": JOURNAL_FORMAT, "entries": entries}
        data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        write_bytes_atomically(self.path, data, mode=PRIVATE)

    def _problem(self, what: str, *, keep_aside: bool) -> None:
        assert self.path is not None
        message = f"This station's record of prints waiting for the database {what}."
        if keep_aside:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            aside = self.path.with_name(f"print-journal.unreadable-{stamp}.json")
            with contextlib.suppress(OSError):
                os.replace(self.path, aside)
                os.chmod(aside, PRIVATE)
                message += f" The file is kept as {aside}, for whoever looks after this station."
        logger.error("%s", message)
        self.problems.append(message)
