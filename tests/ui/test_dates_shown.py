"""Dates read as people at the center write them, in the language of the screens: "Nov 11"
this year, "11/11/2025" before (in Spanish "11 nov" and day first); never 2026-11-11, in
tables, lines and date fields alike."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from ui.formatting import (
    CenterTime,
    clock_text,
    date_edit_format,
    date_text,
    full_date_text,
    long_date_text,
    weekday_text,
)
from ui.i18n import LOCALES
from ui.pages.referrals.follow_up import FollowUpTab


def test_this_years_dates_by_month_name_and_others_in_full() -> None:
    assert date_text(date(2026, 11, 11), this_year=2026) == "Nov 11"
    assert date_text(date(2025, 11, 11), this_year=2026) == "11/11/2025"
    assert date_text(None) == ""


def test_times_and_dates_in_the_centers_zone() -> None:
    center = CenterTime()
    evening = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # 20:30 on Nov 23 in Worcester
    assert center.datetime_text(evening) == f"{date_text(date(2026, 11, 23))} 8:30\u202fPM"


def test_date_fields_show_month_day_year(app_context, qtbot) -> None:
    follow_up = FollowUpTab(app_context)
    qtbot.addWidget(follow_up)
    assert follow_up.again_on.displayFormat() == date_edit_format() == "M/d/yyyy"


def test_no_screen_shows_an_iso_date() -> None:
    """Every date on screen goes through ui.formatting (a source check: cheap, and it names
    the file that forgot)."""
    ui = Path(__file__).resolve().parents[2] / "ui"
    offenders = [
        str(path.relative_to(ui))
        for path in ui.rglob("*.py")
        if "yyyy-MM-dd" in path.read_text(encoding="utf-8")
        or ".isoformat()" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


@pytest.fixture
def spanish():
    QLocale.setDefault(LOCALES["es"])
    yield
    QLocale.setDefault(LOCALES["en"])


def test_spanish_dates_and_times_follow_the_spanish_locale(spanish) -> None:
    assert date_text(date(2026, 12, 4), this_year=2026) == "4 dic"
    assert date_text(date(2025, 4, 11), this_year=2026) == "11/4/2025"
    assert full_date_text(date(2026, 4, 11)) == "11/4/2026"
    assert long_date_text(date(2025, 12, 4)) == "jueves, 4 de diciembre"
    assert weekday_text(date(2025, 12, 4)) == "jueves"
    assert clock_text(time(20, 30)).replace("\u202f", " ").replace("\xa0", " ") == "8:30 p.m."
    assert date_edit_format() == "d/M/yyyy"


def test_english_long_dates() -> None:
    assert long_date_text(date(2025, 12, 4)) == "Thursday, December 4"
    assert weekday_text(date(2025, 12, 4)) == "Thursday"


def test_report_cells_follow_the_language_of_the_screens(qapp) -> None:
    from datetime import date

    from ui.i18n import Translators
    from ui.models.report_table import shown

    translators = Translators(qapp)
    try:
        translators.use("es")
        spanish = [shown(date(2026, 12, 3)), shown(True), shown(1234)]
    finally:
        translators.use("en")
    english = [shown(date(2026, 12, 3)), shown(True), shown(1234)]
    assert spanish == ["jue, 3 dic 2026", "sí", "1,234"]
    assert english == ["Thu, Dec 3, 2026", "yes", "1,234"]


def test_how_long_ago_a_resource_was_verified_reads_with_plurals(qapp) -> None:
    from ui.i18n import Translators
    from ui.pages.resources.detail_html import ServiceDetailAges

    ages = ServiceDetailAges()
    translators = Translators(qapp)
    try:
        translators.use("en")
        english = [ages.days_ago(1), ages.days_ago(12), ages.hours_ago(1)]
        translators.use("es")
        spanish = [ages.days_ago(1), ages.days_ago(12), ages.hours_ago(5)]
    finally:
        translators.use("en")
    assert english == ["1 day ago", "12 days ago", "1 hour ago"]
    assert spanish == ["hace 1 día", "hace 12 días", "hace 5 horas"]
