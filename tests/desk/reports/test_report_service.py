"""The lists behind the figures (and their opening in the activity log), the exports, and
who may see what."""

from __future__ import annotations

import csv
import io
import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desk.audit.actions import AuditAction
from desk.db.engine import Database
from desk.errors import PermissionDenied
from desk.models import AuditEvent, Person, StaffRole
from desk.reports.periods import Period, RangeKind
from desk.services.actor import Actor
from desk.services.report_exports import export_deidentified_visits, export_report
from desk.services.reports import figure_list, period_report, todays_counts
from tests.desk.reports.dataset import Known
from tests.desk.reports.test_figures import FIRST, LAST, NOW, report_for
from tests.staff import add_staff

PERIOD = Period(FIRST, LAST)


def _events(database: Database, action: AuditAction) -> list[AuditEvent]:
    with database.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action.value)))


def test_every_figure_opens_a_list_as_long_as_the_figure(
    database: Database, actor: Actor, known: Known
) -> None:
    report = report_for(database, actor, FIRST, LAST)
    checked = 0
    with database.transaction() as session:
        for section in report.sections:
            for figure in section.figures:
                if figure.unit != "count" or figure.key in (
                    "referrals:services",  # the referrals that hold them are listed
                    "contacts:people",  # the contacts that reached them are listed
                ):
                    continue
                found = figure_list(session, actor, PERIOD, figure.key, title=figure.label, now=NOW)
                if figure.key.startswith("supplies:"):  # the visits, with the items given
                    assert sum(row[4] or 0 for row in found.rows) == figure.value
                else:
                    assert found.total == figure.value, figure.key
                checked += 1
    assert checked >= 20


def test_a_list_shows_names_as_the_privacy_switch_says_and_its_opening_is_logged(
    database: Database, actor: Actor, known: Known
) -> None:
    with database.transaction() as session:
        private = figure_list(session, actor, PERIOD, "people", title="Unique people")
        full = figure_list(session, actor, PERIOD, "people", title="Unique people", private=False)
        visits = figure_list(session, actor, PERIOD, "visits", title="Visits")
    names = {row[0] for row in private.rows}
    assert all(name.endswith(".") for name in names)  # "Peer3 L."
    assert any(" Last" in row[0] for row in full.rows)
    assert known.removed not in private.person_ids
    assert not any("Peer27" in str(row) for row in visits.rows)  # removed: nobody named
    events = _events(database, AuditAction.REPORT_LIST_VIEWED)
    assert len(events) == 3
    assert events[0].detail["figure"] == "Unique people"
    assert sorted(events[0].detail["person_ids"]) == list(private.person_ids)
    assert events[0].detail["first"] == FIRST.isoformat()


