"""Consents to disclose (42 CFR Part 2 §2.31): record, sign, revoke, and check before naming
a person to a provider.

A consent is made first (its form printed for a wet signature) and becomes active only when
the signed form is back and staff record the date written on it: never at the moment it is
made. It stays active through its end date (that whole day, in the center's time zone), until
it is revoked. An expiry *event* ("when I finish treatment") is ended by staff revoking the
consent when it happens, with a note saying so.

A consent covers exactly the program (service) it names. It covers every program of an
organization only when it was made for the organization (no service) and its recipient text
names that organization. A consent whose recipient is not linked to the directory is kept as
a record, but can never let a sheet name the person.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import DeskError, NotFound, ValidationError
from desk.messages.referrals import (
    CHOOSE_EVERY_PROGRAM_OF_ORGANIZATION,
    CHOOSE_LATER_DATE,
    CHOOSE_PROVIDER_AGAIN_OR_TYPE,
    CONSENT_FOR_EVERY_PROGRAM_OF,
    CONSENT_FORMS_ARE_PRINTED_IN,
    CONSENT_NEEDED,
    CONSENT_NEEDED_HINT,
    CONSENT_NEEDS_END_DATE_OR,
    END_DATE_IS_ALREADY_PAST,
    ENTER_DATE_WRITTEN_ON_SIGNED,
    FOR_EXAMPLE_DATE_YEAR_FROM,
    FORM_CANNOT_HAVE_BEEN_SIGNED,
    IF_DATE_IS_WRONG_REVOKE,
    MUST_BE_FILLED_IN_2,
    OPEN_THEIR_RECORD_AGAIN,
    ORGANIZATION_THIS_CONSENT_NAMES_IS,
    PREPARE_NEW_CONSENT_FORM_INSTEAD,
    PROGRAM_THIS_CONSENT_NAMES_IS,
    REVOCATION_DATE_CANNOT_BE_IN,
    SIGNATURE_DATE_CANNOT_BE_IN,
    SIGNATURE_ON_THIS_CONSENT_WAS,
    THERE_IS_NO_CONSENT,
    THERE_IS_NO_PERSON,
    THIS_CONSENT,
    THIS_CONSENT_WAS_ALREADY_REVOKED,
    THIS_CONSENT_WAS_REVOKED_SIGNATURE,
    YOUR_ENTRIES_ARE_STILL_ON_2,
)
from desk.models import Consent, Organization, Person, Service
from desk.models.base import utc_now
from desk.printing import catalogue
from desk.services.actor import Actor
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import load_settings
from desk.text_folding import fold
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
    created_on: date  # in the center's time zone: no signature can be dated before it
    language: str  # the language its form was written (and is printed) in
    whole_organization: bool  # made for every program of its organization
    status: ConsentStatus

    @property
    def is_active(self) -> bool:
        return self.status is ConsentStatus.ACTIVE

    @property
    def is_linked(self) -> bool:
        """Whether its recipient is a program or organization in the directory: only then
        can it let a referral sheet name the person."""
        return self.recipient_service_id is not None or self.recipient_organization_id is not None


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
    recipient_organization_id: str | None = None  # alone (no service): every program of it
    language: str = "en"  # the form's language


class ConsentNeeded(DeskError):
    """A sheet that names the person goes to providers without an active consent for each."""

    def __init__(self, missing: list[MissingConsent]) -> None:
        names = "; ".join(f"{item.service_name} ({item.reason})" for item in missing)
        super().__init__(CONSENT_NEEDED.with_(names=names), hint=CONSENT_NEEDED_HINT)
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
    if consent.signed_on is None or consent.signed_on > today:
        return ConsentStatus.AWAITING_SIGNATURE
    return ConsentStatus.ACTIVE


def _created_on(consent: Consent, timezone: tzinfo) -> date:
    return consent.created_at.astimezone(timezone).date()


def _record(
    session: Session, consent: Consent, today: date, timezone: tzinfo | None = None
) -> ConsentRecord:
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
        created_on=_created_on(consent, timezone or load_settings(session).timezone),
        language=consent.language,
        whole_organization=consent.whole_organization,
        status=consent_status(consent, today),
    )


def whole_organization_recipient(organization_name: str, language: str) -> str:
    """The recipient text of a consent made for every program of an organization."""
    return catalogue.text("consent.whole_organization", language, organization=organization_name)


@unrestricted("a blank consent for a directory service: nothing about a person")
def default_consent_draft(
    session: Session,
    service_id: str | None,
    language: str,
    today: date,
    *,
    whole_organization: bool = False,
) -> ConsentDraft:
    """A draft naming a service's program (or, asked for, every program of its organization),
    in the person's language, for a year."""
    center = load_settings(session).name
    recipient, organization_id, linked_service = "", None, None
    if service_id:
        service = session.get(Service, service_id)
        if service is not None:
            organization = (
                session.get(Organization, service.organization_id)
                if service.organization_id
                else None
            )
            if whole_organization and organization is not None:
                recipient = whole_organization_recipient(organization.name, language)
                organization_id = organization.id
            else:
                recipient = (
                    f"{organization.name}: {service.name}"
                    if organization and organization.name != service.name
                    else service.name
                )
                organization_id = organization.id if organization else None
                linked_service = service.id
    return ConsentDraft(
        recipient_name=recipient,
        disclosing_party=center,
        information=catalogue.text("consent.default_information", language, center=center),
        purpose=catalogue.text("consent.default_purpose", language),
        expires_on=date(today.year + 1, today.month, min(today.day, 28)),
        recipient_service_id=linked_service,
        recipient_organization_id=organization_id,
        language=language,
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
            raise ValidationError(MUST_BE_FILLED_IN_2.with_(label=label), field=key)
    if draft.expires_on is None and not values["expiry_event"]:
        raise ValidationError(
            CONSENT_NEEDS_END_DATE_OR,
            field="expires_on",
            hint=FOR_EXAMPLE_DATE_YEAR_FROM,
        )
    if draft.expires_on is not None and draft.expires_on < today:
        raise ValidationError(END_DATE_IS_ALREADY_PAST, field="expires_on", hint=CHOOSE_LATER_DATE)
    if draft.language not in catalogue.LANGUAGES:
        raise ValidationError(
            CONSENT_FORMS_ARE_PRINTED_IN.with_(language=draft.language),
            field="language",
        )
    values.update(expires_on=draft.expires_on, language=draft.language)
    return values


def _recipient_links(
    session: Session, draft: ConsentDraft, recipient_name: str
) -> tuple[str | None, str | None]:
    """The (service, organization) a consent names, checked against the directory.

    A service's organization is taken from the directory, never from the caller; a consent
    for a whole organization must name it in its recipient text, as the signed form does.
    """
    if draft.recipient_service_id is not None:
        service = session.get(Service, draft.recipient_service_id)
        if service is None:
            raise NotFound(
                PROGRAM_THIS_CONSENT_NAMES_IS,
                hint=CHOOSE_PROVIDER_AGAIN_OR_TYPE,
            )
        return service.id, service.organization_id
    if draft.recipient_organization_id is not None:
        organization = session.get(Organization, draft.recipient_organization_id)
        if organization is None:
            raise NotFound(
                ORGANIZATION_THIS_CONSENT_NAMES_IS,
                hint=CHOOSE_PROVIDER_AGAIN_OR_TYPE,
            )
        if fold(organization.name) not in fold(recipient_name):
            raise ValidationError(
                CONSENT_FOR_EVERY_PROGRAM_OF.with_(name=organization.name),
                field="recipient_name",
                hint=CHOOSE_EVERY_PROGRAM_OF_ORGANIZATION,
            )
        return None, organization.id
    return None, None


@requires(Permission.MANAGE_CONSENTS)
def create_consent(
    session: Session,
    actor: Actor,
    person_id: int,
    draft: ConsentDraft,
    today: date,
    *,
    now: datetime | None = None,
) -> ConsentRecord:
    """A new consent, awaiting the signed form: it is never active before that is recorded."""
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise NotFound(THERE_IS_NO_PERSON.with_(person_id=person_id), hint=OPEN_THEIR_RECORD_AGAIN)
    values = _clean_draft(draft, today)
    service_id, organization_id = _recipient_links(session, draft, values["recipient_name"])
    consent = Consent(
        person_id=person_id,
        created_at=now or utc_now(),
        created_by_id=actor.staff_id,
        recipient_service_id=service_id,
        recipient_organization_id=organization_id,
        whole_organization=service_id is None and organization_id is not None,
        **values,
    )
    session.add(consent)
    record_change(
        session,
        actor,
        Topic.CONSENTS,
        AuditAction.CONSENT_CREATED,
        "consent",
        consent.id,
        person_id=person_id,
        recipient=consent.recipient_name,
        service=service_id,
        organization=organization_id,
        whole_organization=service_id is None and organization_id is not None,
        linked=service_id is not None or organization_id is not None,
        language=consent.language,
    )
    return _record(session, consent, today)


def _consent_for_change(session: Session, consent_id: int, read_version: int) -> Consent:
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFound(THERE_IS_NO_CONSENT.with_(consent_id=consent_id))
    refuse_stale(
        session,
        consent,
        read_version,
        what=THIS_CONSENT,
        hint=YOUR_ENTRIES_ARE_STILL_ON_2,
    )
    return consent


@requires(Permission.MANAGE_CONSENTS)
def record_signature(
    session: Session, actor: Actor, consent_id: int, read_version: int, signed_on: date, today: date
) -> ConsentRecord:
    """The signed form is back: from `signed_on`, the date written on it, the consent is active.

    The date can be neither in the future nor before the consent (and its form) was made.
    """
    consent = _consent_for_change(session, consent_id, read_version)
    if consent.revoked_on is not None:
        raise ValidationError(
            THIS_CONSENT_WAS_REVOKED_SIGNATURE,
            hint=PREPARE_NEW_CONSENT_FORM_INSTEAD,
        )
    if consent.signed_on is not None:
        raise ValidationError(
            SIGNATURE_ON_THIS_CONSENT_WAS.with_(signed_on=consent.signed_on),
            hint=IF_DATE_IS_WRONG_REVOKE,
        )
    if signed_on > today:
        raise ValidationError(
            SIGNATURE_DATE_CANNOT_BE_IN,
            field="signed_on",
            hint=ENTER_DATE_WRITTEN_ON_SIGNED,
        )
    created_on = _created_on(consent, load_settings(session).timezone)
    if signed_on < created_on:
        raise ValidationError(
            FORM_CANNOT_HAVE_BEEN_SIGNED.with_(created_on=created_on),
            field="signed_on",
            hint=ENTER_DATE_WRITTEN_ON_SIGNED,
        )
    consent.signed_on = signed_on
    record_change(
        session,
        actor,
        Topic.CONSENTS,
        AuditAction.CONSENT_SIGNED,
        "consent",
        consent.id,
        person_id=consent.person_id,
        signed_on=signed_on.isoformat(),
    )
    return _record(session, consent, today)


@requires(Permission.MANAGE_CONSENTS)
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
        raise ValidationError(THIS_CONSENT_WAS_ALREADY_REVOKED.with_(revoked_on=consent.revoked_on))
    if revoked_on > today:
        raise ValidationError(REVOCATION_DATE_CANNOT_BE_IN, field="revoked_on")
    consent.revoked_on = revoked_on
    consent.revocation_note = clean_text(
        note, label="The note", max_length=NOTE_MAX, multiline=True
    )
    consent.revoked_by_id = actor.staff_id
    record_change(
        session,
        actor,
        Topic.CONSENTS,
        AuditAction.CONSENT_REVOKED,
        "consent",
        consent.id,
        person_id=consent.person_id,
        revoked_on=revoked_on.isoformat(),
    )
    return _record(session, consent, today)


@requires(Permission.VIEW_PEOPLE)
def person_consents(
    session: Session, actor: Actor, person_id: int, today: date
) -> list[ConsentRecord]:
    consents = session.scalars(
        select(Consent).where(Consent.person_id == person_id).order_by(Consent.id.desc())
    ).all()
    timezone = load_settings(session).timezone
    return [_record(session, consent, today, timezone) for consent in consents]


def consent_covers(consent: Consent, service_id: str, organization: Organization | None) -> bool:
    """Whether this consent names this program: the program itself, or every program of its
    organization when it was made for the organization and its text names it."""
    if not consent.whole_organization:
        return (
            consent.recipient_service_id is not None and consent.recipient_service_id == service_id
        )
    return (
        organization is not None
        and consent.recipient_organization_id == organization.id
        and fold(organization.name) in fold(consent.recipient_name)
    )


@unrestricted("for the referral services, which check their callers")
def consents_for_services(
    session: Session, person_id: int, service_ids: list[str], today: date
) -> tuple[dict[str, int], list[MissingConsent]]:
    """For each service, the active consent that covers it (see `consent_covers`); and the
    services that have none, each with why (none, awaiting signature, expired, revoked)."""
    services = {
        service.id: service
        for service in session.scalars(select(Service).where(Service.id.in_(service_ids)))
    }
    organizations = {
        org.id: org
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
        organization = organizations.get(service.organization_id or "")
        naming = [c for c in consents if consent_covers(c, service_id, organization)]
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
                organization.name if organization else "",
                reason,
            )
        )
    return found, missing
