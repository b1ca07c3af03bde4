"""Center settings: the seed's defaults, validated saves, stale saves refused, all audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.errors import StaleEdit, ValidationError
from desk.models import AuditEvent
from desk.services.actor import Actor
from desk.services.settings import (
    center_day,
    center_now,
    center_today,
    load_settings,
    update_settings,
)


def test_defaults_are_the_centers_own_details(database: Database) -> None:
    with database.session() as session:
        settings = load_settings(session)
    assert settings.name == "Community Program for Addiction Recovery Inc."
    assert settings.address_lines == ["9-11 Lincoln Square", "Worcester, MA"]
    assert settings.phone == "(774) 214-6440"
    assert settings.email == ""
    assert str(settings.timezone) == "America/New_York"
    assert settings["directory.stale_after_days"] == 90


def test_a_change_is_saved_and_audited_in_one_transaction(database: Database, actor: Actor) -> None:
    with database.transaction() as session:
        read = load_settings(session)
        update_settings(
            session, actor, {"center.email": " info@cpar.example.org "}, read_versions=read.versions
        )
    with database.session() as session:
        assert load_settings(session).email == "info@cpar.example.org"
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.changed"))
        event = events.one()
    assert event.actor_id == actor.staff_id
    assert event.detail == {"before": "", "after": "info@cpar.example.org"}


def test_a_failed_transaction_leaves_neither_change_nor_audit(
    database: Database, actor: Actor
) -> None:
    with pytest.raises(RuntimeError), database.transaction() as session:
        read = load_settings(session)
        update_settings(session, actor, {"center.name": "Renamed"}, read_versions=read.versions)
        raise RuntimeError("the station lost power")
    with database.session() as session:
        assert load_settings(session).name.startswith("Community Program")
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0


def test_a_stale_save_is_refused_and_never_overwrites(database: Database, actor: Actor) -> None:
    with database.session() as session:
        station_a = load_settings(session)
        station_b = load_settings(session)
    with database.transaction() as session:
        update_settings(
            session, actor, {"center.phone": "508 555 0100"}, read_versions=station_a.versions
        )
    with (
        pytest.raises(StaleEdit, match="changed on another station"),
        database.transaction() as session,
    ):
        update_settings(
            session, actor, {"center.phone": "508 555 0199"}, read_versions=station_b.versions
        )
    with database.session() as session:
        assert load_settings(session).phone == "(508) 555-0100"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("center.phone", "call us maybe", "not a phone number"),
        ("center.email", "not-an-email", "does not look like an email"),
        ("center.timezone", "Mars/Olympus", "not a time zone"),
        ("directory.stale_after_days", "ninety", "whole number"),
        ("directory.stale_after_days", "0", "between 1 and 3650"),
        ("center.name", "   ", "needs a name"),
        ("center.name", "x" * 10_000, "10,000 characters"),
    ],
)
def test_bad_values_get_a_plain_message(
    database: Database, actor: Actor, key: str, value: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as error, database.transaction() as session:
        update_settings(session, actor, {key: value}, read_versions=load_settings(session).versions)
    assert error.value.field == key


def test_every_bad_setting_is_named_at_once(database: Database, actor: Actor) -> None:
    changes = {"center.phone": "call us maybe", "center.timezone": "Mars/Olympus"}
    with pytest.raises(ValidationError) as error, database.transaction() as session:
        update_settings(session, actor, changes, read_versions=load_settings(session).versions)
    assert error.value.fields == ("center.phone", "center.timezone")
    assert "not a phone number" in str(error.value) and "not a time zone" in str(error.value)


def test_the_centers_day_is_on_its_own_clock(database: Database, actor: Actor) -> None:
    evening = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # 20:30 on Nov 23 in Worcester
    with database.session() as session:
        assert center_day(session, evening) == date(2026, 11, 23)
        assert center_now(session, evening).strftime("%Y-%m-%d %H:%M") == "2026-11-23 20:30"
        today = center_today(session)
    assert abs(today - datetime.now(UTC).date()) <= timedelta(days=1)
    with database.transaction() as session:
        read = load_settings(session)
        update_settings(
            session, actor, {"center.timezone": "Asia/Tokyo"}, read_versions=read.versions
        )
    with database.session() as session:
        assert center_day(session, evening) == date(2026, 11, 24)  # 10:30 in Tokyo
