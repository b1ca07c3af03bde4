"""The directory's commands as a script runs them: import, export, refuse bad input whole."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from desk.db.engine import Database
from tests.desk.hsds.schemas import EXAMPLE_PACKAGE, service_errors, tabular_errors
from tests.e2e.cli import run_cli


def env_for(path: Path) -> dict[str, str]:
    return {"RECOVERY_DESK_DATABASE_URL": f"sqlite:///{path}"}


def count(path: Path, sql: str) -> int:
    database = Database.open(f"sqlite:///{path}")
    try:
        with database.engine.connect() as connection:
            return connection.exec_driver_sql(sql).scalar()
    finally:
        database.dispose()


def test_import_then_export_both_forms(tmp_path: Path) -> None:
    env = env_for(tmp_path / "desk.sqlite3")
    imported = run_cli("import-hsds", str(EXAMPLE_PACKAGE), env=env)
    assert imported.returncode == 0, imported.stderr
    assert "Imported csv" in imported.stdout and "service: 1 new" in imported.stdout
    package = run_cli("export-hsds", str(tmp_path / "out"), env=env)
    assert package.returncode == 0, package.stderr
    assert tabular_errors(tmp_path / "out") == []
    as_json = run_cli("export-hsds", str(tmp_path / "out.json"), "--format", "json", env=env)
    assert as_json.returncode == 0, as_json.stderr
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [service_errors(s) for s in document["contents"]] == [[]]
    actions = count(
        tmp_path / "desk.sqlite3",
        "SELECT count(*) FROM audit_event WHERE action IN ('import.hsds', 'export.hsds')",
    )
    assert actions == 3


def test_a_refused_import_exits_non_zero_and_changes_nothing(tmp_path: Path) -> None:
    env = env_for(tmp_path / "desk.sqlite3")
    folder = tmp_path / "package"
    shutil.copytree(EXAMPLE_PACKAGE, folder)
    schedules = (folder / "schedules.csv").read_text(encoding="utf-8")
    (folder / "schedules.csv").write_text(schedules.replace("10:00:00", "25:00"), encoding="utf-8")
    result = run_cli("import-hsds", str(folder), env=env)
    assert result.returncode == 1
    assert "Nothing was imported" in result.stderr and "opens_at" in result.stderr
    assert "Traceback" not in result.stderr
    assert count(tmp_path / "desk.sqlite3", "SELECT count(*) FROM service") == 0
    assert (
        count(
            tmp_path / "desk.sqlite3",
            "SELECT count(*) FROM audit_event WHERE action = 'import.hsds_refused'",
        )
        == 1
    )


def test_import_resources_guesses_or_takes_a_mapping(tmp_path: Path) -> None:
    env = env_for(tmp_path / "desk.sqlite3")
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        "Program,Tel.,When open,Town\nDrop-in Café,508 555 0190,Mon-Fri 9-5,Worcester\n",
        encoding="utf-8",
    )
    guessed = run_cli("import-resources", str(sheet), env=env)
    assert guessed.returncode == 0, guessed.stderr
    assert "guessed from the headings" in guessed.stdout
    assert "name          “Program”" in guessed.stdout and "service: 1 new" in guessed.stdout
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps({"name": "Program", "phone": "Tel.", "hours": "When open", "city": "Town"})
    )
    again = run_cli("import-resources", str(sheet), "--mapping", str(mapping), env=env)
    assert again.returncode == 0, again.stderr
    assert "service: 0 new, 1 updated" in again.stdout
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"name": "Nom"}))
    refused = run_cli("import-resources", str(sheet), "--mapping", str(wrong), env=env)
    assert refused.returncode == 1 and "The list has no column “Nom”" in refused.stderr
    assert count(tmp_path / "desk.sqlite3", "SELECT count(*) FROM service") == 1


MESSY = Path(__file__).resolve().parents[1] / "data" / "sheets" / "messy-resources.xlsx"


def test_a_dry_run_shows_the_guessed_columns_with_samples_and_saves_nothing(
    tmp_path: Path,
) -> None:
    env = env_for(tmp_path / "desk.sqlite3")
    dry = run_cli("import-resources", str(MESSY), "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    assert "Traceback" not in dry.stderr
    assert "address       “Street Address”  112 Harbor St · 9-11 Lincoln Square" in dry.stdout
    assert "Not imported: “location_id” (LOC-001" in dry.stdout
    assert '--map "notes=Notes"' in dry.stdout
    assert "ZIP code “1604” had lost its leading zero" in dry.stdout
    assert "Dry run: nothing was saved." in dry.stdout
    assert count(tmp_path / "desk.sqlite3", "SELECT count(*) FROM service") == 0
    kept = run_cli("import-resources", str(MESSY), "--map", "notes=Notes", env=env)
    assert kept.returncode == 0, kept.stderr
    assert count(tmp_path / "desk.sqlite3", "SELECT count(*) FROM service") == 11
    described = count(
        tmp_path / "desk.sqlite3",
        "SELECT count(*) FROM service WHERE description LIKE '%night nurse%'",
    )
    assert described == 1
    wrong = run_cli("import-resources", str(MESSY), "--map", "notes", "--dry-run", env=env)
    assert wrong.returncode == 1 and "should be FIELD=COLUMN" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_files_that_cannot_be_read_get_one_line_and_exit_non_zero(tmp_path: Path) -> None:
    env = env_for(tmp_path / "desk.sqlite3")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "garbage.xlsx").write_bytes(bytes(range(256)) * 8)
    cases = [
        (("import-hsds", str(tmp_path / "nonexistent.json")), "there is no file"),
        (("import-hsds", str(tmp_path / "deep.json")), "nested too deeply"),
        (("import-resources", str(tmp_path / "empty.xlsx")), "is not an Excel workbook"),
        (("import-resources", str(tmp_path / "garbage.xlsx")), "is not an Excel workbook"),
    ]
    for arguments, expected in cases:
        result = run_cli(*arguments, env=env)
        said = [line for line in result.stderr.splitlines() if "no admin yet" not in line]
        assert result.returncode == 1, arguments
        assert len(said) == 1 and expected in said[0], result.stderr
