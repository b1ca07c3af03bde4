"""42 CFR Part 2: a sheet naming the person to a provider needs their active consent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.errors import StaleEdit, ValidationError
from desk.models import Referral, Service
from desk.services.actor import Actor
from desk.services.consents import (
    ConsentNeeded,
    ConsentStatus,
    create_consent,
    default_consent_draft,
    person_consents,
    record_signature,
    revoke_consent,
)
from desk.services.handouts import consent_form
from desk.services.referrals import ReferralRequest, give_referral, prepare_sheet
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import assert_all_text_inside_margins, pdf_text


def _two_services(database: Database) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(Service.id).order_by(Service.name).limit(2)))


def _named(person_id: int, ids: list[str]) -> ReferralRequest:
    return ReferralRequest(tuple(ids), person_id=person_id, shows_name=True)


def test_a_named_sheet_is_refused_until_each_provider_has_a_signed_consent(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(directory, actor, "Łukasz", "Nguyễn Pérez")
    ids = _two_services(directory)
    with directory.session() as session, pytest.raises(ConsentNeeded) as refused:
        prepare_sheet(session, _named(person.id, ids), today)
    assert [item.reason for item in refused.value.missing] == ["no consent on file"] * 2
    assert "turn off" in refused.value.hint

    consents = []
    with directory.transaction() as session:
        for service_id in ids:
            draft = default_consent_draft(session, service_id, "en", today)
            consents.append(create_consent(session, actor, person.id, draft, today))
    assert all(c.status is ConsentStatus.AWAITING_SIGNATURE for c in consents)
    with directory.session() as session, pytest.raises(ConsentNeeded) as refused:
        prepare_sheet(session, _named(person.id, ids), today)
    assert {item.reason for item in refused.value.missing} == {"consent awaiting signature"}

    with directory.transaction() as session:
        for consent in consents:
            record_signature(session, actor, consent.id, consent.version, today, today)
        given = give_referral(session, actor, _named(person.id, ids), today)
    text = pdf_text(given.pdf)
    assert "Prepared for: Łukasz" in text
    assert "Notice to the recipient (42 CFR §2.32)" in text
    with directory.session() as session:
        referral = session.get(Referral, given.referral_id)
        assert referral.shows_name
        assert [item.consent_id for item in referral.items] == [c.id for c in consents]


def test_expired_and_revoked_consents_do_not_count(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(directory, actor, "Farah", "Haddad")
    [service_id, other_id] = _two_services(directory)
    with directory.transaction() as session:
        draft = default_consent_draft(session, service_id, "en", today)
        short = create_consent(
            session,
            actor,
            person.id,
            replace(draft, expires_on=today + timedelta(days=2), signed_on=today),
            today,
        )
        other = create_consent(
            session,
            actor,
            person.id,
            replace(default_consent_draft(session, other_id, "en", today), signed_on=today),
            today,
        )
        revoked = revoke_consent(
            session,
            actor,
            other.id,
            other.version,
            revoked_on=today,
            note="Asked by phone",
            today=today,
        )
    assert revoked.status is ConsentStatus.REVOKED
    later = today + timedelta(days=3)
    with directory.session() as session:
        statuses = {c.id: c.status for c in person_consents(session, person.id, later)}
        assert statuses == {short.id: ConsentStatus.EXPIRED, other.id: ConsentStatus.REVOKED}
        with pytest.raises(ConsentNeeded) as refused:
            prepare_sheet(session, _named(person.id, [service_id, other_id]), later)
    reasons = [item.reason for item in refused.value.missing]
    assert reasons == ["consent expired", "consent revoked"]
    # The same people and services, with no name on the sheet: no consent needed.
    with directory.session() as session:
        prepared = prepare_sheet(
            session, ReferralRequest((service_id, other_id), person_id=person.id), later
        )
    assert "Farah" not in pdf_text(prepared.pdf) and "42 CFR" not in pdf_text(prepared.pdf)


def test_consents_are_checked_and_changes_guarded(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(directory, actor, "Ana")
    [service_id, _] = _two_services(directory)
    with directory.session() as session:
        draft = default_consent_draft(session, service_id, "es", today)
    assert "Mi nombre" in draft.information
    for broken, message in (
        (replace(draft, recipient_name=" "), "receive"),
        (replace(draft, expires_on=None, expiry_event=""), "an end"),
        (replace(draft, expires_on=today - timedelta(days=1)), "past"),
        (replace(draft, signed_on=today + timedelta(days=1)), "future"),
    ):
        with pytest.raises(ValidationError, match=message), directory.transaction() as session:
            create_consent(session, actor, person.id, broken, today)
    with directory.transaction() as session:
        consent = create_consent(
            session,
            actor,
            person.id,
            replace(draft, expires_on=None, expiry_event="Al terminar"),
            today,
        )
    with directory.transaction() as session:
        record_signature(session, actor, consent.id, consent.version, today, today)
    with pytest.raises(StaleEdit), directory.transaction() as session:
        record_signature(session, actor, consent.id, consent.version, today, today)


def test_the_consent_form_carries_every_element_of_section_2_31(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(directory, actor, "Łukasz", "Nguyễn Pérez")
    [service_id, _] = _two_services(directory)
    with directory.transaction() as session:
        draft = default_consent_draft(session, service_id, "en", today)
        consent = create_consent(
            session, actor, person.id, replace(draft, expiry_event="when I finish detox"), today
        )
        content, pdf = consent_form(session, consent.id, "en", False, today)
        _, spanish = consent_form(session, consent.id, "es", True, today)
    text = pdf_text(pdf)
    for element in (
        "1. Your name",
        "Łukasz Nguyễn Pérez",  # the patient
        "2. Who may share the information",
        "Community Program for Addiction Recovery Inc.",  # who may disclose
        "3. What information, and how much",
        "4. Who may receive it",
        content.recipient,
        "5. Why it is shared",
        "6. Your right to take back this consent",
        "revoke",
        "9-11 Lincoln Square",  # how to revoke: where
        "7. When this consent ends",
        "when I finish detox",
        "8. Your signature",
        "9. Date signed",
        "Signing is your choice",
        f"Record number: {consent.id}",
    ):
        assert element in text, element
    assert "8. Su firma" in pdf_text(spanish)
    assert_all_text_inside_margins(pdf)
    assert_all_text_inside_margins(spanish)
