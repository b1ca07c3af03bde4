"""Staff accounts: the first admin of a new database, accounts made and changed by admins,
and each staff member's own password and PIN.

A role says what an account may do (`desk.access`). Recovery coaches are staff accounts too:
a coach account is on the coach roster, where an admin adds their languages and hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.access import ROLE_WORDS, Permission, requires, unrestricted
from desk.accounts.passwords import check_new_password, check_new_pin, hash_secret, verify_secret
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import (
    ConflictError,
    FormProblems,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desk.messages.staff import (
    ACCOUNT,
    BUILT_IN_ACCOUNTS_CANNOT_BE,
    BUILT_IN_ACCOUNTS_HAVE_NO,
    FOR_EXAMPLE_ROSA_DELGADO,
    GIVE_STAFF_MEMBER_NAME,
    GIVE_USERNAME,
    IS_ONLY_ADMIN_WHO_CAN,
    MAKE_ANOTHER_ADMIN_FIRST_SO,
    NEW_PASSWORD_IS_SAME_AS,
    SIGN_IN_AND_ASK_ADMIN,
    THAT_STAFF_ACCOUNT_NO_LONGER,
    THIS_DATABASE_ALREADY_HAS_ADMIN,
    TRY_AGAIN,
    USERNAME_HAS_AT_MOST_CHARACTERS,
    USERNAME_IS_TAKEN,
    USERNAME_USES_ONLY_LETTERS_Z,
    YOUR_CURRENT_PASSWORD_IS_NOT,
)
from desk.models import StaffMember, StaffRole
from desk.models.base import utc_now
from desk.services.actor import Actor, actor_for_staff
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import load_settings
from desk.services.staff_sessions import MAX_LOGIN_LENGTH, clean_login, first_admin_needed
from desk.validation import clean_text

LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")


@dataclass(frozen=True)
class StaffAccount:
    id: int
    version: int
    display_name: str
    login: str
    role: StaffRole
    active: bool
    is_coach: bool
    can_sign_in: bool  # a password is set
    must_change_password: bool
    locked_until: datetime | None
    last_sign_in_at: datetime | None
    sees_all_coaching_notes: bool
    builtin: bool


@dataclass(frozen=True)
class NewStaffAccount:
    display_name: str
    login: str
    role: StaffRole
    password: str


def _account(staff: StaffMember) -> StaffAccount:
    return StaffAccount(
        staff.id,
        staff.version,
        staff.display_name,
        staff.login,
        staff.role,
        staff.active,
        staff.is_coach,
        staff.password_hash is not None,
        staff.must_change_password,
        staff.locked_until,
        staff.last_sign_in_at,
        staff.sees_all_coaching_notes,
        staff.builtin,
    )


def _min_length(session: Session) -> int:
    return load_settings(session)["security.min_password_length"]


def _clean_name(name: str) -> str:
    cleaned = clean_text(name, label="The name", field="display_name", max_length=80)
    if not cleaned:
        raise ValidationError(GIVE_STAFF_MEMBER_NAME, field="display_name")
    return cleaned


def _clean_new_login(session: Session, login: str) -> str:
    cleaned = clean_login(login)
    if not cleaned:
        raise ValidationError(GIVE_USERNAME, field="login")
    if len(cleaned) > MAX_LOGIN_LENGTH:
        raise ValidationError(
            USERNAME_HAS_AT_MOST_CHARACTERS.with_(
                max_login_length=MAX_LOGIN_LENGTH, cleaned_count=len(cleaned)
            ),
            field="login",
        )
    if not LOGIN_PATTERN.fullmatch(cleaned):
        raise ValidationError(
            USERNAME_USES_ONLY_LETTERS_Z,
            field="login",
            hint=FOR_EXAMPLE_ROSA_DELGADO,
        )
    taken = session.scalar(select(StaffMember.id).where(StaffMember.login == cleaned))
    if taken is not None:
        raise ValidationError(USERNAME_IS_TAKEN.with_(cleaned=cleaned), field="login")
    return cleaned


def _new_account(session: Session, new: NewStaffAccount) -> tuple[StaffMember, str]:
    problems = FormProblems()
    name = problems.check(lambda: _clean_name(new.display_name))
    login = problems.check(lambda: _clean_new_login(session, new.login))
    problems.check(
        lambda: check_new_password(
            new.password,
            min_length=_min_length(session),
            login=new.login,
            display_name=new.display_name,
        )
    )
    problems.raise_any()
    assert name is not None and login is not None
    now = utc_now()
    staff = StaffMember(
        display_name=name,
        login=login,
        role=new.role,
        is_coach=new.role is StaffRole.COACH,
        password_hash=hash_secret(new.password),
        password_changed_at=now,
        created_at=now,
        updated_at=now,
    )
    session.add(staff)
    return staff, login


@unrestricted("makes the first admin of a new database; refused once there is one")
def create_first_admin(
    session: Session,
    display_name: str,
    login: str,
    password: str,
    *,
    station: str | None = None,
) -> Actor:
    """The first admin, on a database nobody can sign in to yet; they are signed in."""
    if not first_admin_needed(session):
        raise PermissionDenied(
            THIS_DATABASE_ALREADY_HAS_ADMIN,
            hint=SIGN_IN_AND_ASK_ADMIN,
        )
    staff, _ = _new_account(
        session, NewStaffAccount(display_name, login, StaffRole.ADMIN, password)
    )
    staff.last_sign_in_at = utc_now()
    session.flush()
    actor = actor_for_staff(staff, station)
    record_change(
        session,
        actor,
        Topic.STAFF,
        AuditAction.STAFF_CREATED,
        "staff_member",
        staff.id,
        role=staff.role.value,
        first_admin=True,
    )
    return actor


@requires(Permission.MANAGE_STAFF)
def list_staff_accounts(session: Session, actor: Actor) -> list[StaffAccount]:
    """Every account but the built-in ones, active first, by name."""
    rows = session.scalars(
        select(StaffMember)
        .where(StaffMember.builtin.is_(False))
        .order_by(StaffMember.active.desc(), StaffMember.display_name)
    ).all()
    return [_account(staff) for staff in rows]


@requires(Permission.MANAGE_STAFF)
def create_staff_account(session: Session, actor: Actor, new: NewStaffAccount) -> StaffAccount:
    """A new account with a first password the admin chose: it must be changed at the first
    sign-in, so only its owner knows the password they use."""
    staff, _ = _new_account(session, new)
    staff.must_change_password = True
    record_change(
        session,
        actor,
        Topic.STAFF,
        AuditAction.STAFF_CREATED,
        "staff_member",
        staff,
        role=new.role.value,
    )
    return _account(staff)


def _staff(session: Session, staff_id: int) -> StaffMember:
    staff = session.get(StaffMember, staff_id, with_for_update=True)
    if staff is None:
        raise NotFound(THAT_STAFF_ACCOUNT_NO_LONGER)
    return staff


def _refuse_losing_last_admin(session: Session, staff: StaffMember) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(StaffMember)
        .where(
            StaffMember.role == StaffRole.ADMIN,
            StaffMember.active,
            StaffMember.password_hash.is_not(None),
            StaffMember.id != staff.id,
        )
    )
    if not others:
        raise ConflictError(
            IS_ONLY_ADMIN_WHO_CAN.with_(display_name=staff.display_name),
            hint=MAKE_ANOTHER_ADMIN_FIRST_SO,
        )


@requires(Permission.MANAGE_STAFF)
def update_staff_account(
    session: Session,
    actor: Actor,
    staff_id: int,
    read_version: int,
    *,
    display_name: str,
    role: StaffRole,
    active: bool,
    sees_all_coaching_notes: bool,
) -> StaffAccount:
    """Change an account's name, role or state. Switching it off takes effect at that staff
    member's next action, on every station."""
    staff = _staff(session, staff_id)
    if staff.builtin:
        raise ConflictError(BUILT_IN_ACCOUNTS_CANNOT_BE)
    refuse_stale(session, staff, read_version, what=ACCOUNT.with_(display_name=staff.display_name))
    values = {
        "display_name": _clean_name(display_name),
        "role": role,
        "active": active,
        "sees_all_coaching_notes": sees_all_coaching_notes,
    }
    changes = {key: value for key, value in values.items() if getattr(staff, key) != value}
    if not changes:
        return _account(staff)
    losing_admin = staff.role is StaffRole.ADMIN and (role is not StaffRole.ADMIN or not active)
    if losing_admin and staff.active:
        _refuse_losing_last_admin(session, staff)
    for key, value in changes.items():
        setattr(staff, key, value)
    if role is StaffRole.COACH:
        staff.is_coach = True
    staff.updated_at = utc_now()
    record_change(
        session,
        actor,
        Topic.STAFF,
        AuditAction.STAFF_UPDATED,
        "staff_member",
        staff.id,
        changes={
            key: (ROLE_WORDS[value] if isinstance(value, StaffRole) else value)
            for key, value in changes.items()
        },
    )
    return _account(staff)


