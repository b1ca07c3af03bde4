"""How dates, times and phone lines look on screen; times always in the center's zone.

A station's own clock may be set to another zone (or UTC); a visit at 9:05 in Worcester must
read 9:05 everywhere. Dates read as people at the center write them (US English): "Nov 11"
within this year, "11/11/2025" otherwise; never 2026-11-11.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale

from desk.services.settings import SPEC_BY_KEY

DEFAULT_ZONE = ZoneInfo(SPEC_BY_KEY["center.timezone"].default)
CENTER_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DATE_EDIT_FORMAT = "M/d/yyyy"  # what a date field shows and takes: 11/11/2026


class CenterTime:
    """The center's time zone (kept current from its settings) and the formats shown."""

    def __init__(self, zone: ZoneInfo = DEFAULT_ZONE) -> None:
        self.zone = zone

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def day(self, moment: datetime) -> date:
        """The center's date at `moment` (20:30 in Worcester is that day, not UTC's next)."""
        return self.local(moment).date()

    def today(self) -> date:
        return self.day(datetime.now(UTC))

    def date_text(self, moment: datetime | None) -> str:
        return date_text(self.day(moment), this_year=self.today().year) if moment else ""

    def time_text(self, moment: datetime | None) -> str:
        return self.local(moment).strftime("%H:%M") if moment else ""

    def datetime_text(self, moment: datetime | None) -> str:
        if not moment:
            return ""
        return f"{self.date_text(moment)} {self.time_text(moment)}"


def date_text(day: date | None, *, this_year: int | None = None) -> str:
    """ "Nov 11" for a day of this year, "11/11/2025" for any other; "" for none."""
    if day is None:
        return ""
    year = this_year if this_year is not None else date.today().year
    if day.year == year:
        return f"{CENTER_LOCALE.monthName(day.month, QLocale.FormatType.ShortFormat)} {day.day}"
    return f"{day.month}/{day.day}/{day.year}"


def full_date_text(day: date | None) -> str:
    """ "11/11/2026": a date with its year, where the year matters (a follow-up, an expiry)."""
    return f"{day.month}/{day.day}/{day.year}" if day else ""


def phone_type_label(phone_type: str | None) -> str:
    """ "Fax", "Text", "TTY", ... for an HSDS phone type; "" for a voice line or none given."""
    key = (phone_type or "").strip().lower()
    labels = {
        "fax": QCoreApplication.translate("PhoneType", "Fax"),
        "text": QCoreApplication.translate("PhoneType", "Text only"),
        "textphone": QCoreApplication.translate("PhoneType", "TTY"),
        "pager": QCoreApplication.translate("PhoneType", "Pager"),
        "video": QCoreApplication.translate("PhoneType", "Video"),
        "cell": QCoreApplication.translate("PhoneType", "Cell"),
    }
    if key in ("", "voice"):
        return ""
    return labels.get(key, (phone_type or "").strip())
