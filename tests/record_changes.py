"""Changes to records made in tests as staff make them: through the services, each in its own
transaction, at the record's current version."""

from __future__ import annotations

from desk.db.engine import Database
from desk.models import Person, Visit
from desk.services.actor import Actor
from desk.services.checkin import undo_sign_in
from desk.services.people import merge_people


def undo_visit(database: Database, actor: Actor, visit_id: int) -> None:
    with database.transaction() as session:
        version = session.get(Visit, visit_id).version
        undo_sign_in(session, actor, visit_id, version, "signed in the wrong person")


def merge_records(database: Database, actor: Actor, keep_id: int, merge_id: int) -> None:
    with database.transaction() as session:
        keep, other = session.get(Person, keep_id), session.get(Person, merge_id)
        merge_people(
            session,
            actor,
            keep_id=keep_id,
            keep_version=keep.version,
            merge_id=merge_id,
            merge_version=other.version,
        )
