"""Caseloads, the contact log, goals and the BARC-10 on both engines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, select

from desk.db.engine import Database
from desk.errors import StaleEdit, ValidationError
from desk.models import AuditEvent, ContactMode, GoalArea, GoalStatus
from desk.services.barc10_records import record_barc10
from desk.services.caseload import FollowUp, caseload_chart, coach_caseload
from desk.services.coaching_contacts import ContactInput, log_contact
from desk.services.peer_coaching import peer_coaching
from desk.services.recovery_goals import add_goal, update_goal
from tests.desk.coaching_helpers import MONDAY_NOON, add_coach, assign
from tests.desk.people_helpers import add_person

TODAY = date(2026, 11, 30)  # MONDAY_NOON in Worcester


def _contact(database, actor, person_id, on: date, follow_up: date | None, **fields):
    with database.transaction() as session:
        return log_contact(
            session,
            actor,
            person_id,
            ContactInput(
                contact_on=on,
                mode=fields.pop("mode", ContactMode.IN_PERSON),
                minutes=fields.pop("minutes", 30),
                follow_up_on=follow_up,
                **fields,
            ),
            now=MONDAY_NOON,
        )


def test_the_caseload_lists_overdue_follow_ups_first(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado", limit=15)
    people = {
        name: add_person(database, actor, name, "Test")
        for name in ("Upcoming", "Overdue", "Very overdue", "Never met", "Today", "No plan")
    }
    for person in people.values():
        assign(database, actor, person.id, rosa.id, now=MONDAY_NOON - timedelta(days=30))
    _contact(
        database, actor, people["Upcoming"].id, TODAY - timedelta(days=2), TODAY + timedelta(3)
    )
    _contact(database, actor, people["Overdue"].id, TODAY - timedelta(days=9), TODAY - timedelta(2))
    _contact(
        database, actor, people["Very overdue"].id, TODAY - timedelta(20), TODAY - timedelta(10)
    )
    _contact(database, actor, people["Today"].id, TODAY - timedelta(days=7), TODAY)
    _contact(database, actor, people["No plan"].id, TODAY - timedelta(days=1), None)
    # a newer contact's plan replaces an older one
    _contact(
        database, actor, people["Upcoming"].id, TODAY - timedelta(days=40), TODAY - timedelta(30)
    )
    with database.session() as session:
        caseload = coach_caseload(session, actor, rosa.id, now=MONDAY_NOON)
    assert [row.first_name for row in caseload.rows] == [
        "Very overdue",
        "Overdue",
        "Today",
        "Never met",
        "Upcoming",
        "No plan",
    ]
    assert [row.follow_up for row in caseload.rows[:2]] == [FollowUp.OVERDUE] * 2
    assert caseload.rows[0].days_overdue == 10 and caseload.overdue == 2
    upcoming = caseload.rows[4]
    assert upcoming.next_follow_up == TODAY + timedelta(days=3)
    assert upcoming.last_contact_at.date() == TODAY - timedelta(days=2)


def test_a_contact_is_short_non_clinical_and_checked(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado")
    maria = add_person(database, actor, "María", "Pérez")
    with database.transaction() as session, pytest.raises(ValidationError, match="has no coach"):
        log_contact(
            session, actor, maria.id, ContactInput(TODAY, ContactMode.PHONE), now=MONDAY_NOON
        )
    assign(database, actor, maria.id, rosa.id)
    bad = [
        (ContactInput(None, ContactMode.PHONE), "contact_on"),
        (ContactInput(TODAY + timedelta(days=1), ContactMode.PHONE), "contact_on"),
        (ContactInput(TODAY, None), "mode"),
        (ContactInput(TODAY, ContactMode.TEXT, minutes=-5), "minutes"),
        (ContactInput(TODAY, ContactMode.TEXT, minutes=900), "minutes"),
        (ContactInput(TODAY, ContactMode.TEXT, note="x" * 501), "note"),
        (ContactInput(TODAY, ContactMode.TEXT, follow_up_on=TODAY - timedelta(1)), "follow_up_on"),
        (ContactInput(TODAY, ContactMode.TEXT, follow_up_on=date(2028, 1, 1)), "follow_up_on"),
    ]
    for data, field in bad:
        with database.transaction() as session, pytest.raises(ValidationError) as refused:
            log_contact(session, actor, maria.id, data, now=MONDAY_NOON)
        assert refused.value.field == field
    contact = _contact(
        database,
        actor,
        maria.id,
        TODAY,
        TODAY + timedelta(days=7),
        mode=ContactMode.PHONE,
        minutes=20,
        note="Talked about the housing list; she's hopeful 🙂",
        next_step="Call the Worcester Housing Authority together",
    )
    assert contact.coach_name == "Rosa Delgado" and contact.note.endswith("🙂")
    with database.session() as session:
        (event,) = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "coaching.contact_logged")
        ).all()
    assert event.detail == {
        "coach_id": rosa.id,
        "mode": "phone",
        "follow_up_on": (TODAY + timedelta(days=7)).isoformat(),
    }  # the note itself never goes into the activity log


def test_there_are_no_diagnosis_fields_anywhere_in_coaching(database: Database) -> None:
    words = ("diagnos", "icd", "dsm", "clinical", "symptom", "medication_name", "dose")
    inspector = inspect(database.engine)
    for table in ("coaching_contact", "recovery_goal", "barc10_assessment", "assignment"):
        for column in inspector.get_columns(table):
            assert not any(word in column["name"] for word in words), (table, column["name"])


def test_goals_by_area_with_status_and_a_version(database: Database, actor) -> None:
    person = add_person(database, actor, "Łukasz", "Nowak")
    with database.transaction() as session:
        housing = add_goal(session, actor, person.id, GoalArea.HOUSING, "Find a sober house")
        add_goal(session, actor, person.id, GoalArea.WORK, "Get my forklift licence again")
    with database.transaction() as session, pytest.raises(ValidationError, match="few words"):
        add_goal(session, actor, person.id, GoalArea.EDUCATION, "   ")
    with database.transaction() as session:
        moved = update_goal(
            session, actor, housing.id, housing.version, status=GoalStatus.IN_PROGRESS
        )
    with database.transaction() as session, pytest.raises(StaleEdit, match="in progress"):
        update_goal(session, actor, housing.id, housing.version, status=GoalStatus.DROPPED)
    with database.transaction() as session:
        update_goal(session, actor, housing.id, moved.version, status=GoalStatus.ACHIEVED)
    with database.session() as session:
        coaching = peer_coaching(session, actor, person.id)
    assert [(g.area, g.status) for g in coaching.goals] == [
        (GoalArea.WORK, GoalStatus.NOT_STARTED),
        (GoalArea.HOUSING, GoalStatus.ACHIEVED),
    ]


def test_barc10_at_intake_and_later_shows_a_trend(database: Database, actor) -> None:
    person = add_person(database, actor, "Kwame", "Mensah")
    with database.transaction() as session:
        record_barc10(session, actor, person.id, date(2026, 6, 1), [3] * 10, now=MONDAY_NOON)
        record_barc10(
            session, actor, person.id, date(2026, 9, 1), [4, 4, 4, 4, 4, 4, 4, 4, 4, 5],
            now=MONDAY_NOON,
        )  # fmt: skip
    with database.transaction() as session, pytest.raises(ValidationError, match="Statement 3"):
        record_barc10(session, actor, person.id, TODAY, [4, 4, None] + [4] * 7, now=MONDAY_NOON)
    with database.transaction() as session, pytest.raises(ValidationError, match="today or"):
        record_barc10(session, actor, person.id, TODAY + timedelta(1), [4] * 10, now=MONDAY_NOON)
    with database.session() as session:
        coaching = peer_coaching(session, actor, person.id)
    assert [r.total for r in coaching.barc10] == [30, 41]
    assert coaching.trend.change_since_first == 11


def test_opening_a_peers_coaching_is_audited(database: Database, actor) -> None:
    person = add_person(database, actor, "Zoë", "Côté")
    with database.transaction() as session:
        peer_coaching(session, actor, person.id)
    with database.session() as session:
        viewed = session.scalars(
            select(AuditEvent.person_id).where(AuditEvent.action == "coaching.viewed")
        ).all()
    assert viewed == [person.id]


def test_the_chart_counts_active_peers_against_each_limit(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado", limit=2)
    add_coach(database, actor, "Marcus Bell", limit=12)
    for name in ("A", "B", "C"):
        person = add_person(database, actor, name)
        assign(database, actor, person.id, rosa.id, override=name == "C")
    with database.session() as session:
        bars = caseload_chart(session, actor)
    assert [(b.name, b.active_peers, b.caseload_limit, b.over_limit) for b in bars] == [
        ("Marcus Bell", 0, 12, False),
        ("Rosa Delgado", 3, 2, True),
    ]
