"""How dates, times and phone lines look on screen; times always in the center's zone.

A station's own clock may be set to another zone (or UTC); a visit at 9:05 in Worcester must
read 9:05 everywhere. Dates and times follow the language of the screens (ui/i18n.py sets the
default QLocale): "Nov 11" / "11 nov" within this year, "11/11/2025" otherwise, "Thursday,
December 4" / "jueves, 4 de diciembre" in full, and the clock as the locale writes it; never
2026-11-11.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from desk.services.settings import SPEC_BY_KEY

DEFAULT_ZONE = ZoneInfo(SPEC_BY_KEY["center.timezone"].default)


def _locale() -> QLocale:
    return QLocale()  # the default: the language of the screens (ui/i18n.py)


def _day_first() -> bool:
    """Whether the locale writes the day before the month (11/4 is April in Spanish)."""
    numeric = _locale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    return numeric.find("d") < numeric.find("m")


def date_edit_format() -> str:
    """What a date field shows and takes: 11/4/2026 in English, 4/11/2026 in Spanish."""
    return "d/M/yyyy" if _day_first() else "M/d/yyyy"


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
        return clock_text(self.local(moment).time()) if moment else ""

    def datetime_text(self, moment: datetime | None) -> str:
        if not moment:
            return ""
        return f"{self.date_text(moment)} {self.time_text(moment)}"


def date_text(day: date | None, *, this_year: int | None = None) -> str:
    """ "Nov 11" ("11 nov") for a day of this year, "11/11/2025" for any other; "" for none."""
    if day is None:
        return ""
    year = this_year if this_year is not None else date.today().year
    if day.year == year:
        month = _locale().monthName(day.month, QLocale.FormatType.ShortFormat).rstrip(".")
        return f"{day.day} {month}" if _day_first() else f"{month} {day.day}"
    return full_date_text(day)


def full_date_text(day: date | None) -> str:
    """ "11/4/2026" ("4/11/2026"): a date with its year, where the year matters."""
    if day is None:
        return ""
    first, second = (day.day, day.month) if _day_first() else (day.month, day.day)
    return f"{first}/{second}/{day.year}"


def long_date_text(day: date) -> str:
    """ "Thursday, December 4" / "jueves, 4 de diciembre": a day said in full."""
    pattern = "dddd, d 'de' MMMM" if _day_first() else "dddd, MMMM d"
    return _locale().toString(QDate(day.year, day.month, day.day), pattern)


def weekday_date_text(day: date) -> str:
    """ "Thu, Dec 4, 2026" / "jue, 4 dic 2026": a day in a table, its weekday beside it."""
    pattern = "ddd, d MMM yyyy" if _day_first() else "ddd, MMM d, yyyy"
    return _locale().toString(QDate(day.year, day.month, day.day), pattern).replace(".", "")


def weekday_text(day: date) -> str:
    """ "Thursday" / "jueves"."""
    return _locale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)


def clock_text(moment: time) -> str:
    """ "8:30 PM" / "8:30 p.m.", as the locale writes a time of day."""
    return _locale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def time_span_text(start: time, end: time) -> str:
    """ "6:00–7:30 PM"-like spans as the locale writes each end: "6:00 PM–7:30 PM"."""
    return f"{clock_text(start)}–{clock_text(end)}"


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
