"""Drafts keep only what was typed, remember what it was typed against, and expire; on disk
they are sealed with a key from the OS keyring, or kept in memory where there is none."""

from __future__ import annotations

import time
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desk.draft_cipher import DraftCipher, station_cipher
from tests.ui.typing_helpers import type_text
from ui.drafts import (
    MAX_AGE_SECONDS,
    FormDraft,
    MemoryDraftVault,
    SealedDraftVault,
    sweep_kept_drafts,
)

NOTE = "relapsed last week, staying at the shelter"


class FakeKeyring(KeyringBackend):
    """An OS keyring, in memory."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def os_keyring():
    """A keyring as on a desktop; put back as it was afterwards."""
    before = keyring.get_keyring()
    fake = FakeKeyring()
    keyring.set_keyring(fake)
    yield fake
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    """No keyring, as on CI and headless Linux."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _form(qtbot):
    name, note = QLineEdit(), QPlainTextEdit()
    for widget in (name, note):
        qtbot.addWidget(widget)
    return name, note


def test_only_changed_fields_are_kept_and_put_back(qtbot) -> None:
    name, note = _form(qtbot)
    vault = MemoryDraftVault()
    draft = FormDraft(vault, "person/1", {"name": name, "note": note})
    draft.begin("person/1", lambda: (name.setText("Ana"), note.setPlainText("")), version=3)
    type_text(note, "Auburn")
    draft.save_now()
    assert vault.get("person/1").fields == {"note": "Auburn"}
    draft.begin("person/1", lambda: (name.setText("Ana Maria"), note.setPlainText("")), version=4)
    restored = draft.restore()
    assert (name.text(), note.toPlainText()) == ("Ana Maria", "Auburn")
    assert restored.fields == ("note",) and restored.typed_on_older_version


def test_an_old_draft_is_forgotten(qtbot, qsettings: QSettings) -> None:
    name, note = _form(qtbot)
    vault = SealedDraftVault(qsettings, DraftCipher(bytes(32)))
    draft = FormDraft(vault, "intake", {"name": name, "note": note})
    draft.begin("intake", lambda: None)
    type_text(name, "Kofi")
    draft.save_now()
    qsettings.setValue("drafts/intake/_meta/saved_at", time.time() - MAX_AGE_SECONDS - 60)
    assert sweep_kept_drafts(qsettings) == 1
    name.clear()
    assert draft.restore() is None and name.text() == ""


def test_with_a_keyring_drafts_are_sealed_on_disk(
    qtbot, tmp_path: Path, os_keyring: FakeKeyring
) -> None:
    path = tmp_path / "station.ini"
    cipher = station_cipher("drafts key for /data")
    assert cipher is not None and len(os_keyring.secrets) == 1  # made once, kept there
    name, note = _form(qtbot)
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    draft = FormDraft(SealedDraftVault(settings, cipher), "intake", {"name": name, "note": note})
    draft.begin("intake", lambda: None)
    type_text(note, NOTE)
    draft.save_now()
    on_disk = path.read_text(encoding="utf-8")
    assert "relapsed" not in on_disk and "shelter" not in on_disk and "sealed" in on_disk

    # The app starts again: the same key from the keyring opens it.
    note.clear()
    again = QSettings(str(path), QSettings.Format.IniFormat)
    cipher_again = station_cipher("drafts key for /data")
    vault = SealedDraftVault(again, cipher_again)
    later = FormDraft(vault, "intake", {"name": name, "note": note})
    later.begin("intake", lambda: None)
    assert later.restore() is not None and note.toPlainText() == NOTE

    # A copy of the folder without the keyring's key opens nothing.
    stranger = FormDraft(SealedDraftVault(again, DraftCipher(bytes(32))), "intake", {"n": name})
    stranger.begin("intake", lambda: None)
    assert stranger.restore() is None


def test_drafts_typed_in_clear_by_an_earlier_version_are_not_kept(
    qsettings: QSettings,
) -> None:
    qsettings.setValue("drafts/intake/note", NOTE)
    qsettings.setValue("drafts/intake/_meta/saved_at", time.time())
    SealedDraftVault(qsettings, DraftCipher(bytes(32)))
    assert qsettings.value("drafts/intake/note") is None


def test_without_a_keyring_drafts_stay_in_memory(qapp, no_keyring, isolated_data_dir: Path) -> None:
    from ui.station_files import station_drafts, station_settings

    assert station_cipher("drafts key for /data") is None
    settings = station_settings(demo=False, database="sqlite:///x")
    vault = station_drafts(settings, demo=False)
    assert isinstance(vault, MemoryDraftVault) and not vault.persistent
    vault.put("intake", {"note": NOTE}, "")
    settings.sync()
    assert "relapsed" not in (isolated_data_dir / "station.ini").read_text(encoding="utf-8")


def test_with_a_keyring_the_app_seals_them(qapp, os_keyring, isolated_data_dir: Path) -> None:
    from ui.station_files import station_drafts, station_settings

    settings = station_settings(demo=False, database="sqlite:///x")
    vault = station_drafts(settings, demo=False)
    assert isinstance(vault, SealedDraftVault) and vault.persistent
    assert isinstance(station_drafts(settings, demo=True), MemoryDraftVault)


def test_a_new_demo_starts_with_no_drafts_from_the_last_one(qapp, isolated_data_dir) -> None:
    from ui.station_files import station_settings

    for demo in (True, False):
        settings = station_settings(demo=demo)
        settings.setValue("drafts/person/3/sealed", "x")
        settings.setValue("drafts/person/3/_meta/saved_at", time.time())
        settings.sync()
    assert station_settings(demo=True).value("drafts/person/3/sealed") is None  # other people
    assert station_settings(demo=False).value("drafts/person/3/sealed") == "x"  # kept


def test_drafts_are_discarded_when_the_station_opens_another_database(
    qapp, isolated_data_dir
) -> None:
    from ui.station_files import station_settings

    first = "sqlite:////srv/desk/recovery-desk.sqlite3"
    settings = station_settings(demo=False, database=first)
    settings.setValue("drafts/person/3/sealed", "x")
    settings.setValue("drafts/person/3/_meta/saved_at", time.time())
    settings.sync()
    assert station_settings(demo=False, database=first).value("drafts/person/3/sealed") == "x"
    shared = "postgresql+psycopg://desk:***@server/desk"  # person #3 there is someone else
    assert station_settings(demo=False, database=shared).value("drafts/person/3/sealed") is None
