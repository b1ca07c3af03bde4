"""Referral sheets: build what the sheet shows, preview it, give it (log it), record each
print or save, and reprint a past one exactly.

Giving a sheet and printing it are separate on purpose: the referral is logged once, when
it is given; every print or saved PDF after that is recorded against the same referral, so a
jammed printer and a second try never log it twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.changes import announce_change
from desk.errors import NotFound, ValidationError
from desk.models import Assignment, Person, Referral, ReferralItem, StaffMember
from desk.models.base import utc_now
from desk.names import called
from desk.printing.catalogue import LANGUAGES
from desk.printing.referral_sheet import render_referral_sheet
from desk.printing.sheet_content import CenterHeader, ReferralSheetContent
from desk.services.actor import Actor
from desk.services.audit import record_event
from desk.services.consents import ConsentNeeded, consents_for_services
from desk.services.settings import CenterSettings, load_settings
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


def center_header(settings: CenterSettings) -> CenterHeader:
    return CenterHeader(
        settings.name, tuple(settings.address_lines), settings.phone, settings.email
    )


def local_today(session: Session) -> date:
    return utc_now().astimezone(load_settings(session).timezone).date()


def sheet_language(preferred: str | None) -> str:
    """The person's preferred language if the sheet can be printed in it, else English."""
    code = (preferred or "").strip().lower()[:2]
    return code if code in LANGUAGES else "en"


def assigned_coach_id(session: Session, person_id: int) -> int | None:
    return session.scalar(
        select(Assignment.coach_id).where(
            Assignment.person_id == person_id, Assignment.ended_at.is_(None)
        )
    )


def referral_defaults(session: Session, person_id: int | None) -> ReferralDefaults:
    if person_id is None:
        return ReferralDefaults("en", None, "")
    person = _live_person(session, person_id)
    return ReferralDefaults(
        sheet_language(person.preferred_language),
        assigned_coach_id(session, person_id),
        called(person.first_name, person.preferred_name),
    )


def _live_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"There is no person #{person_id}.", hint="Check the number and try again.")
    if person.merged_into_id is not None:
        raise NotFound(
            f"Person #{person_id} was merged into #{person.merged_into_id}.",
            hint="Use that record instead.",
        )
    return person


def build_sheet_content(
    session: Session, request: ReferralRequest, today: date
) -> tuple[ReferralSheetContent, dict[str, int]]:
    """The sheet's content, and the consent used for each provider when it names the person.

    Refuses (with a message that says what to do) an empty basket, a service that is gone,
    an unknown language, and a named sheet without an active consent for every provider.
    """
    if request.language not in LANGUAGES:
        raise ValidationError(
            f"Sheets are printed in English (en) or Spanish (es), not “{request.language}”."
        )
    ids = list(dict.fromkeys(request.service_ids))
    if not ids:
        raise ValidationError(
            "The referral has no services yet.",
            hint="Add services from the Resources page or from the person's record.",
        )
    services = load_sheet_services(session, ids, request.language)
    unknown = [service_id for service_id in ids if service_id not in services]
    if unknown:
        raise NotFound(
            f"No service in the directory has the id {', '.join(unknown)}.",
            hint="Service ids are the HSDS ids that `recovery-desk export-hsds` writes; the "
            "service may have been removed on another station.",
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
    person = _live_person(session, request.person_id) if request.person_id is not None else None
    if request.shows_name:
        if person is None:
            raise ValidationError(
                "Choose the person first: an anonymous sheet has no name to show."
            )
        consent_ids, missing = consents_for_services(session, person.id, ids, today)
        if missing:
            raise ConsentNeeded(missing)
        prepared_for = called(person.first_name, person.preferred_name)
    coach_name = coach_phone = None
    if request.coach_id is not None:
        coach = session.get(StaffMember, request.coach_id)
        if coach is None:
            raise NotFound("That coach's account is gone.", hint="Choose another coach.")
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


def prepare_sheet(session: Session, request: ReferralRequest, today: date) -> PreparedSheet:
    """The sheet as it would print: for the preview. Nothing is logged."""
    content, consent_ids = build_sheet_content(session, request, today)
    return PreparedSheet(content, render_referral_sheet(content), consent_ids)


def give_referral(
    session: Session, actor: Actor, request: ReferralRequest, today: date
) -> GivenReferral:
    """Log the referral (once) with a snapshot of its sheet, and set its follow-up date."""
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
    session.flush()
    record_event(
        session,
        actor,
        "referral.given",
        "referral",
        referral.id,
        person_id=request.person_id,
        services=[service.id for service in content.services],
        language=request.language,
        named=content.prepared_for is not None,
        consents=sorted(distinct_consents),
    )
    announce_change(session, "referrals")
    return GivenReferral(
        referral.id, referral.version, follow_up_on, render_referral_sheet(content), content
    )


def _referral(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None or referral.document is None:
        raise NotFound(f"There is no referral #{referral_id}.")
    return referral


def referral_sheet(session: Session, referral_id: int) -> tuple[ReferralSheetContent, bytes]:
    """A past referral's sheet, exactly as it was given (from its snapshot)."""
    content = ReferralSheetContent.from_json(_referral(session, referral_id).document)
    return content, render_referral_sheet(content)


def record_sheet_output(
    session: Session, actor: Actor, referral_id: int, *, saved_as_pdf: bool, destination: str
) -> int:
    """A print (or a saved PDF) of a given referral; returns how many times it was printed."""
    referral = _referral(session, referral_id)
    if saved_as_pdf:
        action = "export.referral_sheet_pdf"
    else:
        referral.print_count += 1
        action = "print.referral_sheet"
    session.flush()
    record_event(
        session,
        actor,
        action,
        "referral",
        referral.id,
        person_id=referral.person_id,
        destination=destination,
        named=referral.shows_name,
    )
    announce_change(session, "referrals")
    return referral.print_count


def record_print_failure(
    session: Session, actor: Actor, referral_id: int, *, printer: str, reason: str
) -> None:
    referral = _referral(session, referral_id)
    record_event(
        session,
        actor,
        "print.failed",
        "referral",
        referral.id,
        person_id=referral.person_id,
        printer=printer,
        reason=reason,
    )
