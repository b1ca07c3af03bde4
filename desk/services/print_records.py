"""Records of prints: plain data that can wait on disk, and the one function that writes them.

A sheet that came out of the printer has been given, whatever the database says. Its record
("printed", or "the printer refused it") is made as plain data first, so it can be kept in
the station's print journal (desk/print_journal.py) while the database is away and written
when it is back, also after a crash or a restart. Each record carries:

- a `key` (a UUID made when the print happened), stored with the audit event it becomes,
  so a record written twice (the app killed between the commit and crossing it off the
  journal) is recognised and not counted again;
- who did it (the actor, as plain fields) and `happened_at`, so the activity log shows the
  time of the print, not the time the database came back.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import unrestricted
from desk.models import AuditEvent, StaffRole
from desk.models.base import utc_now
from desk.services.actor import Actor

REFERRAL_SHEET = "referral_sheet"
RECORD_FORMAT = 1  # bumped when a record's fields change; older records are still read


def new_key() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class ActorData:
    """An Actor as plain fields (a journal may be read back by a later run of the app)."""

    staff_id: int
    display_name: str
    role: str
    station: str = ""

    @classmethod
    def of(cls, actor: Actor) -> ActorData:
        return cls(actor.staff_id, actor.display_name, actor.role.value, actor.station)

    def actor(self) -> Actor:
        return Actor(self.staff_id, self.display_name, StaffRole(self.role), self.station)


@dataclass(frozen=True)
class PrintRecorded:
    """A document printed (`printed`) or saved as a PDF file (not `printed`).

    `document` is "referral_sheet" (then `entity_id` is the referral's number and `named`
    says whether the name was on it), "consent_form" or "category_handout"."""

    actor: ActorData
    document: str
    entity_id: int | str | None
    printed: bool
    destination: str
    person_id: int | None = None
    named: bool | None = None
    key: str = field(default_factory=new_key)
    happened_at: datetime = field(default_factory=utc_now)

    kind = "print_recorded"


@dataclass(frozen=True)
class PrintFailure:
    """A document the printer refused (off, jammed, out of paper, gone)."""

    actor: ActorData
    document: str
    entity_id: int | str | None
    printer: str
    reason: str
    person_id: int | None = None
    key: str = field(default_factory=new_key)
    happened_at: datetime = field(default_factory=utc_now)

    kind = "print_failed"


PrintRecord = PrintRecorded | PrintFailure
_KINDS: dict[str, type[PrintRecorded] | type[PrintFailure]] = {
    PrintRecorded.kind: PrintRecorded,
    PrintFailure.kind: PrintFailure,
}


class UnreadableRecord(ValueError):
    """A journal entry that is not a record this program can write."""


def record_to_dict(record: PrintRecord) -> dict[str, Any]:
    data = asdict(record)
    data["happened_at"] = record.happened_at.isoformat()
    return {"format": RECORD_FORMAT, "kind": record.kind, **data}


def record_from_dict(data: object) -> PrintRecord:
    """The record in `data`, checked field by field; UnreadableRecord if it is not one."""
    try:
        assert isinstance(data, dict)
        values = dict(data)
        kind = _KINDS[values.pop("kind")]
        if int(values.pop("format")) > RECORD_FORMAT:
            raise UnreadableRecord("written by a newer Recovery Desk")
        actor = ActorData(**values.pop("actor"))
        assert isinstance(actor.staff_id, int) and isinstance(actor.role, str)
        StaffRole(actor.role)
        happened_at = datetime.fromisoformat(values.pop("happened_at"))
        assert happened_at.tzinfo is not None
        record = kind(actor=actor, happened_at=happened_at, **values)
        assert isinstance(record.key, str) and len(record.key) == 32
        assert isinstance(record.document, str)
        assert record.person_id is None or isinstance(record.person_id, int)
        if record.document == REFERRAL_SHEET:
            assert isinstance(record.entity_id, int)
        return record
    except UnreadableRecord:
        raise
    except (AssertionError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise UnreadableRecord(f"not a print record ({type(error).__name__})") from None


def _already_written(session: Session, record: PrintRecord) -> bool:
    return (
        session.scalar(select(AuditEvent.id).where(AuditEvent.idempotency_key == record.key))
        is not None
    )


@unrestricted("the record names its own actor; the services it calls check that actor")
def write_print_record(session: Session, record: PrintRecord) -> int | None:
    """Write `record` into the activity log (and a referral's print count); a record already
    written (the same key) is left alone. Returns a referral sheet's print count."""
    # The services that record prints bring the PDF renderer with them: imported when a
    # record is written, not at every start (the journal is read at start).
    from desk.services.handouts import record_document_output, record_document_print_failure
    from desk.services.referrals import record_print_failure, record_sheet_output

    if _already_written(session, record):
        return None
    actor = record.actor.actor()
    common = {"at": record.happened_at, "idempotency_key": record.key}
    if isinstance(record, PrintRecorded):
        if record.document == REFERRAL_SHEET:
            assert isinstance(record.entity_id, int)
            return record_sheet_output(
                session,
                actor,
                record.entity_id,
                saved_as_pdf=not record.printed,
                destination=record.destination,
                named=record.named,
                **common,
            )
        record_document_output(
            session,
            actor,
            record.document,
            record.entity_id,
            printed=record.printed,
            destination=record.destination,
            person_id=record.person_id,
            **common,
        )
        return None
    if record.document == REFERRAL_SHEET:
        assert isinstance(record.entity_id, int)
        record_print_failure(
            session,
            actor,
            record.entity_id,
            printer=record.printer,
            reason=record.reason,
            **common,
        )
        return None
    record_document_print_failure(
        session,
        actor,
        record.document,
        record.entity_id,
        printer=record.printer,
        reason=record.reason,
        person_id=record.person_id,
        **common,
    )
    return None
