"""Each staff member's own screens: language, text size and high contrast, kept with their
account, set by them or an admin, carried into their sign-in, and recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.audit.actions import AuditAction
from desk.db.engine import Database
from desk.errors import PermissionDenied, ValidationError
from desk.models import AuditEvent, StaffRole
from desk.services.actor import Actor
from desk.services.staff_accounts import NewStaffAccount, create_first_admin, create_staff_account
from desk.services.staff_preferences import (
    ScreenPreferences,
    own_preferences,
    set_own_preferences,
    set_staff_preferences,
)
from desk.services.staff_sessions import sign_in_staff

PASSWORD = "correct horse battery 9"


@pytest.fixture
def admin(database: Database) -> Actor:
    with database.transaction() as session:
        return create_first_admin(session, "Alex Morgan", "alex", PASSWORD)


@pytest.fixture
def desk_worker(database: Database, admin: Actor) -> Actor:
    with database.transaction() as session:
        create_staff_account(
            session, admin, NewStaffAccount("Rosa Delgado", "rosa", StaffRole.FRONT_DESK, PASSWORD)
        )
    with database.transaction() as session:
        return sign_in_staff(session, "rosa", PASSWORD).signed_in()


def test_a_new_account_uses_the_station_language_normal_text(database, desk_worker) -> None:
    with database.session() as session:
        assert own_preferences(session, desk_worker) == ScreenPreferences(None, 100, False)
    assert desk_worker.language is None


def test_own_choice_is_kept_recorded_and_carried_into_the_next_sign_in(
    database, desk_worker
) -> None:
    chosen = ScreenPreferences("es", 125, True)
    with database.transaction() as session:
        set_own_preferences(session, desk_worker, chosen)
    with database.session() as session:
        assert own_preferences(session, desk_worker) == chosen
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == AuditAction.STAFF_PREFERENCES_CHANGED)
        ).one()
        assert event.detail["language"] == "es" and event.detail["text_scale"] == 125
    with database.transaction() as session:
        again = sign_in_staff(session, "rosa", PASSWORD).signed_in()
    assert again.language == "es"


@pytest.mark.parametrize(
    ("chosen", "field"),
    [(ScreenPreferences("fr"), "language"), (ScreenPreferences(None, 175), "text")],
)
def test_what_the_screens_do_not_offer_is_refused(database, desk_worker, chosen, field) -> None:
    with database.transaction() as session, pytest.raises(ValidationError) as refused:
        set_own_preferences(session, desk_worker, chosen)
    assert refused.value.field == field
    with database.session() as session:
        assert own_preferences(session, desk_worker) == ScreenPreferences()


def test_an_admin_sets_another_staff_members_screens_and_front_desk_may_not(
    database, admin, desk_worker
) -> None:
    with database.transaction() as session:
        set_staff_preferences(session, admin, desk_worker.staff_id, ScreenPreferences("es"))
    with database.session() as session:
        assert own_preferences(session, desk_worker).language == "es"
    with database.transaction() as session, pytest.raises(PermissionDenied):
        set_staff_preferences(session, desk_worker, admin.staff_id, ScreenPreferences("es"))
