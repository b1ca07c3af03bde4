"""42 CFR Part 2: a sheet naming the person to a provider needs their active consent."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.errors import StaleEdit, ValidationError
from desk.models import Referral, Service
from desk.printing.catalogue import long_date
from desk.services import settings as settings_service
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
from desk.services.settings import center_today
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import (
    PREPARED_AT,
    add_service,
    assert_all_text_inside_margins,
    pdf_text,
    signed_consent,
)


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
        prepare_sheet(session, actor, _named(person.id, ids), today)
    assert [item.reason for item in refused.value.missing] == ["no consent on file"] * 2
    assert "turn off" in refused.value.hint

    consents = []
    with directory.transaction() as session:
        for service_id in ids:
            draft = default_consent_draft(session, service_id, "en", today)
            consents.append(
                create_consent(session, actor, person.id, draft, today, now=PREPARED_AT)
            )
    assert all(c.status is ConsentStatus.AWAITING_SIGNATURE for c in consents)
    with directory.session() as session, pytest.raises(ConsentNeeded) as refused:
        prepare_sheet(session, actor, _named(person.id, ids), today)
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
        short = signed_consent(
            session, actor, person.id, service_id, today, expires_on=today + timedelta(days=2)
        )
        other = signed_consent(session, actor, person.id, other_id, today)
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
        statuses = {c.id: c.status for c in person_consents(session, actor, person.id, later)}
        assert statuses == {short.id: ConsentStatus.EXPIRED, other.id: ConsentStatus.REVOKED}
        with pytest.raises(ConsentNeeded) as refused:
            prepare_sheet(session, actor, _named(person.id, [service_id, other_id]), later)
    reasons = [item.reason for item in refused.value.missing]
    assert reasons == ["consent expired", "consent revoked"]
    # The same people and services, with no name on the sheet: no consent needed.
    with directory.session() as session:
        prepared = prepare_sheet(
            session, actor, ReferralRequest((service_id, other_id), person_id=person.id), later
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
        (replace(draft, language="fr"), "English"),
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
            now=PREPARED_AT,
        )
    assert consent.status is ConsentStatus.AWAITING_SIGNATURE  # never active when made
    for signed_on, message in (
        (today + timedelta(days=1), "future"),
        (today - timedelta(days=1), "before it was prepared, on 2026-11-23"),
    ):
        with pytest.raises(ValidationError, match=message), directory.transaction() as session:
            record_signature(session, actor, consent.id, consent.version, signed_on, today)
    with directory.transaction() as session:
        signed = record_signature(session, actor, consent.id, consent.version, today, today)
    assert signed.status is ConsentStatus.ACTIVE and signed.signed_on == today
    with pytest.raises(StaleEdit), directory.transaction() as session:
        record_signature(session, actor, consent.id, consent.version, today, today)
    with pytest.raises(ValidationError, match="already recorded"), directory.transaction() as s:
        record_signature(s, actor, consent.id, signed.version, today, today)


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
        content, pdf = consent_form(session, actor, consent.id, "en", False, today)
        _, spanish = consent_form(session, actor, consent.id, "es", True, today)
    text = " ".join(pdf_text(pdf).split())
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
        f"Valid through {long_date(content.expires_on, 'en')} (to the end of that day), or "
        "until this happens, if that is sooner: when I finish detox",
        "8. Your signature",
        "9. Date signed",
        "Signing is your choice",
        f"Record number: {consent.id}",
    ):
        assert element in text, element
    assert "8. Su firma" in pdf_text(spanish)
    assert_all_text_inside_margins(pdf)
    assert_all_text_inside_margins(spanish)


def test_a_consent_covers_the_program_it_names_not_the_rest_of_its_organization(
    database: Database, actor: Actor, today: date
) -> None:
    person = add_person(database, actor, "Rosa", "Delgado")
    with database.transaction() as session:
        detox = add_service(session, "Detox unit", organization="Harbor Street Health")
        organization_id = session.get(Service, detox).organization_id
        housing = add_service(session, "Sober housing", organization_id=organization_id)
        signed_consent(session, actor, person.id, detox, today)
    with database.session() as session, pytest.raises(ConsentNeeded) as refused:
        prepare_sheet(session, actor, _named(person.id, [detox, housing]), today)
    assert [(m.service_name, m.reason) for m in refused.value.missing] == [
        ("Sober housing", "no consent on file")
    ]

    # Made for the organization, and saying so: it covers each of its programs.
    with database.transaction() as session:
        draft = default_consent_draft(session, housing, "es", today, whole_organization=True)
        assert draft.recipient_service_id is None
        assert draft.recipient_organization_id == organization_id
        assert draft.recipient_name == "Harbor Street Health, todos sus programas y servicios"
        whole = create_consent(session, actor, person.id, draft, today, now=PREPARED_AT)
        assert whole.whole_organization and whole.is_linked
        record_signature(session, actor, whole.id, whole.version, today, today)
    with database.session() as session:
        assert "Prepared for: Rosa" in pdf_text(
            prepare_sheet(session, actor, _named(person.id, [detox, housing]), today).pdf
        )


def test_an_organization_consent_must_say_so_and_links_come_from_the_directory(
    database: Database, actor: Actor, today: date
) -> None:
    person = add_person(database, actor, "Rosa", "Delgado")
    with database.transaction() as session:
        detox = add_service(session, "Detox unit", organization="Harbor Street Health")
        other = add_service(session, "Food pantry", organization="Main Street Pantry")
        detox_organization = session.get(Service, detox).organization_id
        other_organization = session.get(Service, other).organization_id
        draft = default_consent_draft(session, detox, "en", today, whole_organization=True)
    with pytest.raises(ValidationError, match="must say so"), database.transaction() as session:
        create_consent(session, actor, person.id, replace(draft, recipient_name="Dr. Lee"), today)
    with database.transaction() as session:
        draft = default_consent_draft(session, detox, "en", today)
        # An organization passed along with a service is the service's own, whatever is sent.
        made = create_consent(
            session,
            actor,
            person.id,
            replace(draft, recipient_organization_id=other_organization),
            today,
        )
    assert made.recipient_organization_id == detox_organization


def test_a_consent_to_a_recipient_outside_the_directory_never_lets_a_sheet_name_them(
    database: Database, actor: Actor, today: date
) -> None:
    person = add_person(database, actor, "Rosa", "Delgado")
    with database.transaction() as session:
        detox = add_service(session, "Detox unit", organization="Harbor Street Health")
        draft = replace(
            default_consent_draft(session, None, "en", today),
            recipient_name="Harbor Street Health, detox unit",
        )
        loose = create_consent(session, actor, person.id, draft, today, now=PREPARED_AT)
        signed = record_signature(session, actor, loose.id, loose.version, today, today)
    assert not loose.is_linked and signed.is_active
    with database.session() as session, pytest.raises(ConsentNeeded):
        prepare_sheet(session, actor, _named(person.id, [detox]), today)


def test_a_consent_is_active_through_its_end_date_in_the_centers_time_zone(
    database: Database, actor: Actor, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = add_person(database, actor, "Rosa", "Delgado")
    last_day = date(2026, 11, 30)
    with database.transaction() as session:
        detox = add_service(session, "Detox unit")
        consent = signed_consent(session, actor, person.id, detox, today, expires_on=last_day)
        _, form = consent_form(session, actor, consent.id, None, False, today)
    assert "Valid through November 30, 2026 (to the end of that day)" in pdf_text(form)

    for clock, status in (
        (datetime(2026, 12, 1, 4, 59, tzinfo=UTC), ConsentStatus.ACTIVE),  # 11:59 pm in Worcester
        (datetime(2026, 12, 1, 5, 0, tzinfo=UTC), ConsentStatus.EXPIRED),  # midnight there
    ):
        monkeypatch.setattr(settings_service, "utc_now", lambda clock=clock: clock)
        with database.session() as session:
            day = center_today(session)
            [record] = person_consents(session, actor, person.id, day)
            assert record.status is status, clock
            if status is ConsentStatus.ACTIVE:
                prepare_sheet(session, actor, _named(person.id, [detox]), day)
            else:
                with pytest.raises(ConsentNeeded, match="consent expired"):
                    prepare_sheet(session, actor, _named(person.id, [detox]), day)


def test_the_form_prints_in_the_language_it_was_written_in(
    database: Database, actor: Actor, today: date
) -> None:
    person = add_person(database, actor, "Rosa", "Delgado")
    with database.transaction() as session:
        detox = add_service(session, "Detox unit")
        draft = default_consent_draft(session, detox, "es", today)
        consent = create_consent(session, actor, person.id, draft, today)
        _, form = consent_form(session, actor, consent.id, None, False, today)
        [listed] = person_consents(session, actor, person.id, today)
    assert consent.language == listed.language == "es"
    text = pdf_text(form)
    assert "1. Su nombre" in text and "1. Your name" not in text
