"""This station's own settings, kept on the station (not in the shared database): the language
its sign-in screen speaks, and that staff who have not chosen their own see."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from ui.i18n import LANGUAGE_NAMES, LANGUAGES, set_station_language, station_language
from ui.words import fill


class StationPanel(QGroupBox):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This station"), parent)
        self._settings = settings
        self.language = QComboBox()
        self.language.setObjectName("station.language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(station_language(settings)))
        self.language.setAccessibleName(self.tr("Language of this station's screens"))
        self.language.currentIndexChanged.connect(self._chosen)
        self.note = QLabel(
            self.tr(
                "The sign-in screen speaks it from the next start, and so do the screens of "
                "staff who have not chosen a language of their own (Account…, Your screens)."
            )
        )
        self.note.setObjectName("hintLine")
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Language of the screens"), self.language)
        form.addRow(self.note)

    def _chosen(self) -> None:
        code = self.language.currentData()
        set_station_language(self._settings, code)
        self.note.setText(
            fill(self.tr("Saved on this station: %1 from the next sign-in."), LANGUAGE_NAMES[code])
        )
