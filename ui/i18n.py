"""The language of the screens: Qt's translators (ours and Qt's own, for standard dialogs) and
the locale that dates, times and numbers follow.

One language at a time for the whole application. The sign-in box speaks the station's
language (chosen on the Center settings page, kept in the station's own settings, since it is
needed before the database is open); from a staff member's sign-in on, their own language, if
they chose one. Screens are built in the language in use when they are first opened, so a
change of one's own language shows from the next sign-in (docs/staff.md says so).

The translations are `ui/translations/recovery_desk_<language>.ts`, compiled to `.qm` beside
them; `python -m scripts.translations` updates and compiles them (docs/translating.md).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desk.paths import data_dir

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "es")
# Each language names itself, so a person finds theirs in a list shown in another language.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
DEFAULT_LANGUAGE = "en"
LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
    "es": QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates),
}
TRANSLATIONS_DIR = Path(__file__).parent / "translations"
STATION_LANGUAGE_KEY = "station/language"


def screen_language() -> str:
    """The language the screens speak now ("en" or "es"): for words desk/ makes in either
    (opening hours, the handouts' own words)."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


def station_settings_file(*, demo: bool) -> Path:
    """The station's own settings file (window layout, drafts, its language): see ui/app.py."""
    return data_dir() / ("station-demo.ini" if demo else "station.ini")


def station_language(settings: QSettings) -> str:
    language = str(settings.value(STATION_LANGUAGE_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def set_station_language(settings: QSettings, language: str) -> None:
    settings.setValue(STATION_LANGUAGE_KEY, language if language in LANGUAGES else "")
    settings.sync()


class Translators:
    """The translators installed on the application, for the language in use."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ""

    def use(self, language: str | None) -> None:
        """Screens made from now on speak `language` (None or unknown: English)."""
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        if language == self.language:
            return
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = [
            translator
            for translator in (
                _load(f"recovery_desk_{language}", TRANSLATIONS_DIR),
                _load(f"qtbase_{language}", _qt_translations()),
            )
            if translator is not None
        ]
        for translator in self._installed:
            self._app.installTranslator(translator)
        QLocale.setDefault(LOCALES[language])
        self.language = language
        logger.info("screens in %s", LANGUAGE_NAMES[language])


def _qt_translations() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load(name: str, folder: Path) -> QTranslator | None:
    if not (folder / f"{name}.qm").is_file():  # English needs no qtbase_en, for one
        return None
    translator = QTranslator()
    if not translator.load(name, str(folder)):
        logger.warning("the translation %s in %s could not be read", name, folder)
        return None
    return translator
