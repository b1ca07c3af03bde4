"""Sign-in cards: printing one for a person, stopping a lost one, and signing in by a scan.

A card is made in two steps, so that a card that never came out of the printer never works
and never stops the old one: `prepare_card` draws a new token and its PDF (nothing written);
once the PDF is printed or saved, `issue_card` keeps the token's hash, stops the person's
previous card and records both in the activity log. The token itself is never stored: a card
cannot be printed again, only replaced.

At the desk a scan signs the card's holder in at once, with what they usually come for (and,
when that is a support meeting, at today's meeting on now or next), and says so; a card that
was replaced or stopped, or is not known, signs no one in and says why. A scan of a card
that no longer works is in the activity log with its holder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.cards.reading import CardRefused, claim_card
from desk.cards.signing import CardSignIn, refuse_scan, sign_in_holder
from desk.cards.tokens import ScanKind, new_token, read_scan, token_hash
from desk.db.changes import Topic
from desk.errors import ValidationError
from desk.messages.people import THAT_IS_NOT_CARD_MADE
from desk.models import Person, SignInCard, StaffMember
from desk.models.base import utc_now
from desk.printing.catalogue import LANGUAGES
from desk.services.actor import Actor
from desk.services.people import live_person
from desk.services.recording import record_change
from desk.services.settings import load_settings


@dataclass(frozen=True)
class CardStatus:
    """The person's card that works, if any."""

    issued_at: datetime
    issued_by: str
    shows_first_name: bool
    last_used_at: datetime | None


@dataclass(frozen=True)
class PreparedCard:
    person_id: int
    token: str
    shows_first_name: bool
    pdf: bytes


@requires(Permission.ISSUE_CARDS)
def card_status(session: Session, actor: Actor, person_id: int) -> CardStatus | None:
    row = session.execute(
        select(SignInCard, StaffMember.display_name)
        .join(StaffMember, StaffMember.id == SignInCard.issued_by_id)
        .where(SignInCard.person_id == person_id, SignInCard.revoked_at.is_(None))
    ).one_or_none()
    if row is None:
        return None
    card, issued_by = row
    return CardStatus(card.issued_at, issued_by, card.shows_first_name, card.last_used_at)


def _card_language(person: Person) -> str:
    code = (person.preferred_language or "").strip().lower()[:2]
    return code if code in LANGUAGES else "en"


@requires(Permission.ISSUE_CARDS)
def prepare_card(
    session: Session, actor: Actor, person_id: int, *, shows_first_name: bool
) -> PreparedCard:
    """A new card's token and PDF; nothing is kept until `issue_card`."""
    # The card's PDF (ReportLab, its barcodes and images) is loaded when a card is printed,
    # not with the front desk, whose card scanner reads this module.
    from desk.printing.sign_in_card import CardContent, render_sign_in_card

    person = live_person(session, person_id)
    settings = load_settings(session)
    token = new_token()
    first = (person.preferred_name or person.first_name or "").strip()
    content = CardContent(
        token=token,
        center_name=settings.name,
        center_phone=settings.phone,
        language=_card_language(person),
        first_name=first if shows_first_name and first else None,
    )
    return PreparedCard(person.id, token, shows_first_name, render_sign_in_card(content))


@requires(Permission.ISSUE_CARDS)
def issue_card(
    session: Session,
    actor: Actor,
    prepared: PreparedCard,
    *,
    printed: bool,
    destination: str,
    now: datetime | None = None,
) -> CardStatus:
    """The prepared card was printed (or saved): from now on it signs its holder in, and
    their previous card no longer does."""
    now = now or utc_now()
    scan = read_scan(prepared.token)
    if scan.kind is not ScanKind.CARD:
        raise ValidationError(THAT_IS_NOT_CARD_MADE)
    # Two stations printing a card for the same person at once: one after the other.
    person = session.get(Person, prepared.person_id, with_for_update=True)
    live_person(session, prepared.person_id)
    replaced = session.execute(
        update(SignInCard)
        .where(SignInCard.person_id == prepared.person_id, SignInCard.revoked_at.is_(None))
        .values(revoked_at=now, revoked_by_id=actor.staff_id, revoke_reason="replaced")
        .execution_options(synchronize_session=False)
    ).rowcount
    card = SignInCard(
        person_id=prepared.person_id,
        token_hash=token_hash(scan.token),
        shows_first_name=prepared.shows_first_name,
        issued_at=now,
        issued_by_id=actor.staff_id,
    )
    session.add(card)
    record_change(
        session,
        actor,
        Topic.CARDS,
        AuditAction.CARD_ISSUED,
        "sign_in_card",
        card,
        person_id=prepared.person_id,
        at=now,
        shows_first_name=prepared.shows_first_name,
        replaced=bool(replaced),
    )
    record_event(
        session,
        actor,
        AuditAction.PRINT_SIGN_IN_CARD if printed else AuditAction.EXPORT_SIGN_IN_CARD,
        "sign_in_card",
        card.id,
        person_id=prepared.person_id,
        at=now,
        destination=destination,
    )
    assert person is not None
    return CardStatus(now, actor.display_name, prepared.shows_first_name, None)


@requires(Permission.ISSUE_CARDS)
def revoke_card(
    session: Session, actor: Actor, person_id: int, *, now: datetime | None = None
) -> bool:
    """Stop the person's card working (lost, stolen); False when they had none."""
    now = now or utc_now()
    stopped = session.execute(
        update(SignInCard)
        .where(SignInCard.person_id == person_id, SignInCard.revoked_at.is_(None))
        .values(revoked_at=now, revoked_by_id=actor.staff_id, revoke_reason="lost")
        .execution_options(synchronize_session=False)
    ).rowcount
    if stopped:
        record_change(
            session,
            actor,
            Topic.CARDS,
            AuditAction.CARD_REVOKED,
            "sign_in_card",
            None,
            person_id=person_id,
            at=now,
            why="lost",
        )
    return bool(stopped)


# Signing in by a scan ------------------------------------------------------------------------


@requires(Permission.SIGN_IN_VISITORS)
def sign_in_by_card(
    session: Session, actor: Actor, token: str, *, now: datetime | None = None
) -> CardSignIn:
    """A scan at the desk: the holder signed in with their usual purposes, or the refusal
    (returned, not raised, so that a scan of a stopped card is still recorded)."""
    now = now or utc_now()
    try:
        holder = claim_card(session, token, now)
    except CardRefused as refusal:
        refuse_scan(session, actor, refusal, now)
        return CardSignIn(refusal=refusal)
    return sign_in_holder(session, actor, holder, None, "card", now)
