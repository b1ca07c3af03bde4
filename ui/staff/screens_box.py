"""My account → Your screens: the language of one's own screens, a larger text size and a
high-contrast theme. Text size and contrast change at once (ui/look.py); the language at
one's next sign-in, since the screens already open were built in the other one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton

from desk.errors import DeskError
from desk.services.staff_preferences import (
    TEXT_SCALES,
    ScreenPreferences,
    own_preferences,
    set_own_preferences,
)
from ui.context import AppContext
from ui.i18n import LANGUAGE_NAMES, LANGUAGES
from ui.words import fill


class ScreensBox(QGroupBox):
    saved = Signal(object)  # the ScreenPreferences saved
    failed = Signal(object)  # a DeskError

    def __init__(self, context: AppContext) -> None:
        super().__init__(self.tr("Your screens"))
        self.context = context
        self.language = QComboBox()
        self.language.setObjectName("screensLanguage")
        self.language.addItem(self.tr("The station's language"), None)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.text_scale = QComboBox()
        self.text_scale.setObjectName("screensTextScale")
        for scale in TEXT_SCALES:
            self.text_scale.addItem(fill(self.tr("%1%"), str(scale)), scale)
        self.high_contrast = QCheckBox(self.tr("High contrast: white on black, yellow focus"))
        self.high_contrast.setObjectName("screensHighContrast")
        note = QLabel(
            self.tr(
                "Text size and contrast change at once. A new language shows from your next "
                "sign-in: the screens open now keep theirs, with whatever is typed in them."
            )
        )
        note.setObjectName("hintLine")
        note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save my screens"))
        self.save_button.setObjectName("saveScreens")
        self.save_button.clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Text size"), self.text_scale)
        form.addRow("", self.high_contrast)
        form.addRow(note)
        form.addRow("", self.save_button)
        self.save_button.setEnabled(False)
        actor = context.actor
        context.tasks.submit(
            lambda session: own_preferences(session, actor), self._show, self.failed.emit
        )

    def _show(self, preferences: ScreenPreferences) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.text_scale.setCurrentIndex(max(0, self.text_scale.findData(preferences.text_scale)))
        self.high_contrast.setChecked(preferences.high_contrast)
        self.save_button.setEnabled(True)

    def chosen(self) -> ScreenPreferences:
        return ScreenPreferences(
            self.language.currentData(),
            int(self.text_scale.currentData()),
            self.high_contrast.isChecked(),
        )

    def save(self) -> None:
        actor, chosen = self.context.actor, self.chosen()
        self.save_button.setEnabled(False)

        def done(saved: ScreenPreferences) -> None:
            self.save_button.setEnabled(True)
            self.saved.emit(saved)

        def refused(error: DeskError) -> None:
            self.save_button.setEnabled(True)
            self.failed.emit(error)

        self.context.tasks.submit(
            lambda session: set_own_preferences(session, actor, chosen), done, refused, owner=self
        )
