"""Drafts: what staff typed into a form and have not saved yet, kept through a crash.

Only the fields staff changed are kept, with the version of the record they were typed
against, for at most `MAX_AGE`. Opening the form again puts those fields back on top of the
record as it is now: fields nobody touched show the latest saved values (another station's
correction is never undone), and a draft typed against an older version says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

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


class FormDraft:
    """Keeps the changed fields of `fields` (name -> widget) in QSettings under a key, among
    the drafts of `owner` (the signed-in staff member)."""

    SAVE_DELAY_MS = 300

    def __init__(
        self, settings: QSettings, key: str, fields: dict[str, QWidget], *, owner: str = ""
    ) -> None:
        self._settings = settings
        self._fields = fields
        self._group = f"{DRAFT_GROUP}/{owner}" if owner else DRAFT_GROUP  # whose drafts
        self._key = f"{self._group}/{key}"
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
        self._key = f"{self._group}/{key}"
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
        self._settings.remove(self._key)
        if changed:
            for name, value in changed.items():
                self._settings.setValue(f"{self._key}/{name}", value)
            self._settings.setValue(f"{self._key}/{_META}/version", self._version)
            self._settings.setValue(f"{self._key}/{_META}/saved_at", time.time())
        self._settings.sync()

    def flush(self) -> None:
        """Keep typing not kept yet, at once (the form is closing)."""
        if self._timer.isActive():
            self.save_now()

    def has_draft(self) -> bool:
        return self._settings.contains(f"{self._key}/{_META}/saved_at")

    def restore(self) -> Restored | None:
        """Put a kept draft's fields back into the form; None when there is none (or an
        expired one, which is thrown away)."""
        saved_at = self._settings.value(f"{self._key}/{_META}/saved_at")
        if saved_at is None:
            return None
        if time.time() - float(saved_at) > MAX_AGE_SECONDS:
            self.clear()
            return None
        restored = []
        self._suspended = True
        try:
            for name, widget in self._fields.items():
                value = self._settings.value(f"{self._key}/{name}")
                if value is not None:
                    _set_value(widget, value)
                    restored.append(name)
        finally:
            self._suspended = False
        version = str(self._settings.value(f"{self._key}/{_META}/version", ""))
        return Restored(tuple(restored), version != self._version)

    def clear(self, key: str | None = None) -> None:
        """Forget the draft shown now, or the one kept under `key`."""
        if key is None:
            self._timer.stop()
        self._settings.remove(self._key if key is None else f"{self._group}/{key}")
        self._settings.sync()

    @staticmethod
    def discard_all(settings: QSettings) -> None:
        settings.remove(DRAFT_GROUP)
        settings.sync()

    @staticmethod
    def sweep_expired(settings: QSettings) -> int:
        """Forget every draft older than MAX_AGE (at start-up); returns how many."""
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
