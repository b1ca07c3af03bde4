"""Consents to disclose (42 CFR Part 2 §2.31): record, sign, revoke, and check before naming
a person to a provider.

A consent is active once its signed form is back (a signature date), until it is revoked or
its expiry date passes. An expiry *event* ("when I finish treatment") is ended by staff
revoking the consent when it happens, with a note saying so.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.changes import announce_change
from desk.errors import DeskError, NotFound, StaleEdit, ValidationError
from desk.models import Consent, Organization, Person, Service
from desk.printing import catalogue
from desk.services.actor import Actor
from desk.services.audit import record_event
from desk.services.settings import load_settings
from desk.validation import NOTE_MAX, clean_text


class ConsentStatus(enum.Enum):
    AWAITING_SIGNATURE = "awaiting signature"
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    version: int
    person_id: int
    disclosing_party: str
    recipient_name: str
    recipient_organization_id: str | None
    recipient_service_id: str | None
    information: str
    purpose: str
    expires_on: date | None
    expiry_event: str | None
    signed_on: date | None
    revoked_on: date | None
    revocation_note: str | None
    created_at: datetime
    status: ConsentStatus

    @property
    def is_active(self) -> bool:
        return self.status is ConsentStatus.ACTIVE


@dataclass(frozen=True)
class ConsentDraft:
    """What staff fill in (or accept) before printing the form."""

    recipient_name: str
    disclosing_party: str
    information: str
    purpose: str
    expires_on: date | None
    expiry_event: str = ""
    recipient_service_id: str | None = None
    recipient_organization_id: str | None = None
    signed_on: date | None = None


class ConsentNeeded(DeskError):
    """A sheet that names the person goes to providers without an active consent for each."""

    def __init__(self, missing: list[MissingConsent]) -> None:
        names = "; ".join(f"{item.service_name} ({item.reason})" for item in missing)
        super().__init__(
            f"This sheet names the person, and 42 CFR Part 2 needs their signed consent for "
            f"each provider on it. Missing: {names}.",
            hint="Print a consent form for them to sign (record the signature when it is "
            "back), or turn off “show their name” to give a sheet with no identifying "
            "information, which needs no consent.",
        )
        self.missing = missing


@dataclass(frozen=True)
class MissingConsent:
    service_id: str
    service_name: str
    organization_id: str | None
    organization_name: str
    reason: str


def consent_status(consent: Consent, today: date) -> ConsentStatus:
    if consent.revoked_on is not None and consent.revoked_on <= today:
        return ConsentStatus.REVOKED
    if consent.expires_on is not None and consent.expires_on < today:
        return ConsentStatus.EXPIRED
    if consent.signed_on is None:
        return ConsentStatus.AWAITING_SIGNATURE
    return ConsentStatus.ACTIVE


def _record(consent: Consent, today: date) -> ConsentRecord:
    return ConsentRecord(
        id=consent.id,
        version=consent.version,
        person_id=consent.person_id,
        disclosing_party=consent.disclosing_party,
        recipient_name=consent.recipient_name,
        recipient_organization_id=consent.recipient_organization_id,
        recipient_service_id=consent.recipient_service_id,
        information=consent.information,
        purpose=consent.purpose,
        expires_on=consent.expires_on,
        expiry_event=consent.expiry_event,
        signed_on=consent.signed_on,
        revoked_on=consent.revoked_on,
        revocation_note=consent.revocation_note,
        created_at=consent.created_at,
        status=consent_status(consent, today),
    )


def default_consent_draft(
    session: Session, service_id: str | None, language: str, today: date
) -> ConsentDraft:
    """A draft naming a service's provider, in the person's language, for a year."""
    center = load_settings(session).name
    recipient, organization_id = "", None
    if service_id:
        service = session.get(Service, service_id)
        if service is not None:
            organization = (
                session.get(Organization, service.organization_id)
                if service.organization_id
                else None
            )
            organization_id = organization.id if organization else None
            recipient = (
                f"{organization.name}: {service.name}"
                if organization and organization.name != service.name
                else service.name
            )
    return ConsentDraft(
        recipient_name=recipient,
        disclosing_party=center,
        information=catalogue.text("consent.default_information", language, center=center),
        purpose=catalogue.text("consent.default_purpose", language),
        expires_on=date(today.year + 1, today.month, min(today.day, 28)),
        recipient_service_id=service_id if recipient else None,
        recipient_organization_id=organization_id,
    )


def _clean_draft(draft: ConsentDraft, today: date) -> dict:
    values = {
        "recipient_name": clean_text(draft.recipient_name, label="Who may receive it"),
        "disclosing_party": clean_text(draft.disclosing_party, label="Who may share it"),
        "information": clean_text(
            draft.information, label="What information", max_length=NOTE_MAX, multiline=True
        ),
        "purpose": clean_text(
            draft.purpose, label="The purpose", max_length=NOTE_MAX, multiline=True
        ),
        "expiry_event": clean_text(draft.expiry_event, label="The ending event"),
    }
    for key, label in (
        ("recipient_name", "Who may receive the information"),
        ("disclosing_party", "Who may share the information"),
        ("information", "What information may be shared"),
        ("purpose", "Why it is shared"),
    ):
        if not values[key]:
            raise ValidationError(f"{label} must be filled in: §2.31 requires it.", field=key)
    if draft.expires_on is None and not values["expiry_event"]:
        raise ValidationError(
            "A consent needs an end: a date, or an event or condition.",
            field="expires_on",
            hint="For example a date a year from now, or “when I finish this program”.",
        )
    if draft.expires_on is not None and draft.expires_on < today:
        raise ValidationError(
            "The end date is already past.", field="expires_on", hint="Choose a later date."
        )
    if draft.signed_on is not None and draft.signed_on > today:
        raise ValidationError("The signature date cannot be in the future.", field="signed_on")
    values.update(
        expires_on=draft.expires_on,
        signed_on=draft.signed_on,
        recipient_service_id=draft.recipient_service_id,
        recipient_organization_id=draft.recipient_organization_id,
    )
    return values


def create_consent(
    session: Session, actor: Actor, person_id: int, draft: ConsentDraft, today: date
) -> ConsentRecord:
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound(f"There is no person #{person_id}.", hint="Open their record again.")
    consent = Consent(
        person_id=person_id, created_by_id=actor.staff_id, **_clean_draft(draft, today)
    )
    session.add(consent)
    session.flush()
    record_event(
        session,
        actor,
        "consent.created",
        "consent",
        consent.id,
        person_id=person_id,
        recipient=consent.recipient_name,
        signed=consent.signed_on is not None,
    )
    announce_change(session, "consents")
    return _record(consent, today)


def _consent_for_change(session: Session, consent_id: int, read_version: int) -> Consent:
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFound(f"There is no consent #{consent_id}.")
    if consent.version != read_version:
        raise StaleEdit(
            "This consent was changed on another station since you opened it.",
            hint="Your entries are still on screen. Reload the person's consents, then try again.",
        )
    return consent


def record_signature(
    session: Session, actor: Actor, consent_id: int, read_version: int, signed_on: date, today: date
) -> ConsentRecord:
    """The signed form is back: from `signed_on` the consent is active."""
    consent = _consent_for_change(session, consent_id, read_version)
    if consent.revoked_on is not None:
        raise ValidationError(
            "This consent was revoked; a signature cannot bring it back.",
            hint="Prepare a new consent form instead.",
        )
    if signed_on > today:
        raise ValidationError("The signature date cannot be in the future.", field="signed_on")
    consent.signed_on = signed_on
    session.flush()
    record_event(
        session,
        actor,
        "consent.signed",
        "consent",
        consent.id,
        person_id=consent.person_id,
        signed_on=signed_on.isoformat(),
    )
    announce_change(session, "consents")
    return _record(consent, today)


def revoke_consent(
    session: Session,
    actor: Actor,
    consent_id: int,
    read_version: int,
    *,
    revoked_on: date,
    note: str,
    today: date,
) -> ConsentRecord:
    consent = _consent_for_change(session, consent_id, read_version)
    if consent.revoked_on is not None:
        raise ValidationError(f"This consent was already revoked on {consent.revoked_on}.")
    if revoked_on > today:
        raise ValidationError("The revocation date cannot be in the future.", field="revoked_on")
    consent.revoked_on = revoked_on
    consent.revocation_note = clean_text(
        note, label="The note", max_length=NOTE_MAX, multiline=True
    )
    consent.revoked_by_id = actor.staff_id
    session.flush()
    record_event(
        session,
        actor,
        "consent.revoked",
        "consent",
        consent.id,
        person_id=consent.person_id,
        revoked_on=revoked_on.isoformat(),
    )
    announce_change(session, "consents")
    return _record(consent, today)


def person_consents(session: Session, person_id: int, today: date) -> list[ConsentRecord]:
    consents = session.scalars(
        select(Consent).where(Consent.person_id == person_id).order_by(Consent.id.desc())
    ).all()
    return [_record(consent, today) for consent in consents]


def consents_for_services(
    session: Session, person_id: int, service_ids: list[str], today: date
) -> tuple[dict[str, int], list[MissingConsent]]:
    """For each service, the active consent naming it or its organization as recipient; and
    the services that have none, each with why (none, awaiting signature, expired, revoked)."""
    services = {
        service.id: service
        for service in session.scalars(select(Service).where(Service.id.in_(service_ids)))
    }
    organizations = {
        org.id: org.name
        for org in session.scalars(
            select(Organization).where(
                Organization.id.in_({s.organization_id for s in services.values()} - {None})
            )
        )
    }
    consents = session.scalars(
        select(Consent).where(Consent.person_id == person_id).order_by(Consent.id.desc())
    ).all()
    found: dict[str, int] = {}
    missing: list[MissingConsent] = []
    for service_id in service_ids:
        service = services.get(service_id)
        if service is None:
            continue
        naming = [
            c
            for c in consents
            if c.recipient_service_id == service_id
            or (
                c.recipient_organization_id
                and c.recipient_organization_id == service.organization_id
            )
        ]
        active = [c for c in naming if consent_status(c, today) is ConsentStatus.ACTIVE]
        if active:
            found[service_id] = active[0].id
            continue
        reason = (
            f"consent {consent_status(naming[0], today).value}" if naming else "no consent on file"
        )
        missing.append(
            MissingConsent(
                service_id,
                service.name,
                service.organization_id,
                organizations.get(service.organization_id or "", ""),
                reason,
            )
        )
    return found, missing
