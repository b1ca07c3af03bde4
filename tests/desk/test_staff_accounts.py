"""Staff accounts: the first admin, accounts made by admins, sign-in, the lock after wrong
passwords (with a fake clock), PINs, and bad input that changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from desk.accounts import passwords
from desk.audit.actions import AuditAction
from desk.db.engine import Database
from desk.errors import ConflictError, PermissionDenied, ValidationError
from desk.models import AuditEvent, StaffMember, StaffRole
from desk.services.actor import Actor
from desk.services.staff_accounts import (
    NewStaffAccount,
    change_own_password,
    create_first_admin,
    create_staff_account,
    list_staff_accounts,
    reset_password,
    set_own_pin,
    update_staff_account,
)
from desk.services.staff_sessions import (
    AccountLocked,
    first_admin_needed,
    sign_in_staff,
    unlock_screen,
)

ADMIN_PASSWORD = "lantern orchard velvet"
START = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)


@pytest.fixture
def admin(database: Database) -> Actor:
    with database.transaction() as session:
        assert first_admin_needed(session)
        return create_first_admin(session, "Alex Morgan", "Alex.Admin", ADMIN_PASSWORD)


def _new(database: Database, admin: Actor, login: str, role: StaffRole, password: str):
    with database.transaction() as session:
        return create_staff_account(
            session, admin, NewStaffAccount(login.title(), login, role, password)
        )


def _count(database: Database, model, **where) -> int:
    with database.session() as session:
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return session.scalar(query)


def test_a_new_database_asks_for_its_first_admin_once(database: Database, admin: Actor) -> None:
    assert admin.role is StaffRole.ADMIN and admin.display_name == "Alex Morgan"
    with database.transaction() as session:
        assert not first_admin_needed(session)
        with pytest.raises(PermissionDenied, match="already has an admin"):
            create_first_admin(session, "Mallory", "mallory", "another long passphrase")
    with database.transaction() as session:
        outcome = sign_in_staff(session, "  ALEX.admin ", ADMIN_PASSWORD)  # case and spaces aside
    assert outcome.actor is not None and outcome.actor.staff_id == admin.staff_id
    stored = _stored(database, "alex.admin")
    assert (
        stored.password_hash.startswith("$argon2id$") and ADMIN_PASSWORD not in stored.password_hash
    )


def _stored(database: Database, login: str) -> StaffMember:
    with database.session() as session:
        return session.scalars(select(StaffMember).where(StaffMember.login == login)).one()


def test_an_admin_makes_accounts_that_choose_their_own_password(
    database: Database, admin: Actor
) -> None:
    coach = _new(database, admin, "rosa.d", StaffRole.COACH, "first password from alex")
    assert coach.is_coach and coach.must_change_password
    with database.transaction() as session:
        outcome = sign_in_staff(session, "rosa.d", "first password from alex")
    assert outcome.actor is not None and outcome.must_change_password
    with database.transaction() as session:
        change_own_password(session, outcome.actor, "first password from alex", "rosa's own words")
    with database.transaction() as session:
        again = sign_in_staff(session, "rosa.d", "rosa's own words")
    assert again.actor is not None and not again.must_change_password
    with database.session() as session:
        logins = [a.login for a in list_staff_accounts(session, admin)]
    assert logins == ["alex.admin", "rosa.d"]  # the built-in accounts are not listed


@pytest.mark.parametrize(
    ("login", "password", "field", "words"),
    [
        ("x'; DROP TABLE staff_member; --", "a perfectly long one", "login", "letters a-z"),
        ("a" * 10_000, "a perfectly long one", "login", "at most 40 characters"),
        ("pat", "", "password", "empty"),
        ("pat", "short", "password", "at least 10"),
        ("pat", "password123", "password", "most common"),
        ("pat", "Pat", "password", "at least 10"),
        ("patricia.lee", "patricia.lee", "password", "your name or username"),
        ("pat", "p" * 10_000, "password", "longer than 256"),
    ],
)
def test_bad_accounts_are_refused_in_words_and_change_nothing(
    database: Database, admin: Actor, login: str, password: str, field: str, words: str
) -> None:
    before = _count(database, StaffMember)
    with database.transaction() as session, pytest.raises(ValidationError) as refused:
        create_staff_account(
            session, admin, NewStaffAccount("Patricia Lee", login, StaffRole.FRONT_DESK, password)
        )
    assert field in refused.value.fields and words in str(refused.value)
    assert _count(database, StaffMember) == before
    with database.session() as session:  # the table is still there, whatever the name said
        assert session.scalar(text("SELECT count(*) FROM staff_member")) == before


def test_sign_in_refusals_do_not_say_which_part_was_wrong(database: Database, admin: Actor) -> None:
    with database.transaction() as session:
        unknown = sign_in_staff(session, "nobody", ADMIN_PASSWORD)
        wrong = sign_in_staff(session, "alex.admin", "not the password")
        huge = sign_in_staff(session, "a" * 10_000, "b" * 10_000)
        empty = sign_in_staff(session, "", "")
    assert {o.refusal.message for o in (unknown, wrong, huge, empty)} == {
        "That username and password do not match."
    }


def test_five_wrong_passwords_lock_the_account_for_five_minutes(
    database: Database, admin: Actor
) -> None:
    for attempt in range(4):
        with database.transaction() as session:
            outcome = sign_in_staff(session, "alex.admin", "wrong", now=START)
        assert not isinstance(outcome.refusal, AccountLocked), attempt
    with database.transaction() as session:
        fifth = sign_in_staff(session, "alex.admin", "wrong", now=START)
        right_too_soon = sign_in_staff(
            session, "alex.admin", ADMIN_PASSWORD, now=START + timedelta(minutes=4, seconds=59)
        )
    assert isinstance(fifth.refusal, AccountLocked)
    assert "locked until 10:05 am" in fifth.refusal.message  # the center's clock, New York
    assert isinstance(right_too_soon.refusal, AccountLocked)
    with database.transaction() as session:
        later = sign_in_staff(
            session, "alex.admin", ADMIN_PASSWORD, now=START + timedelta(minutes=5)
        )
    assert later.actor is not None
    assert _count(database, AuditEvent, action=AuditAction.STAFF_LOCKED_OUT.value) == 1


def test_ten_thousand_wrong_passwords_keep_it_locked_and_cost_nothing_while_locked(
    database: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = {"count": 0}
    real = passwords.verify_secret

    def counting(stored_hash, secret):
        checks["count"] += 1
        return real(stored_hash, secret)

    monkeypatch.setattr("desk.services.staff_sessions.verify_secret", counting)
    events_before = _count(database, AuditEvent)
    with database.session() as session:
        for n in range(10_000):
            with session.begin():
                outcome = sign_in_staff(
                    session, "alex.admin", f"guess {n}", now=START + timedelta(seconds=n / 100)
                )
    assert isinstance(outcome.refusal, AccountLocked)
    assert checks["count"] == 5  # only until the lock; then refused without a hash
    assert _count(database, AuditEvent) == events_before + 1  # the lock, once
    with database.transaction() as session:  # the right password during the lock: refused
        assert sign_in_staff(session, "alex.admin", ADMIN_PASSWORD, now=START).actor is None


def test_a_pin_unlocks_only_its_owner_lock_screen(database: Database, admin: Actor) -> None:
    with database.transaction() as session, pytest.raises(ValidationError, match="too easy"):
        set_own_pin(session, admin, ADMIN_PASSWORD, "1234")
    with database.transaction() as session:
        set_own_pin(session, admin, ADMIN_PASSWORD, "4071")
    with database.transaction() as session:
        assert unlock_screen(session, admin, "4071").actor == admin
        assert unlock_screen(session, admin, ADMIN_PASSWORD).actor == admin
        assert unlock_screen(session, admin, "4072").actor is None
        assert sign_in_staff(session, "alex.admin", "4071").actor is None  # never a sign-in


def test_a_reset_ends_a_lock_and_asks_for_a_new_password(database: Database, admin: Actor) -> None:
    desk = _new(database, admin, "frankie", StaffRole.FRONT_DESK, "given by the admin")
    for _ in range(5):
        with database.transaction() as session:
            sign_in_staff(session, "frankie", "forgot it")
    with database.transaction() as session:
        reset = reset_password(session, admin, desk.id, "a fresh start today")
    assert reset.must_change_password and reset.locked_until is None
    with database.transaction() as session:
        assert sign_in_staff(session, "frankie", "a fresh start today").must_change_password


def test_switched_off_accounts_and_the_last_admin(database: Database, admin: Actor) -> None:
    desk = _new(database, admin, "frankie", StaffRole.FRONT_DESK, "given by the admin")
    with database.transaction() as session:
        update_staff_account(
            session,
            admin,
            desk.id,
            desk.version,
            display_name=desk.display_name,
            role=desk.role,
            active=False,
            sees_all_coaching_notes=False,
        )
    with database.transaction() as session:
        refused = sign_in_staff(session, "frankie", "given by the admin")
    assert refused.actor is None and "switched off" in refused.refusal.message
    with database.transaction() as session, pytest.raises(ConflictError, match="only admin"):
        update_staff_account(
            session,
            admin,
            admin.staff_id,
            _stored(database, "alex.admin").version,
            display_name="Alex Morgan",
            role=StaffRole.COACH,
            active=True,
            sees_all_coaching_notes=False,
        )


def test_the_activity_log_can_only_be_appended_to(database: Database, admin: Actor) -> None:
    assert _count(database, AuditEvent) >= 1
    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with (
            pytest.raises(Exception, match="can only be appended to"),
            database.transaction() as session,
        ):
            session.execute(text(statement))
    assert _count(database, AuditEvent, action="x") == 0
