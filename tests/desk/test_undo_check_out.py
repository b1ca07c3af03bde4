"""A check-out made by mistake is undone within a minute; a second sign-in says which visit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.errors import AlreadySignedIn, ConflictError
from desk.models import AuditEvent, VisitStatus
from desk.services.actor import Actor
from desk.services.checkin import (
    PurposeChoice,
    check_out,
    sign_in,
    start_with_coach,
    undo_check_out,
)
from desk.services.todays_queue import today_queue
from tests.desk.people_helpers import add_person
from tests.desk.test_checkin_service import _coach

NOON = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)


def _entry(database: Database, actor: Actor, visit_id: int, now: datetime):
    with database.session() as session:
        return next(
            e for e in today_queue(session, actor, now=now).entries if e.visit_id == visit_id
        )


def _signed_in_and_checked_out(database: Database, actor: Actor, *, with_coach: bool) -> int:
    person = add_person(database, actor, "Ana", "Silva")
    with database.transaction() as session:
        visit_id = sign_in(
            session, actor, person_id=person.id, purposes=[PurposeChoice("drop_in")], now=NOON
        )
    if with_coach:
        coach_id = _coach(database)
        entry = _entry(database, actor, visit_id, NOON)
        with database.transaction() as session:
            start_with_coach(session, actor, visit_id, entry.version, coach_id, now=NOON)
    entry = _entry(database, actor, visit_id, NOON)
    with database.transaction() as session:
        check_out(session, actor, visit_id, entry.version, now=NOON + timedelta(minutes=30))
    return visit_id


@pytest.mark.parametrize("with_coach", [False, True])
def test_within_a_minute_the_visitor_is_back_as_they_were(
    database: Database, actor: Actor, with_coach: bool
) -> None:
    visit_id = _signed_in_and_checked_out(database, actor, with_coach=with_coach)
    later = NOON + timedelta(minutes=30, seconds=50)
    entry = _entry(database, actor, visit_id, later)
    assert entry.status is VisitStatus.DONE
    with database.transaction() as session:
        undo_check_out(session, actor, visit_id, entry.version, now=later)
    entry = _entry(database, actor, visit_id, later)
    assert entry.status is (VisitStatus.WITH_COACH if with_coach else VisitStatus.WAITING)
    with database.session() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-1] == "visit.check_out_undone"


def test_after_a_minute_the_check_out_stands(database: Database, actor: Actor) -> None:
    visit_id = _signed_in_and_checked_out(database, actor, with_coach=False)
    later = NOON + timedelta(minutes=31, seconds=5)
    entry = _entry(database, actor, visit_id, later)
    with (
        pytest.raises(ConflictError, match="within a minute"),
        database.transaction() as session,
    ):
        undo_check_out(session, actor, visit_id, entry.version, now=later)


def test_signing_in_twice_names_the_visit_already_in_the_queue(
    database: Database, actor: Actor
) -> None:
    person = add_person(database, actor, "Joel", "Ortiz")
    with database.transaction() as session:
        first = sign_in(
            session, actor, person_id=person.id, purposes=[PurposeChoice("drop_in")], now=NOON
        )
    with pytest.raises(AlreadySignedIn) as refused, database.transaction() as session:
        sign_in(session, actor, person_id=person.id, purposes=[PurposeChoice("drop_in")], now=NOON)
    assert refused.value.visit_id == first
    assert "highlighted" in refused.value.hint
