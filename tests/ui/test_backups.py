"""Backups in the app: the day's first backup, failures in words and tried again, the status
bar and the admins' warning, the Backups panel, and restoring from the app."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from desk.backup import envelope
from desk.backup.automatic import backup_now
from desk.backup.files import list_backups
from desk.backup.restore import check_backup
from desk.db.engine import Database
from desk.errors import BackupFailed
from desk.models import AuditEvent, StaffRole
from desk.models.base import utc_now
from desk.services.backups import set_backup_passphrase
from tests.staff import add_staff
from ui.app import _restore_and_reopen
from ui.backups import BackupScheduler, describe_state
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.activity import ActivityPage
from ui.pages.center_settings import CenterSettingsPage
from ui.pages.center_settings.backup_dialogs import RestoreDialog

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(envelope.new_backup_key, "__kwdefaults__", {"n": 1 << 10})


@pytest.fixture
def scheduler(app_context: AppContext) -> Iterator[BackupScheduler]:
    """Backups run at once on the test's thread (the app gives each its own thread)."""
    backups = BackupScheduler(
        app_context.database,
        app_context.actor,
        app_context.tasks,
        app_context.settings,
        automatic=True,
        background=lambda work: work(),
    )
    app_context.backups = backups
    yield backups
    backups.deleteLater()


def set_passphrase(context: AppContext) -> None:
    with context.database.transaction() as session:
        set_backup_passphrase(session, context.actor, PASSPHRASE)


def test_the_first_start_of_the_day_makes_a_backup_and_the_second_does_not(
    scheduler: BackupScheduler, app_context: AppContext
) -> None:
    scheduler.start()
    made = list_backups(scheduler.default_folder)
    assert [b.kind for b in made] == ["daily"]
    assert scheduler.state.last_made is not None and scheduler.state.failure is None
    text, level = describe_state(scheduler.state, app_context.center_time)
    assert text.startswith("Last backup: today") and level == "ok"
    scheduler.start()  # opened again the same day
    assert len(list_backups(scheduler.default_folder)) == 1
    scheduler.close_backup()
    assert sorted(b.kind for b in list_backups(scheduler.default_folder)) == ["close", "daily"]


def test_a_failed_backup_is_told_in_words_and_tried_again(
    scheduler: BackupScheduler, app_context: AppContext, tmp_path: Path
) -> None:
    set_passphrase(app_context)
    unplugged = tmp_path / "usb-stick"
    scheduler.set_folder(unplugged)
    scheduler.start()
    state = scheduler.state
    assert isinstance(state.failure, BackupFailed) and state.running is None
    assert scheduler._retry.isActive()
    text, level = describe_state(state, app_context.center_time)
    assert level == "error"
    assert f"Backup failed: The backup folder {unplugged} cannot be found." in text
    assert "Trying again at" in text
    scheduler._retry.timeout.emit()  # still unplugged: told again, recorded once
    assert isinstance(scheduler.state.failure, BackupFailed)
    with app_context.database.session() as session:
        failures = session.query(AuditEvent).filter(AuditEvent.action == "backup.failed")
        assert failures.count() == 1
    unplugged.mkdir()  # plugged in again
    scheduler._retry.timeout.emit()
    assert scheduler.state.failure is None
    assert [b.encrypted for b in list_backups(unplugged)] == [True]


def test_without_automatic_backups_nothing_is_made_at_start_or_close(
    app_context: AppContext,
) -> None:
    backups = BackupScheduler(
        app_context.database,
        app_context.actor,
        app_context.tasks,
        app_context.settings,
        automatic=False,
        background=lambda work: work(),
    )
    backups.start()
    assert backups.close_backup() is None
    assert not backups.default_folder.exists()
    backups.deleteLater()


def window_for(context: AppContext, qtbot) -> MainWindow:
    window = MainWindow(context, [CenterSettingsPage(context), ActivityPage(context)])
    qtbot.addWidget(window)
    return window


def test_the_status_bar_shows_the_last_backup_and_admins_are_warned_after_two_days(
    scheduler: BackupScheduler, app_context: AppContext, qtbot, monkeypatch
) -> None:
    window = window_for(app_context, qtbot)
    window.show()
    scheduler.back_up("manual")
    assert window.backup_label.text().startswith("Last backup: today")
    assert window.banner.isHidden()
    three_days_on = utc_now() + timedelta(days=3)
    monkeypatch.setattr("desk.services.backups.utc_now", lambda: three_days_on)
    scheduler.refresh_status()
    assert window.backup_label.property("level") == "warning"
    assert "more than two days" in window.banner.text
    with app_context.database.session() as session:
        coach = add_staff(session, role=StaffRole.COACH, name="Rosa Coach", login="rosa")
    coach_window = window_for(replace(app_context, actor=coach), qtbot)
    coach_window.show()
    scheduler.refresh_status()
    assert coach_window.backup_label.property("level") == "ok"  # not asked to act on it
    assert coach_window.banner.isHidden()


