"""`import_hsds`: an HSDS 3.0 package or JSON file into the directory, all or nothing.

Read, type and check everything first; write only when nothing was rejected, in the caller's
transaction. A refused import raises `ImportRefused` with the full report; the caller rolls
back, so the directory is unchanged, and may record the attempt (`record_refused_import`).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.changes import Topic
from desk.hsds.checks import check_references, take_desk_details, type_package
from desk.hsds.files import UnreadableFile
from desk.hsds.read_json import read_json_services
from desk.hsds.read_tabular import read_tabular_package
from desk.hsds.report import ImportRefused, ImportReport
from desk.hsds.schedule_checks import check_schedules
from desk.hsds.write import write_package
from desk.services.actor import Actor
from desk.services.recording import record_change


@unrestricted("reads a file the person chose; writes nothing")
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
    check_schedules(typed, report)
    desk_columns = take_desk_details(typed, report)
    check_references(session, typed, report)
    return report, typed, desk_columns


@requires(Permission.IMPORT_EXPORT)
def import_hsds(session: Session, actor: Actor, path: Path) -> ImportReport:
    report, typed, desk_columns = check_hsds(session, path)
    if not report.ok:
        raise ImportRefused(report)
    write_package(session, typed, desk_columns, report)
    session.flush()
    report.committed = True
    record_change(
        session,
        actor,
        Topic.DIRECTORY,
        AuditAction.IMPORT_HSDS,
        "directory",
        None,
        **report.summary(),
    )
    return report


@requires(Permission.IMPORT_EXPORT)
def record_refused_import(session: Session, actor: Actor, report: ImportReport, kind: str) -> None:
    """Note a refused import in the audit trail (in a transaction of its own)."""
    action = AuditAction(f"import.{kind}_refused")
    record_event(session, actor, action, "directory", None, **report.summary())
