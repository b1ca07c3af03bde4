"""Drafts keep only what was typed, remember what it was typed against, and expire."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QLineEdit

from tests.ui.typing_helpers import type_text
from ui.drafts import MAX_AGE_SECONDS, FormDraft


def _form(qtbot):
    name, town = QLineEdit(), QLineEdit()
    for widget in (name, town):
        qtbot.addWidget(widget)
    return name, town


def test_only_changed_fields_are_kept_and_put_back(qtbot, qsettings) -> None:
    name, town = _form(qtbot)
    draft = FormDraft(qsettings, "person/1", {"name": name, "town": town})
    draft.begin("person/1", lambda: (name.setText("Ana"), town.setText("")), version=3)
    type_text(town, "Auburn")
    draft.save_now()
    assert qsettings.value("drafts/person/1/town") == "Auburn"
    assert qsettings.value("drafts/person/1/name") is None
    draft.begin("person/1", lambda: (name.setText("Ana Maria"), town.setText("")), version=4)
    restored = draft.restore()
    assert (name.text(), town.text()) == ("Ana Maria", "Auburn")
    assert restored.fields == ("town",) and restored.typed_on_older_version


def test_an_old_draft_is_forgotten(qtbot, qsettings) -> None:
    name, town = _form(qtbot)
    draft = FormDraft(qsettings, "intake", {"name": name, "town": town})
    draft.begin("intake", lambda: None)
    type_text(name, "Kofi")
    draft.save_now()
    qsettings.setValue("drafts/intake/_meta/saved_at", time.time() - MAX_AGE_SECONDS - 60)
    assert FormDraft.sweep_expired(qsettings) == 1
    name.clear()
    assert draft.restore() is None and name.text() == ""


def test_a_new_demo_starts_with_no_drafts_from_the_last_one(qapp, isolated_data_dir) -> None:
    from ui.app import station_settings

    for demo in (True, False):
        settings = station_settings(demo=demo)
        settings.setValue("drafts/person/3/town", "Auburn")
        settings.setValue("drafts/person/3/_meta/saved_at", time.time())
        settings.sync()
    assert station_settings(demo=True).value("drafts/person/3/town") is None  # other people
    assert station_settings(demo=False).value("drafts/person/3/town") == "Auburn"  # kept


def test_drafts_are_discarded_when_the_station_opens_another_database(
    qapp, isolated_data_dir
) -> None:
    from ui.app import station_settings

    first = "sqlite:////srv/desk/recovery-desk.sqlite3"
    settings = station_settings(demo=False, database=first)
    settings.setValue("drafts/person/3/town", "Auburn")
    settings.setValue("drafts/person/3/_meta/saved_at", time.time())
    settings.sync()
    assert station_settings(demo=False, database=first).value("drafts/person/3/town") == "Auburn"
    shared = "postgresql+psycopg://desk:***@server/desk"  # person #3 there is someone else
    assert station_settings(demo=False, database=shared).value("drafts/person/3/town") is None
