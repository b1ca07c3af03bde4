"""Staff signing in, unlocking their own locked screen, and the lock after wrong passwords.

A sign-in attempt returns its outcome instead of raising: a wrong password must still be
counted (and committed) while the attempt is refused. Once an account has had too many wrong
passwords in a row (a center setting, 5 by default) it is locked for a while (5 minutes):
attempts during the lock are refused at once, without checking the password and without
writing anything, so a script trying 10,000 passwords slows nothing else down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.accounts.passwords import (
    MAX_PASSWORD_LENGTH,
    hash_secret,
    needs_rehash,
    spend_verification_time,
    verify_secret,
)
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.errors import DeskError
from desk.messages.staff import (
    ACCOUNT_IS_SWITCHED_OFF,
    ASK_ADMIN_TO_SWITCH_IT,
    CHECK_USERNAME_AND_CAPS_LOCK,
    THAT_USERNAME_AND_PASSWORD_DO,
    TOO_MANY_WRONG_PASSWORDS_THIS,
    TRY_AGAIN_THEN_OR_ASK,
)
from desk.models import StaffMember, StaffRole
from desk.models.base import utc_now
from desk.services.actor import Actor, actor_for_staff
from desk.services.settings import center_now, load_settings

MAX_LOGIN_LENGTH = 40


class SignInRefused(DeskError):
    """The username and password (or PIN) do not match an account that may sign in."""


class AccountLocked(SignInRefused):
    """Too many wrong passwords in a row: the account waits a few minutes."""


@dataclass(frozen=True)
class SignInOutcome:
    actor: Actor | None
    refusal: SignInRefused | None = None
    must_change_password: bool = False

    def signed_in(self) -> Actor:
        """The actor, or the refusal raised."""
        if self.actor is None:
            assert self.refusal is not None
            raise self.refusal
        return self.actor


def clean_login(login: str) -> str:
    return login.strip().lower()


def _wrong() -> SignInRefused:
    return SignInRefused(
        THAT_USERNAME_AND_PASSWORD_DO,
        hint=CHECK_USERNAME_AND_CAPS_LOCK,
    )


def _locked(session: Session, until: datetime) -> AccountLocked:
    when = center_now(session, until).strftime("%I:%M %p").lstrip("0").lower()
    return AccountLocked(
        TOO_MANY_WRONG_PASSWORDS_THIS.with_(when=when),
        hint=TRY_AGAIN_THEN_OR_ASK,
    )


def _check_secret(
    session: Session, staff: StaffMember, secret: str, stored_hash: str | None, now: datetime
) -> SignInRefused | None:
    """None when `secret` matches; else the refusal, with the wrong try counted (and the
    account locked at the limit)."""
    if staff.locked_until is not None and staff.locked_until > now:
        return _locked(session, staff.locked_until)
    if verify_secret(stored_hash, secret):
        staff.failed_sign_ins = 0
        staff.locked_until = None
        return None
    settings = load_settings(session)
    staff.failed_sign_ins += 1
    if staff.failed_sign_ins < settings["security.lockout_attempts"]:
        return _wrong()
    staff.failed_sign_ins = 0
    staff.locked_until = now + timedelta(minutes=settings["security.lockout_minutes"])
    record_event(
        session,
        actor_for_staff(staff),
        AuditAction.STAFF_LOCKED_OUT,
        "staff_member",
        staff.id,
        at=now,
        attempts=settings["security.lockout_attempts"],
    )
    return _locked(session, staff.locked_until)


@unrestricted("signing in is how a staff member becomes an actor")
def sign_in_staff(
    session: Session,
    login: str,
    password: str,
    *,
    station: str | None = None,
    now: datetime | None = None,
) -> SignInOutcome:
    """Check a username and password; a match signs the staff member in (recorded)."""
    now = now or utc_now()
    login = clean_login(login)
    staff = None
    if 0 < len(login) <= MAX_LOGIN_LENGTH and len(password) <= MAX_PASSWORD_LENGTH:
        staff = session.scalars(select(StaffMember).where(StaffMember.login == login)).one_or_none()
    if staff is None or staff.password_hash is None:
        spend_verification_time(password)
        return SignInOutcome(None, _wrong())
    if staff.locked_until is not None and staff.locked_until > now:
        return SignInOutcome(None, _locked(session, staff.locked_until))  # no lock, no write
    # Counting a wrong try must not race another station's: hold the row from here.
    session.refresh(staff, with_for_update=True)
    refusal = _check_secret(session, staff, password, staff.password_hash, now)
    if refusal is not None:
        return SignInOutcome(None, refusal)
    if not staff.active:
        return SignInOutcome(
            None,
            SignInRefused(
                ACCOUNT_IS_SWITCHED_OFF.with_(login=staff.login),
                hint=ASK_ADMIN_TO_SWITCH_IT,
            ),
        )
    if needs_rehash(staff.password_hash):
        staff.password_hash = hash_secret(password)
    staff.last_sign_in_at = now
    actor = actor_for_staff(staff, station)
    record_event(session, actor, AuditAction.STAFF_SIGNED_IN, "staff_member", staff.id, at=now)
    return SignInOutcome(actor, None, staff.must_change_password)


@requires(Permission.OWN_ACCOUNT)
def unlock_screen(
    session: Session, actor: Actor, secret: str, *, now: datetime | None = None
) -> SignInOutcome:
    """The signed-in staff member's own locked screen, opened with their password or PIN.
    Wrong tries count toward the lock, as at sign-in."""
    now = now or utc_now()
    staff = session.get(StaffMember, actor.staff_id, with_for_update=True)
    assert staff is not None  # @requires found it
    if len(secret) > MAX_PASSWORD_LENGTH:
        return SignInOutcome(None, _wrong())
    matches_pin = (
        staff.pin_hash is not None
        and secret.isdigit()
        and (staff.locked_until is None or staff.locked_until <= now)
        and verify_secret(staff.pin_hash, secret)
    )
    if not matches_pin:
        refusal = _check_secret(session, staff, secret, staff.password_hash, now)
        if refusal is not None:
            return SignInOutcome(None, refusal)
    staff.failed_sign_ins = 0
    record_event(session, actor, AuditAction.STAFF_UNLOCKED, "staff_member", staff.id, at=now)
    return SignInOutcome(actor)


@requires(Permission.OWN_ACCOUNT)
def record_screen_locked(session: Session, actor: Actor, *, idle: bool) -> None:
    """The station's screen was locked, by the person (Ctrl+L) or after idle minutes."""
    record_event(
        session, actor, AuditAction.STAFF_SCREEN_LOCKED, "staff_member", actor.staff_id, idle=idle
    )


@requires(Permission.OWN_ACCOUNT)
def sign_out_staff(session: Session, actor: Actor) -> None:
    record_event(session, actor, AuditAction.STAFF_SIGNED_OUT, "staff_member", actor.staff_id)


@unrestricted("says only whether the database has an admin who can sign in yet")
def first_admin_needed(session: Session) -> bool:
    """True on a new database: nobody can sign in as an admin yet, so the app asks for one."""
    return (
        session.scalar(
            select(StaffMember.id)
            .where(
                StaffMember.role == StaffRole.ADMIN,
                StaffMember.active,
                StaffMember.password_hash.is_not(None),
            )
            .limit(1)
        )
        is None
    )
