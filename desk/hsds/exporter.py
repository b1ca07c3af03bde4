"""`export_hsds`: the directory to an HSDS 3.0 package or JSON file, recorded in the audit trail."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.errors import ValidationError
from desk.hsds.export_json import export_json
from desk.hsds.export_tabular import ExportSummary, export_tabular
from desk.messages.imports import IS_NOT_EXPORT_FORMAT, USE_CSV_OR_JSON
from desk.services.actor import Actor

FORMATS = ("csv", "json")


@requires(Permission.IMPORT_EXPORT)
def export_hsds(session: Session, actor: Actor, path: Path, fmt: str = "csv") -> ExportSummary:
    if fmt not in FORMATS:
        raise ValidationError(IS_NOT_EXPORT_FORMAT.with_(fmt=fmt), hint=USE_CSV_OR_JSON)
    summary = export_json(session, path) if fmt == "json" else export_tabular(session, path)
    record_event(
        session,
        actor,
        AuditAction.EXPORT_HSDS,
        "directory",
        None,
        format=fmt,
        path=str(path),
        services=summary.services,
    )
    return summary
