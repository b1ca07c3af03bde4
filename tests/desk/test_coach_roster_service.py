"""The coach roster on both engines: add, edit with the version check, deactivate, tags."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from desk.coaching.availability import WeeklyWindow, parse_availability
from desk.db.engine import Database
from desk.errors import ConflictError, PermissionDenied, StaleEdit, ValidationError
from desk.models import AuditEvent, CoachAvailability, StaffMember, StaffRole
from desk.services.actor import Actor
from desk.services.coach_roster import CoachInput, list_roster, save_coach
from desk.services.specialty_tags import list_specialty_tags, save_specialty_tag
from tests.desk.coaching_helpers import MONDAY_NOON, add_coach, assign
from tests.desk.people_helpers import add_person


def _actions(database: Database) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def _edit(coach, **changes) -> CoachInput:
    values = {
        "display_name": coach.display_name,
        "phone": coach.phone or "",
        "gender": coach.gender or "",
        "recovery_pathway": coach.recovery_pathway or "",
        "languages": coach.languages,
        "specialties": coach.specialties,
        "caseload_limit": coach.caseload_limit,
        "availability": coach.availability,
        "active": coach.active,
    }
    values.update(changes)
    return CoachInput(**values)


def test_a_coach_is_added_with_everything_the_roster_shows(database: Database, actor) -> None:
    rosa = add_coach(
        database,
        actor,
        "Rosa Delgado",
        languages=("es", "en", "es"),
        specialties=("family_ally", "medication_supported"),
        limit=15,
        gender="woman",
        pathway="Medication-supported",
        phone="774 555 0151",
        hours="Mon-Fri 9-5",
    )
    assert rosa.phone == "(774) 555-0151"
    assert rosa.languages == ("en", "es")
    assert rosa.specialties == ("family_ally", "medication_supported")
    assert rosa.availability_text == "Mon–Fri 09:00–17:00"
    with database.session() as session:
        (listed,) = list_roster(session, actor, now=MONDAY_NOON)
        staff = session.get(StaffMember, rosa.id)
    assert listed.on_duty and listed.active_peers == 0 and listed.caseload_limit == 15
    assert staff.role is StaffRole.COACH and staff.is_coach and staff.login == "rosa.delgado"
    assert "coach.added" in _actions(database)


def test_edits_are_checked_against_another_stations_save(database: Database, actor) -> None:
    kevin = add_coach(database, actor, "Kevin Murphy", limit=12)
    with database.transaction() as session:
        saved = save_coach(
            session,
            actor,
            _edit(kevin, languages=("en", "ga"), caseload_limit=14),
            coach_id=kevin.id,
            read_version=kevin.version,
        )
    assert saved.version > kevin.version and saved.languages == ("en", "ga")
    with database.transaction() as session, pytest.raises(StaleEdit) as refused:
        save_coach(
            session, actor, _edit(kevin, phone="508 555 0100"), coach_id=kevin.id,
            read_version=kevin.version,
        )  # fmt: skip
    assert "changed on another station" in refused.value.message
    with database.session() as session:
        audit = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "coach.updated")
        ).one()
    assert audit.detail["fields"] == ["caseload_limit", "languages"]


def test_only_the_hours_changing_still_moves_the_version(database: Database, actor) -> None:
    thanh = add_coach(database, actor, "Thanh Trần", hours="Tue-Sat 9-3")
    with database.transaction() as session:
        saved = save_coach(
            session,
            actor,
            _edit(thanh, availability=parse_availability("Tue-Sat 9-4")),
            coach_id=thanh.id,
            read_version=thanh.version,
        )
    assert saved.version == thanh.version + 1
    assert saved.availability_text == "Tue–Sat 09:00–16:00"
    with database.session() as session:
        assert session.query(CoachAvailability).count() == 5


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"display_name": "  "}, "display_name", "needs a name"),
        ({"caseload_limit": 0}, "caseload_limit", "between 1 and 200"),
        ({"caseload_limit": None}, "caseload_limit", "between 1 and 200"),
        ({"phone": "12"}, "phone", "not a phone number"),
        ({"languages": ("Spanish",)}, "languages", "not a language code"),
        ({"specialties": ("astrology",)}, "specialties", "not a specialty"),
        (
            {"availability": [WeeklyWindow(0, time(17), time(9))]},
            "availability",
            "ends before it starts",
        ),
        (
            {
                "availability": [
                    WeeklyWindow(0, time(9), time(13)),
                    WeeklyWindow(0, time(12), time(15)),
                ]
            },
            "availability",
            "overlaps",
        ),
    ],
)
def test_bad_roster_input_is_refused_and_nothing_changes(
    database: Database, actor, changes, field, words
) -> None:
    marcus = add_coach(database, actor, "Marcus Bell")
    with database.transaction() as session, pytest.raises(ValidationError) as refused:
        save_coach(
            session, actor, _edit(marcus, **changes), coach_id=marcus.id,
            read_version=marcus.version,
        )  # fmt: skip
    assert refused.value.field == field and words in str(refused.value)
    with database.session() as session:
        (unchanged,) = list_roster(session, actor)
    assert unchanged == marcus


def test_every_field_at_fault_in_a_coach_is_named_at_once(database: Database, actor) -> None:
    marcus = add_coach(database, actor, "Marcus Bell")
    edit = _edit(marcus, display_name="  ", phone="12", caseload_limit=0)
    with database.transaction() as session, pytest.raises(ValidationError) as refused:
        save_coach(session, actor, edit, coach_id=marcus.id, read_version=marcus.version)
    assert refused.value.fields == ("display_name", "phone", "caseload_limit")


def test_a_coach_with_peers_cannot_be_made_inactive(database: Database, actor) -> None:
    ana = add_coach(database, actor, "Ana Oliveira")
    person = add_person(database, actor, "María", "Pérez")
    assignment = assign(database, actor, person.id, ana.id)
    with database.transaction() as session, pytest.raises(ConflictError, match="1 active peer\\."):
        save_coach(session, actor, _edit(ana, active=False), coach_id=ana.id, read_version=1)
    with database.transaction() as session:
        from desk.services.assignments import end_assignment

        end_assignment(session, actor, assignment.id, "moved to Boston")
    with database.transaction() as session:
        saved = save_coach(
            session, actor, _edit(ana, active=False), coach_id=ana.id, read_version=ana.version
        )
    assert not saved.active
    assert "coach.deactivated" in _actions(database)
    with database.session() as session:
        assert [c.display_name for c in list_roster(session, actor, include_inactive=False)] == []


def test_only_admins_manage_the_roster(database: Database, actor) -> None:
    with database.transaction() as session:
        coach = StaffMember(
            display_name="A Coach", login="acoach", role=StaffRole.COACH, is_coach=True
        )
        session.add(coach)
        session.flush()
        as_coach = Actor(coach.id, coach.display_name, StaffRole.COACH)
        with pytest.raises(PermissionDenied, match=r"Your role \(coach\) may not manage"):
            save_coach(session, as_coach, CoachInput(display_name="X", caseload_limit=5))
        with pytest.raises(PermissionDenied):
            save_specialty_tag(session, as_coach, label="Veterans' families")


def test_the_specialty_list_is_the_centers_own(database: Database, actor) -> None:
    with database.session() as session:
        labels = [tag.label for tag in list_specialty_tags(session)]
    assert labels[:3] == ["Family / ally", "Veterans", "Medication-supported recovery"]
    assert {"LGBTQ+", "Re-entry", "Young adults", "Faith-based", "Harm reduction"} <= set(labels)
    with database.transaction() as session:
        added = save_specialty_tag(session, actor, label="Parents in recovery", label_es="Padres")
    assert added.code == "parents_in_recovery"
    with database.transaction() as session, pytest.raises(ValidationError, match="already"):
        save_specialty_tag(session, actor, label="parents in recovery")
    with database.transaction() as session:
        renamed = save_specialty_tag(
            session,
            actor,
            code=added.code,
            read_version=added.version,
            label="Parents in recovery",
            active=False,
        )
    with database.transaction() as session, pytest.raises(StaleEdit):
        save_specialty_tag(
            session, actor, code=added.code, read_version=added.version, label="Parents"
        )
    with database.session() as session:
        assert added.code not in {t.code for t in list_specialty_tags(session)}
        assert not renamed.active
    assert _actions(database)[-2:] == ["coach.specialty_added", "coach.specialty_changed"]
