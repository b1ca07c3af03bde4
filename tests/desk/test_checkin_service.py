"""Sign-in, anonymous visits, today's queue and its actions, on both engines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.errors import ConflictError, StaleEdit, ValidationError
from desk.models import AuditEvent, Person, StaffMember, VisitStatus
from desk.services.actor import Actor
from desk.services.checkin import (
    PurposeChoice,
    check_out,
    list_purposes,
    sign_in,
    start_with_coach,
    undo_sign_in,
    usual_purposes,
)
from desk.services.todays_queue import today_queue
from tests.desk.people_helpers import add_person

NOON = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 12:00 in Worcester


def _coach(database: Database) -> int:
    with database.transaction() as session:
        coach = StaffMember(
            display_name="Rosa Delgado", login="rosa", role="coach", is_coach=True, active=True
        )
        session.add(coach)
        session.flush()
        return coach.id


def test_the_configured_purposes_in_order(database: Database, actor: Actor) -> None:
    with database.session() as session:
        codes = [p.code for p in list_purposes(session, actor)]
    assert codes == [
        "drop_in",
        "coaching",
        "support_meeting",
        "resource_help",
        "harm_reduction",
        "phone_computer",
        "other",
    ]


def test_sign_in_appears_in_todays_queue(database: Database, actor: Actor) -> None:
    person = add_person(database, actor, "María", "Pérez")
    with database.transaction() as session:
        visit_id = sign_in(
            session,
            actor,
            person_id=person.id,
            now=NOON,
            purposes=[PurposeChoice("coaching"), PurposeChoice("harm_reduction", 2)],
        )
    with database.session() as session:
        queue = today_queue(session, actor, now=NOON + timedelta(minutes=5))
        assert session.get(Person, person.id).last_visit_at == NOON
    (entry,) = queue.entries
    assert (entry.visit_id, entry.first_name, entry.status) == (
        visit_id,
        "María",
        VisitStatus.WAITING,
    )
    assert entry.purposes == ("Coaching", "Naloxone or harm-reduction supplies ×2")
    assert queue.counts.here_now == 1 and queue.counts.visits == 1
    assert str(queue.day) == "2026-11-27"


def test_anonymous_visits_count(database: Database, actor: Actor) -> None:
    with database.transaction() as session:
        sign_in(
            session,
            actor,
            person_id=None,
            anonymous_initials="J.D.",
            now=NOON,
            purposes=[PurposeChoice("harm_reduction")],
        )
        sign_in(session, actor, person_id=None, now=NOON, purposes=[PurposeChoice("drop_in")])
    with database.session() as session:
        queue = today_queue(session, actor, now=NOON)
    assert queue.counts.visits == 2 and queue.counts.anonymous == 2
    assert {entry.anonymous_initials for entry in queue.entries} == {"J.D.", None}
    assert queue.entries[0].purposes == ("Naloxone or harm-reduction supplies ×1",)


def test_start_check_out_and_the_version_check(database: Database, actor: Actor) -> None:
    coach_id = _coach(database)
    person = add_person(database, actor, "Seán")
    with database.transaction() as session:
        sign_in(session, actor, person_id=person.id, now=NOON, purposes=[PurposeChoice("coaching")])
    with database.session() as session:
        entry = today_queue(session, actor, now=NOON).entries[0]
    with database.transaction() as session:
        start_with_coach(
            session,
            actor,
            entry.visit_id,
            entry.version,
            coach_id,
            now=NOON + timedelta(minutes=12),
        )
    with (
        pytest.raises(StaleEdit, match="This visit was changed on another station"),
        database.transaction() as session,
    ):
        check_out(session, actor, entry.visit_id, entry.version)  # a second station, stale
    with database.session() as session:
        entry = today_queue(session, actor, now=NOON).entries[0]
    assert entry.status is VisitStatus.WITH_COACH and entry.coach_name == "Rosa Delgado"
    with database.transaction() as session:
        check_out(session, actor, entry.visit_id, entry.version, now=NOON + timedelta(hours=1))
    with database.session() as session:
        queue = today_queue(session, actor, now=NOON)
    assert queue.counts.here_now == 0 and queue.entries[0].status is VisitStatus.DONE


def test_undo_withdraws_the_count_but_keeps_the_audit(database: Database, actor: Actor) -> None:
    person = add_person(database, actor, "Ana")
    with database.transaction() as session:
        visit_id = sign_in(
            session, actor, person_id=person.id, now=NOON, purposes=[PurposeChoice("drop_in")]
        )
    with database.session() as session:
        version = today_queue(session, actor, now=NOON).entries[0].version
    with pytest.raises(ValidationError, match="why"), database.transaction() as session:
        undo_sign_in(session, actor, visit_id, version, "  ")
    with database.transaction() as session:
        undo_sign_in(session, actor, visit_id, version, "Signed in the wrong Ana")
    with database.session() as session:
        queue = today_queue(session, actor, now=NOON)
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
        assert session.get(Person, person.id).last_visit_at is None
    assert queue.entries == () and queue.counts.visits == 0
    assert actions == ["person.created", "visit.created", "visit.undone"]


def test_signing_in_twice_is_refused(database: Database, actor: Actor) -> None:
    person = add_person(database, actor, "Kwame")
    with database.transaction() as session:
        sign_in(session, actor, person_id=person.id, now=NOON, purposes=[PurposeChoice("drop_in")])
    with pytest.raises(ConflictError, match="already signed in"), database.transaction() as session:
        sign_in(session, actor, person_id=person.id, now=NOON, purposes=[PurposeChoice("other")])


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (PurposeChoice("bingo"), "not a visit purpose"),
        (PurposeChoice("harm_reduction", 500), "cannot be right"),
    ],
)
def test_bad_purposes_are_refused(database: Database, actor: Actor, choice, message) -> None:
    with pytest.raises(ValidationError, match=message), database.transaction() as session:
        sign_in(session, actor, person_id=None, purposes=[choice])
    with (
        pytest.raises(ValidationError, match="at least one purpose"),
        database.transaction() as session,
    ):
        sign_in(session, actor, person_id=None, purposes=[])


def test_the_usual_purpose_is_the_default(database: Database, actor: Actor) -> None:
    person = add_person(database, actor, "Thanh")
    with database.session() as session:
        assert usual_purposes(session, actor, person.id) == []
    for days, code in ((3, "coaching"), (2, "coaching"), (1, "phone_computer")):
        moment = NOON - timedelta(days=days)
        with database.transaction() as session:
            visit_id = sign_in(
                session, actor, person_id=person.id, now=moment, purposes=[PurposeChoice(code)]
            )
        with database.session() as session:
            version = today_queue(session, actor, now=moment).entries[0].version
        with database.transaction() as session:
            check_out(session, actor, visit_id, version, now=moment)
    with database.session() as session:
        assert usual_purposes(session, actor, person.id) == ["coaching"]
