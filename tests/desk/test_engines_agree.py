"""What one engine accepts, the other accepts: the same files imported into SQLite and into
PostgreSQL give the same answer, and what was accepted exports and imports back on both.

SQLite stores a 40-character language code in a 16-character column, a NUL character and an
integer too large for PostgreSQL; PostgreSQL refuses each with a traceback. Every such value
is now refused (or stored) the same way on both, in words, before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.db.engine import Database
from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import guess_mapping
from desk.directory.sheet_read import read_sheet
from desk.errors import DeskError
from desk.hsds.exporter import export_hsds
from desk.hsds.importer import import_hsds
from tests.conftest import (
    clone_postgres_database,
    drop_postgres_database,
    make_sqlite_database,
    postgres_admin_url,
)
from tests.staff import admin_actor

SERVICE = {
    "id": "0b4a3c1e-6f73-4d39-9d54-5a9e8e0f3a01",
    "name": "Harbor Street Detox",
    "status": "active",
    "organization": {"id": "org-1", "name": "Harbor Health", "description": "Detox"},
}
SHEETS = {
    "long language names": (
        "Name,Address,City,State,Zip,Phone,Languages\n"
        'Center,1 Main St,Worcester,MA,01608,508-555-0100 x12,"English, Cape Verdean Creole, '
        'Brazilian Portuguese"\nPantry,2 Main St,Worcester,MA,01608,,Chinese (Mandarin)\n'
        "Line,,,,,877-555-0150,Old Worcester County Dialect Of Kriolu And Others\n"
    ),
    "an extension too long": ("Name,Phone\nLine,508-555-0100 x123456789012345678901234\n"),
    "a state written out": (
        "Name,Address,City,State,Zip\n"
        "Center,1 Main St,Worcester,The Commonwealth of Massachusetts,01608\n"
    ),
}
JSON = {
    "a language code too long": {**SERVICE, "languages": [{"id": "l", "code": "x" * 40}]},
    "a language name": {**SERVICE, "languages": [{"id": "l", "name": "Cape Verdean Creole"}]},
    "a NUL in a name": {**SERVICE, "name": "Harbor\x00Detox"},
    "a NUL in an extra field": {**SERVICE, "x_note": "a\x00b"},
    "a broken surrogate": {**SERVICE, "name": "Caf\ud800"},
    "a year too large": {**SERVICE, "organization": {**SERVICE["organization"],
                                                     "year_incorporated": 10**12}},
    "an interval too large": {**SERVICE, "schedules": [{"id": "s", "freq": "WEEKLY",
                                                        "interval": 2**40}]},
    "an extension too long": {**SERVICE, "phones": [{"id": "p", "number": "508 555 0100",
                                                     "extension": "1" * 30}]},
    "a term language too long": {**SERVICE, "attributes": [{
        "id": "a", "taxonomy_term": {"id": "t", "name": "Detox", "description": "d",
                                     "language": "english-of-the-united-states"}}]},
}  # fmt: skip


@pytest.fixture
def engines(
    tmp_path: Path, sqlite_template: Path, postgres_template: str | None
) -> Iterator[dict[str, Database]]:
    """An empty SQLite database and an empty PostgreSQL database, side by side."""
    admin_url = postgres_admin_url()
    if admin_url is None or postgres_template is None:
        pytest.skip("PostgreSQL not configured: set RECOVERY_DESK_TEST_PG_URL")
    sqlite = make_sqlite_database(sqlite_template, tmp_path / "sqlite")
    postgres = clone_postgres_database(admin_url, postgres_template)
    yield {"sqlite": sqlite, "postgresql": postgres}
    sqlite.dispose()
    drop_postgres_database(admin_url, postgres)


def outcome(database: Database, run) -> tuple[bool, str]:
    with database.session() as session:
        actor = admin_actor(session)
    try:
        with database.transaction() as session:
            report = run(session, actor)
    except DeskError as error:
        report = getattr(error, "report", None)
        return False, report.text() if report is not None else str(error)
    return True, report.text()


def round_trip(database: Database, folder: Path) -> None:
    """What was accepted exports in both forms, and each imports back on the same engine."""
    with database.session() as session:
        actor = admin_actor(session)
    for fmt, name in (("csv", "package.zip"), ("json", "services.json")):
        with database.transaction() as session:
            export_hsds(session, actor, folder / name, fmt)
        with database.transaction() as session:
            assert import_hsds(session, actor, folder / name).committed


@pytest.mark.parametrize("case", list(SHEETS))
def test_a_list_gets_the_same_answer_on_both_engines(
    engines: dict[str, Database], tmp_path: Path, case: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(SHEETS[case], encoding="utf-8")
    sheet = read_sheet(path)

    def run(session, actor):
        preview = preview_resources(session, sheet, guess_mapping(sheet.header))
        return import_resources(session, actor, preview)

    answers = {name: outcome(database, run) for name, database in engines.items()}
    assert answers["sqlite"] == answers["postgresql"]
    if answers["sqlite"][0]:
        for name, database in engines.items():
            (tmp_path / f"out-{name}").mkdir()
            round_trip(database, tmp_path / f"out-{name}")


@pytest.mark.parametrize("case", list(JSON))
def test_hsds_json_gets_the_same_answer_on_both_engines(
    engines: dict[str, Database], tmp_path: Path, case: str
) -> None:
    path = tmp_path / "service.json"
    path.write_text(json.dumps({"contents": [JSON[case]]}), encoding="utf-8")
    answers = {
        name: outcome(database, lambda session, actor: import_hsds(session, actor, path))
        for name, database in engines.items()
    }
    assert answers["sqlite"] == answers["postgresql"]
    if answers["sqlite"][0]:
        for name, database in engines.items():
            (tmp_path / f"out-{name}").mkdir()
            round_trip(database, tmp_path / f"out-{name}")
