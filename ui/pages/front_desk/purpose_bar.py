"""The visit's purposes as a row of toggles, each with a Ctrl+number key, and a kit count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desk.services.checkin import PurposeChoice, PurposeOption
from ui.desk_words import purpose_label
from ui.widgets.flow_layout import FlowLayout


class PurposeBar(QWidget):
    """Ctrl+1 … Ctrl+9 toggle purposes; Ctrl+= and Ctrl+- change a counted item (kits)."""

    toggled_by_hand = Signal()
    changed = Signal()  # any purpose checked or unchecked, by hand or not

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self.options: dict[str, PurposeOption] = {}
        self.count = QSpinBox()
        self.count.setObjectName("itemCount")
        self.count.setRange(0, 99)
        self.count.setValue(1)
        self.count.setPrefix(self.tr("kits: "))
        self.count.setVisible(False)
        # The toggles wrap onto as many lines as the width needs (a narrow screen).
        toggles = QWidget()
        self._flow = FlowLayout(toggles, spacing=6)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Here for:"))
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(toggles, 1)
        row.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        self._shortcuts: list[QShortcut] = []

    def set_options(self, options: list[PurposeOption], shortcut_host: QWidget) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        for shortcut in self._shortcuts:
            shortcut.deleteLater()
        self.buttons, self.options, self._shortcuts = {}, {}, []
        for number, option in enumerate(options, start=1):
            label = purpose_label(option)
            button = QPushButton(f"{number} {label}" if number <= 9 else label)
            button.setObjectName("purposeButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setToolTip(f"{label} (Ctrl+{number})" if number <= 9 else label)
            button.clicked.connect(self._by_hand)
            button.toggled.connect(lambda _checked: self.changed.emit())
            self.buttons[option.code] = button
            self.options[option.code] = option
            self._flow.addWidget(button)
            if number <= 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), shortcut_host)
                shortcut.activated.connect(lambda b=button: (b.toggle(), self._by_hand()))
                self._shortcuts.append(shortcut)
            if option.counts_items:
                button.toggled.connect(self._show_count)
        for keys, step in (("Ctrl+=", 1), ("Ctrl++", 1), ("Ctrl+-", -1)):
            shortcut = QShortcut(QKeySequence(keys), shortcut_host)
            shortcut.activated.connect(lambda s=step: self.count.setValue(self.count.value() + s))
            self._shortcuts.append(shortcut)

    def _by_hand(self) -> None:
        self.toggled_by_hand.emit()

    def _show_count(self, _checked: bool = False) -> None:
        counted = [
            code
            for code, option in self.options.items()
            if option.counts_items and self.buttons[code].isChecked()
        ]
        self.count.setVisible(bool(counted))

    def choose(self, codes: list[str]) -> None:
        """Check exactly `codes` (unknown codes are ignored); the count goes back to 1."""
        for code, button in self.buttons.items():
            button.setChecked(code in codes)
        self.count.setValue(1)
        self._show_count()

    def restore(self, choices: list[PurposeChoice]) -> None:
        """Check what was chosen before, with its count (a sign-in that did not go through)."""
        self.choose([choice.code for choice in choices])
        counted = [choice.quantity for choice in choices if choice.quantity]
        if counted:
            self.count.setValue(counted[0])
            self._show_count()

    def choices(self) -> list[PurposeChoice]:
        return [
            PurposeChoice(code, self.count.value() if self.options[code].counts_items else None)
            for code, button in self.buttons.items()
            if button.isChecked()
        ]

    def checked_codes(self) -> list[str]:
        return [code for code, button in self.buttons.items() if button.isChecked()]
