"""The command line checks rights too: commands that change records need a staff sign-in
whose role allows them, read-only ones run unattended, and every refusal is one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.models import AuditEvent, Service, StaffMember, StaffRole
from desk.services.staff_accounts import NewStaffAccount, create_first_admin, create_staff_account
from tests.desk.hsds.schemas import EXAMPLE_PACKAGE

ADMIN_PASSWORD = "lantern orchard velvet"


@pytest.fixture
def center(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with an admin and a front-desk account, on a machine where the command is
    not run by the machine's administrator."""
    path = tmp_path / "center.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    upgrade_database(database)
    with database.transaction() as session:
        admin = create_first_admin(session, "Alex Morgan", "alex", ADMIN_PASSWORD)
        create_staff_account(
            session,
            admin,
            NewStaffAccount("Frankie Ortiz", "frankie", StaffRole.FRONT_DESK, "quiet harbor"),
        )
    database.dispose()
    monkeypatch.setenv("RECOVERY_DESK_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setattr("desk.cli.rights.machine_administrator", lambda: False)
    return path


def _rows(path: Path, query):
    database = Database.open(f"sqlite:///{path}")
    try:
        with database.session() as session:
            return list(session.execute(query))
    finally:
        database.dispose()


def test_an_import_needs_an_admin_sign_in(
    center: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-hsds", str(EXAMPLE_PACKAGE)]) == 1
    err = capsys.readouterr().err
    assert "Importing a directory needs a staff member's sign-in" in err
    assert "--as YOUR_USERNAME" in err and "Traceback" not in err

    monkeypatch.setenv("RECOVERY_DESK_PASSWORD", "quiet harbor")
    assert main(["--as", "frankie", "import-hsds", str(EXAMPLE_PACKAGE)]) == 1
    assert "Your role (front desk) may not import and export" in capsys.readouterr().err

    monkeypatch.setenv("RECOVERY_DESK_PASSWORD", "not it")
    assert main(["--as", "alex", "import-hsds", str(EXAMPLE_PACKAGE)]) == 1
    assert "do not match" in capsys.readouterr().err
    assert _rows(center, select(Service.id)) == []

    monkeypatch.setenv("RECOVERY_DESK_PASSWORD", ADMIN_PASSWORD)
    assert main(["--as", "alex", "import-hsds", str(EXAMPLE_PACKAGE)]) == 0
    (who,) = _rows(
        center,
        select(StaffMember.display_name)
        .join(AuditEvent, AuditEvent.actor_id == StaffMember.id)
        .where(AuditEvent.action == "import.hsds"),
    )
    assert who == ("Alex Morgan",)
    (failed,) = _rows(
        center, select(StaffMember.failed_sign_ins).where(StaffMember.login == "alex")
    )
    assert failed == (0,)  # the right password cleared the wrong one before it


def test_read_only_commands_run_unattended(center: Path, tmp_path: Path) -> None:
    assert main(["db", "current"]) == 0
    assert main(["export-hsds", str(tmp_path / "directory.zip")]) == 0
    assert main(["self-check"]) == 0
