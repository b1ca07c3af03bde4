"""`referral-sheet` and `handout` as a script runs them, with the ids export-hsds writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.models import Assignment, AuditEvent, Person, Service
from tests.conftest import CrashRecorder
from tests.desk.referrals.builders import pdf_text
from tests.e2e.cli import run_cli
from tests.staff import admin_actor
from ui.context import AppContext, ChangeSignals
from ui.pages.referrals import ReferralsPage
from ui.tasks import ImmediateTaskRunner


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], list[str], Path]:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "desk.sqlite3"
    env = {"RECOVERY_DESK_DATABASE_URL": f"sqlite:///{path}", "RECOVERY_DESK_DATA_DIR": str(folder)}
    assert run_cli("seed-demo", env=env).returncode == 0
    exported = run_cli("export-hsds", str(folder / "hsds.json"), "--format", "json", env=env)
    assert exported.returncode == 0, exported.stderr
    document = json.loads((folder / "hsds.json").read_text(encoding="utf-8"))
    return env, [service["id"] for service in document["contents"]], path


def test_the_sheet_is_what_the_app_renders(
    demo, tmp_path: Path, qtbot, qsettings, crashes: CrashRecorder
) -> None:
    env, ids, path = demo
    database = Database.open(f"sqlite:///{path}")
    with database.session() as session:
        person = session.scalars(  # Spanish-speaking, with a coach: both go on the sheet
            select(Person)
            .join(Assignment, Assignment.person_id == Person.id)
            .where(Person.preferred_language == "es", Assignment.ended_at.is_(None))
            .order_by(Person.id)
        ).first()
        names = dict(session.execute(select(Service.id, Service.name)).all())
        actor = admin_actor(session)
    out = tmp_path / "sheet.pdf"
    args = ["referral-sheet", "--service", ids[0], "--service", ids[3], "--service", ids[7]]
    result = run_cli(*args, "--person", str(person.id), "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert "3 service(s)" in result.stdout

    # The same basket on the app's Referrals page: the person, then the three services.
    tasks = ImmediateTaskRunner(database, crashes)
    context = AppContext(database, actor, tasks, ChangeSignals(), qsettings)
    page = ReferralsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.builder.set_person(person.id, person.preferred_name or person.first_name)
    for service_id in (ids[0], ids[3], ids[7]):
        context.basket.add(service_id, names[service_id])
    page.builder.refresh_preview()
    on_screen = page.builder.view.preview.pdf_bytes
    assert on_screen is not None, page.builder.view.preview.message.text()
    assert page.builder.view.coach.currentData() is not None  # their coach, as the CLI's
    with database.session() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.referral_sheet")
        ).all()
    tasks.deleteLater()
    database.dispose()
    assert out.read_bytes() == on_screen  # byte for byte what the app prints
    text = pdf_text(out.read_bytes())
    assert "Sus referidos" in text  # the person's preferred language by default
    assert all(names[i] in " ".join(text.split()) for i in (ids[0], ids[3], ids[7]))
    assert [e.person_id for e in events][-1] == person.id

    english = tmp_path / "english.pdf"
    result = run_cli(
        "referral-sheet",
        "--service",
        ids[0],
        "--lang",
        "en",
        "--large-print",
        "--out",
        str(english),
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Your referrals" in pdf_text(english.read_bytes())


def test_bad_arguments_get_plain_messages(demo, tmp_path: Path) -> None:
    env, ids, _ = demo
    unknown = run_cli(
        "referral-sheet", "--service", "not-an-id", "--out", str(tmp_path / "x.pdf"), env=env
    )
    assert unknown.returncode == 1 and "export-hsds" in unknown.stderr
    assert "Traceback" not in unknown.stderr and not (tmp_path / "x.pdf").exists()
    nowhere = run_cli(
        "referral-sheet", "--service", ids[0], "--out", str(tmp_path / "missing" / "x.pdf"), env=env
    )
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr
    person = run_cli(
        "referral-sheet",
        "--service",
        ids[0],
        "--person",
        "999999",
        "--out",
        str(tmp_path / "y.pdf"),
        env=env,
    )
    assert person.returncode == 1 and "no person #999999" in person.stderr
    category = run_cli(
        "handout", "--category", "Unicorns", "--out", str(tmp_path / "z.pdf"), env=env
    )
    assert category.returncode == 1 and "Detox & withdrawal" in category.stderr


def test_the_category_handout(demo, tmp_path: Path) -> None:
    env, _, _ = demo
    out = tmp_path / "detox.pdf"
    result = run_cli(
        "handout", "--category", "desintoxicacion", "--lang", "es", "--out", str(out), env=env
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(out.read_bytes())
    assert "Desintoxicación" in text and "Harbor Street Withdrawal Management" in text
    assert "Prepared for" not in text and "Preparado para" not in text
    english = tmp_path / "food.pdf"
    assert run_cli("handout", "--category", "Food", "--out", str(english), env=env).returncode == 0
    assert "Every current listing we have" in pdf_text(english.read_bytes())
