"""Referral sheets: build what the sheet shows, preview it, give it (log it), record each
print or save, and reprint a past one exactly.

Giving a sheet and printing it are separate on purpose: the referral is logged once, when
it is given; every print or saved PDF after that is recorded against the same referral, so a
jammed printer and a second try never log it twice.

A sheet that shows the person's name is checked against their consents when it is given and
again at every later print: a consent revoked (or run out) since stops the name going out
again. A sheet without the name must not name them in a note or the next steps either.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.changes import Topic
from desk.errors import DeskError, NotFound, ValidationError
from desk.identifying_text import Identifying, identifying_detail
from desk.messages import Message
from desk.messages.referrals import (
    ADD_SERVICES_FROM_RESOURCES_PAGE,
    CHOOSE_ANOTHER_COACH,
    CHOOSE_PERSON_FIRST_ANONYMOUS_SHEET,
    CONSENT_LAPSED,
    CONSENT_LAPSED_HINT,
    NAME_IN_TEXT_HINT,
    NO_SERVICE_IN_DIRECTORY_HAS,
    REFERRAL_HAS_NO_SERVICES_YET,
    SERVICE_IDS_ARE_HSDS_IDS,
    SHEET_DOES_NOT_SHOW_THEIR,
    SHEETS_ARE_PRINTED_IN_ENGLISH,
    THAT_COACH_ACCOUNT_IS_GONE,
    THERE_IS_NO_REFERRAL,
)
from desk.models import Assignment, Consent, Person, Referral, ReferralItem, StaffMember
from desk.names import called
from desk.printing.catalogue import LANGUAGES
from desk.printing.referral_sheet import render_referral_sheet
from desk.printing.sheet_content import CenterHeader, ReferralSheetContent
from desk.services.actor import Actor
from desk.services.consents import (
    ConsentNeeded,
    ConsentStatus,
    consent_status,
    consents_for_services,
)
from desk.services.people import live_person
from desk.services.recording import record_change
from desk.services.settings import CenterSettings, center_now, load_settings
from desk.services.sheet_services import load_sheet_services
from desk.validation import NOTE_MAX, clean_text, display_phone

NEXT_STEPS_MAX = 4000


@dataclass(frozen=True)
class ReferralRequest:
    """What staff chose: the services in order with a note each, for whom, and how."""

    service_ids: tuple[str, ...]
    notes: dict[str, str] = field(default_factory=dict)
    person_id: int | None = None
    language: str = "en"
    large_print: bool = False
    shows_name: bool = False  # "prepared for" with their preferred name: needs consent
    coach_id: int | None = None
    next_steps: str = ""


@dataclass(frozen=True)
class ReferralDefaults:
    """What the sheet starts with for a person: their language and their coach."""

    language: str
    coach_id: int | None
    person_label: str  # the name they go by, for the screen


@dataclass(frozen=True)
class PreparedSheet:
    content: ReferralSheetContent
    pdf: bytes
    consent_ids: dict[str, int]


@dataclass(frozen=True)
class GivenReferral:
    referral_id: int
    version: int
    follow_up_on: date | None
    pdf: bytes
    content: ReferralSheetContent


class ConsentLapsed(DeskError):
    """A named sheet printed again after a consent it was given under stopped being active."""

    def __init__(self, referral_id: int, lapsed: list[tuple[str, str]]) -> None:
        names = "; ".join(f"{name} ({reason})" for name, reason in lapsed)
        super().__init__(
            CONSENT_LAPSED.with_(referral_id=referral_id, names=names), hint=CONSENT_LAPSED_HINT
        )
        self.referral_id = referral_id
        self.lapsed = lapsed


class NameInTypedText(ValidationError):
    """A sheet without the person's name whose notes or next steps name them."""


def center_header(settings: CenterSettings) -> CenterHeader:
    return CenterHeader(
        settings.name, tuple(settings.address_lines), settings.phone, settings.email
    )


def sheet_language(preferred: str | None) -> str:
    """The person's preferred language if the sheet can be printed in it, else English."""
    code = (preferred or "").strip().lower()[:2]
    return code if code in LANGUAGES else "en"


