"""`import_hsds`: an HSDS 3.0 package or JSON file into the directory, all or nothing.

Read, type and check everything first; write only when nothing was rejected, in the caller's
transaction. A refused import raises `ImportRefused` with the full report; the caller rolls
back, so the directory is unchanged, and may record the attempt (`record_refused_import`).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desk.db.changes import announce_change
from desk.hsds.checks import check_references, take_desk_details, type_package
from desk.hsds.files import UnreadableFile
from desk.hsds.read_json import read_json_services
from desk.hsds.read_tabular import read_tabular_package
from desk.hsds.report import ImportRefused, ImportReport
from desk.hsds.write import write_package
from desk.services.actor import Actor
from desk.services.audit import record_event


def check_hsds(session: Session, path: Path) -> tuple[ImportReport, dict, dict]:
    """Read and check without writing: the report, typed records and desk columns."""
    report = ImportReport(source=path.name)
    try:
        if path.suffix.lower() == ".json":
            raw = read_json_services(path, report)
        else:
            raw = read_tabular_package(path, report)
    except UnreadableFile as error:
        report.reject(path.name, str(error))
        return report, {}, {}
    typed = type_package(raw, report)
    desk_columns = take_desk_details(typed, report)
    check_references(session, typed, report)
    return report, typed, desk_columns


def import_hsds(session: Session, actor: Actor, path: Path) -> ImportReport:
    report, typed, desk_columns = check_hsds(session, path)
    if not report.ok:
        raise ImportRefused(report)
    write_package(session, typed, desk_columns, report)
    session.flush()
    report.committed = True
    record_event(session, actor, "import.hsds", "directory", None, **report.summary())
    announce_change(session, "directory")
    return report


def record_refused_import(session: Session, actor: Actor, report: ImportReport, kind: str) -> None:
    """Note a refused import in the audit trail (in a transaction of its own)."""
    record_event(session, actor, f"import.{kind}_refused", "directory", None, **report.summary())
