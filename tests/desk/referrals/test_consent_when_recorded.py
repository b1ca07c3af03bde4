"""The service that records a print of a named sheet checks the consent itself (issue 16,
defect 7): not only the screen that printed it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.models import AuditEvent, Consent, Referral
from desk.services.actor import Actor
from desk.services.consents import revoke_consent
from desk.services.referrals import ConsentLapsed, record_sheet_output
from tests.desk.referrals.test_referral_service import _named_referral


def prints(database: Database, referral_id: int) -> tuple[int, int]:
    with database.session() as session:
        count = session.get(Referral, referral_id).print_count
        events = session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "print.referral_sheet")
        )
    return count, events


def test_a_named_print_after_the_consent_ended_is_refused(
    directory: Database, actor: Actor, today: date
) -> None:
    referral_id, consent_id, _ = _named_referral(directory, actor, today)
    with directory.transaction() as session:
        record_sheet_output(session, actor, referral_id, saved_as_pdf=False, destination="Desk")
        version = session.get(Consent, consent_id).version
        revoke_consent(
            session, actor, consent_id, version, revoked_on=today, note="By phone", today=today
        )
    before = prints(directory, referral_id)
    with directory.transaction() as session, pytest.raises(ConsentLapsed) as refused:
        record_sheet_output(session, actor, referral_id, saved_as_pdf=False, destination="Desk")
    assert "no longer active" in refused.value.message
    assert prints(directory, referral_id) == before  # nothing recorded, nothing counted

    # Without the name it needs no consent.
    with directory.transaction() as session:
        record_sheet_output(
            session, actor, referral_id, saved_as_pdf=False, destination="Desk", named=False
        )
    assert prints(directory, referral_id)[0] == before[0] + 1


def test_a_kept_print_is_judged_on_the_day_it_was_made(
    directory: Database, actor: Actor, today: date
) -> None:
    """A record replayed from the journal: the consent of the day of the print counts."""
    referral_id, _, _ = _named_referral(directory, actor, today)
    before_signing = datetime.combine(today - timedelta(days=3), datetime.min.time(), UTC)
    with directory.transaction() as session, pytest.raises(ConsentLapsed):
        record_sheet_output(
            session, actor, referral_id, saved_as_pdf=False, destination="Desk", at=before_signing
        )
