"""The Center settings page, used as an admin would: type, save, meet a stale edit, lose nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.models import AuditEvent
from desk.services.settings import load_settings, update_settings
from ui.context import AppContext
from ui.pages.center_settings import CenterSettingsPage


def _page(context: AppContext, qtbot) -> CenterSettingsPage:
    page = CenterSettingsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def _type(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_loads_the_centers_details(app_context: AppContext, qtbot) -> None:
    page = _page(app_context, qtbot)
    assert page.view.fields["center.name"].text().startswith("Community Program")
    assert page.view.fields["center.phone"].text() == "(774) 214-6440"
    assert page.view.fields["directory.stale_after_days"].value() == 90


def test_typing_and_saving_stores_and_audits(app_context: AppContext, qtbot) -> None:
    page = _page(app_context, qtbot)
    _type(qtbot, page.view.fields["center.email"], "hello@cpar.example.org")
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    assert page.view.status.text().startswith("Saved at ")
    with app_context.database.session() as session:
        assert load_settings(session).email == "hello@cpar.example.org"
        assert session.scalars(select(AuditEvent.action)).all() == ["settings.changed"]


def test_a_bad_phone_is_explained_and_the_typing_kept(app_context: AppContext, qtbot) -> None:
    page = _page(app_context, qtbot)
    _type(qtbot, page.view.fields["center.phone"], "ask at the desk")
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    assert page.view.banner.isVisible()
    assert "not a phone number" in page.view.banner.text
    assert page.view.fields["center.phone"].text() == "ask at the desk"


def test_another_stations_save_is_not_overwritten(app_context: AppContext, qtbot) -> None:
    page = _page(app_context, qtbot)
    with app_context.database.transaction() as session:
        update_settings(
            session,
            app_context.actor,
            {"center.name": "Saved elsewhere"},
            read_versions=load_settings(session).versions,
        )
    _type(qtbot, page.view.fields["center.name"], "Typed here")
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    assert "changed on another station" in page.view.banner.text
    assert page.view.fields["center.name"].text() == "Typed here"
    with app_context.database.session() as session:
        assert load_settings(session).name == "Saved elsewhere"
    qtbot.mouseClick(page.view.reload_button, Qt.MouseButton.LeftButton)
    assert page.view.fields["center.name"].text() == "Typed here"  # kept, on the new version
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    assert page.view.status.text().startswith("Saved at ")
    with app_context.database.session() as session:
        assert load_settings(session).name == "Typed here"


def test_unsaved_typing_survives_the_page_being_rebuilt(app_context: AppContext, qtbot) -> None:
    page = _page(app_context, qtbot)
    _type(qtbot, page.view.fields["center.street"], "11 Lincoln Square, 2nd floor")
    page.draft.save_now()
    page.close()
    again = _page(app_context, qtbot)
    assert again.view.fields["center.street"].text() == "11 Lincoln Square, 2nd floor"
    assert "restored" in again.view.status.text()


def test_a_purpose_is_added_from_the_settings_page(app_context: AppContext, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.pages.center_settings.purposes_editor import PurposeDialog, PurposesTableModel

    page = _page(app_context, qtbot)
    model = page.purposes.model
    assert model.rowCount() == 7
    assert model.data(model.index(0, PurposesTableModel.KEY)) == "Ctrl+1"

    def fill() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, PurposeDialog) and w.isVisible()
        )
        dialog.label.setText("Laundry")
        dialog.label_es.setText("Lavandería")
        dialog.save()

    QTimer.singleShot(0, fill)
    page.purposes.add()
    assert model.rowCount() == 8
    assert model.data(model.index(7, PurposesTableModel.LABEL)) == "Laundry"
    assert model.data(model.index(7, PurposesTableModel.KEY)) == "Ctrl+8"


def test_another_stations_save_is_shown_when_nothing_waits_here(
    app_context: AppContext, qtbot
) -> None:
    page = _page(app_context, qtbot)
    with app_context.database.transaction() as session:
        update_settings(
            session,
            app_context.actor,
            {"center.email": "desk@cpar.example.org"},
            read_versions=load_settings(session).versions,
        )
    app_context.changes.changed.emit({"settings"})
    assert page.view.fields["center.email"].text() == "desk@cpar.example.org"


def test_a_save_says_so_and_the_confirmation_outlives_its_own_change_notice(
    app_context: AppContext, qtbot
) -> None:
    page = _page(app_context, qtbot)
    with qtbot.waitActive(page):
        page.activateWindow()
    _type(qtbot, page.view.fields["center.email"], "hello@cpar.example.org")
    qtbot.keyClick(
        page.view.fields["center.email"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert page.view.banner.isVisible() and page.view.banner.property("level") == "ok"
    assert page.view.banner.text.startswith("Saved at ")
    app_context.changes.changed.emit({"settings"})  # this station's own save, heard back
    assert page.view.status.text().startswith("Saved at ")
    assert page.view.banner.isVisible()
    with app_context.database.transaction() as session:  # another station saves after it
        update_settings(
            session,
            app_context.actor,
            {"center.phone": "(508) 555-0100"},
            read_versions=load_settings(session).versions,
        )
    app_context.changes.changed.emit({"settings"})
    assert not page.view.banner.isVisible()
    assert page.view.fields["center.phone"].text() == "(508) 555-0100"
