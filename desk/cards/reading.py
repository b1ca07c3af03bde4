"""Reading a scanned card against the database: whose it is, or why it signs no one in.

A sign-in claims the card with one UPDATE of the card's row (its last use), on the condition
that it still works: the UPDATE takes the row's lock, so a card reissued on another station at
the same moment is either replaced before the scan (and refused) or after it (and the scan
signed in with the card that still worked), never half of each, on both engines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.cards.tokens import ScanKind, read_scan, token_hash
from desk.errors import DeskError
from desk.messages import Message
from desk.messages.people import (
    ASK_FOR_NEW_CARD,
    CARD_REPLACED,
    CARD_STOPPED,
    CARD_WAS_NOT_READ_COMPLETELY,
    CARD_WAS_READ_WRONGLY_SO,
    ON_DAY,
    SCAN_IT_AGAIN_HOLDING_IT,
    SCAN_IT_AGAIN_IF_IT,
    SCAN_PERSON_SIGN_IN_CARD,
    SIGN_IN_BY_NAME_NEW_CARD,
    SIGN_THEM_IN_BY_NAME,
    THAT_BARCODE_IS_NOT_RECOVERY,
    THIS_CARD_IS_NOT_KNOWN,
)
from desk.models import Person, SignInCard

MOST_MERGES = 20  # a chain of merged records longer than this is a loop


class CardRefused(DeskError):
    """A scan that signs no one in; `kind` says why (for the kiosk's words)."""

    def __init__(
        self,
        kind: str,
        message: Message | str,
        *,
        hint: Message | str = "",
        person_id: int | None = None,
    ):
        super().__init__(message, hint=hint)
        self.kind = kind
        self.person_id = person_id  # for the activity log only: never shown at the kiosk


def _shape_refusal(kind: ScanKind) -> CardRefused:
    if kind is ScanKind.PARTIAL:
        return CardRefused(
            "partial",
            CARD_WAS_NOT_READ_COMPLETELY,
            hint=SCAN_IT_AGAIN_HOLDING_IT,
        )
    if kind is ScanKind.MISREAD:
        return CardRefused(
            "misread",
            CARD_WAS_READ_WRONGLY_SO,
            hint=SCAN_IT_AGAIN_IF_IT,
        )
    return CardRefused(
        "foreign",
        THAT_BARCODE_IS_NOT_RECOVERY,
        hint=SCAN_PERSON_SIGN_IN_CARD,
    )


@dataclass(frozen=True)
class CardHolder:
    card_id: int
    person_id: int  # the record kept, after any merge
    first_name: str
    last_name: str | None
    preferred_name: str | None
    shows_first_name: bool
    language: str | None


def _holder(session: Session, card: SignInCard) -> CardHolder | None:
    """The card's person, following merges; None when their record was removed."""
    person = session.get(Person, card.person_id)
    for _ in range(MOST_MERGES):
        if person is None or person.merged_into_id is None:
            break
        person = session.get(Person, person.merged_into_id)
    if person is None or person.removed_at is not None or person.merged_into_id is not None:
        return None
    return CardHolder(
        card.id,
        person.id,
        person.first_name,
        person.last_name,
        person.preferred_name,
        card.shows_first_name,
        person.preferred_language,
    )


def _no_longer(card: SignInCard) -> CardRefused:
    revoked_at = card.revoked_at
    when = ON_DAY.with_(month=revoked_at, day=revoked_at.day) if revoked_at else ""
    if card.revoke_reason == "replaced":
        message = CARD_REPLACED.with_(when=when)
        hint = ASK_FOR_NEW_CARD
    else:
        message = CARD_STOPPED.with_(when=when)
        hint = SIGN_IN_BY_NAME_NEW_CARD
    return CardRefused("revoked", message, hint=hint, person_id=card.person_id)


def _unknown() -> CardRefused:
    return CardRefused(
        "unknown",
        THIS_CARD_IS_NOT_KNOWN,
        hint=SIGN_THEM_IN_BY_NAME,
    )


def find_holder(session: Session, token_text: str) -> CardHolder:
    """Whose card this is, without using it (the kiosk greets before it signs in)."""
    scan = read_scan(token_text)
    if scan.kind is not ScanKind.CARD:
        raise _shape_refusal(scan.kind)
    card = session.scalars(
        select(SignInCard).where(SignInCard.token_hash == token_hash(scan.token))
    ).one_or_none()
    if card is None:
        raise _unknown()
    if card.revoked_at is not None:
        raise _no_longer(card)
    holder = _holder(session, card)
    if holder is None:
        raise _unknown()
    return holder


def claim_card(session: Session, token_text: str, now: datetime) -> CardHolder:
    """Use the card for a sign-in: its row locked and its last use set, or a CardRefused."""
    scan = read_scan(token_text)
    if scan.kind is not ScanKind.CARD:
        raise _shape_refusal(scan.kind)
    hashed = token_hash(scan.token)
    claimed = session.execute(
        update(SignInCard)
        .where(SignInCard.token_hash == hashed, SignInCard.revoked_at.is_(None))
        .values(last_used_at=now)
        .returning(SignInCard.id)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    card = session.scalars(select(SignInCard).where(SignInCard.token_hash == hashed)).one_or_none()
    if card is None:
        raise _unknown()
    if claimed is None:
        raise _no_longer(card)
    holder = _holder(session, card)
    if holder is None:  # their record was removed at their request, or merged in a loop
        raise _unknown()
    return holder
