"""The configurable purposes: added, renamed, reordered, switched off; audited; at most nine."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.errors import StaleEdit, ValidationError
from desk.models import AuditEvent
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, list_purposes, sign_in
from desk.services.purposes import all_purposes, move_purpose, save_purpose


def test_add_rename_reorder_and_switch_off(database: Database, actor: Actor) -> None:
    with database.transaction() as session:
        added = save_purpose(session, actor, code=None, label="Laundry", label_es="Lavandería")
    assert added.code == "laundry" and added.active
    with database.transaction() as session:
        move_purpose(session, actor, "laundry", -10)
        save_purpose(session, actor, code="other", label="Something else", active=False)
    with database.session() as session:
        in_use = [p.code for p in list_purposes(session, actor)]
        every = {p.code: p for p in all_purposes(session)}
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert in_use[0] == "laundry" and "other" not in in_use
    assert every["other"].label == "Something else" and not every["other"].active
    assert actions == [
        "settings.purpose_added",
        "settings.purpose_moved",
        "settings.purpose_changed",
    ]
    with (
        pytest.raises(ValidationError, match="not a visit purpose in use"),
        database.transaction() as session,
    ):
        sign_in(session, actor, person_id=None, purposes=[PurposeChoice("other")])


def test_nine_in_use_at_most_and_a_name_is_needed(database: Database, actor: Actor) -> None:
    with database.transaction() as session:
        save_purpose(session, actor, code=None, label="Laundry")
        save_purpose(session, actor, code=None, label="Showers")
    with pytest.raises(ValidationError, match="At most 9"), database.transaction() as session:
        save_purpose(session, actor, code=None, label="Mail pick-up")
    with pytest.raises(ValidationError, match="needs a name"), database.transaction() as session:
        save_purpose(session, actor, code=None, label="  ", active=False)
    with database.transaction() as session:
        added = save_purpose(session, actor, code=None, label="Mail pick-up", active=False)
    assert not added.active


def test_a_purpose_changed_on_another_station_is_not_overwritten(
    database: Database, actor: Actor
) -> None:
    with database.session() as session:
        seen = {p.code: p for p in all_purposes(session)}["drop_in"]
    with database.transaction() as session:  # another station renames it first
        save_purpose(session, actor, code="drop_in", label="Drop in", read_version=seen.version)
    with (
        pytest.raises(StaleEdit, match="changed on another station"),
        database.transaction() as session,
    ):
        save_purpose(
            session, actor, code="drop_in", label="Drop-in visit", read_version=seen.version
        )
    with database.session() as session:
        now = {p.code: p for p in all_purposes(session)}["drop_in"]
    assert now.label == "Drop in" and now.version == seen.version + 1