@unrestricted("for the referral services, which check their callers")
def assigned_coach_id(session: Session, person_id: int) -> int | None:
    return session.scalar(
        select(Assignment.coach_id).where(
            Assignment.person_id == person_id, Assignment.ended_at.is_(None)
        )
    )


@requires(Permission.PRINT_SHEETS)
def referral_defaults(session: Session, actor: Actor, person_id: int | None) -> ReferralDefaults:
    if person_id is None:
        return ReferralDefaults("en", None, "")
    person = live_person(session, person_id)
    return ReferralDefaults(
        sheet_language(person.preferred_language),
        assigned_coach_id(session, person_id),
        called(person.first_name, person.preferred_name),
    )


def name_in_text(person: Person, texts: dict[str, str]) -> Identifying | None:
    """The first place where a note or the next steps identify the person: a name or nickname
    (also in the possessive), their phone number, email or birth date
    (desk/identifying_text.py)."""
    names = [
        (person.first_name, True),
        (person.last_name, True),
        (person.preferred_name, False),
        (person.nickname, False),
    ]
    return identifying_detail(names, person.phone, person.birth_date, texts, email=person.email)


def refuse_name_in_text(
    person: Person, typed: dict[str, str], next_steps: str, hint: Message | str = NAME_IN_TEXT_HINT
) -> None:
    """NameInTypedText when a sheet that does not show the person's name would name them in
    a note (`typed`: where → text) or in the next steps."""
    texts = dict(typed)
    if next_steps:
        texts["the next steps"] = next_steps
    found = name_in_text(person, texts)
    if found is not None:
        raise NameInTypedText(
            SHEET_DOES_NOT_SHOW_THEIR.with_(where=found.where, what=found.what),
            hint=hint,
        )


@unrestricted("for the referral services, which check their callers")
def build_sheet_content(
    session: Session, request: ReferralRequest, today: date
) -> tuple[ReferralSheetContent, dict[str, int]]:
    """The sheet's content, and the consent used for each provider when it names the person.

    Refuses (with a message that says what to do) an empty basket, a service that is gone,
    an unknown language, and a named sheet without an active consent for every provider.
    """
    if request.language not in LANGUAGES:
        raise ValidationError(SHEETS_ARE_PRINTED_IN_ENGLISH.with_(language=request.language))
    ids = list(dict.fromkeys(request.service_ids))
    if not ids:
        raise ValidationError(
            REFERRAL_HAS_NO_SERVICES_YET,
            hint=ADD_SERVICES_FROM_RESOURCES_PAGE,
        )
    services = load_sheet_services(session, ids, request.language, today)
    unknown = [service_id for service_id in ids if service_id not in services]
    if unknown:
        raise NotFound(
            NO_SERVICE_IN_DIRECTORY_HAS.with_(unknown=", ".join(unknown)),
            hint=SERVICE_IDS_ARE_HSDS_IDS,
        )
    notes = {
        service_id: clean_text(
            request.notes.get(service_id, ""),
            label="The note for a service",
            max_length=NOTE_MAX,
            multiline=True,
        )
        or ""
        for service_id in ids
    }
    next_steps = (
        clean_text(
            request.next_steps, label="Next steps", max_length=NEXT_STEPS_MAX, multiline=True
        )
        or ""
    )
    prepared_for = None
    consent_ids: dict[str, int] = {}
    person = live_person(session, request.person_id) if request.person_id is not None else None
    if person is not None and not request.shows_name:
        typed = {f"the note for {services[i].name}": notes[i] for i in ids if notes[i]}
        refuse_name_in_text(person, typed, next_steps)
    if request.shows_name:
        if person is None:
            raise ValidationError(CHOOSE_PERSON_FIRST_ANONYMOUS_SHEET)
        consent_ids, missing = consents_for_services(session, person.id, ids, today)
        if missing:
            raise ConsentNeeded(missing)
        prepared_for = called(person.first_name, person.preferred_name)
    coach_name = coach_phone = None
    if request.coach_id is not None:
        coach = session.get(StaffMember, request.coach_id)
        if coach is None:
            raise NotFound(THAT_COACH_ACCOUNT_IS_GONE, hint=CHOOSE_ANOTHER_COACH)
        coach_name, coach_phone = coach.display_name, display_phone(coach.phone) or None
    content = ReferralSheetContent(
        language=request.language,
        large_print=request.large_print,
        center=center_header(load_settings(session)),
        prepared_on=today,
        services=tuple(replace(services[i], note=notes[i]) for i in ids),
        prepared_for=prepared_for,
        coach_name=coach_name,
        coach_phone=coach_phone,
        next_steps=next_steps,
        disclosure_notice=prepared_for is not None,
    )
    return content, consent_ids


