"""Small builders: a service with exactly the fields a test needs; PDF text and word boxes."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from desk.categories import CATEGORY_BY_CODE
from desk.models import (
    Address,
    Attribute,
    Location,
    Organization,
    Phone,
    Service,
    ServiceAtLocation,
)
from desk.printing.styles import LEFT_MARGIN, RIGHT_MARGIN
from desk.services.actor import Actor
from desk.services.consents import (
    ConsentRecord,
    create_consent,
    default_consent_draft,
    record_signature,
)

TODAY = date(2026, 11, 23)
# Ten in the morning in Worcester on TODAY: when the tests' consents are prepared.
PREPARED_AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def add_service(
    session: Session,
    name: str,
    *,
    organization: str = "Test Organization",
    organization_id: str | None = None,
    street: str | None = "1 Main Street",
    phone: str | None = "+15085550100",
    url: str | None = None,
    category: str = "treatment",
    status: str = "active",
    **fields: object,
) -> str:
    """A new service, of a new organization (or of `organization_id`, one already added)."""
    org = session.get(Organization, organization_id) if organization_id else None
    if org is None:
        org = Organization(id=str(uuid.uuid4()), name=organization, version=1)
        # No ORM relationships join these tables, so each parent is flushed before its children.
        session.add(org)
        session.flush()
    service = Service(
        id=str(uuid.uuid4()), organization_id=org.id, name=name, url=url, status=status, **fields
    )
    session.add(service)
    session.flush()
    if street is not None:
        location = Location(id=str(uuid.uuid4()), organization_id=org.id, name=org.name)
        session.add(location)
        session.flush()
        session.add(
            Address(
                id=str(uuid.uuid4()),
                location_id=location.id,
                address_1=street,
                city="Worcester",
                state_province="MA",
                postal_code="01608",
                country="US",
            )
        )
        session.add(
            ServiceAtLocation(id=str(uuid.uuid4()), service_id=service.id, location_id=location.id)
        )
    if phone is not None:
        session.add(Phone(id=str(uuid.uuid4()), service_id=service.id, number=phone))
    session.add(
        Attribute(
            id=str(uuid.uuid4()),
            link_id=service.id,
            link_entity="service",
            taxonomy_term_id=CATEGORY_BY_CODE[category].term_id,
        )
    )
    session.flush()
    return service.id


def signed_consent(
    session: Session,
    actor: Actor,
    person_id: int,
    service_id: str | None,
    today: date,
    *,
    signed_on: date | None = None,
    now: datetime = PREPARED_AT,
    **changes: object,
) -> ConsentRecord:
    """A consent for one service, prepared at `now` and its signed form back on `signed_on`
    (default `today`): the two steps staff take, form first, signature later."""
    draft = replace(default_consent_draft(session, service_id, "en", today), **changes)
    made = create_consent(session, actor, person_id, draft, today, now=now)
    return record_signature(session, actor, made.id, made.version, signed_on or today, today)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return text.replace("\t", " ")  # Qt places words one by one; pypdf marks gaps as tabs


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@dataclass(frozen=True)
class WordBox:
    page: int
    word: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page_width: float
    page_height: float


def word_boxes(pdf: bytes) -> list[WordBox]:
    """Every word's box on its page, from poppler's pdftotext (installed with CI)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    )
    root = ElementTree.fromstring(result.stdout)
    boxes = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        width, height = float(page.get("width")), float(page.get("height"))
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            boxes.append(
                WordBox(
                    number,
                    word.text or "",
                    float(word.get("xMin")),
                    float(word.get("yMin")),
                    float(word.get("xMax")),
                    float(word.get("yMax")),
                    width,
                    height,
                )
            )
    return boxes


def assert_all_text_inside_margins(pdf: bytes) -> None:
    """No word runs past the side margins, or off the top or bottom of the page (where a
    printer would clip it)."""
    boxes = word_boxes(pdf)
    assert boxes, "the PDF has no text at all"
    edge = 0.25 * 72  # what most printers cannot print
    outside = [
        box
        for box in boxes
        if box.x_min < LEFT_MARGIN - 1
        or box.x_max > box.page_width - RIGHT_MARGIN + 1
        or box.y_min < edge
        or box.y_max > box.page_height - edge
    ]
    assert not outside, f"text outside the printable area: {outside[:5]}"
