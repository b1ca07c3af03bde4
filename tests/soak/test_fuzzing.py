"""Fuzzing (issue 16): Hypothesis over the intake, directory editing, both imports and the
sheet renderer. No crash (only a DeskError with words), no partial write (a refusal changes
nothing), PDFs that open.

Small in every `uv run pytest`; the full run:

    RECOVERY_DESK_SOAK=full uv run pytest tests/soak/test_fuzzing.py
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.demo.seed_directory import seed_directory
from desk.directory.detail import load_service_detail
from desk.directory.editing import HoursInput, PhoneInput, ServiceEdit, update_service
from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import check_mapping, guess_mapping
from desk.directory.sheet_read import read_sheet
from desk.errors import DeskError
from desk.hsds.export_tabular import export_tabular
from desk.hsds.importer import import_hsds
from desk.models import AuditEvent, Person, Service, Visit
from desk.printing.referral_sheet import render_referral_sheet
from desk.printing.sheet_content import CenterHeader, ReferralSheetContent, SheetService
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from tests.soak.common import full_scale
from tests.staff import admin_actor

EXAMPLES = 300 if full_scale() else 12
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as staff and spreadsheets give it: any Unicode, with the awkward parts more often.
awkward = st.sampled_from(
    ["", " ", "\n", "\t", "'", '"', ";", "--", "\u202e", "\u200d", "\x00", "é", "ł", "ễ",
     "\u0645\u0631\u064a\u0645", "😀", "𝔘", "%", "\\", "<b>", "&amp;", "DROP TABLE", "１２"]
)  # fmt: skip
text = st.lists(st.one_of(st.text(max_size=12), awkward), max_size=6).map("".join)


def counts(database: Database) -> tuple[int, ...]:
    with database.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (Person, Visit, Service, AuditEvent)
        )


@pytest.fixture
def directory(sqlite_database: Database) -> Database:
    with sqlite_database.transaction() as session:
        seed_directory(
            session, services=12, today=date(2026, 11, 23), now=datetime.now(UTC),
            rng=random.Random(3),
        )  # fmt: skip
    return sqlite_database


@pytest.fixture
def actor_of(sqlite_database: Database) -> Actor:
    with sqlite_database.session() as session:
        return admin_actor(session)


def attempt(database: Database, work) -> bool:
    """Run `work` in a transaction: True if it was saved, False if refused with words; and
    a refusal leaves every count as it was."""
    before = counts(database)
    try:
        with database.transaction() as session:
            work(session)
        return True
    except DeskError as error:
        assert error.message.strip(), "a refusal says why"
        assert counts(database) == before, "a refusal wrote something"
        return False


@fuzz
@given(
    first=text,
    last=text,
    birth=st.one_of(text, st.dates().map(str), st.integers(1850, 2100).map(str)),
    phone=st.one_of(
        text, st.from_regex(r"\(?[2-9]\d\d\)? ?\d{3}-\d{4}( x\d{1,4})?", fullmatch=True)
    ),
    email=text,
    note=st.text(max_size=3000),
)
def test_intake(sqlite_database, actor_of, first, last, birth, phone, email, note) -> None:
    details = PersonDetails(
        first_name=first, last_name=last, birth=birth, phone=phone, email=email, note=note
    )

    def intake(session) -> None:
        person = create_person(session, actor_of, details)
        sign_in(session, actor_of, person_id=person.id, purposes=[PurposeChoice("drop_in")])

    attempt(sqlite_database, intake)


phones = st.lists(
    st.builds(PhoneInput, number=st.one_of(text, st.just("508-555-0142")), extension=text),
    max_size=3,
)
hours = st.lists(
    st.builds(
        HoursInput,
        days=st.one_of(text, st.sampled_from(["MO,TU", "SA", "MO,TU,WE,TH,FR", "XX"])),
        opens=st.one_of(text, st.sampled_from(["8 am", "08:00", "25:00", "noon"])),
        closes=st.one_of(text, st.sampled_from(["4 pm", "16:00", "7 am", "midnight"])),
        description=text,
    ),
    max_size=3,
)


@fuzz
@given(name=text, url=text, email=text, phones=phones, hours=hours, capacity=text)
def test_directory_editing(directory, actor_of, name, url, email, phones, hours, capacity):
    with directory.session() as session:
        service_id = session.scalars(select(Service.id).order_by(Service.id)).first()
        before = load_service_detail(session, service_id)
    edit = ServiceEdit.from_detail(before)
    edit = ServiceEdit(
        **{
            **edit.__dict__,
            "name": name,
            "url": url,
            "email": email,
            "phones": tuple(phones),
            "hours": tuple(hours),
            "capacity_available": capacity,
        }
    )
    saved = attempt(
        directory,
        lambda s: update_service(s, actor_of, service_id, edit, read_version=before.version),
    )
    with directory.session() as session:
        after = load_service_detail(session, service_id)
    if not saved:
        assert after == before  # refused whole: not one field changed


@pytest.fixture
def package(directory: Database, tmp_path: Path) -> Path:
    folder = tmp_path / "package"
    with directory.session() as session:
        export_tabular(session, folder)
    return folder


@fuzz
@given(cuts=st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10**6), text), max_size=4))
def test_hsds_import(sqlite_database, actor_of, package: Path, tmp_path_factory, cuts) -> None:
    """A valid package, its CSV cells mangled: imported whole or refused whole."""
    copy = tmp_path_factory.mktemp("mangled") / "package"
    shutil.copytree(package, copy)
    files = sorted(p for p in copy.glob("*.csv"))
    for which, where, replacement in cuts:
        path = files[which % len(files)]
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        if len(rows) > 1:
            row = rows[1 + where % (len(rows) - 1)]
            if row:
                row[where % len(row)] = replacement
        output = io.StringIO()
        csv.writer(output).writerows(rows)
        path.write_text(output.getvalue(), encoding="utf-8")
    attempt(sqlite_database, lambda s: import_hsds(s, actor_of, copy))


@fuzz
@given(
    header=st.lists(st.one_of(st.sampled_from(["Name", "Address", "City", "ZIP", "Phone",
                                               "Hours", "Website", "Category"]), text),
                    min_size=1, max_size=8),
    rows=st.lists(st.lists(text, max_size=8), max_size=6),
    as_zip=st.booleans(),
)  # fmt: skip
def test_spreadsheet_import(sqlite_database, actor_of, tmp_path_factory, header, rows, as_zip):
    path = tmp_path_factory.mktemp("sheet") / "list.csv"
    output = io.StringIO()
    csv.writer(output).writerows([header, *rows])
    data = output.getvalue().encode("utf-8", "surrogatepass")
    if as_zip:  # a file that is not what its name says
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("x", data)
        data = buffer.getvalue()
    path.write_bytes(data)

    def work(session) -> None:
        sheet = read_sheet(path)
        mapping = check_mapping(guess_mapping(sheet.header), sheet.header)
        import_resources(session, actor_of, preview_resources(session, sheet, mapping))

    attempt(sqlite_database, work)


services = st.lists(
    st.builds(
        SheetService,
        id=st.uuids().map(str),
        name=text.filter(str.strip),
        organization=text,
        description=st.text(max_size=600),
        address_lines=st.lists(text, max_size=3).map(tuple),
        phones=st.lists(text, max_size=3).map(tuple),
        hours=text,
        note=st.text(max_size=400),
        qr_url=st.sampled_from(["", "https://example.org/a?b=c", "https://x.org/" + "y" * 200]),
        qr_kind=st.sampled_from(["", "website", "map"]),
    ),
    min_size=1,
    max_size=6,
)


@fuzz
@given(
    language=st.sampled_from(["en", "es"]),
    large=st.booleans(),
    center=st.builds(CenterHeader, name=text, address_lines=st.lists(text, max_size=3).map(tuple),
                     phone=text, email=text),
    services=services,
    prepared_for=st.one_of(st.none(), text),
    next_steps=st.text(max_size=800),
)  # fmt: skip
def test_sheet_renderer(language, large, center, services, prepared_for, next_steps) -> None:
    content = ReferralSheetContent(
        language=language,
        large_print=large,
        center=center,
        prepared_on=date(2026, 11, 23),
        services=tuple(services),
        prepared_for=prepared_for,
        next_steps=next_steps,
        disclosure_notice=prepared_for is not None,
    )
    pdf = render_referral_sheet(content)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    reader.pages[0].extract_text()  # it opens, and reads
    assert ReferralSheetContent.from_json(json.loads(json.dumps(content.to_json()))) == content
