"""Arrival times are stamped when it is the sign-in's turn to write (issue 16, defect 9): a
visit is never stamped before the one it waited behind."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from desk.db.engine import Database
from desk.models import Visit
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in
from tests.desk.people_helpers import add_person

DROP_IN = [PurposeChoice("drop_in")]


def test_a_sign_in_that_waited_is_stamped_after_the_one_before_it(
    database: Database, actor: Actor
) -> None:
    if database.is_postgresql:
        pytest.skip("PostgreSQL writers of different visits do not wait for each other")
    first = add_person(database, actor, "Ama").id
    second = add_person(database, actor, "Bea").id
    holding, waiting = threading.Event(), threading.Event()
    stamps: dict[str, object] = {}

    def other_station() -> None:
        """Holds the write lock, and signs Ama in only once Bea's sign-in is waiting."""
        with database.transaction() as session:
            session.connection().exec_driver_sql("UPDATE change_notice SET id = id WHERE 0")
            holding.set()
            waiting.wait(5)
            time.sleep(0.3)  # Bea's station has been waiting a while by now
            stamps["ama"] = sign_in(session, actor, person_id=first, purposes=DROP_IN)

    thread = threading.Thread(target=other_station)
    thread.start()
    holding.wait(5)
    waiting.set()
    with database.transaction() as session:
        visit_id = sign_in(session, actor, person_id=second, purposes=DROP_IN)
    thread.join()
    with database.session() as session:
        ama = session.get(Visit, stamps["ama"]).arrived_at
        bea = session.get(Visit, visit_id).arrived_at
    assert bea >= ama, (
        f"Bea waited behind Ama but was stamped {(ama - bea).total_seconds()} s first"
    )


def test_postgresql_stamps_with_the_servers_clock(database: Database, actor: Actor) -> None:
    if not database.is_postgresql:
        pytest.skip("SQLite has no server clock; the station's is the only one")
    person = add_person(database, actor, "Cyd").id
    with database.transaction() as session:
        server_before = session.scalar(text("SELECT clock_timestamp()"))
        visit_id = sign_in(session, actor, person_id=person, purposes=DROP_IN)
        server_after = session.scalar(text("SELECT clock_timestamp()"))
        arrived = session.get(Visit, visit_id).arrived_at
    assert server_before <= arrived <= server_after
