"""The self sign-in kiosk by the door: what it may do, as the built-in kiosk account.

The kiosk signs a card's holder in (their sign-ins reach the desk's queue marked "signed in
at the door"), asks the desk to greet someone who has no card, and shows the day's purposes
and meetings. It never looks a name up and never says whether anyone is on file: all it ever
shows of a person is the first name of the card just scanned, and only when they chose to
have it on their card. Leaving kiosk mode, or unlocking it after someone tried to, takes an
admin's username and password.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.cards.reading import CardRefused, claim_card, find_holder
from desk.cards.signing import AlreadyHere, CardSignIn, refuse_scan, sign_in_holder
from desk.db.changes import Topic
from desk.errors import NotFound, ValidationError
from desk.groups.schedule import Meeting
from desk.messages.people import (
    BUILT_IN_KIOSK_ACCOUNT_IS,
    CHOOSE_WHY_YOU_CAME_TODAY,
    ONLY_ADMIN_CAN_UNLOCK_OR,
    RUN_RECOVERY_DESK_DB_UPGRADE,
    YOU_ARE_SIGNED_IN_ALREADY,
)
from desk.models import DoorRequest, StaffMember, StaffRole, Visit
from desk.models.base import utc_now
from desk.services.actor import Actor, actor_for_staff, station_name
from desk.services.checkin import (
    ACTIVE,
    PurposeChoice,
    PurposeOption,
    _active_purposes,
    _usual_purposes,
)
from desk.services.groups import today_at_center
from desk.services.recording import record_change
from desk.services.settings import center_day
from desk.services.staff_sessions import SignInOutcome, SignInRefused, sign_in_staff

KIOSK_LOGIN = "kiosk"


@unrestricted("names the built-in account the kiosk's sign-ins are recorded as")
def kiosk_actor(session: Session) -> Actor:
    staff = session.scalars(
        select(StaffMember).where(StaffMember.login == KIOSK_LOGIN)
    ).one_or_none()
    if staff is None or not staff.active or staff.role is not StaffRole.KIOSK:
        raise NotFound(
            BUILT_IN_KIOSK_ACCOUNT_IS,
            hint=RUN_RECOVERY_DESK_DB_UPGRADE,
        )
    return actor_for_staff(staff, f"{station_name()} (kiosk)")


@dataclass(frozen=True)
class KioskChoices:
    purposes: tuple[PurposeOption, ...]
    meetings: tuple[Meeting, ...]  # today's, not cancelled, by start time
    preselected: Meeting | None


@requires(Permission.SIGN_IN_AT_DOOR)
def kiosk_choices(session: Session, actor: Actor, *, now: datetime | None = None) -> KioskChoices:
    today = today_at_center(session, now=now)
    return KioskChoices(
        tuple(_active_purposes(session)),
        tuple(m for m in today.meetings if not m.cancelled),
        today.preselected,
    )


@dataclass(frozen=True)
class KioskGreeting:
    """What the kiosk may say after a scan: the first name only when it is on their card."""

    first_name: str | None
    usual: tuple[str, ...]
    already_here: bool


@requires(Permission.SIGN_IN_AT_DOOR)
def kiosk_read_card(
    session: Session, actor: Actor, token: str, *, now: datetime | None = None
) -> KioskGreeting:
    """Greet a scanned card before the holder chooses why they came (CardRefused if the card
    signs no one in)."""
    holder = find_holder(session, token)
    here = session.scalar(
        select(Visit.id).where(
            Visit.person_id == holder.person_id,
            Visit.local_day == center_day(session, now or utc_now()),
            Visit.status.in_(ACTIVE),
        )
    )
    name = (holder.preferred_name or holder.first_name) if holder.shows_first_name else None
    return KioskGreeting(name, tuple(_usual_purposes(session, holder.person_id)), here is not None)


@requires(Permission.SIGN_IN_AT_DOOR)
def kiosk_sign_in(
    session: Session,
    actor: Actor,
    token: str,
    purposes: list[PurposeChoice],
    *,
    meeting: tuple[int, date] | None = None,
    now: datetime | None = None,
) -> CardSignIn:
    """Sign the card's holder in at the door, for what they chose (and the meeting). A card
    that signs no one in is returned as the refusal (a stopped card's scan is recorded)."""
    now = now or utc_now()
    if not purposes:
        raise ValidationError(CHOOSE_WHY_YOU_CAME_TODAY, field="purposes")
    try:
        holder = claim_card(session, token, now)
    except CardRefused as refusal:
        refuse_scan(session, actor, refusal, now)
        return CardSignIn(refusal=refusal)
    try:
        return sign_in_holder(session, actor, holder, purposes, "kiosk", now, meeting)
    except AlreadyHere:
        return CardSignIn(refusal=CardRefused("here", YOU_ARE_SIGNED_IN_ALREADY))


@requires(Permission.SIGN_IN_AT_DOOR)
def ask_for_greeting(
    session: Session, actor: Actor, purposes: list[str], *, now: datetime | None = None
) -> int:
    """ "First time / no card": the desk is asked to greet them. Nobody is named."""
    now = now or utc_now()
    known = {option.code for option in _active_purposes(session)}
    request = DoorRequest(
        asked_at=now,
        local_day=center_day(session, now),
        purposes=[code for code in purposes if code in known] or None,
        station=actor.station or None,
    )
    session.add(request)
    record_change(
        session, actor, Topic.VISITS, AuditAction.KIOSK_GREETING_ASKED, "door_request", request
    )
    return request.id


@dataclass(frozen=True)
class DoorCall:
    id: int
    asked_at: datetime
    purposes: tuple[str, ...]


@requires(Permission.SIGN_IN_VISITORS)
def open_door_requests(
    session: Session, actor: Actor, *, now: datetime | None = None
) -> list[DoorCall]:
    """Today's requests from the door that nobody has answered yet, oldest first."""
    day = center_day(session, now or utc_now())
    return [
        DoorCall(r.id, r.asked_at, tuple(r.purposes or ()))
        for r in session.scalars(
            select(DoorRequest)
            .where(DoorRequest.local_day == day, DoorRequest.answered_at.is_(None))
            .order_by(DoorRequest.asked_at)
        )
    ]


@requires(Permission.SIGN_IN_VISITORS)
def answer_door_request(
    session: Session, actor: Actor, request_id: int, *, now: datetime | None = None
) -> None:
    """Someone at the desk greeted them (another station may have, first: nothing to do)."""
    now = now or utc_now()
    request = session.get(DoorRequest, request_id, with_for_update=True)
    if request is None or request.answered_at is not None:
        return
    request.answered_at, request.answered_by_id = now, actor.staff_id
    record_change(
        session, actor, Topic.VISITS, AuditAction.KIOSK_GREETED, "door_request", request.id, at=now
    )


@requires(Permission.SIGN_IN_AT_DOOR)
def record_kiosk_locked(session: Session, actor: Actor, why: str) -> None:
    """Someone tried to leave the kiosk (closed it, pressed a key to leave): it locked."""
    record_event(session, actor, AuditAction.KIOSK_LOCKED, "kiosk", None, why=why)


@unrestricted("an admin's own username and password are what leaving the kiosk takes")
def admin_at_kiosk(
    session: Session, login: str, password: str, *, leaving: bool, station: str | None = None
) -> SignInOutcome:
    """An admin unlocks the kiosk (or leaves kiosk mode, `leaving`). Wrong passwords count
    toward the account's lock, as at any sign-in; anyone but an admin is refused."""
    station = station or f"{station_name()} (kiosk)"
    outcome = sign_in_staff(session, login, password, station=station)
    if outcome.actor is None:
        return outcome
    if outcome.actor.role is not StaffRole.ADMIN:
        return SignInOutcome(None, SignInRefused(ONLY_ADMIN_CAN_UNLOCK_OR, hint=""))
    action = AuditAction.KIOSK_CLOSED if leaving else AuditAction.KIOSK_UNLOCKED
    record_event(session, outcome.actor, action, "kiosk", None)
    return outcome
