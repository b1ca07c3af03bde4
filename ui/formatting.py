"""How dates, times and phone lines look on screen: short and unambiguous."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication


def local_datetime_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def local_time_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%H:%M")


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


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
