"""Documents that are not a person's referral: the category handout and the consent form.

Each print or saved copy is written to the audit trail (actions "print." and "export.") in
the same transaction as the act; a consent form names the person, so its audit event does.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.categories import CATEGORIES, Category
from desk.errors import NotFound, ValidationError
from desk.messages.referrals import (
    GIVE_CODE_OR_NAME_CATEGORIES,
    THERE_IS_NO_CATEGORY_CALLED,
    THERE_IS_NO_CONSENT,
)
from desk.models import Attribute, Consent, Person, Service, StaffMember
from desk.printing.category_handout import render_category_handout
from desk.printing.consent_form import render_consent_form
from desk.printing.sheet_content import CategoryHandoutContent, ConsentFormContent
from desk.services.actor import Actor
from desk.services.referrals import center_header
from desk.services.settings import load_settings
from desk.services.sheet_services import ACTIVE, load_sheet_services
from desk.text_folding import fold


def find_category(name: str) -> Category:
    """A category by its code, English or Spanish name; accents and case do not matter."""
    wanted = fold(name)
    for category in CATEGORIES:
        if wanted in (fold(category.code), fold(category.name), fold(category.name_es)):
            return category
    choices = "; ".join(
        f"{category.code} ({category.name} / {category.name_es})" for category in CATEGORIES
    )
    raise ValidationError(
        THERE_IS_NO_CATEGORY_CALLED.with_(name=name),
        hint=GIVE_CODE_OR_NAME_CATEGORIES.with_(choices=choices),
    )


def category_name(category: Category, language: str) -> str:
    return category.name_es if language == "es" else category.name


@unrestricted("directory services of a category: public information")
def current_service_ids(session: Session, category: Category) -> list[str]:
    """The category's services that are open for business, by name."""
    return list(
        session.scalars(
            select(Service.id)
            .where(
                Service.id.in_(
                    select(Attribute.link_id).where(
                        Attribute.link_entity == "service",
                        Attribute.taxonomy_term_id == category.term_id,
                    )
                ),
                Service.status == ACTIVE,
            )
            .order_by(Service.name, Service.id)
        )
    )


@unrestricted("a handout of directory services: public information")
def category_handout(
    session: Session, category: Category, language: str, large_print: bool, today: date
) -> tuple[CategoryHandoutContent, bytes]:
    ids = current_service_ids(session, category)
    services = load_sheet_services(session, ids, language, today)
    content = CategoryHandoutContent(
        language=language,
        large_print=large_print,
        center=center_header(load_settings(session)),
        prepared_on=today,
        category_name=category_name(category, language),
        services=tuple(services[i] for i in ids if i in services),
    )
    return content, render_category_handout(content)


@requires(Permission.MANAGE_CONSENTS)
def consent_form(
    session: Session,
    actor: Actor,
    consent_id: int,
    language: str | None,
    large_print: bool,
    today: date,
) -> tuple[ConsentFormContent, bytes]:
    """The consent's form; in the language it was written in unless `language` is given."""
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise NotFound(THERE_IS_NO_CONSENT.with_(consent_id=consent_id))
    language = language or consent.language
    person = session.get(Person, consent.person_id)
    staff = session.get(StaffMember, consent.created_by_id)
    content = ConsentFormContent(
        language=language,
        large_print=large_print,
        center=center_header(load_settings(session)),
        prepared_on=today,
        consent_id=consent.id,
        person_name=" ".join(p for p in (person.first_name, person.last_name) if p),
        disclosing_party=consent.disclosing_party,
        information=consent.information,
        recipient=consent.recipient_name,
        purpose=consent.purpose,
        expires_on=consent.expires_on,
        expiry_event=consent.expiry_event,
        staff_name=staff.display_name if staff else "",
    )
    return content, render_consent_form(content)


@requires(Permission.PRINT_SHEETS)
def record_document_output(
    session: Session,
    actor: Actor,
    document: str,
    entity_id: object,
    *,
    printed: bool,
    destination: str,
    person_id: int | None = None,
    at: datetime | None = None,
    idempotency_key: str | None = None,
) -> None:
    """A handout or form was printed (`print.DOCUMENT`) or saved (`export.DOCUMENT`)."""
    action = AuditAction(f"{'print' if printed else 'export'}.{document}")
    record_event(
        session,
        actor,
        action,
        document,
        entity_id,
        person_id=person_id,
        destination=destination,
        at=at,
        idempotency_key=idempotency_key,
    )


@requires(Permission.PRINT_SHEETS)
def record_document_print_failure(
    session: Session,
    actor: Actor,
    document: str,
    entity_id: object,
    *,
    printer: str,
    reason: str,
    person_id: int | None = None,
    at: datetime | None = None,
    idempotency_key: str | None = None,
) -> None:
    """A handout or form that the printer refused (`print.failed`, as for a referral sheet)."""
    record_event(
        session,
        actor,
        AuditAction.PRINT_FAILED,
        document,
        entity_id,
        person_id=person_id,
        printer=printer,
        reason=reason,
        at=at,
        idempotency_key=idempotency_key,
    )
