"""Signing a card's holder in: shared by the desk's scan (desk.services.cards) and the kiosk
(desk.services.kiosk), which each check their own permission first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.cards.reading import CardHolder, CardRefused
from desk.errors import ConflictError
from desk.groups.attending import SUPPORT_MEETING, attend, open_meeting
from desk.messages.people import IS_ALREADY_SIGNED_IN_TODAY, THEY_ARE_IN_TODAY_QUEUE
from desk.models import SignInCard, Visit
from desk.services.actor import Actor
from desk.services.checkin import (
    ACTIVE,
    DEFAULT_PURPOSE,
    PurposeChoice,
    _create_visit,
    _usual_purposes,
)
from desk.services.groups import today_at_center
from desk.services.settings import center_day


class AlreadyHere(ConflictError):
    """The card's holder is in today's queue already: a second scan signs no one in again."""


@dataclass(frozen=True)
class CardSignIn:
    """What a scan did: a sign-in (who, why, at which meeting), or why it signed no one in."""

    visit_id: int | None = None
    person_id: int | None = None
    first_name: str | None = None
    last_name: str | None = None
    preferred_name: str | None = None
    purposes: tuple[str, ...] = ()
    meeting: str | None = None
    refusal: CardRefused | None = None


def refuse_scan(session: Session, actor: Actor, refusal: CardRefused, now: datetime) -> None:
    """A card that no longer works was scanned: in the activity log, with its holder."""
    if refusal.kind == "revoked" and refusal.person_id is not None:
        card = session.scalars(
            select(SignInCard)
            .where(SignInCard.person_id == refusal.person_id)
            .order_by(SignInCard.revoked_at.desc())
            .limit(1)
        ).first()
        record_event(
            session,
            actor,
            AuditAction.CARD_REFUSED,
            "sign_in_card",
            card.id if card else None,
            person_id=refusal.person_id,
            at=now,
            why=card.revoke_reason if card else None,
        )


def sign_in_holder(
    session: Session,
    actor: Actor,
    holder: CardHolder,
    purposes: list[PurposeChoice] | None,
    way_in: str,
    now: datetime,
    meeting_wanted: tuple[int, date] | None = None,
) -> CardSignIn:
    """Sign the card's holder in (their usual purposes unless given) and, for a support
    meeting, record them at the chosen meeting or, with none chosen, today's on now or next."""
    here = session.scalar(
        select(Visit.arrived_at).where(
            Visit.person_id == holder.person_id,
            Visit.local_day == center_day(session, now),
            Visit.status.in_(ACTIVE),
        )
    )
    if here is not None:
        raise AlreadyHere(
            IS_ALREADY_SIGNED_IN_TODAY.with_(value=holder.preferred_name or holder.first_name),
            hint=THEY_ARE_IN_TODAY_QUEUE,
        )
    if purposes is None:
        codes = _usual_purposes(session, holder.person_id) or [DEFAULT_PURPOSE]
        purposes = [PurposeChoice(code) for code in codes]
    meeting = None
    if SUPPORT_MEETING in {p.code for p in purposes}:
        if meeting_wanted is not None:
            meeting = open_meeting(session, *meeting_wanted)
        else:
            meeting = today_at_center(session, now=now).preselected
    visit_id = _create_visit(
        session, actor, person_id=holder.person_id, purposes=purposes, now=now, way_in=way_in
    )
    if meeting is not None:
        attend(session, actor, meeting, visit_id, holder.person_id, now)
    return CardSignIn(
        visit_id,
        holder.person_id,
        holder.first_name,
        holder.last_name,
        holder.preferred_name,
        tuple(p.code for p in purposes),
        meeting.name if meeting is not None else None,
    )
