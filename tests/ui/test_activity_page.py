"""The Activity page and its table model."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.services.audit import EventFilter, export_events_csv
from desk.services.people import create_person, open_person
from desk.services.person_details import PersonDetails
from desk.services.settings import load_settings, update_settings
from ui.context import AppContext
from ui.i18n import Translators
from ui.models.audit_table import AuditTableModel
from ui.pages.activity import ActivityPage


def _save_setting(context: AppContext, key: str, value: str) -> None:
    with context.database.transaction() as session:
        update_settings(
            session, context.actor, {key: value}, read_versions=load_settings(session).versions
        )


def test_shows_events_newest_first_and_filters(app_context: AppContext, qtbot) -> None:
    _save_setting(app_context, "center.email", "a@cpar.example.org")
    _save_setting(app_context, "center.email", "b@cpar.example.org")
    page = ActivityPage(app_context)
    qtbot.addWidget(page)
    page.activate()
    model = page.model
    what = [model.data(model.index(row, AuditTableModel.ACTION)) for row in range(3)]
    assert what == [
        "Opened the activity log",
        "Changed the center's email from “a@cpar.example.org” to “b@cpar.example.org”",
        "Changed the center's email from (empty) to “a@cpar.example.org”",
    ]
    assert model.data(model.index(1, AuditTableModel.WHO)) == "Robin Admin"
    page.kind.setCurrentIndex(page.kind.findText("Sign-ins and visits"))
    assert model.rowCount() == 0
    page.kind.setCurrentIndex(page.kind.findText("Settings"))
    assert model.rowCount() == 2


def test_another_stations_change_refreshes_a_visible_page(app_context: AppContext, qtbot) -> None:
    page = ActivityPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.model.rowCount() == 1  # its own opening
    _save_setting(app_context, "center.email", "c@cpar.example.org")
    app_context.changes.changed.emit({"*"})
    assert page.model.rowCount() == 2


def test_the_model_passes_the_model_tester(app_context: AppContext, qtmodeltester) -> None:
    _save_setting(app_context, "center.email", "d@cpar.example.org")
    model = AuditTableModel()
    from desk.services.audit import list_events

    with app_context.database.session() as session:
        model.set_entries(list_events(session, app_context.actor))
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)


def test_the_log_reads_in_spanish_and_the_export_stays_english(
    app_context: AppContext, qtbot, qapp
) -> None:
    """Each event is a template and its arguments (desk/audit/wording.py): the page says it
    in the staff member's language, names and typed values as they are; the CSV export and
    the command line keep the English."""
    with app_context.database.transaction() as session:
        person = create_person(
            session, app_context.actor, PersonDetails(first_name="María", last_name="Pérez")
        )
        open_person(session, app_context.actor, person.id)
    _save_setting(app_context, "center.email", "a@cpar.example.org")
    translators = Translators(qapp)
    translators.use("es")
    try:
        page = ActivityPage(app_context)
        qtbot.addWidget(page)
        page.activate()
        model = page.model
        what = [model.data(model.index(row, AuditTableModel.ACTION)) for row in range(4)]
        tip = model.data(model.index(2, AuditTableModel.ACTION), Qt.ItemDataRole.ToolTipRole)
    finally:
        translators.use("en")
    assert what == [
        "Abrió el registro de actividad",
        "Cambió el correo electrónico del centro de (vacío) a “a@cpar.example.org”",
        "Abrió la ficha de María P.",
        "Agregó a María P. como persona nueva",
    ]
    assert tip == "Robin Admin abrió la ficha de María P."
    with app_context.database.transaction() as session:
        exported = export_events_csv(session, app_context.actor, EventFilter())
    assert "Opened María P.'s record" in exported.decode("utf-8-sig")