@requires(Permission.PRINT_SHEETS)
def prepare_sheet(
    session: Session, actor: Actor, request: ReferralRequest, today: date
) -> PreparedSheet:
    """The sheet as it would print: for the preview. Nothing is logged."""
    content, consent_ids = build_sheet_content(session, request, today)
    return PreparedSheet(content, render_referral_sheet(content), consent_ids)


@requires(Permission.PRINT_SHEETS)
def give_referral(
    session: Session,
    actor: Actor,
    request: ReferralRequest,
    today: date,
    *,
    idempotency_key: str | None = None,
) -> GivenReferral:
    """Log the referral (once) with a snapshot of its sheet, and set its follow-up date.
    With `idempotency_key`, giving it again after the reply was lost returns the referral
    the first attempt logged, with its sheet."""
    if idempotency_key is not None:
        done = session.scalar(select(Referral).where(Referral.idempotency_key == idempotency_key))
        if done is not None:
            given = ReferralSheetContent.from_json(done.document)
            pdf = render_referral_sheet(given)
            return GivenReferral(done.id, done.version, done.follow_up_on, pdf, given)
    content, consent_ids = build_sheet_content(session, request, today)
    days = int(load_settings(session)["referrals.follow_up_days"])
    follow_up_on = today + timedelta(days=days)
    distinct_consents = set(consent_ids.values())
    referral = Referral(
        person_id=request.person_id,
        coach_id=request.coach_id,
        consent_id=next(iter(distinct_consents)) if len(distinct_consents) == 1 else None,
        created_by_id=actor.staff_id,
        language=request.language,
        large_print=request.large_print,
        shows_name=content.prepared_for is not None,
        next_steps=content.next_steps or None,
        follow_up_on=follow_up_on,
        document=content.to_json(),
        idempotency_key=idempotency_key,
    )
    referral.items = [
        ReferralItem(
            position=position,
            service_id=service.id,
            service_name=service.name,
            note=service.note or None,
            consent_id=consent_ids.get(service.id),
        )
        for position, service in enumerate(content.services, start=1)
    ]
    session.add(referral)
    record_change(
        session,
        actor,
        Topic.REFERRALS,
        AuditAction.REFERRAL_GIVEN,
        "referral",
        referral.id,
        person_id=request.person_id,
        services=[service.id for service in content.services],
        language=request.language,
        named=content.prepared_for is not None,
        consents=sorted(distinct_consents),
    )
    return GivenReferral(
        referral.id, referral.version, follow_up_on, render_referral_sheet(content), content
    )