def test_exports_are_written_with_real_numbers_and_dates_and_logged(
    database: Database, actor: Actor, known: Known, tmp_path: Path
) -> None:
    report = report_for(database, actor, FIRST, LAST)
    with database.transaction() as session:
        for fmt in ("csv", "xlsx", "pdf"):
            export_report(session, actor, PERIOD, fmt, tmp_path / f"r.{fmt}", now=NOW)
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[:3] == ["About", "Summary", "Visits per day"]
    summary = book["Summary"]
    assert summary["B2"].value == "Visits"
    assert summary["C2"].value == report.figure("visits").value
    assert isinstance(summary["C2"].value, int)
    per_day = book["Visits per day"]
    assert per_day["A2"].value.date() == FIRST  # a date, not text
    assert per_day["A2"].number_format == "yyyy-mm-dd"
    for table in report.tables():
        assert len(list(book[_sheet(book, table.title)].iter_rows())) == len(table.rows) + 1
    text = (tmp_path / "r.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["Visits per day"] in rows
    header = rows.index(["Summary"]) + 1
    assert rows[header][:3] == ["Section", "Figure", "This period"]
    assert rows[header + 1][1:3] == ["Visits", str(report.figure("visits").value)]
    pdf = PdfReader(tmp_path / "r.pdf")
    assert 1 <= len(pdf.pages) <= 3
    first_page = pdf.pages[0].extract_text()
    assert "Community Program for Addiction Recovery" in first_page
    assert f"{report.figure('visits').value:,}" in first_page
    exports = _events(database, AuditAction.EXPORT_REPORT)
    assert [e.detail["format"] for e in exports] == ["csv", "xlsx", "pdf"]


def _sheet(book, title: str) -> str:
    return next(name for name in book.sheetnames if title.startswith(name[:25]))


def test_the_deidentified_export_names_nobody_and_its_keys_change_between_exports(
    database: Database, actor: Actor, known: Known, tmp_path: Path
) -> None:
    with database.transaction() as session:
        first = export_deidentified_visits(session, actor, PERIOD, tmp_path / "a.csv")
        export_deidentified_visits(session, actor, PERIOD, tmp_path / "b.csv")
        export_deidentified_visits(session, actor, PERIOD, tmp_path / "c.xlsx", "xlsx")
        names = [p.first_name for p in session.scalars(select(Person)) if p.first_name]
    a = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text())))
    b = list(csv.DictReader(io.StringIO((tmp_path / "b.csv").read_text())))
    report = report_for(database, actor, FIRST, LAST)
    assert len(a) == first.rows == report.figure("visits").value
    body = (tmp_path / "a.csv").read_text()
    assert not any(name in body for name in names)
    assert "J.D." not in body and "birth" not in body
    keys_a = {row["person_key"] for row in a if row["person_key"]}
    keys_b = {row["person_key"] for row in b if row["person_key"]}
    assert len(keys_a) == report.figure("people").value  # stable within one export
    assert not keys_a & keys_b  # unrelated across exports
    assert sum(row["anonymous"] == "yes" for row in a) == report.figure("visits:anonymous").value
    assert sum(row["first_visit_ever"] == "yes" for row in a) == report.figure("people:new").value
    assert oct(os.stat(tmp_path / "a.csv").st_mode & 0o777) == "0o600"
    assert load_workbook(tmp_path / "c.xlsx")["Visits"].max_row == len(a) + 1
    events = _events(database, AuditAction.EXPORT_VISITS_DEIDENTIFIED)
    assert len(events) == 3 and events[0].detail["visits"] == len(a)


def test_who_may_see_what(database: Database, actor: Actor, known: Known, tmp_path) -> None:
    with database.session() as session:
        desk = add_staff(session, role=StaffRole.FRONT_DESK, name="Desk", login="desk1")
        coach = add_staff(session, role=StaffRole.COACH, name="Coach", login="coach9")
    with database.transaction() as session:
        today = todays_counts(session, desk, now=NOW)
        assert not today.full and {s.key for s in today.sections} <= {
            "visits",
            "purposes",
            "busy",
            "languages",
        }
        with pytest.raises(PermissionDenied):
            period_report(session, desk, RangeKind.THIS_MONTH, now=NOW)
        with pytest.raises(PermissionDenied):
            figure_list(session, desk, PERIOD, "visits")
        assert period_report(session, coach, RangeKind.LAST_MONTH, now=NOW).full
        export_report(session, coach, PERIOD, "csv", tmp_path / "coach.csv", now=NOW)
        with pytest.raises(PermissionDenied):
            export_deidentified_visits(session, coach, PERIOD, tmp_path / "no.csv")
    assert not (tmp_path / "no.csv").exists()


def test_a_custom_range_that_ends_before_it_starts_is_refused(
    database: Database, actor: Actor
) -> None:
    from desk.errors import ValidationError

    with database.session() as session, pytest.raises(ValidationError, match="before it starts"):
        period_report(session, actor, RangeKind.CUSTOM, date(2026, 5, 2), date(2026, 5, 1))
