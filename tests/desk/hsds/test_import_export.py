"""HSDS 3.0: the official examples import completely, exports validate, round trips keep all."""

from __future__ import annotations

import csv
import json
import random
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select

from desk.db.engine import Database
from desk.demo.seed_directory import seed_directory
from desk.hsds.export_json import build_services_json
from desk.hsds.exporter import export_hsds
from desk.hsds.importer import import_hsds
from desk.models import AuditEvent, HsdsOtherRecord, Location, Service
from tests.desk.hsds.schemas import EXAMPLE_PACKAGE, SERVICE_FULL, service_errors, tabular_errors
from tests.staff import admin_actor

SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


def run_import(database: Database, path: Path):
    with database.session() as session:
        actor = admin_actor(session)
    with database.transaction() as session:
        return import_hsds(session, actor, path)


def run_export(database: Database, path: Path, fmt: str = "csv") -> Path:
    with database.session() as session:
        actor = admin_actor(session)
    with database.transaction() as session:
        export_hsds(session, actor, path, fmt)
    return path


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_official_csv_example_imports_completely(database: Database) -> None:
    report = run_import(database, EXAMPLE_PACKAGE)
    assert report.ok and report.committed
    tables = [p.stem for p in EXAMPLE_PACKAGE.glob("*.csv")]
    assert sum(report.created.values()) == len(tables) == 21
    # The example's references that point outside it are noted, not dropped; so is its
    # schedule that gives both a count and an end date, which RFC 5545 does not allow.
    assert len(report.notes) == 5
    assert sum("points at no" in note.message for note in report.notes) == 4
    assert any("both count and until" in note.message for note in report.notes)
    with database.session() as session:
        service = session.get(Service, SERVICE_ID)
        location = session.get(Location, "3a19ff88-4620-4d17-9830-ac1d859eb5d5")
        funding = session.get(HsdsOtherRecord, ("funding", "1f2df32c-bf08-4b8e-bd6f-e834014b19bc"))
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "import.hsds")).one()
    assert service.name == "Community Counselling" and service.minimum_age == 12
    assert service.last_modified == datetime(2023, 3, 15, 10, 30, 45, 123000, tzinfo=UTC)
    assert service.assured_date == date(2005, 1, 1)
    assert location.organization_id is None
    assert location.extra == {"organization_id": "985e4a42-bd9f-4edc-911d-0243a4640aca"}
    assert funding.data["source"].startswith("This service is funded partially")
    assert audit.detail["created"]["service"] == 1


def test_the_official_json_example_imports(database: Database) -> None:
    report = run_import(database, SERVICE_FULL)
    assert report.ok
    with database.session() as session:
        assert session.get(Service, SERVICE_ID).name == "Community Counselling"
        assert session.scalar(select(func.count()).select_from(HsdsOtherRecord)) >= 3


def test_reimporting_updates_by_id_without_duplicates(database: Database) -> None:
    run_import(database, EXAMPLE_PACKAGE)
    with database.session() as session:
        version = session.get(Service, SERVICE_ID).version
    again = run_import(database, EXAMPLE_PACKAGE)
    assert sum(again.created.values()) == 0 and again.updated["service"] == 1
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 1
        assert session.get(Service, SERVICE_ID).version == version + 1


def test_exports_are_valid_against_the_official_schemas(database: Database, tmp_path: Path) -> None:
    run_import(database, EXAMPLE_PACKAGE)
    with database.transaction() as session:
        seed_directory(
            session,
            services=50,
            today=date(2026, 11, 23),
            now=datetime(2026, 11, 23, tzinfo=UTC),
            rng=random.Random(3),
        )
    folder = run_export(database, tmp_path / "package")
    assert tabular_errors(folder) == []
    document = json.loads(run_export(database, tmp_path / "services.json", "json").read_text())
    assert document["total_items"] == 51
    for service in document["contents"]:
        assert service_errors(service) == [], service["name"]
    with database.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "export.hsds")).all()
    assert [e.detail["format"] for e in events] == ["csv", "json"]


def test_import_export_import_loses_nothing(
    database: Database, fresh_database: Database, tmp_path: Path
) -> None:
    run_import(database, EXAMPLE_PACKAGE)
    with database.transaction() as session:
        seed_directory(
            session,
            services=50,
            today=date(2026, 11, 23),
            now=datetime(2026, 11, 23, tzinfo=UTC),
            rng=random.Random(3),
        )
    first = run_export(database, tmp_path / "first")
    # The example's own cells come back as they were.
    exported = csv_rows(first / "services.csv")
    original = csv_rows(EXAMPLE_PACKAGE / "services.csv")[0]
    assert next(row for row in exported if row["id"] == SERVICE_ID) == original
    example_location = next(
        row for row in csv_rows(first / "locations.csv") if row["id"].startswith("3a19ff88")
    )
    assert example_location == csv_rows(EXAMPLE_PACKAGE / "locations.csv")[0]
    zipped = shutil.make_archive(str(tmp_path / "first"), "zip", first)
    run_import(fresh_database, Path(zipped))
    second = run_export(fresh_database, tmp_path / "second")
    for path in sorted(first.iterdir()):
        assert (second / path.name).read_bytes() == path.read_bytes(), path.name
    with fresh_database.session() as session:
        walk_ins = session.scalar(
            select(func.count()).select_from(Service).where(Service.accepts_walk_ins)
        )
        sample = session.scalar(select(func.count()).select_from(Service).where(Service.is_sample))
    assert walk_ins > 0 and sample == 50


def test_json_round_trip(database: Database, fresh_database: Database, tmp_path: Path) -> None:
    with database.transaction() as session:
        seed_directory(
            session,
            services=50,
            today=date(2026, 11, 23),
            now=datetime(2026, 11, 23, tzinfo=UTC),
            rng=random.Random(3),
        )
    run_import(database, SERVICE_FULL)
    path = run_export(database, tmp_path / "services.json", "json")
    run_import(fresh_database, path)
    with database.session() as session:
        before = build_services_json(session)
    with fresh_database.session() as session:
        after = build_services_json(session)
    assert after == before


def test_fields_hsds_does_not_name_come_back(database: Database, tmp_path: Path) -> None:
    package = tmp_path / "package"
    shutil.copytree(EXAMPLE_PACKAGE, package)
    services = csv_rows(package / "services.csv")
    services[0]["x_211_record_owner"] = "Central MA 2-1-1"
    with (package / "services.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(services[0]))
        writer.writeheader()
        writer.writerows(services)
    run_import(database, package)
    out = run_export(database, tmp_path / "out")
    row = next(r for r in csv_rows(out / "services.csv") if r["id"] == SERVICE_ID)
    assert row["x_211_record_owner"] == "Central MA 2-1-1"
    descriptor = json.loads((out / "datapackage.json").read_text())
    service_fields = next(r for r in descriptor["resources"] if r["name"] == "service")
    assert "x_211_record_owner" in [f["name"] for f in service_fields["schema"]["fields"]]
    assert tabular_errors(out) == []
