"""Both import commands under Hypothesis: any file contents, any file name, never a traceback.

Each example is a file as `import-hsds` or `import-resources` would be given it: HSDS JSON
shaped like services (with nested phones, schedules, languages, places) holding plausible and
hostile values (NUL, broken surrogates, NaN, huge numbers, days such as "Funday", times such
as 25:00), raw bytes, tables of the official package with their cells fuzzed, lists of
resources as CSV or XLSX. Whatever the file, the import either succeeds or raises a DeskError
(a message in words); anything else would reach the person as a traceback. The examples run
on both engines, each in a transaction that is never committed.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desk.db.engine import Database
from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import SYNONYMS, check_mapping, guess_mapping
from desk.directory.sheet_read import read_sheet
from desk.directory.sheet_text import mapping_text
from desk.errors import DeskError
from desk.hsds.importer import import_hsds
from tests.desk.hsds.schemas import EXAMPLE_PACKAGE
from tests.staff import admin_actor

fuzzing = settings(
    max_examples=120,
    deadline=None,
    database=None,  # nothing written into the repository
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE = st.sampled_from(
    [
        "", " ", "\x00", "a\x00b", "\ud800", "Caf\udcff", "XX,Funday", "MO,TU", "1TU", "25:00",
        "09:00", "9am", "2026-13-45", "2026-11-23", "2026-11-23T14:30:00Z", "WEEKLY", "DAILY",
        "active", "x" * 70, "x" * 5000, "‮evil", "Łukasz Nguyễn", "0", "-1", "1e400", "NaN",
        "508-555-0100 x4385", "123-456-7890", "Cape Verdean Creole", "zz-ZZ-x-private-tag",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    HOSTILE,
)
FIELDS = st.sampled_from(
    [
        "id", "name", "status", "description", "url", "email", "minimum_age", "byday", "freq",
        "opens_at", "closes_at", "interval", "count", "until", "number", "extension", "code",
        "location_type", "address_1", "city", "state_province", "postal_code", "country",
        "year_incorporated", "assured_date", "last_modified", "latitude", "language",
        "taxonomy_term_id", "link_id", "value", "organization_id", "x_extra",
    ]
)  # fmt: skip
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(FIELDS | st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=20,
)
IDS = st.one_of(st.uuids().map(str), st.sampled_from(["a", "org-1", "s1"]), SCALARS)


def record(extra: dict) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({"id": IDS}, optional={**extra, "x_extra": JSON_VALUES}).map(
        lambda d: {k: v for k, v in d.items()}
    )


PHONE = record({"number": SCALARS, "extension": SCALARS, "type": SCALARS})
SCHEDULE = record(
    {
        "freq": SCALARS,
        "byday": SCALARS,
        "opens_at": SCALARS,
        "closes_at": SCALARS,
        "interval": SCALARS,
        "count": SCALARS,
        "until": SCALARS,
        "bymonthday": SCALARS,
        "wkst": SCALARS,
    }
)
LANGUAGE = record({"code": SCALARS, "name": SCALARS})
ADDRESS = record(
    {"address_1": SCALARS, "city": SCALARS, "state_province": SCALARS, "postal_code": SCALARS,
     "country": SCALARS, "address_type": SCALARS}
)  # fmt: skip
LOCATION = record(
    {"location_type": SCALARS, "name": SCALARS, "addresses": st.lists(ADDRESS, max_size=2),
     "latitude": SCALARS}
)  # fmt: skip
ORGANIZATION = record({"name": SCALARS, "description": SCALARS, "year_incorporated": SCALARS})
SERVICE = record(
    {
        "name": SCALARS,
        "status": SCALARS,
        "minimum_age": SCALARS,
        "assured_date": SCALARS,
        "organization": ORGANIZATION,
        "phones": st.lists(PHONE, max_size=3),
        "schedules": st.lists(SCHEDULE, max_size=3),
        "languages": st.lists(LANGUAGE, max_size=3),
        "service_at_locations": st.lists(record({"location": LOCATION}), max_size=2),
        "program": record({"name": SCALARS, "description": SCALARS}),
    }
)
DOCUMENTS = st.one_of(
    SERVICE,
    st.lists(SERVICE, max_size=3),
    st.fixed_dictionaries({"contents": st.lists(SERVICE | ORGANIZATION | LOCATION, max_size=3)}),
    JSON_VALUES,
)
SUFFIXES = st.sampled_from([".json", ".JSON", ".zip", ".csv", ".xlsx", ".txt", ""])
STEMS = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=30,
).filter(lambda s: s not in (".", "..") and len(s.encode()) < 200)


def json_bytes(document) -> bytes:
    return json.dumps(document, allow_nan=True).encode("utf-8")


HSDS_FILES = st.one_of(
    DOCUMENTS.map(json_bytes),
    st.binary(max_size=300),
    DOCUMENTS.map(json_bytes).flatmap(
        lambda data: st.integers(0, len(data)).map(lambda cut: data[:cut])
    ),
)


@pytest.fixture
def actor(database: Database):
    with database.session() as session:
        return admin_actor(session)


def never_a_traceback(call) -> None:
    with contextlib.suppress(DeskError):  # refused in words
        call()


@fuzzing
@given(data=HSDS_FILES, stem=STEMS, suffix=SUFFIXES)
def test_import_hsds_of_any_file(database: Database, actor, data: bytes, stem: str, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{stem}{suffix}"
        path.write_bytes(data)

        def run() -> None:
            with database.session() as session:
                import_hsds(session, actor, path)
                session.rollback()

        never_a_traceback(run)


TABLES = sorted(p.name for p in EXAMPLE_PACKAGE.glob("*.csv"))


@settings(fuzzing, max_examples=60)
@given(table=st.sampled_from(TABLES), cells=st.lists(st.one_of(HOSTILE, st.text(max_size=20)),
                                                      min_size=1, max_size=40))  # fmt: skip
def test_import_hsds_of_a_package_with_a_table_fuzzed(
    database: Database, actor, table: str, cells: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        package = Path(folder) / "package"
        shutil.copytree(EXAMPLE_PACKAGE, package)
        with (package / table).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        for position, value in enumerate(cells):
            row = rows[1 + position % (len(rows) - 1)] if len(rows) > 1 else rows[0]
            row[position % len(row)] = value
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        (package / table).write_bytes(text.getvalue().encode("utf-8", "surrogatepass"))

        def run() -> None:
            with database.session() as session:
                import_hsds(session, actor, package)
                session.rollback()

        never_a_traceback(run)


HEADINGS = st.sampled_from([s for synonyms in SYNONYMS.values() for s in synonyms] + ["Notes",
                           "location_id", "", "Name", "Name"])  # fmt: skip
CELLS = st.one_of(HOSTILE, st.text(max_size=25), st.sampled_from([
    "Mon-Fri 9-5", "7pm-7am nightly", "noon-4", "1604", "01608-1234", "Detox", "x4385",
    "English, Cape Verdean Creole", "Worcester, MA 01608", "12 Front St, Worcester, MA",
]))  # fmt: skip
SHEETS = st.tuples(
    st.lists(HEADINGS, min_size=1, max_size=8),
    st.lists(st.lists(CELLS, min_size=0, max_size=9), max_size=6),
)


def sheet_bytes(kind: str, header: list[str], rows: list[list[str]]) -> bytes:
    if kind == "csv":
        text = io.StringIO()
        csv.writer(text).writerows([header, *rows])
        return text.getvalue().encode("utf-8", "surrogatepass")
    book = Workbook()
    sheet = book.active
    for values in (header, *rows):  # control characters no spreadsheet program can write
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", v.encode("utf-8", "ignore").decode()) for v in values]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@fuzzing
@given(
    sheet=SHEETS,
    kind=st.sampled_from(["csv", "xlsx", "bytes"]),
    raw=st.binary(max_size=200),
    stem=STEMS,
    suffix=st.sampled_from([".csv", ".xlsx", ".CSV", ".tsv", ".xls", ".txt", ""]),
)
def test_import_resources_of_any_file(
    database: Database, actor, sheet, kind: str, raw: bytes, stem: str, suffix: str
) -> None:
    header, rows = sheet
    data = raw if kind == "bytes" else sheet_bytes(kind, header, rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{stem}{suffix}"
        path.write_bytes(data)

        def run() -> None:
            read = read_sheet(path)
            mapping = check_mapping(guess_mapping(read.header), read.header)
            mapping_text(read, mapping, guessed=True)
            with database.session() as session:
                import_resources(session, actor, preview_resources(session, read, mapping))
                session.rollback()

        never_a_traceback(run)
