"""Drafts: what staff typed into a form and have not saved yet, kept through a crash.

Only the fields staff changed are kept, with the version of the record they were typed
against, for at most `MAX_AGE`. Opening the form again puts those fields back on top of the
record as it is now: fields nobody touched show the latest saved values (another station's
correction is never undone), and a draft typed against an older version says so.

Where drafts are kept is a `DraftVault`: sealed with the station's key in `station.ini`
(`SealedDraftVault`, desk/draft_cipher.py) where the OS has a keyring, else in memory only
(`MemoryDraftVault`): never in clear on disk.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from desk.draft_cipher import DraftCipher

DRAFT_GROUP = "drafts"
MAX_AGE_SECONDS = 12 * 60 * 60  # a draft older than a working day is not somebody's work now
_META = "_meta"


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.checkState().value if widget.isTristate() else widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentData()
    raise TypeError(f"drafts cannot keep a {type(widget).__name__}")


def _set_value(widget: QWidget, value: object) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QCheckBox) and widget.isTristate():
        widget.setCheckState(Qt.CheckState(int(value)))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value in (True, "true", "1", 1))
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentText(str(value))
        else:
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)


def _same(stored: object, current: object) -> bool:
    """QSettings gives strings back for numbers and booleans: compare as text too."""
    return stored == current or str(stored).lower() == str(current).lower()


def _changed_signal(widget: QWidget):
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QCheckBox):
        return widget.stateChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged if not widget.isEditable() else widget.currentTextChanged
    raise TypeError(f"drafts cannot watch a {type(widget).__name__}")


@dataclass(frozen=True)
class Restored:
    fields: tuple[str, ...]
    typed_on_older_version: bool


@dataclass(frozen=True)
class KeptDraft:
    fields: dict[str, object]
    version: str
    saved_at: float


class DraftVault(ABC):
    """Where drafts are kept, by key ("intake", "person/12")."""

    persistent = False  # whether a draft outlives the app

    @abstractmethod
    def put(self, key: str, fields: dict[str, object], version: str) -> None: ...

    @abstractmethod
    def get(self, key: str) -> KeptDraft | None: ...

    @abstractmethod
    def remove(self, key: str) -> None: ...

    @abstractmethod
    def keys(self) -> list[str]: ...

    def has(self, key: str) -> bool:
        return self.get(key) is not None

    def discard_all(self) -> None:
        for key in self.keys():
            self.remove(key)

    def sweep_expired(self, now: float | None = None) -> int:
        """Forget every draft older than MAX_AGE (at start-up); returns how many."""
        now = time.time() if now is None else now
        gone = 0
        for key in self.keys():
            kept = self.get(key)
            if kept is None or now - kept.saved_at > MAX_AGE_SECONDS:
                self.remove(key)
                gone += 1
        return gone


class MemoryDraftVault(DraftVault):
    """Drafts for as long as the app runs: where the station has no OS keyring."""

    def __init__(self) -> None:
        self._drafts: dict[str, KeptDraft] = {}

    def put(self, key: str, fields: dict[str, object], version: str) -> None:
        self._drafts[key] = KeptDraft(dict(fields), version, time.time())

    def get(self, key: str) -> KeptDraft | None:
        return self._drafts.get(key)

    def remove(self, key: str) -> None:
        self._drafts.pop(key, None)

    def keys(self) -> list[str]:
        return list(self._drafts)


class SealedDraftVault(DraftVault):
    """Drafts in QSettings (station.ini), each sealed with the station's key; only when it
    was kept is in clear (for the start-up sweep). A draft that does not open (another
    station's key, a damaged file) counts as none."""

    persistent = True
    _SEALED = "sealed"

    def __init__(self, settings: QSettings, cipher: DraftCipher) -> None:
        self._settings = settings
        self._cipher = cipher
        self._remove_clear_text()

    def _path(self, key: str, leaf: str) -> str:
        return f"{DRAFT_GROUP}/{key}/{leaf}"

    def put(self, key: str, fields: dict[str, object], version: str) -> None:
        sealed = self._cipher.seal({"fields": fields, "version": version}, label=key)
        self._settings.remove(f"{DRAFT_GROUP}/{key}")
        self._settings.setValue(self._path(key, self._SEALED), sealed)
        self._settings.setValue(self._path(key, f"{_META}/saved_at"), time.time())
        self._settings.sync()

    def get(self, key: str) -> KeptDraft | None:
        token = self._settings.value(self._path(key, self._SEALED))
        saved_at = self._settings.value(self._path(key, f"{_META}/saved_at"))
        if token is None or saved_at is None:
            return None
        data = self._cipher.open(str(token), label=key)
        if data is None or not isinstance(data.get("fields"), dict):
            return None
        return KeptDraft(data["fields"], str(data.get("version", "")), float(saved_at))

    def remove(self, key: str) -> None:
        self._settings.remove(f"{DRAFT_GROUP}/{key}")
        self._settings.sync()

    def keys(self) -> list[str]:
        self._settings.beginGroup(DRAFT_GROUP)
        found = self._settings.allKeys()
        self._settings.endGroup()
        ending = f"/{_META}/saved_at"
        return [key[: -len(ending)] for key in found if key.endswith(ending)]

    def _remove_clear_text(self) -> None:
        """Drafts kept in clear by an earlier version are not kept on."""
        self._settings.beginGroup(DRAFT_GROUP)
        found = self._settings.allKeys()
        self._settings.endGroup()
        clear = [k for k in found if not k.endswith((f"/{self._SEALED}", f"/{_META}/saved_at"))]
        for key in clear:
            self._settings.remove(f"{DRAFT_GROUP}/{key}")
        if clear:
            self._settings.sync()


class FormDraft:
    """Keeps the changed fields of `fields` (name -> widget) in a DraftVault under a key,
    among the drafts of `owner` (the signed-in staff member: a colleague who signs in at the
    same station never sees, or restores, what another typed)."""

    SAVE_DELAY_MS = 300

    def __init__(
        self,
        vault: DraftVault,
        key: str,
        fields: dict[str, QWidget],
        *,
        owner: str = "",
        kept_with_typing: tuple[str, ...] = (),
    ) -> None:
        """`kept_with_typing`: fields kept whenever anything else was typed, changed or not
        (a form's idempotency key, which must come back with what was typed)."""
        self._vault = vault
        self._fields = fields
        self._kept_with_typing = kept_with_typing
        self._owner = f"{owner}/" if owner else ""
        self._key = self._owner + key
        self._baseline: dict[str, object] = {}
        self._version = ""
        self._suspended = False
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        for widget in fields.values():
            _changed_signal(widget).connect(self._schedule)

    def begin(self, key: str, fill: Callable[[], None], *, version: object = "") -> None:
        """Show a record: `fill()` puts its saved values in the form (that is not typing);
        they become what later typing is compared with."""
        if self._timer.isActive():
            self.save_now()  # typing not yet kept belongs to the record shown until now
        self._key = self._owner + key
        self._suspended = True
        try:
            fill()
        finally:
            self._suspended = False
        self._baseline = {name: _value(widget) for name, widget in self._fields.items()}
        self._version = str(version)

    def snapshot(self) -> dict[str, object]:
        """The form's values now: taken when a save starts, for `saved`."""
        return {name: _value(widget) for name, widget in self._fields.items()}

    def saved(self, snapshot: dict[str, object], *, version: object) -> None:
        """The values in `snapshot` are now saved, as `version`: later typing is compared
        with them, and anything typed while the save was under way stays kept."""
        self._baseline = dict(snapshot)
        self._version = str(version)
        self.save_now()

    def _schedule(self, *_args) -> None:
        if not self._suspended:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        changed = {
            name: _value(widget)
            for name, widget in self._fields.items()
            if not _same(self._baseline.get(name), _value(widget))
        }
        if set(changed) - set(self._kept_with_typing):
            for name in self._kept_with_typing:
                changed[name] = _value(self._fields[name])
            self._vault.put(self._key, changed, self._version)
        else:
            self._vault.remove(self._key)

    def flush(self) -> None:
        """Keep typing not kept yet, at once (the form is closing)."""
        if self._timer.isActive():
            self.save_now()

    def has_draft(self) -> bool:
        return self._vault.has(self._key)

    def restore(self) -> Restored | None:
        """Put a kept draft's fields back into the form; None when there is none (or an
        expired one, which is thrown away)."""
        kept = self._vault.get(self._key)
        if kept is None:
            return None
        if time.time() - kept.saved_at > MAX_AGE_SECONDS:
            self.clear()
            return None
        restored = []
        self._suspended = True
        try:
            for name, widget in self._fields.items():
                value = kept.fields.get(name)
                if value is not None:
                    _set_value(widget, value)
                    restored.append(name)
        finally:
            self._suspended = False
        return Restored(tuple(restored), kept.version != self._version)

    def clear(self, key: str | None = None) -> None:
        """Forget the draft shown now, or the one kept under `key`."""
        if key is None:
            self._timer.stop()
        self._vault.remove(self._key if key is None else self._owner + key)


def discard_kept_drafts(settings: QSettings) -> None:
    """Forget every draft kept in `settings` (a new demo, another database)."""
    settings.remove(DRAFT_GROUP)
    settings.sync()


def sweep_kept_drafts(settings: QSettings) -> int:
    """Forget every draft in `settings` older than MAX_AGE (when a draft was kept is in clear,
    so this needs no key); returns how many."""
    settings.beginGroup(DRAFT_GROUP)
    keys = [key for key in settings.allKeys() if key.endswith(f"{_META}/saved_at")]
    settings.endGroup()
    gone = 0
    for key in keys:
        saved_at = settings.value(f"{DRAFT_GROUP}/{key}")
        if saved_at is None or time.time() - float(saved_at) > MAX_AGE_SECONDS:
            settings.remove(f"{DRAFT_GROUP}/{key[: -len(f'/{_META}/saved_at')]}")
            gone += 1
    settings.sync()
    return gone
