"""Exporting reports: the figures as CSV or XLSX, the funder's PDF, and de-identified visits.

Each writes its file atomically (never half a file) and is recorded in the activity log with
the period, the format and where it went.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.atomic_files import write_file_atomically
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.errors import ValidationError
from desk.messages.center import (
    IS_NOT_FORMAT_THIS_EXPORT,
    USE,
)
from desk.models.base import utc_now
from desk.printing.monthly_report import render_monthly_report
from desk.printing.sheet_content import CenterHeader
from desk.reports.build import build_report
from desk.reports.deidentified import (
    DeidentifiedVisits,
    deidentified_csv,
    deidentified_visits,
)
from desk.reports.model import Report, Table
from desk.reports.periods import Period
from desk.reports.spreadsheets import report_csv, report_xlsx, tables_xlsx
from desk.services.actor import Actor
from desk.services.referrals import center_header
from desk.services.settings import load_settings

REPORT_FORMATS = ("csv", "xlsx", "pdf")
VISIT_FORMATS = ("csv", "xlsx")
PRIVATE_FILE = 0o600  # row-level data, even de-identified, is for its owner only


@dataclass(frozen=True)
class ExportDone:
    path: Path
    format: str
    rows: int  # tables written, or visits for the de-identified export


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise ValidationError(
            IS_NOT_FORMAT_THIS_EXPORT.with_(fmt=fmt), hint=USE.with_(allowed=", ".join(allowed))
        )


def report_bytes(report: Report, fmt: str, center: CenterHeader) -> bytes:
    if fmt == "csv":
        return report_csv(report)
    if fmt == "xlsx":
        return report_xlsx(report)
    return render_monthly_report(report, center)


@requires(Permission.VIEW_REPORTS)
def export_report(
    session: Session,
    actor: Actor,
    period: Period,
    fmt: str,
    path: Path,
    *,
    report: Report | None = None,
    now: datetime | None = None,
) -> ExportDone:
    """Write the report for `period` (or the `report` already on screen) as CSV, XLSX or PDF."""
    _check_format(fmt, REPORT_FORMATS)
    report = report or build_report(session, period, now or utc_now())
    data = report_bytes(report, fmt, center_header(load_settings(session)))
    write_file_atomically(Path(path), data)
    record_event(
        session,
        actor,
        AuditAction.EXPORT_REPORT,
        "report",
        None,
        format=fmt,
        first=report.period.first.isoformat(),
        last=report.period.last.isoformat(),
        path=str(path),
    )
    return ExportDone(Path(path), fmt, len(report.tables()))


@requires(Permission.EXPORT_VISITS)
def export_deidentified_visits(
    session: Session, actor: Actor, period: Period, path: Path, fmt: str = "csv"
) -> ExportDone:
    """One row per visit of `period`, with nothing that names anyone (see
    desk.reports.deidentified), for grant portals."""
    _check_format(fmt, VISIT_FORMATS)
    export = deidentified_visits(session, period, load_settings(session).timezone)
    if fmt == "csv":
        data = deidentified_csv(export)
    else:
        data = tables_xlsx(
            [("Period", period.label()), ("First day", period.first), ("Last day", period.last)],
            [_visits_table(export)],
        )
    write_file_atomically(Path(path), data, mode=PRIVATE_FILE)
    record_event(
        session,
        actor,
        AuditAction.EXPORT_VISITS_DEIDENTIFIED,
        "report",
        None,
        format=fmt,
        first=period.first.isoformat(),
        last=period.last.isoformat(),
        path=str(path),
        visits=len(export.rows),
    )
    return ExportDone(Path(path), fmt, len(export.rows))


def _visits_table(export: DeidentifiedVisits) -> Table:
    return Table("visits", "Visits", export.columns, tuple(tuple(r) for r in export.rows))
