"""`recovery-desk report` as a scheduled task runs it: files written, mistakes in one line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desk.db.engine import Database
from desk.models import AuditEvent
from desk.services.settings import center_today
from tests.e2e.cli import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    folder = tmp_path_factory.mktemp("cli-reports")
    path = folder / "desk.sqlite3"
    env = {"RECOVERY_DESK_DATABASE_URL": f"sqlite:///{path}", "RECOVERY_DESK_DATA_DIR": str(folder)}
    assert run_cli("seed-demo", env=env).returncode == 0
    return env, path


def test_the_report_is_written_in_each_format_and_logged(demo, tmp_path: Path) -> None:
    env, path = demo
    database = Database.open(f"sqlite:///{path}")
    with database.session() as session:
        today = center_today(session)
    first = today.replace(day=1).isoformat()
    for fmt in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"month.{fmt}"
        result = run_cli(
            "report",
            "--from",
            first,
            "--to",
            today.isoformat(),
            "--format",
            fmt,
            "--out",
            str(out),
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert f"to {out}" in result.stdout
    assert load_workbook(tmp_path / "month.xlsx")["Summary"]["B2"].value == "Visits"
    assert 1 <= len(PdfReader(tmp_path / "month.pdf").pages) <= 3
    assert "Visits per day" in (tmp_path / "month.csv").read_text(encoding="utf-8-sig")
    out = tmp_path / "visits.csv"
    result = run_cli(
        "report",
        "--from",
        first,
        "--to",
        today.isoformat(),
        "--format",
        "csv",
        "--out",
        str(out),
        "--deidentified",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows and set(rows[0]) >= {"person_key", "date", "purposes"}
    with database.session() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action.like("export.%"))
        ).all()
    database.dispose()
    assert actions.count("export.report") == 3
    assert actions.count("export.visits_deidentified") == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2026-02-30", "--to", "2026-03-01"], "--from '2026-02-30' is not a date"),
        (["--from", "01/03/2026", "--to", "2026-03-01"], "is not a date written YYYY-MM-DD"),
        (["--from", "2026-03-02", "--to", "2026-03-01"], "the range ends before it starts"),
        (["--from", "2016-01-01", "--to", "2026-03-01"], "at most ten years"),
    ],
)
def test_bad_dates_and_ranges_are_one_line_and_a_non_zero_exit(
    demo, tmp_path: Path, args: list[str], message: str
) -> None:
    env, _ = demo
    out = tmp_path / "r.csv"
    result = run_cli("report", *args, "--format", "csv", "--out", str(out), env=env)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing-folder", "a-folder", "read-only"])
def test_an_unwritable_path_is_one_line_and_a_non_zero_exit(
    demo, tmp_path: Path, where: str
) -> None:
    env, _ = demo
    out = {
        "missing-folder": tmp_path / "nowhere" / "r.pdf",
        "a-folder": tmp_path,
        "read-only": Path("/proc/r.pdf"),
    }[where]
    result = run_cli(
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "pdf",
        "--out",
        str(out),
        env=env,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Cannot write" in result.stderr


def test_the_deidentified_visits_are_not_a_pdf(demo, tmp_path: Path) -> None:
    env, _ = demo
    result = run_cli(
        "report",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "v.pdf"),
        "--deidentified",
        env=env,
    )
    assert result.returncode == 1 and "not pdf" in result.stderr
