"""What a station keeps in its own data folder: its settings file (window layout, unsaved
drafts), the key its drafts are sealed with, and the journal of prints waiting for the
database."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings

from desk.draft_cipher import station_cipher
from desk.file_privacy import make_private
from desk.paths import data_dir
from desk.print_journal import JOURNAL_FILE, PrintJournal
from ui.drafts import (
    DraftVault,
    MemoryDraftVault,
    SealedDraftVault,
    discard_kept_drafts,
    sweep_kept_drafts,
)
from ui.i18n import station_settings_file

if TYPE_CHECKING:
    from desk.draft_cipher import DraftCipher

logger = logging.getLogger(__name__)

DRAFTS_DATABASE_KEY = "station/drafts_database"  # the database the drafts are for


def station_settings(*, demo: bool, database: str = "") -> QSettings:
    """This station's window layout and unsaved drafts, kept in the data folder beside the
    database (drafts can hold what a person told us; they belong with the data).

    Drafts are for records of one database (`database`: its URL, password hidden): when the
    station opens another one (a move to a shared server, say), they are discarded, as they
    are for each new demo, rather than put back on whichever record has the same number."""
    settings = QSettings(str(station_settings_file(demo=demo)), QSettings.Format.IniFormat)
    if demo or settings.value(DRAFTS_DATABASE_KEY, database) != database:
        discard_kept_drafts(settings)
    else:
        sweep_kept_drafts(settings)
    settings.setValue(DRAFTS_DATABASE_KEY, database)
    settings.sync()
    make_private(Path(settings.fileName()))  # later saves keep the file's mode
    return settings


def drafts_cipher(*, demo: bool) -> DraftCipher | None:
    """The key unsaved drafts are sealed with, from the OS keyring; None for a demo, or when
    this station has no keyring."""
    return None if demo else station_cipher(f"drafts key for {data_dir()}")


def station_drafts(
    settings: QSettings, *, demo: bool, cipher: DraftCipher | bool | None = True
) -> DraftVault:
    """Where unsaved drafts are kept: sealed in station.ini with a key from the OS keyring,
    or in memory only when this station has none (or for a demo). `cipher` is the key when
    it was found already (True: look for it now)."""
    if cipher is True:
        cipher = drafts_cipher(demo=demo)
    if not cipher:
        logger.info("unsaved drafts are kept in memory only on this station")
        return MemoryDraftVault()
    return SealedDraftVault(settings, cast("DraftCipher", cipher))


def station_journal(*, demo: bool, database: str) -> PrintJournal:
    """Records of prints waiting for the database, in the data folder (desk/print_journal.py).
    A demo's are thrown away with the demo."""
    name = "print-journal-demo.json" if demo else JOURNAL_FILE
    journal = PrintJournal(data_dir() / name, database)
    if demo:
        journal.discard_all()
    return journal
