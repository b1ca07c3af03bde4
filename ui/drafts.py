"""Drafts: what staff typed into a form, kept until it is saved or cleared.

A form's fields are written to QSettings as they change, so that neither an unexpected error
nor a closed window nor a crash loses them; opening the form again restores them.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

DRAFT_GROUP = "drafts"


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


def _changed_signal(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QCheckBox):
        return widget.stateChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    raise TypeError(f"drafts cannot watch a {type(widget).__name__}")


class FormDraft:
    """Keeps `fields` (name -> widget) in QSettings under `key` while they differ from saved."""

    SAVE_DELAY_MS = 300

    def __init__(self, settings: QSettings, key: str, fields: dict[str, QWidget]) -> None:
        self._settings = settings
        self._key = f"{DRAFT_GROUP}/{key}"
        self._fields = fields
        self._suspended = False
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        for widget in fields.values():
            _changed_signal(widget).connect(self._schedule)

    def set_key(self, key: str) -> None:
        """Keep drafts under another key from now on (a form showing another record)."""
        self._timer.stop()
        self._key = f"{DRAFT_GROUP}/{key}"

    def _schedule(self, *_args) -> None:
        if not self._suspended:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        for name, widget in self._fields.items():
            self._settings.setValue(f"{self._key}/{name}", _value(widget))
        self._settings.sync()

    def has_draft(self) -> bool:
        self._settings.beginGroup(self._key)
        keys = self._settings.childKeys()
        self._settings.endGroup()
        return bool(keys)

    def restore(self) -> bool:
        """Put a kept draft back into the form; True if there was one."""
        if not self.has_draft():
            return False
        self._suspended = True
        try:
            for name, widget in self._fields.items():
                value = self._settings.value(f"{self._key}/{name}")
                if value is not None:
                    _set_value(widget, value)
        finally:
            self._suspended = False
        return True

    def clear(self) -> None:
        self._timer.stop()
        self._settings.remove(self._key)
        self._settings.sync()

    def fill_without_drafting(self, fill) -> None:
        """Run `fill()` (loading saved values into the form) without it counting as typing."""
        self._suspended = True
        try:
            fill()
        finally:
            self._suspended = False
