"""The language of the screens: the station's, kept on the station; each staff member's own
from their sign-in; Qt's own dialogs and the dates along with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from ui.i18n import LOCALES, Translators, station_language
from ui.pages.center_settings.station_panel import StationPanel


@pytest.fixture
def translators(qapp):
    made = Translators(qapp)
    yield made
    made.use("en")


@pytest.fixture
def station(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)


def test_a_new_station_speaks_english(station) -> None:
    assert station_language(station) == "en"


def test_the_station_language_is_chosen_on_the_settings_page_and_kept(qtbot, station) -> None:
    panel = StationPanel(station)
    qtbot.addWidget(panel)
    panel.language.setCurrentIndex(panel.language.findData("es"))
    again = QSettings(station.fileName(), QSettings.Format.IniFormat)
    assert station_language(again) == "es"
    assert "Español" in panel.note.text()


def test_spanish_screens_translate_qt_dialogs_and_dates(translators) -> None:
    translators.use("es")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert QLocale().language() == QLocale.Language.Spanish
    translators.use("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale() == LOCALES["en"]


def test_an_unknown_language_falls_back_to_english(translators) -> None:
    translators.use("xx")
    assert translators.language == "en"


def test_the_screens_name_every_role_as_desk_does() -> None:
    from desk.access import ROLE_WORDS
    from ui.staff.role_words import ROLE_NAMES

    assert {role.value: words for role, words in ROLE_WORDS.items()} == ROLE_NAMES


def test_english_counts_read_right_in_both_numbers(qapp) -> None:
    from ui.models.waitlist_table import WaitlistTableModel

    model = WaitlistTableModel()
    assert model.tr("%n day(s)", "", 1) == "1 day"
    assert model.tr("%n day(s)", "", 3) == "3 days"


def test_languages_are_named_in_the_screens_language(translators) -> None:
    from ui.coaching_words import language_name

    assert language_name("ht") == "Haitian Creole"
    translators.use("es")
    assert language_name("ht") == "Criollo haitiano"
    assert language_name("pl") == "Polaco"
    assert language_name(None) == ""


def test_a_groups_repeat_rule_reads_in_spanish(translators) -> None:
    from datetime import date

    from desk.groups.rule_words import rule_words
    from ui.error_words import word

    start = date(2026, 12, 1)
    translators.use("es")
    assert word(rule_words("FREQ=WEEKLY;BYDAY=SA,TU", start)) == "Todos los martes y sábados"
    assert (
        word(rule_words("FREQ=MONTHLY;BYDAY=1MO,3MO", start)) == "El primer y tercer lunes del mes"
    )
    assert word(rule_words("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start)) == (
        "Todos los días entre semana"
    )
    assert word(rule_words("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630", start)) == (
        "Todos los martes, hasta el 30 de jun de 2027"
    )
    assert word(rule_words("", start)) == "Una vez, el 1 de dic de 2026"


def test_a_printer_that_is_not_there_is_told_in_spanish(translators) -> None:
    """Printing's own errors (ui/printing/printer_messages.py) read in the staff member's
    language; the log keeps the English."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.error_words import worded
    from ui.printing.printer_output import PrintFailed, check_printer_ready

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # Qt's stand-in for no printer
    translators.use("es")
    with pytest.raises(PrintFailed) as refused:
        check_printer_ready(printer)
    message, hint = worded(refused.value)
    assert message.startswith("La impresora “") and "no está configurada" in message
    assert "guarde la hoja como PDF" in hint
    assert "printer" in refused.value.message.lower()  # the English, for the log


def test_a_purpose_with_a_count_is_named_in_spanish_too(translators) -> None:
    """The queue writes "Naloxone or harm-reduction supplies ×2"; the label is named for the
    screens with its count kept."""
    from desk.services.checkin import PurposeOption
    from ui.desk_words import PurposeNames

    translators.use("es")
    names = PurposeNames()
    names.learn([PurposeOption("drop_in", "Drop-in", "Visita libre", counts_items=True)])
    assert names("Drop-in") == "Visita libre"
    assert names("Drop-in ×2") == "Visita libre ×2"
    assert names("Our own purpose ×3") == "Our own purpose ×3"


def test_a_reports_chart_names_its_days_weekdays_and_periods_in_spanish(translators) -> None:
    from datetime import date

    from desk.reports.model import Chart
    from desk.reports.periods import Period
    from ui.pages.reports.words import _chart

    december = Period(date(2026, 12, 1), date(2026, 12, 31))
    lines = Chart(
        "visits_per_day",
        "Visits per day",
        "lines",
        ("Dec 1", "Dec 2"),
        ((december.label(), (1.0, 2.0)),),
        days=(date(2026, 12, 1), date(2026, 12, 2)),
        periods=(december,),
    )
    heat = Chart(
        "busy_hours",
        "Busy times: visits by hour and day",
        "heatmap",
        ("09",),
        (("Mon", (1.0,)), ("Tue", (2.0,))),
        weekdays=(0, 1),
    )
    translators.use("es")
    shown, busy = _chart(lines), _chart(heat)
    assert shown.title == "Visitas por día"
    assert shown.categories[0].endswith("dic") and shown.categories[0].startswith("1")
    assert shown.series[0][0] == "diciembre de 2026"
    assert [name for name, _ in busy.series] == ["lun", "mar"]