@requires(Permission.MANAGE_STAFF)
def reset_password(
    session: Session, actor: Actor, staff_id: int, new_password: str
) -> StaffAccount:
    """A forgotten password replaced by one the admin gives them; they choose their own at
    their next sign-in. A lock after wrong passwords ends."""
    staff = _staff(session, staff_id)
    if staff.builtin:
        raise ConflictError(BUILT_IN_ACCOUNTS_HAVE_NO)
    check_new_password(
        new_password,
        min_length=_min_length(session),
        login=staff.login,
        display_name=staff.display_name,
    )
    staff.password_hash = hash_secret(new_password)
    staff.must_change_password = True
    staff.password_changed_at = utc_now()
    staff.failed_sign_ins, staff.locked_until = 0, None
    staff.updated_at = utc_now()
    record_change(
        session, actor, Topic.STAFF, AuditAction.STAFF_PASSWORD_RESET, "staff_member", staff.id
    )
    return _account(staff)


def _check_own_password(staff: StaffMember, password: str) -> None:
    if not verify_secret(staff.password_hash, password):
        raise ValidationError(
            YOUR_CURRENT_PASSWORD_IS_NOT, field="current_password", hint=TRY_AGAIN
        )


@requires(Permission.OWN_ACCOUNT)
def change_own_password(session: Session, actor: Actor, current: str, new: str) -> None:
    staff = _staff(session, actor.staff_id)
    _check_own_password(staff, current)
    if current == new:
        raise ValidationError(NEW_PASSWORD_IS_SAME_AS, field="password")
    check_new_password(
        new, min_length=_min_length(session), login=staff.login, display_name=staff.display_name
    )
    staff.password_hash = hash_secret(new)
    staff.must_change_password = False
    staff.password_changed_at = utc_now()
    record_change(
        session, actor, Topic.STAFF, AuditAction.STAFF_PASSWORD_CHANGED, "staff_member", staff.id
    )


@requires(Permission.OWN_ACCOUNT)
def set_own_pin(session: Session, actor: Actor, password: str, pin: str) -> None:
    """A short PIN that opens the staff member's own lock screen (an empty one removes it).
    It never signs anybody in from the sign-in screen."""
    staff = _staff(session, actor.staff_id)
    _check_own_password(staff, password)
    if pin:
        check_new_pin(pin)
    staff.pin_hash = hash_secret(pin) if pin else None
    record_change(
        session,
        actor,
        Topic.STAFF,
        AuditAction.STAFF_PIN_SET,
        "staff_member",
        staff.id,
        set=bool(pin),
    )
