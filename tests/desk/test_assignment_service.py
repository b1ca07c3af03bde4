"""Assigning coaches on both engines: one active per peer, reassigning with a reason and the
history kept, inactive coaches and full caseloads refused, two stations at once, the waitlist."""

from __future__ import annotations

import threading
import time as clock
from datetime import timedelta

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.errors import ConflictError, NotFound, StaleEdit, ValidationError
from desk.models import Assignment, AuditEvent, StaffMember, WaitlistEntry
from desk.services.assignments import CaseloadFull, assignment_history, end_assignment
from desk.services.checkin import PurposeChoice, sign_in, start_with_coach
from desk.services.coach_matching import (
    CoachWishes,
    load_matching_facts,
    save_coach_wishes,
    suggest_coaches,
)
from desk.services.coach_roster import list_roster, save_coach
from desk.services.todays_queue import today_queue
from desk.services.waitlist import add_to_waitlist, open_waitlist, remove_from_waitlist
from tests.desk.coaching_helpers import MONDAY_NOON, add_coach, assign
from tests.desk.people_helpers import add_person
from tests.desk.test_coach_roster_service import _edit


def _audit(database: Database, action: str) -> list[AuditEvent]:
    with database.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_assign_then_reassign_keeps_the_history(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado", languages=("en", "es"))
    ana = add_coach(database, actor, "Ana Oliveira", languages=("en", "pt", "es"))
    maria = add_person(database, actor, "María", "Pérez", preferred_language="es")
    first = assign(database, actor, maria.id, rosa.id, now=MONDAY_NOON)
    with database.transaction() as session, pytest.raises(ValidationError) as refused:
        from desk.services.assignments import assign_coach

        assign_coach(session, actor, maria.id, ana.id, current_assignment_id=first.id)
    assert refused.value.field == "reason" and "why the coach changes" in refused.value.message
    second = assign(
        database,
        actor,
        maria.id,
        ana.id,
        current=first.id,
        reason="She asked for a coach who also speaks Portuguese with her family",
        now=MONDAY_NOON + timedelta(days=1),
    )
    with database.session() as session:
        history = assignment_history(session, actor, maria.id)
        active = session.scalars(
            select(Assignment).where(
                Assignment.person_id == maria.id, Assignment.ended_at.is_(None)
            )
        ).all()
    assert [(a.coach_name, a.is_active) for a in history] == [
        ("Ana Oliveira", True),
        ("Rosa Delgado", False),
    ]
    assert history[1].end_reason.startswith("She asked") and history[1].ended_by == "Robin Admin"
    assert [a.id for a in active] == [second.id]
    (moved,) = _audit(database, "coaching.reassigned")
    assert moved.detail["previous_coach_id"] == rosa.id and moved.person_id == maria.id
    assert len(_audit(database, "coaching.assigned")) == 1


def test_the_queue_shows_the_peers_coach(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado")
    maria = add_person(database, actor, "María", "Pérez")
    with database.transaction() as session:
        sign_in(session, actor, person_id=maria.id, purposes=[PurposeChoice("coaching")])
    assign(database, actor, maria.id, rosa.id)
    with database.session() as session:
        (entry,) = today_queue(session, actor).entries
    assert entry.assigned_coach_name == "Rosa Delgado"


def test_an_inactive_coach_cannot_be_assigned(database: Database, actor) -> None:
    marcus = add_coach(database, actor, "Marcus Bell")
    with database.transaction() as session:
        save_coach(session, actor, _edit(marcus, active=False), coach_id=marcus.id, read_version=1)
    person = add_person(database, actor, "Seán", "O'Brien")
    with pytest.raises(ValidationError) as refused:
        assign(database, actor, person.id, marcus.id)
    assert "not active on the roster" in refused.value.message
    assert "Choose an active coach" in refused.value.hint
    with database.session() as session:
        assert session.scalars(select(Assignment)).all() == []
        suggestions = suggest_coaches(session, actor, person.id)
    assert suggestions == []  # inactive coaches are never suggested


def test_over_the_limit_only_with_the_audited_override(database: Database, actor) -> None:
    kevin = add_coach(database, actor, "Kevin Murphy", limit=1)
    first = add_person(database, actor, "Kwame", "Mensah")
    second = add_person(database, actor, "Zoë", "Côté")
    assign(database, actor, first.id, kevin.id)
    with pytest.raises(CaseloadFull) as refused:
        assign(database, actor, second.id, kevin.id)
    assert refused.value.message == "Kevin Murphy has 1 of 1 peers: the caseload is full."
    assert "waitlist" in refused.value.hint and "Assign over the limit" in refused.value.hint
    record = assign(database, actor, second.id, kevin.id, override=True)
    assert record.over_limit
    (override,) = _audit(database, "coaching.over_limit_override")
    assert override.detail == {"active_peers": 1, "caseload_limit": 1}
    assert override.person_id == second.id
    with database.session() as session:
        (listed,) = list_roster(session, actor)
    assert listed.active_peers == 2 and not listed.has_room


def test_the_second_station_is_told_who_won(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado")
    thanh = add_coach(database, actor, "Thanh Trần")
    maria = add_person(database, actor, "María", "Pérez")
    with database.session() as session:
        seen_by_b = load_matching_facts(session, actor, maria.id).peer.current
    assert seen_by_b is None
    assign(database, actor, maria.id, rosa.id)  # station A
    with pytest.raises(ConflictError) as told:
        assign(database, actor, maria.id, thanh.id, current=None)  # station B, as it saw it
    assert told.value.message == "María was just assigned to Rosa Delgado on another station."
    with database.session() as session:
        (only,) = assignment_history(session, actor, maria.id)
    assert only.coach_name == "Rosa Delgado"


def _race(database: Database, first, second) -> tuple[object, object]:
    """Run `first` in a transaction that stays open until `second` has started and must wait
    for it; each returns its result or the error it raised."""
    results: dict[str, object] = {}
    first_done, release = threading.Event(), threading.Event()

    def run_first() -> None:
        try:
            with database.transaction() as session:
                results["first"] = first(session)
                first_done.set()
                release.wait(10)
        except Exception as exc:
            results["first"] = exc
            first_done.set()

    def run_second() -> None:
        first_done.wait(10)
        try:
            with database.transaction() as session:
                results["second"] = second(session)
        except Exception as exc:
            results["second"] = exc

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    first_done.wait(10)
    clock.sleep(0.4)  # the second station is now waiting for the first one's lock
    assert "second" not in results
    release.set()
    for thread in threads:
        thread.join(15)
    return results["first"], results["second"]


def test_two_stations_assigning_one_peer_at_once(database: Database, actor) -> None:
    from desk.services.assignments import assign_coach

    rosa = add_coach(database, actor, "Rosa Delgado")
    ana = add_coach(database, actor, "Ana Oliveira")
    maria = add_person(database, actor, "María", "Pérez")
    won, told = _race(
        database,
        lambda s: assign_coach(s, actor, maria.id, rosa.id, current_assignment_id=None),
        lambda s: assign_coach(s, actor, maria.id, ana.id, current_assignment_id=None),
    )
    assert won.coach_name == "Rosa Delgado"
    assert isinstance(told, ConflictError) and "Rosa Delgado" in told.message
    with database.session() as session:
        assert len(session.scalars(select(Assignment)).all()) == 1


def test_two_stations_taking_a_coachs_last_place_at_once(database: Database, actor) -> None:
    from desk.services.assignments import assign_coach

    rosa = add_coach(database, actor, "Rosa Delgado", limit=1)
    one = add_person(database, actor, "Ana", "Silva")
    two = add_person(database, actor, "Joel", "Ortiz")
    won, told = _race(
        database,
        lambda s: assign_coach(s, actor, one.id, rosa.id, current_assignment_id=None),
        lambda s: assign_coach(s, actor, two.id, rosa.id, current_assignment_id=None),
    )
    assert won.person_id == one.id
    assert isinstance(told, CaseloadFull)


def _inactive_coaches_holding_peers(database: Database) -> list[str]:
    with database.session() as session:
        return list(
            session.scalars(
                select(StaffMember.display_name)
                .join(Assignment, Assignment.coach_id == StaffMember.id)
                .where(Assignment.ended_at.is_(None), StaffMember.active.is_(False))
            )
        )


@pytest.mark.parametrize("first", ["deactivate", "assign"])
def test_a_coach_is_never_made_inactive_while_taking_a_peer(
    database: Database, actor, first: str
) -> None:
    """One station makes Ana inactive while another assigns her a peer, in either order:
    whichever comes second is refused, and no inactive coach is left holding a peer."""
    from desk.services.assignments import assign_coach

    ana = add_coach(database, actor, "Ana Oliveira")
    maria = add_person(database, actor, "María", "Pérez")

    def deactivate(session):
        return save_coach(
            session, actor, _edit(ana, active=False), coach_id=ana.id, read_version=ana.version
        )

    def take_peer(session):
        return assign_coach(session, actor, maria.id, ana.id, current_assignment_id=None)

    if first == "deactivate":
        made_inactive, told = _race(database, deactivate, take_peer)
        assert not made_inactive.active
        assert isinstance(told, ValidationError) and "not active on the roster" in told.message
    else:
        assigned, told = _race(database, take_peer, deactivate)
        assert assigned.coach_name == "Ana Oliveira"
        assert isinstance(told, ConflictError) and "still has 1 active peer" in told.message
    assert _inactive_coaches_holding_peers(database) == []


def test_waitlist_when_no_coach_has_room(database: Database, actor) -> None:
    marcus = add_coach(database, actor, "Marcus Bell", limit=1)
    assign(database, actor, add_person(database, actor, "Kwame").id, marcus.id)
    joel = add_person(database, actor, "Joel", "Ortiz", preferred_language="es")
    with database.session() as session:
        ranked = suggest_coaches(session, actor, joel.id)
    assert not any(s.has_room for s in ranked)
    with database.transaction() as session:
        entry_id = add_to_waitlist(session, actor, joel.id, "prefers afternoons")
    with database.transaction() as session, pytest.raises(ConflictError, match="already on"):
        add_to_waitlist(session, actor, joel.id)
    with database.session() as session:
        (waiting,) = open_waitlist(session, actor)
        facts = load_matching_facts(session, actor, joel.id)
    assert (waiting.entry_id, waiting.first_name, waiting.note) == (
        entry_id,
        "Joel",
        "prefers afternoons",
    )
    assert facts.peer.waitlisted_at is not None
    assign(database, actor, joel.id, marcus.id, override=True)
    with database.session() as session:
        assert open_waitlist(session, actor) == []
        entry = session.get(WaitlistEntry, entry_id)
    assert entry.resolution == "assigned to Marcus Bell"
    with database.transaction() as session, pytest.raises(ConflictError, match="already has"):
        add_to_waitlist(session, actor, joel.id)


def test_leaving_the_waitlist_needs_a_reason(database: Database, actor) -> None:
    person = add_person(database, actor, "Văn An", "Nguyễn")
    with database.transaction() as session:
        entry_id = add_to_waitlist(session, actor, person.id)
    with database.transaction() as session, pytest.raises(ValidationError, match="why"):
        remove_from_waitlist(session, actor, entry_id, " ")
    with database.transaction() as session:
        remove_from_waitlist(session, actor, entry_id, "found a coach at another program")
    with database.transaction() as session, pytest.raises(ConflictError, match="already left"):
        remove_from_waitlist(session, actor, entry_id, "again")
    assert len(_audit(database, "coaching.waitlist_removed")) == 1


def test_ending_coaching_keeps_it_in_the_history(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado")
    person = add_person(database, actor, "John", "Smith")
    record = assign(database, actor, person.id, rosa.id)
    with database.transaction() as session:
        end_assignment(session, actor, record.id, "moved to Springfield")
    with database.transaction() as session, pytest.raises(ConflictError, match="already ended"):
        end_assignment(session, actor, record.id, "twice")
    with pytest.raises(ConflictError, match="ended on another station"):
        assign(database, actor, person.id, rosa.id, current=record.id, reason="back")
    again = assign(database, actor, person.id, rosa.id)
    with database.session() as session:
        history = assignment_history(session, actor, person.id)
    assert [a.id for a in history] == [again.id, record.id]


def test_suggestions_use_the_wishes_and_who_they_met(database: Database, actor) -> None:
    rosa = add_coach(database, actor, "Rosa Delgado", languages=("en", "es"), gender="woman")
    marcus = add_coach(database, actor, "Marcus Bell", gender="man", pathway="12-step")
    kevin = add_coach(database, actor, "Kevin Murphy", gender="man", hours="Sat 9-12")
    jose = add_person(
        database, actor, "José", "Hernández", preferred_language="es", recovery_pathway="12 step"
    )
    with database.transaction() as session:
        visit = sign_in(session, actor, person_id=jose.id, purposes=[PurposeChoice("coaching")])
        version = today_queue(session, actor).entries[0].version
        start_with_coach(session, actor, visit, version, kevin.id)
    with database.session() as session:
        ranked = suggest_coaches(session, actor, jose.id, now=MONDAY_NOON)
    assert [s.coach.name for s in ranked] == ["Marcus Bell", "Rosa Delgado", "Kevin Murphy"]
    kevin_reasons = [r.code.value for r in ranked[2].reasons]
    assert "continuity" in kevin_reasons  # they met at a visit
    with database.transaction() as session:
        save_coach_wishes(
            session, actor, jose.id, jose.version, CoachWishes(gender="man", language="es")
        )
    with database.session() as session:
        ranked = suggest_coaches(session, actor, jose.id, now=MONDAY_NOON)
        wishes = load_matching_facts(session, actor, jose.id).peer.wishes
    assert wishes == CoachWishes(None, "man", "es", ())
    assert ranked[0].coach.name == "Marcus Bell"  # a man, same pathway: no man speaks Spanish
    with database.transaction() as session, pytest.raises(StaleEdit):
        save_coach_wishes(session, actor, jose.id, jose.version, CoachWishes(coach_id=rosa.id))
    with database.session() as session, pytest.raises(NotFound):
        suggest_coaches(session, actor, 999_999)
    assert marcus.id != rosa.id


def test_loading_the_suggestions_is_audited(database: Database, actor) -> None:
    add_coach(database, actor, "Rosa Delgado")
    maria = add_person(database, actor, "María", "Pérez", recovery_pathway="12 step")
    with database.transaction() as session:
        load_matching_facts(session, actor, maria.id)
        load_matching_facts(session, actor, maria.id, audit=False)  # loaded again, still open
    (viewed,) = _audit(database, "coaching.match_viewed")
    assert (viewed.person_id, viewed.entity_type, viewed.actor_id) == (
        maria.id,
        "person",
        actor.staff_id,
    )


def test_a_coach_asked_for_who_left_is_named_but_not_offered(database: Database, actor) -> None:
    marcus = add_coach(database, actor, "Marcus Bell")
    add_coach(database, actor, "Rosa Delgado")
    person = add_person(database, actor, "Seán", "O'Brien")
    with database.transaction() as session:
        save_coach_wishes(session, actor, person.id, person.version, CoachWishes(marcus.id))
        save_coach(session, actor, _edit(marcus, active=False), coach_id=marcus.id, read_version=1)
    with database.session() as session:
        facts = load_matching_facts(session, actor, person.id)
    assert (facts.peer.named_coach_name, facts.peer.named_coach_active) == ("Marcus Bell", False)
    assert [s.coach.name for s in facts.rank()] == ["Rosa Delgado"]


def test_merging_two_waiting_records_keeps_the_earlier_place(database: Database, actor) -> None:
    from desk.services.people import merge_people

    first = add_person(database, actor, "José", "Hernández")
    second = add_person(database, actor, "Jose", "Hernandez")
    with database.transaction() as session:
        add_to_waitlist(session, actor, second.id, "asked first", now=MONDAY_NOON)
        add_to_waitlist(session, actor, first.id, "asked again", now=MONDAY_NOON + timedelta(1))
    with database.transaction() as session:
        merge_people(
            session,
            actor,
            keep_id=first.id,
            keep_version=first.version,
            merge_id=second.id,
            merge_version=second.version,
        )
    with database.session() as session:
        (waiting,) = open_waitlist(session, actor)
    assert (waiting.person_id, waiting.note) == (first.id, "asked first")
