"""HSDS files as they arrive: every official JSON example, links, paths that are not there,
files too deep or too big, values one engine would refuse, and schedules that cannot be."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.hsds import files
from desk.hsds.importer import check_hsds, import_hsds
from desk.hsds.report import ImportRefused
from desk.models import Language, Location, Organization, Program, Service, Taxonomy, TaxonomyTerm
from tests.desk.hsds.schemas import EXAMPLE_PACKAGE, HSDS
from tests.desk.hsds.test_bad_input import edit_rows
from tests.staff import admin_actor

EXAMPLES = HSDS / "examples"
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"
ORGANIZATION_ID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"


def imported(database: Database, path: Path):
    with database.session() as session:
        actor = admin_actor(session)
    with database.transaction() as session:
        return import_hsds(session, actor, path)


def refused(database: Database, path: Path) -> str:
    with database.session() as session:
        actor = admin_actor(session)
    with pytest.raises(ImportRefused) as caught, database.transaction() as session:
        import_hsds(session, actor, path)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 0
    return caught.value.report.text()


def test_service_list_imports_and_its_program_takes_the_services_organization(
    database: Database,
) -> None:
    report = imported(database, EXAMPLES / "service_list.json")
    assert report.committed and "read as HSDS JSON: 1 service" in report.text()
    with database.session() as session:
        program = session.get(Program, "e7ec2e57-4540-43fa-b2c7-6be5a0ef7f42")
        service = session.get(Service, SERVICE_ID)
    assert program.organization_id == ORGANIZATION_ID == service.organization_id


@pytest.mark.parametrize(
    ("name", "what", "model", "record_id"),
    [
        ("organization_full.json", "1 organization", Service, SERVICE_ID),
        ("organization_list.json", "1 organization", Organization, ORGANIZATION_ID),
        ("location.json", "1 location", Location, "3a19ff88-4620-4d17-9830-ac1d859eb5d5"),
        ("service_at_location_full.json", "1 service at a location", Service, SERVICE_ID),
        ("service_at_location_list.json", "1 service at a location", Service, SERVICE_ID),
        ("taxonomy.json", "1 taxonomy", Taxonomy, "5c4d79d7-cc55-470e-9f1f-8cad074e4892"),
        ("taxonomy_list.json", "1 taxonomy", Taxonomy, "5c4d79d7-cc55-470e-9f1f-8cad074e4892"),
        (
            "taxonomy_term.json",
            "1 taxonomy term",
            TaxonomyTerm,
            "3f7b145d-84af-42d7-8fae-eaca714b02b2",
        ),
        (
            "taxonomy_term_list.json",
            "1 taxonomy term",
            TaxonomyTerm,
            "3f7b145d-84af-42d7-8fae-eaca714b02b2",
        ),
    ],
)
def test_every_official_json_example_imports(
    database: Database, name: str, what: str, model: type, record_id: str
) -> None:
    report = imported(database, EXAMPLES / name)
    assert report.committed and f"read as HSDS JSON: {what}" in report.text()
    with database.session() as session:
        assert session.get(model, record_id) is not None


def test_the_api_description_is_refused_as_what_it_is(database: Database) -> None:
    text = refused(database, EXAMPLES / "base.json")
    assert "is the description of an HSDS API" in text and "organization_id" not in text


def test_a_folder_may_link_its_datapackage_one_folder_up(
    database: Database, tmp_path: Path
) -> None:
    """As the official tabular example is published: datapackage.json -> ../../datapackage.json."""
    folder = tmp_path / "examples" / "csv"
    shutil.copytree(EXAMPLE_PACKAGE, folder)
    shutil.move(folder / "datapackage.json", tmp_path / "datapackage.json")
    (folder / "datapackage.json").symlink_to(Path("..") / ".." / "datapackage.json")
    report = imported(database, folder)
    assert report.created["service"] == 1
    followed = [n.message for n in report.notes if n.where == "datapackage.json"]
    assert followed and "a link to" in followed[0] and "it was followed" in followed[0]


def test_a_link_to_something_that_is_not_a_file_is_refused(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "package"
    shutil.copytree(EXAMPLE_PACKAGE, folder)
    (folder / "services.csv").unlink()
    (folder / "services.csv").symlink_to("/dev/zero")
    assert "which is not a file" in refused(database, folder)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: tmp / "nonexistent.json", "there is no file"),
        (lambda tmp: (tmp / "folder.json").mkdir() or tmp / "folder.json", "is a folder"),
        (lambda tmp: tmp / "nowhere", "there is no file or folder"),
    ],
)
def test_paths_that_are_not_files_get_one_line(
    database: Database, tmp_path: Path, make, expected: str
) -> None:
    text = refused(database, make(tmp_path))
    assert len(text.splitlines()) == 1 and expected in text


def test_json_nested_a_hundred_thousand_deep(database: Database, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested too deeply" in refused(database, deep)
    page = tmp_path / "page.json"
    page.write_text('{"contents": [' + '{"a":' * 100_000 + "1" + "}" * 100_000 + "]}")
    assert "nested too deeply" in refused(database, page)


def test_a_json_file_over_the_limit_is_told_to_split_its_services(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_JSON_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"contents": [{"id": "x" * 2000}]}), encoding="utf-8")
    text = refused(database, path)
    assert "the largest JSON file Recovery Desk imports" in text
    assert "tabular package" in text and "columns" not in text


def test_the_json_limit_is_above_the_desks_own_export_of_ten_thousand_services() -> None:
    assert files.MAX_JSON_BYTES > 5 * 70 * 1024 * 1024  # about 70 MB per 10,000 services


def service_with(**fields) -> dict:
    service = json.loads((EXAMPLES / "service_list.json").read_text())["contents"][0]
    return {**service, **fields}


@pytest.mark.parametrize(
    ("service", "expected"),
    [
        (service_with(name="Night\x00Shelter"), "name holds a NUL character"),
        (service_with(name="Caf\ud800"), "name holds a broken character"),
        (service_with(x_owner={"note": "a\x00b"}), "x_owner holds a NUL character"),
        (service_with(minimum_age=10**40), "is not a number the directory can hold"),
        (service_with(name=["a", "list"]), "should be one value"),
    ],
)
def test_values_one_engine_would_refuse_are_refused_on_both(
    database: Database, tmp_path: Path, service: dict, expected: str
) -> None:
    path = tmp_path / "service.json"
    path.write_text(json.dumps({"contents": [service]}), encoding="utf-8")
    assert expected in refused(database, path)


def test_a_language_name_written_as_its_code_is_stored_as_a_code_on_both_engines(
    database: Database, tmp_path: Path
) -> None:
    languages = [
        {"id": "l1", "code": "Cape Verdean Creole"},
        {"id": "l2", "code": "Chinese (Mandarin)", "name": "Mandarin"},
        {"id": "l3", "code": "Klingonese and Elvish"},
        {"id": "l4", "code": "pt-BR", "name": "Brazilian Portuguese"},
    ]
    path = tmp_path / "service.json"
    path.write_text(json.dumps(service_with(languages=languages)), encoding="utf-8")
    report = imported(database, path)
    assert report.committed
    repairs = [str(r) for r in report.repairs]
    assert any("“Cape Verdean Creole” is not a code; stored as “kea”" in r for r in repairs)
    assert any("no language has that name: kept as the name" in r for r in repairs)
    assert not any("pt-BR" in r for r in repairs)
    with database.session() as session:
        rows = {
            row.id: (row.code, row.name)
            for row in session.scalars(select(Language).where(Language.service_id == SERVICE_ID))
        }
    assert rows == {
        "l1": ("kea", "Cape Verdean Creole"),
        "l2": ("zh", "Mandarin"),
        "l3": (None, "Klingonese and Elvish"),
        "l4": ("pt-BR", "Brazilian Portuguese"),
    }


def test_nan_and_infinity_are_not_json_numbers(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text('{"contents": [{"id": "s", "name": "x", "status": "active", "minimum_age": '
                    "NaN}]}", encoding="utf-8")  # fmt: skip
    assert "NaN, which is not a number JSON allows" in refused(database, path)


def test_a_schedule_with_days_that_do_not_exist_is_refused_with_its_row(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "package"
    shutil.copytree(EXAMPLE_PACKAGE, folder)
    edit_rows(folder, "schedules.csv", lambda rows: [{**rows[0], "byday": "XX,Funday"}])
    report = refused(database, folder)
    assert "schedules.csv line 2" in report and "byday “XX,Funday”: “XX” is not a day" in report
    as_json = tmp_path / "service.json"
    schedule = {"id": "sch1", "freq": "WEEKLY", "byday": "MO,Funday", "opens_at": "09:00"}
    as_json.write_text(json.dumps(service_with(schedules=[schedule])), encoding="utf-8")
    assert "“FUNDAY” is not a day" in refused(database, as_json)


def test_what_is_checked_without_writing_changes_nothing(database: Database) -> None:
    with database.session() as session:
        report, typed, _ = check_hsds(session, EXAMPLES / "organization_full.json")
    assert report.ok and "service" in typed
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Organization)) == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_that_cannot_be_read(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "locked.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    assert "cannot be read" in refused(database, path)
