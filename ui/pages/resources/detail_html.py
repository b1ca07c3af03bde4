"""The detail pane's text: everything a person needs to get there, as escaped HTML."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QCoreApplication, QObject

from desk.directory.detail import PhoneLine, ServiceDetail
from desk.directory.freshness import days_since, is_stale
from desk.directory.hours_text import date_text, hours_text, open_status_text
from desk.directory.languages import language_name
from desk.directory.opening import open_status
from desk.directory.phones import is_for_calling
from desk.validation import display_phone
from ui.desk_words import category_name_of
from ui.formatting import phone_type_label
from ui.i18n import screen_language
from ui.words import fill


def _row(label: str, value: str | None) -> str:
    if not value:
        return ""
    return f"<tr><td class='label'><b>{escape(label)}</b></td><td>{value}</td></tr>"


class ServiceDetailAges(QObject):
    """How long ago, in words with Qt's plurals (lupdate reads plurals from `self.tr` only)."""

    def hours_ago(self, hours: int) -> str:
        return self.tr("%n hour(s) ago", "", hours)

    def days_ago(self, days: int) -> str:
        return self.tr("%n day(s) ago", "", days)


_AGES = ServiceDetailAges()


def _age_text(moment: datetime, now: datetime) -> str:
    hours = int((now - moment).total_seconds() // 3600)
    if hours < 1:
        return QCoreApplication.translate("ServiceDetailPane", "less than an hour ago")
    if hours < 48:
        return _AGES.hours_ago(hours)
    return _AGES.days_ago(hours // 24)


def _calls_first(detail: ServiceDetail) -> list[PhoneLine]:
    return sorted(detail.phones, key=lambda phone: not is_for_calling(phone.type))


def _phone_html(phone: PhoneLine) -> str:
    """ "(508) 555-0101 ext. 2 (intake)"; "Fax: (508) 555-0109" for a line that takes no calls."""
    text = (
        escape(display_phone(phone.number))
        + (f" ext. {escape(phone.extension)}" if phone.extension else "")
        + (f" ({escape(phone.description)})" if phone.description else "")
    )
    label = phone_type_label(phone.type)
    if not label:
        return text
    if is_for_calling(phone.type):
        return f"{text} · {escape(label)}"
    return f"<b>{escape(label)}:</b> {text}"


def detail_html(
    detail: ServiceDetail, now_local: datetime, now_utc: datetime, today: date, stale_after: int
) -> str:
    parts = [f"<h2>{escape(detail.name)}</h2>"]
    if detail.organization:
        parts.append(f"<p>{escape(detail.organization)}</p>")
    if detail.is_sample:
        sample = QCoreApplication.translate("ServiceDetailPane", "Sample data: verify before use.")
        parts.append(f"<p style='color:#8a6d3b'><b>{escape(sample)}</b></p>")
    if detail.alert:
        parts.append(f"<p style='color:#a94442'><b>⚠ {escape(detail.alert)}</b></p>")
    status = open_status(detail.rules, detail.status, now_local)
    open_text = open_status_text(status, now_local, screen_language(), service_status=detail.status)
    rows = [
        _row(QCoreApplication.translate("ServiceDetailPane", "Now"), escape(open_text)),
        _row(
            QCoreApplication.translate("ServiceDetailPane", "Hours"),
            escape(hours_text(detail.rules, screen_language()))
            if detail.rules
            else escape(
                next((s.description for s in detail.schedules if s.description), "")
                or QCoreApplication.translate("ServiceDetailPane", "Call for hours")
            ),
        ),
    ]
    for place in detail.places:
        lines = "<br>".join(escape(line) for line in place.address_lines if line)
        if place.transportation:
            lines += f"<br><i>{escape(place.transportation)}</i>"
        rows.append(_row(QCoreApplication.translate("ServiceDetailPane", "Address"), lines))
    rows.append(
        _row(
            QCoreApplication.translate("ServiceDetailPane", "Phone"),
            "<br>".join(_phone_html(p) for p in _calls_first(detail)),
        )
    )
    if detail.url:
        rows.append(
            _row(
                QCoreApplication.translate("ServiceDetailPane", "Website"),
                f"<a href='{escape(detail.url, quote=True)}'>{escape(detail.url)}</a>",
            )
        )
    rows.append(
        _row(QCoreApplication.translate("ServiceDetailPane", "Email"), escape(detail.email or ""))
    )
    walk_ins = {
        True: QCoreApplication.translate("ServiceDetailPane", "Yes"),
        False: QCoreApplication.translate("ServiceDetailPane", "No: call first"),
    }.get(detail.accepts_walk_ins)
    rows.append(
        _row(QCoreApplication.translate("ServiceDetailPane", "Walk-ins"), escape(walk_ins or ""))
    )
    categories = [category_name_of(c) for c in detail.category_codes] + list(detail.other_terms)
    rows.append(
        _row(
            QCoreApplication.translate("ServiceDetailPane", "Categories"),
            escape(", ".join(categories)),
        )
    )
    rows.append(
        _row(
            QCoreApplication.translate("ServiceDetailPane", "Languages"),
            escape(", ".join(language_name(c) for c in detail.languages)),
        )
    )
    rows.append(
        _row(
            QCoreApplication.translate("ServiceDetailPane", "Who it is for"),
            escape(detail.eligibility or ""),
        )
    )
    rows.append(
        _row(
            QCoreApplication.translate("ServiceDetailPane", "How to get in"),
            escape(detail.application_process or ""),
        )
    )
    cost = [detail.fees_description or ""]
    if detail.free_of_charge:
        cost.insert(0, QCoreApplication.translate("ServiceDetailPane", "Free."))
    cost.extend(detail.costs)
    rows.append(
        _row(
            QCoreApplication.translate("ServiceDetailPane", "Cost"),
            escape(" ".join(c for c in cost if c)),
        )
    )
    rows.append(
        _row(
            QCoreApplication.translate("ServiceDetailPane", "Insurance"),
            escape(detail.insurance_accepted or ""),
        )
    )
    if detail.documents:
        rows.append(
            _row(
                QCoreApplication.translate("ServiceDetailPane", "Bring"),
                "<br>".join(escape(d) for d in detail.documents),
            )
        )
    if detail.capacity_total is not None or detail.capacity_available is not None:
        unit = detail.capacity_unit or QCoreApplication.translate("ServiceDetailPane", "places")
        text = fill(
            QCoreApplication.translate("ServiceDetailPane", "%1 of %2 %3 free"),
            str(detail.capacity_available if detail.capacity_available is not None else "?"),
            str(detail.capacity_total if detail.capacity_total is not None else "?"),
            unit,
        )
        if detail.capacity_updated_at is not None:
            text += " · " + fill(
                QCoreApplication.translate("ServiceDetailPane", "counted %1"),
                _age_text(detail.capacity_updated_at, now_utc),
            )
        rows.append(_row(QCoreApplication.translate("ServiceDetailPane", "Capacity"), escape(text)))
    age = days_since(detail.assured_date, today)
    if age is None:
        verified = QCoreApplication.translate("ServiceDetailPane", "Never verified")
    else:
        verified = fill(
            QCoreApplication.translate("ServiceDetailPane", "%1 by %2 (%3)"),
            date_text(detail.assured_date),
            detail.verified_by or QCoreApplication.translate("ServiceDetailPane", "unknown"),
            _AGES.days_ago(age),
        )
    if is_stale(detail.assured_date, today, stale_after):
        warning = escape(QCoreApplication.translate("ServiceDetailPane", "check before referring"))
        verified = f"<span style='color:#a94442'>⚑ {escape(verified)} — {warning}</span>"
    else:
        verified = escape(verified)
    rows.append(_row(QCoreApplication.translate("ServiceDetailPane", "Last verified"), verified))
    if detail.status != "active":
        rows.insert(
            0,
            _row(
                QCoreApplication.translate("ServiceDetailPane", "Status"),
                f"<b>{escape(detail.status)}</b>",
            ),
        )
    parts.append("<table cellspacing='4'>" + "".join(rows) + "</table>")
    if detail.description:
        parts.append(f"<p>{escape(detail.description)}</p>")
    return "".join(parts)
