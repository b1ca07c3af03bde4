"""The handout "This week at the center": the week's meetings day by day, in English and
Spanish and in large print, with a cancelled date marked, and the `schedule` command."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.models import AuditEvent
from desk.services.actor import Actor
from desk.services.groups import DateChange, change_meeting
from desk.services.week_handout import week_schedule
from tests.desk.groups.helpers import TUESDAY, add_group
from tests.desk.referrals.builders import assert_all_text_inside_margins, pdf_text, word_boxes

MONDAY = TUESDAY - timedelta(days=1)


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def _week(database: Database, actor: Actor) -> None:
    add_group(
        database,
        actor,
        "Family and friends group",
        name_es="Grupo de familiares y amigos",
        description="For parents and partners.",
        description_es="Para padres y parejas.",
        room="Community room",
        facilitator_name="Linda Ferreira",
    )
    add_group(
        database,
        actor,
        "Grupo en español",
        "FREQ=WEEKLY;BYDAY=TH",
        time(17, 30),
        time(19),
        language="es",
    )
    lab = add_group(
        database, actor, "Computer lab", "FREQ=WEEKLY;BYDAY=MO,WE", time(9, 30), time(11, 30)
    )
    with database.transaction() as session:
        change_meeting(
            session, actor, lab.id, MONDAY, DateChange(cancelled=True, note="Staff training"), None
        )


def test_the_week_day_by_day_with_a_cancelled_date(database: Database, actor: Actor) -> None:
    _week(database, actor)
    with database.session() as session:
        content, pdf = week_schedule(session, TUESDAY + timedelta(days=3), "en")
    assert content.monday == MONDAY
    text = _flat(pdf)
    assert "This week at the center" in text and "December 7 to Sunday, December 13" in text
    assert "9-11 Lincoln Square" in text and "(774) 214-6440" in text  # the center, as sheets
    assert "988 Suicide & Crisis Lifeline" in text and "(800) 327-5050" in text  # help lines
    for shown in (
        "Monday, December 7",
        "Cancelled this week · Staff training",
        "Tuesday, December 8",
        "6:00 pm–7:30 pm Family and friends group",
        "Room: Community room · Led by Linda F.",  # never a volunteer's whole name
        "Wednesday, December 9",
        "Thursday, December 10",
        "5:30 pm–7:00 pm Grupo en español",
        "In Spanish",
    ):
        assert shown in text, shown
    assert "Ferreira" not in text
    assert text.index("Monday, December 7") < text.index("Tuesday") < text.index("Thursday")
    assert_all_text_inside_margins(pdf)


def test_spanish_and_large_print(database: Database, actor: Actor) -> None:
    _week(database, actor)
    with database.session() as session:
        _, spanish = week_schedule(session, MONDAY, "es", large_print=True)
        _, regular = week_schedule(session, MONDAY, "es")
    text = _flat(spanish)
    assert "Esta semana en el centro" in text and "Del lunes 7 de diciembre" in text
    assert "Grupo de familiares y amigos" in text and "Para padres y parejas." in text
    assert "18:00–19:30" in text and "Cancelado esta semana" in text
    assert "Computer lab" in text and "En inglés" in text  # no Spanish name: the English one
    assert "Línea de Prevención del Suicidio y Crisis 988" in text

    def height(pdf: bytes) -> float:
        return next(b.y_max - b.y_min for b in word_boxes(pdf) if b.word == "padres")

    assert height(spanish) >= 1.5 * height(regular)  # 16 pt body text, not 10
    assert_all_text_inside_margins(spanish)


def test_a_week_without_groups_says_so(database: Database) -> None:
    with database.session() as session:
        content, pdf = week_schedule(session, date(2026, 12, 9), "en")
    assert content.entries == () and "No groups are on the schedule this week" in _flat(pdf)
    with database.session() as session, pytest.raises(ValueError):
        week_schedule(session, date(2026, 12, 9), "fr")


def test_the_schedule_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "center.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    upgrade_database(database)
    from desk.services.groups import GroupDetails, create_group
    from tests.staff import admin_actor

    with database.transaction() as session:
        create_group(
            session,
            admin_actor(session),
            GroupDetails(
                "Wellness walk", date(2026, 9, 1), time(10), time(10, 45), "FREQ=WEEKLY;BYDAY=TU"
            ),
        )
    monkeypatch.setenv("RECOVERY_DESK_DATABASE_URL", f"sqlite:///{path}")
    out = tmp_path / "week.pdf"
    assert (
        main(
            ["schedule", "--week", "2026-12-10", "--lang", "es", "--large-print", "--out", str(out)]
        )
        == 0
    )
    assert "Wrote the week of December 7, 2026 (1 meeting(s))" in capsys.readouterr().out
    text = _flat(out.read_bytes())
    assert "Esta semana en el centro" in text and "Wellness walk" in text and "10:00–10:45" in text
    with database.session() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.week_schedule")
        ).one()
    assert event.entity_id == "2026-12-07" and event.detail["destination"] == str(out)
    with pytest.raises(SystemExit):
        main(["schedule", "--week", "next tuesday", "--out", str(out)])
    assert "is not a date" in capsys.readouterr().err
    assert main(["schedule", "--week", "2026-12-10", "--out", str(tmp_path / "no" / "w.pdf")]) == 1
    assert "does not exist" in capsys.readouterr().err
    database.dispose()