def _referral(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None or referral.document is None:
        raise NotFound(THERE_IS_NO_REFERRAL.with_(referral_id=referral_id))
    return referral


@unrestricted("for the referral services, which check their callers")
def lapsed_consents(session: Session, referral: Referral, today: date) -> list[tuple[str, str]]:
    """For a referral that names the person: each provider whose consent is not active today,
    with why. The consent it was given under counts, or any active one that covers it now."""
    lapsed: list[tuple[str, str]] = []
    if referral.person_id is None:
        return lapsed
    items = list(referral.items)
    used = {item.consent_id for item in items if item.consent_id is not None}
    consents = {
        consent.id: consent
        for consent in session.scalars(select(Consent).where(Consent.id.in_(used)))
    }
    service_ids = [item.service_id for item in items if item.service_id is not None]
    current, _ = consents_for_services(session, referral.person_id, service_ids, today)
    for item in items:
        given_under = consents.get(item.consent_id) if item.consent_id is not None else None
        if given_under is not None and consent_status(given_under, today) is ConsentStatus.ACTIVE:
            continue
        if item.service_id is not None and item.service_id in current:
            continue
        reason = (
            f"consent {consent_status(given_under, today).value}"
            if given_under is not None
            else "no consent on file"
        )
        lapsed.append((item.service_name, reason))
    return lapsed


@requires(Permission.PRINT_SHEETS)
def sheet_for_output(
    session: Session, actor: Actor, referral_id: int, today: date, *, without_name: bool = False
) -> tuple[ReferralSheetContent, bytes]:
    """A given referral's sheet, to print or save again.

    A sheet that shows the person's name is checked against their consents every time: if
    one is no longer active, ConsentLapsed (the same sheet may go `without_name`, which also
    leaves out the §2.32 notice, and needs no consent).
    """
    referral = _referral(session, referral_id)
    content = ReferralSheetContent.from_json(referral.document)
    if content.prepared_for is not None:
        if without_name:
            # A named sheet's notes were free to name the person; without the name they are not.
            person = session.get(Person, referral.person_id)
            if person is not None:
                typed = {f"the note for {item.name}": item.note for item in content.services}
                refuse_name_in_text(
                    person,
                    typed,
                    content.next_steps,
                    hint="This sheet cannot go out again without their name. Make a new "
                    "referral for the same services (Refer again on their record) without "
                    "their name in the notes.",
                )
            content = replace(content, prepared_for=None, disclosure_notice=False)
        else:
            lapsed = lapsed_consents(session, referral, today)
            if lapsed:
                raise ConsentLapsed(referral_id, lapsed)
    return content, render_referral_sheet(content)


@requires(Permission.PRINT_SHEETS)
def record_sheet_output(
    session: Session,
    actor: Actor,
    referral_id: int,
    *,
    saved_as_pdf: bool,
    destination: str,
    named: bool | None = None,
    at: datetime | None = None,
    idempotency_key: str | None = None,
) -> int:
    """A print (or a saved PDF) of a given referral; returns how many times it was printed.

    The count goes up in the database (a plain UPDATE that leaves the referral's version
    alone), so prints never make an outcome being recorded look stale, and two stations
    printing the same referral at once both count, each with its audit event.
    """
    referral = _referral(session, referral_id)
    if referral.shows_name if named is None else named:
        # A sheet that names the person is a disclosure: checked here too, whoever asks to
        # record it (not only the screen that printed it), on the day it was printed.
        zone = load_settings(session).timezone
        on = at.astimezone(zone).date() if at is not None else center_now(session).date()
        lapsed = lapsed_consents(session, referral, on)
        if lapsed:
            raise ConsentLapsed(referral.id, lapsed)
    if saved_as_pdf:
        action = AuditAction.EXPORT_REFERRAL_SHEET_PDF
        count = referral.print_count
    else:
        table = Referral.__table__
        count = session.execute(
            update(table)
            .where(table.c.id == referral_id)
            .values(print_count=table.c.print_count + 1)
            .returning(table.c.print_count)
        ).scalar_one()
        action = AuditAction.PRINT_REFERRAL_SHEET
    record_change(
        session,
        actor,
        Topic.REFERRALS,
        action,
        "referral",
        referral.id,
        person_id=referral.person_id,
        destination=destination,
        named=referral.shows_name if named is None else named,
        at=at,
        idempotency_key=idempotency_key,
    )
    return count


@requires(Permission.PRINT_SHEETS)
def record_print_failure(
    session: Session,
    actor: Actor,
    referral_id: int,
    *,
    printer: str,
    reason: str,
    at: datetime | None = None,
    idempotency_key: str | None = None,
) -> None:
    referral = _referral(session, referral_id)
    record_event(
        session,
        actor,
        AuditAction.PRINT_FAILED,
        "referral",
        referral.id,
        person_id=referral.person_id,
        printer=printer,
        reason=reason,
        at=at,
        idempotency_key=idempotency_key,
    )
