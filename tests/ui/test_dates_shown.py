"""Dates read as people at the center write them: "Nov 11" this year, "11/11/2025" before;
never 2026-11-11, in tables, lines and date fields alike."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from ui.formatting import DATE_EDIT_FORMAT, CenterTime, date_text
from ui.pages.referrals.follow_up import FollowUpTab


def test_this_years_dates_by_month_name_and_others_in_full() -> None:
    assert date_text(date(2026, 11, 11), this_year=2026) == "Nov 11"
    assert date_text(date(2025, 11, 11), this_year=2026) == "11/11/2025"
    assert date_text(None) == ""


def test_times_and_dates_in_the_centers_zone() -> None:
    center = CenterTime()
    evening = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # 20:30 on Nov 23 in Worcester
    assert center.datetime_text(evening) == f"{date_text(date(2026, 11, 23))} 20:30"


def test_date_fields_show_month_day_year(app_context, qtbot) -> None:
    follow_up = FollowUpTab(app_context)
    qtbot.addWidget(follow_up)
    assert follow_up.again_on.displayFormat() == DATE_EDIT_FORMAT == "M/d/yyyy"


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
