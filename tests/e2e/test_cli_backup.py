"""`recovery-desk backup` and `recovery-desk restore`, run as a script or a person would."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desk.db.engine import Database
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from tests.e2e.cli import run_cli
from tests.staff import admin_actor

PASSPHRASE = "correct horse battery staple"
PASS_ENV = "RECOVERY_DESK_BACKUP_PASSPHRASE"


def seeded(folder: Path) -> str:
    url = f"sqlite:///{folder / 'center.sqlite3'}"
    result = run_cli("--database", url, "seed-demo", "--people", "40", "--years", "0.05")
    assert result.returncode == 0, result.stderr
    return url


def people(url: str) -> int:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        count = connection.execute("SELECT count(*) FROM person").fetchone()[0]
    connection.close()
    return count


def add_person(url: str) -> None:
    database = Database.open(url)
    with database.transaction() as session:
        create_person(session, admin_actor(session), PersonDetails(first_name="Extra"))
    database.dispose()


def test_backup_prints_the_path_of_a_file_in_the_default_folder(tmp_path: Path) -> None:
    url = seeded(tmp_path)
    result = run_cli("--database", url, "backup", input="")
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.parent == tmp_path / "backups" and path.is_file()
    assert path.name.endswith("-manual.sqlite3") and path.stat().st_mode & 0o777 == 0o600


def test_a_backup_elsewhere_is_encrypted_and_the_first_one_sets_the_passphrase(
    tmp_path: Path,
) -> None:
    url = seeded(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    refused = run_cli("--database", url, "backup", "--to", str(usb), input="")
    assert refused.returncode == 1 and "no terminal" in refused.stderr
    assert list(usb.iterdir()) == []
    first = run_cli("--database", url, "backup", "--to", str(usb), env={PASS_ENV: PASSPHRASE})
    assert first.returncode == 0, first.stderr
    assert "passphrase is now set" in first.stderr and "Keep it somewhere safe" in first.stderr
    encrypted = Path(first.stdout.strip())
    assert encrypted.name.endswith(".sqlite3.encrypted")
    assert b"SQLite format 3" not in encrypted.read_bytes()
    # Once set, no passphrase is needed to make a backup (a closing one, a scheduled task).
    second = run_cli("--database", url, "backup", "--to", str(usb), input="")
    assert second.returncode == 0, second.stderr
    wrong = run_cli(
        "--database", url, "backup", "--to", str(usb), env={PASS_ENV: "a different passphrase"}
    )
    assert wrong.returncode == 1 and "not the center's backup passphrase" in wrong.stderr


def test_restore_checks_asks_and_keeps_the_current_database(tmp_path: Path) -> None:
    url = seeded(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    made = run_cli("--database", url, "backup", "--to", str(usb), env={PASS_ENV: PASSPHRASE})
    backup = made.stdout.strip()
    add_person(url)
    assert people(url) == 41

    no_terminal = run_cli(
        "--database", url, "restore", backup, env={PASS_ENV: PASSPHRASE}, input=""
    )
    assert no_terminal.returncode == 1 and "--yes" in no_terminal.stderr
    wrong = run_cli(
        "--database", url, "restore", backup, "--yes", env={PASS_ENV: "not the passphrase!"}
    )
    assert wrong.returncode == 1 and "does not open" in wrong.stderr
    no_passphrase = run_cli("--database", url, "restore", backup, "--yes", input="")
    assert no_passphrase.returncode == 1 and PASS_ENV in no_passphrase.stderr
    assert people(url) == 41  # nothing changed by any refusal

    restored = run_cli("--database", url, "restore", backup, "--yes", env={PASS_ENV: PASSPHRASE})
    assert restored.returncode == 0, restored.stderr
    assert "holds 40 people" in restored.stdout and "41 people" in restored.stdout
    assert people(url) == 40
    aside = next(tmp_path.glob("center.before-restore-*.sqlite3"))
    assert people(f"sqlite:///{aside}") == 41
    assert "Traceback" not in restored.stderr


def test_restore_of_a_file_that_is_not_a_backup_changes_nothing(tmp_path: Path) -> None:
    url = seeded(tmp_path)
    letter = tmp_path / "letter.txt"
    letter.write_text("not a backup")
    result = run_cli("--database", url, "restore", str(letter), "--yes")
    assert result.returncode == 1 and "not a Recovery Desk backup" in result.stderr
    assert "Traceback" not in result.stderr and people(url) == 40


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="needs POSIX permissions")
def test_a_read_only_backup_folder_is_named(tmp_path: Path) -> None:
    url = seeded(tmp_path / "db")
    usb = tmp_path / "usb"
    usb.mkdir()
    usb.chmod(0o555)
    env = {PASS_ENV: PASSPHRASE, "RECOVERY_DESK_DATA_DIR": str(tmp_path / "db")}
    result = run_cli("--database", url, "backup", "--to", str(usb), env=env, as_ordinary_user=True)
    assert result.returncode == 1, result.stdout
    assert f"The backup folder {usb} is read-only" in result.stderr
    assert list(usb.iterdir()) == []


def test_on_postgresql_backup_dumps_and_restore_explains_pg_restore(
    database: Database, tmp_path: Path
) -> None:
    if not database.is_postgresql:
        pytest.skip("PostgreSQL only")
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    url = database.url.render_as_string(hide_password=False)
    env = {"RECOVERY_DESK_DATA_DIR": str(tmp_path / "data")}
    made = run_cli("--database", url, "backup", env=env, input="")
    assert made.returncode == 0, made.stderr
    dump = Path(made.stdout.strip())
    assert dump.name.endswith("-manual.dump") and dump.read_bytes().startswith(b"PGDMP")
    restore = run_cli("--database", url, "restore", str(dump), env=env, input="")
    assert restore.returncode == 1
    assert "pg_restore --clean --if-exists --no-owner" in restore.stderr
    assert str(dump) in restore.stderr