def test_another_folder_needs_the_passphrase_first(
    scheduler: BackupScheduler, app_context: AppContext, tmp_path: Path, qtbot
) -> None:
    page = CenterSettingsPage(app_context)
    qtbot.addWidget(page)
    page.activate()
    panel = page.backups
    assert panel is not None and "Not set" in panel.passphrase_line.text()
    panel.ask_folder = lambda: str(tmp_path)
    panel.choose_folder()
    assert "set the backup passphrase first" in panel.banner.text
    assert scheduler.uses_default_folder
    set_passphrase(app_context)
    panel.reload()
    assert "Set " in panel.passphrase_line.text()
    panel.choose_folder()
    assert scheduler.folder == tmp_path
    assert "encrypted with the center's backup passphrase" in panel.folder_line.text()
    panel.back_up_now()
    assert [b.kind for b in list_backups(tmp_path)] == ["manual"]


def test_restore_from_the_list_names_what_it_replaces_and_asks_the_app_to_reopen(
    scheduler: BackupScheduler, app_context: AppContext, qtbot
) -> None:
    scheduler.back_up("manual")
    dialog = RestoreDialog(app_context, [scheduler.default_folder])
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.restore_button.isEnabled()
    asked: list[str] = []
    dialog.confirm = lambda plan: asked.append(plan.checked.source.name) or False
    dialog.check_selected()
    assert asked and dialog.plan is None  # cancelled: nothing asked of the app
    requests: list[object] = []
    app_context.navigator.restore_requested.connect(requests.append)
    dialog.confirm = lambda plan: True
    dialog.check_selected()
    assert dialog.plan is not None and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.plan.current is not None and dialog.plan.checked.summary.people == 0


def test_the_app_restores_and_reopens_or_says_why_not(
    qapp, sqlite_database: Database, tmp_path: Path
) -> None:
    from tests.staff import admin_actor

    with sqlite_database.session() as session:
        actor = admin_actor(session)
    made = backup_now(sqlite_database, actor, "manual")
    path = sqlite_database.sqlite_path
    checked = check_backup(made.path, None, work_folder=tmp_path)
    holder = sqlite3.connect(path)
    holder.execute("SELECT count(*) FROM person").fetchall()
    reopened, (message, level) = _restore_and_reopen(sqlite_database, checked)
    holder.close()
    assert reopened is not None and level == "error"
    assert "open on another station" in message
    checked = check_backup(made.path, None, work_folder=tmp_path)
    again, (message, level) = _restore_and_reopen(reopened, checked)
    assert again is not None and level == "ok"
    assert message.startswith("Restored the backup made")
    assert "before-restore" in message
    with again.session() as session:
        actions = [e.action for e in session.query(AuditEvent).all()]
    again.dispose()
    assert "backup.restored" in actions


def test_where_the_app_makes_no_backups_it_raises_no_alarm(app_context: AppContext) -> None:
    """PostgreSQL is backed up on its server, the demo not at all: no "no backup" warning."""
    from desk.services.backups import BackupStatus
    from ui.backups import BackupState

    never = BackupStatus(None, None, overdue=True)
    assert describe_state(BackupState(status=never, automatic=False), app_context.center_time) == (
        "",
        "ok",
    )
    assert describe_state(BackupState(status=never), app_context.center_time)[1] == "warning"


def test_the_passphrase_dialog_refuses_a_short_or_mistyped_one_and_saves_a_good_one(
    app_context: AppContext, qtbot
) -> None:
    from desk.services.backups import load_backup_policy
    from ui.pages.center_settings.backup_dialogs import PassphraseDialog

    dialog = PassphraseDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog.save()
    assert "at least 12 characters" in dialog.banner.text
    dialog.first.setText(PASSPHRASE)
    dialog.second.setText(PASSPHRASE + "!")
    dialog.save()
    assert dialog.banner.text == "The two passphrases differ."
    dialog.second.setText(PASSPHRASE)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with app_context.database.session() as session:
        assert load_backup_policy(session).key is not None
