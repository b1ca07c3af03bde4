"""Bad packages: each gets a clear report, nothing is imported, and nothing crashes."""

from __future__ import annotations

import csv
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.hsds.importer import import_hsds
from desk.hsds.report import ImportRefused
from desk.models import AuditEvent, Organization, Service
from tests.desk.hsds.schemas import EXAMPLE_PACKAGE
from tests.staff import admin_actor

SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


def package_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "package"
    shutil.copytree(EXAMPLE_PACKAGE, folder)
    return folder


def edit_rows(folder: Path, file_name: str, change: Callable[[list[dict]], list[dict]]) -> None:
    path = folder / file_name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows = change(rows)
    fields = list(dict.fromkeys(k for row in rows for k in row))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def refused(database: Database, path: Path) -> str:
    with database.session() as session:
        actor = admin_actor(session)
    with pytest.raises(ImportRefused) as caught, database.transaction() as session:
        import_hsds(session, actor, path)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 0
        assert session.scalar(select(func.count()).select_from(Organization)) == 0
        assert (
            session.scalars(select(AuditEvent).where(AuditEvent.action == "import.hsds")).all()
            == []
        )
    return caught.value.report.text()


def test_malformed_csv(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    text = (folder / "services.csv").read_text(encoding="utf-8")
    (folder / "services.csv").write_text(text + '\nbroken,"never closed,active\n', encoding="utf-8")
    report = refused(database, folder)
    assert "services.csv" in report and "not valid CSV" in report


def test_a_row_with_too_many_cells(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    with (folder / "phones.csv").open("a", encoding="utf-8") as handle:
        handle.write("a,b,c\n")
    report = refused(database, folder)
    assert "phones.csv line 3" in report and "has 3 cells; the header has 10" in report


def test_windows_1252_encoding(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    edit_rows(folder, "organizations.csv", lambda rows: [{**rows[0], "name": "Café Esperanza"}])
    text = (folder / "organizations.csv").read_text(encoding="utf-8")
    (folder / "organizations.csv").write_bytes(text.encode("cp1252"))
    report = refused(database, folder)
    assert "organizations.csv is not UTF-8" in report and "Windows-1252" in report
    assert "byte 0xE9 on line 2" in report


def test_windows_1252_is_read_when_the_package_says_so(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    edit_rows(folder, "organizations.csv", lambda rows: [{**rows[0], "name": "Café Esperanza"}])
    text = (folder / "organizations.csv").read_text(encoding="utf-8")
    (folder / "organizations.csv").write_bytes(text.encode("cp1252"))
    descriptor = (folder / "datapackage.json").read_text(encoding="utf-8")
    (folder / "datapackage.json").write_text(
        descriptor.replace(
            '"path": "organizations.csv",',
            '"path": "organizations.csv", "encoding": "windows-1252",',
        ),
        encoding="utf-8",
    )
    with database.session() as session:
        actor = admin_actor(session)
    with database.transaction() as session:
        import_hsds(session, actor, folder)
    with database.session() as session:
        assert session.scalar(select(Organization.name)) == "Café Esperanza"


def test_missing_required_table(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    (folder / "services.csv").unlink()
    assert "the package has no services.csv (the HSDS service table)" in refused(database, folder)


def test_missing_required_column(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    edit_rows(
        folder,
        "services.csv",
        lambda rows: [{k: v for k, v in r.items() if k != "status"} for r in rows],
    )
    assert "has no column “status”, which HSDS requires" in refused(database, folder)


def test_dangling_required_reference(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    edit_rows(
        folder,
        "service_at_location.csv",
        lambda rows: [{**rows[0], "service_id": "00000000-0000-4000-8000-000000000000"}],
    )
    report = refused(database, folder)
    assert "service_at_location.csv line 2" in report
    assert "service_id “00000000-0000-4000-8000-000000000000” points at no service" in report


@pytest.mark.parametrize(
    ("value", "expected"), [("25:00", "not a time of day"), ("9am", "not a time")]
)
def test_invalid_times(database: Database, tmp_path: Path, value: str, expected: str) -> None:
    folder = package_copy(tmp_path)
    edit_rows(folder, "schedules.csv", lambda rows: [{**rows[0], "opens_at": value}])
    report = refused(database, folder)
    assert "schedules.csv line 2" in report and f"opens_at: “{value}” is {expected}" in report


def test_duplicate_ids(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    edit_rows(folder, "phones.csv", lambda rows: [rows[0], {**rows[0], "number": "508 555 0100"}])
    report = refused(database, folder)
    assert (
        "phones.csv line 3" in report
        and "the id is used twice in the phone table (also phones.csv line 2)" in report
    )


def test_every_problem_is_listed_at_once(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    edit_rows(
        folder, "schedules.csv", lambda rows: [{**rows[0], "opens_at": "25:00", "freq": "DAILY"}]
    )
    edit_rows(folder, "services.csv", lambda rows: [{**rows[0], "status": "open"}])
    report = refused(database, folder)
    assert "opens_at" in report and "freq “DAILY” is not one of: WEEKLY, MONTHLY" in report
    assert "status “open” is not one of" in report
    assert "3 problems" in report


def test_a_50_mb_file(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    with (folder / "services.csv").open("a", encoding="utf-8") as handle:
        handle.write(("x" * 1023 + "\n") * (50 * 1024))
    report = refused(database, folder)
    assert "services.csv is 50.0 MB; the largest file Recovery Desk imports is 40.0 MB" in report


def test_a_zip_whose_paths_point_outside_its_folder(database: Database, tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in EXAMPLE_PACKAGE.iterdir():
            handle.write(path, path.name)
        handle.writestr("../../outside.csv", "id\n1\n")
    report = refused(database, archive)
    assert "names a file outside its own folder (“../../outside.csv”)" in report
    assert not (tmp_path.parent / "outside.csv").exists()


def test_a_zip_holding_a_link(database: Database, tmp_path: Path) -> None:
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in EXAMPLE_PACKAGE.iterdir():
            handle.write(path, path.name)
        link = zipfile.ZipInfo("organizations_link.csv")
        link.external_attr = 0o120777 << 16
        handle.writestr(link, "/etc/passwd")
    assert "holds a link" in refused(database, archive)


def test_a_datapackage_pointing_outside(database: Database, tmp_path: Path) -> None:
    folder = package_copy(tmp_path)
    descriptor = (folder / "datapackage.json").read_text(encoding="utf-8")
    (folder / "datapackage.json").write_text(
        descriptor.replace('"path": "services.csv"', '"path": "../services.csv"'), encoding="utf-8"
    )
    assert "outside its own folder" in refused(database, folder)


def test_not_a_package_at_all(database: Database, tmp_path: Path) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("hello", encoding="utf-8")
    assert "neither a folder nor a .zip" in refused(database, stray)


def test_broken_json(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "services.json"
    path.write_text('{"contents": [', encoding="utf-8")
    assert "is not valid JSON" in refused(database, path)
