"""The Coaches page as staff use it: the roster and who is on duty, the caseload chart, a
coach's caseload (overdue first), logging a contact, the waitlist, and the roster dialogs."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.models import AuditEvent, CoachingContact, ContactMode
from desk.services.coaching_contacts import ContactInput, log_contact
from desk.services.waitlist import add_to_waitlist
from tests.desk.coaching_helpers import assign
from tests.ui.coaching_fixtures import fill_caseload, person, small_center
from tests.ui.typing_helpers import type_text
from ui.models.caseload_table import CaseloadTableModel
from ui.models.roster_table import RosterTableModel
from ui.models.waitlist_table import WaitlistTableModel
from ui.pages.coaches import CoachesPage
from ui.pages.coaches.coach_dialog import CoachDialog, checked_codes
from ui.pages.coaches.contact_dialog import LogContactDialog
from ui.widgets.caseload_chart import CaseloadChart


@pytest.fixture
def page(app_context, qtbot) -> CoachesPage:
    page = CoachesPage(app_context)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    return page


def _column(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def center_today():
    return datetime.now(ZoneInfo("America/New_York")).date()


def _contact(context, person_id: int, days_ago: int, follow_up_in: int | None) -> None:
    today = center_today()
    with context.database.transaction() as session:
        log_contact(
            session,
            context.actor,
            person_id,
            ContactInput(
                contact_on=today - timedelta(days=days_ago),
                mode=ContactMode.PHONE,
                minutes=15,
                follow_up_on=today + timedelta(days=follow_up_in)
                if follow_up_in is not None
                else None,
            ),
        )


def test_the_roster_chart_and_waitlist_at_a_glance(app_context, page) -> None:
    center = small_center(app_context)
    fill_caseload(app_context, center.kevin, 1)
    kofi = person(app_context, "Kofi", "Boateng")
    assign(app_context.database, app_context.actor, kofi, center.kevin, override=True)
    waiting = person(app_context, "Duy", "Huỳnh", preferred_language="vi")
    with app_context.database.transaction() as session:
        add_to_waitlist(session, app_context.actor, waiting, "prefers afternoons")
    page.activate()
    view = page.view
    assert _column(view.roster_model, RosterTableModel.NAME) == [
        "Kevin Murphy",
        "Marcus Bell",
        "Rosa Delgado",
    ]
    assert _column(view.roster_model, RosterTableModel.PEERS) == ["2 / 1", "0 / 12", "0 / 15"]
    assert _column(view.roster_model, RosterTableModel.ON_DUTY) == ["", "On duty", ""]
    assert view.on_duty.text() == "On duty now: Marcus Bell"
    bars = {bar.name: bar for bar in view.chart.bars()}
    assert bars["Kevin Murphy"].over_limit and bars["Rosa Delgado"].caseload_limit == 15
    assert "Kevin Murphy: 2 active peers of 1 (over the limit)" in view.chart.toolTip()
    assert view.waitlist_title() == "Waitlist (1)"
    assert _column(view.waitlist_model, WaitlistTableModel.PEER) == ["Duy H. (Vietnamese)"]
    assert _column(view.waitlist_model, WaitlistTableModel.NOTE) == ["prefers afternoons"]
    assert view.caseload_heading.text() == "Kevin Murphy's peers: 2 of 1"


def test_clicking_a_bar_shows_that_coachs_caseload_overdue_first(app_context, page, qtbot) -> None:
    center = small_center(app_context)
    names = ("Upcoming", "Overdue", "Never met")
    people = {name: person(app_context, name, "Test") for name in names}
    for person_id in people.values():
        assign(app_context.database, app_context.actor, person_id, center.rosa)
    _contact(app_context, people["Upcoming"], 2, 5)
    _contact(app_context, people["Overdue"], 12, -4)
    page.activate()
    chart = page.view.chart
    rosa_row = [bar.name for bar in chart.bars()].index("Rosa Delgado")
    qtbot.mouseClick(
        chart, Qt.MouseButton.LeftButton, pos=QPoint(60, 8 + rosa_row * chart.row_height() + 10)
    )
    model = page.view.caseload_model
    assert page.view.caseload_heading.text() == "Rosa Delgado's peers: 3 of 15 · 1 overdue"
    assert _column(model, CaseloadTableModel.PEER) == ["Overdue T.", "Never met T.", "Upcoming T."]
    assert _column(model, CaseloadTableModel.STATE) == [
        "Overdue by 4 days",
        "No contact yet",
        "Planned",
    ]
    page.view.privacy.setChecked(False)
    assert _column(model, CaseloadTableModel.PEER)[0] == "Overdue Test"


def test_log_a_contact_from_the_caseload(app_context, page, qtbot) -> None:
    center = small_center(app_context)
    maria = person(app_context, "María", "Pérez", preferred_language="es")
    assign(app_context.database, app_context.actor, maria, center.rosa)
    page.activate()
    page.choose_coach(center.rosa)
    page.view.caseload.selectRow(0)

    def fill_in() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LogContactDialog) and w.isVisible()
        )
        dialog.mode.setCurrentIndex(dialog.mode.findData(ContactMode.TEXT.value))
        dialog.contact_on.setDate(dialog.contact_on.date().addDays(1))  # tomorrow: refused
        type_text(dialog.note, "Hablamos de la lista de vivienda; está animada.")
        type_text(dialog.next_step, "Llamar juntos a la Housing Authority")
        dialog.save()
        assert "is in the future" in dialog.banner.text
        assert dialog.note.toPlainText().startswith("Hablamos")  # nothing typed is lost
        dialog.contact_on.setDate(dialog.contact_on.date().addDays(-1))
        dialog.save()

    QTimer.singleShot(0, fill_in)
    page.log_contact()
    assert page.view.banner.text == "Contact with María P. logged."
    row = page.view.caseload_model.record(0)
    assert row.last_contact_at is not None and row.next_follow_up == center_today() + timedelta(7)
    with app_context.database.session() as session:
        (contact,) = session.scalars(select(CoachingContact)).all()
    assert contact.mode is ContactMode.TEXT and contact.note.endswith("está animada.")


def test_another_stations_assignment_appears_without_a_click(app_context, page) -> None:
    center = small_center(app_context)
    page.activate()
    page.choose_coach(center.rosa)
    assert page.view.caseload_model.rowCount() == 0
    maria = person(app_context, "María", "Pérez")
    assign(app_context.database, app_context.actor, maria, center.rosa)
    app_context.changes.changed.emit({"coaching"})
    assert _column(page.view.caseload_model, CaseloadTableModel.PEER) == ["María P."]
    assert "1 / 15" in _column(page.view.roster_model, RosterTableModel.PEERS)

    # Opening Rosa's caseload is in the activity log once, with whose; a refresh is not.
    with app_context.database.session() as session:
        opened = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "coaching.caseload_viewed",
                AuditEvent.entity_id == str(center.rosa),
            )
        ).all()
    assert len(opened) == 1 and opened[0].detail["person_ids"] == []
    page.activate()  # the page shown again: a new look
    with app_context.database.session() as session:
        opened = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "coaching.caseload_viewed")
        ).all()
    assert opened[-1].detail["person_ids"] == [maria]


def test_a_coach_is_added_and_bad_hours_are_explained(app_context, page, qtbot) -> None:
    page.activate()
    dialog = CoachDialog(app_context, None, page.snapshot.tags, page)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Thanh Trần")
    type_text(dialog.phone, "774 555 0153")
    type_text(dialog.hours, "Tue 15:00-9:00")
    assert dialog.hours_read.text().startswith("⚠ Tue 15:00–09:00 ends before it starts.")
    dialog.save()
    assert "ends before it starts" in dialog.banner.text and dialog.saved is None
    dialog.hours.clear()
    type_text(dialog.hours, "Tue-Sat 9-3; Tue 14:00-16:00")
    dialog.save()
    assert "overlaps" in dialog.banner.text
    dialog.hours.setText("Tue-Sat 9-3")
    assert dialog.hours_read.text() == "Read as: Tue–Sat 09:00–15:00"
    for row in range(dialog.languages.count()):
        item = dialog.languages.item(row)
        if item.text() == "Vietnamese":
            item.setCheckState(Qt.CheckState.Checked)
    dialog.limit.setValue(10)
    dialog.save()
    assert dialog.saved is not None
    assert (dialog.saved.display_name, dialog.saved.phone) == ("Thanh Trần", "(774) 555-0153")
    assert dialog.saved.languages == ("en", "vi") and checked_codes(dialog.languages)


def test_the_coaches_table_models_pass_the_model_tester(app_context, page, qtmodeltester):
    center = small_center(app_context)
    fill_caseload(app_context, center.rosa, 2)
    with app_context.database.transaction() as session:
        add_to_waitlist(session, app_context.actor, person(app_context, "Zoë", "Côté"))
    page.activate()
    page.choose_coach(center.rosa)
    for model in (page.view.roster_model, page.view.caseload_model, page.view.waitlist_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_the_chart_draws_without_coaches(qtbot) -> None:
    chart = CaseloadChart()
    qtbot.addWidget(chart)
    chart.resize(400, 100)
    chart.show()
    chart.grab()  # paints "No coaches yet"
    assert chart.bars() == []


def test_the_specialty_list_is_edited_in_place(app_context, qtbot) -> None:
    from ui.pages.coaches.tags_dialog import SpecialtyTagsDialog

    dialog = SpecialtyTagsDialog(app_context)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 8
    type_text(dialog.label, "Parents in recovery")
    type_text(dialog.label_es, "Madres y padres en recuperación")
    dialog.add()
    assert dialog.banner.text == "Saved “Parents in recovery”."
    assert dialog.chosen().label_es == "Madres y padres en recuperación"
    dialog.active.setChecked(False)
    dialog.save()
    assert dialog.list.currentItem().text() == "Parents in recovery (retired)"
    dialog.add()  # the same name again
    assert "already in the list" in dialog.banner.text


def test_leaving_the_waitlist_asks_why(app_context, page, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    small_center(app_context)
    with app_context.database.transaction() as session:
        add_to_waitlist(session, app_context.actor, person(app_context, "Zoë", "Côté"))
    page.activate()
    page.view.waitlist.selectRow(0)
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Found a coach elsewhere", True))
    )
    page.remove_waiting()
    assert page.view.waitlist_model.rowCount() == 0
    assert page.view.waitlist_title() == "Waitlist (0)"


def test_roster_changes_are_for_admins(app_context, qtbot) -> None:
    from desk.models import StaffMember, StaffRole
    from desk.services.actor import Actor

    with app_context.database.transaction() as session:
        staff = StaffMember(display_name="A Coach", login="acoach", role=StaffRole.COACH)
        session.add(staff)
        session.flush()
        app_context.actor = Actor(staff.id, staff.display_name, StaffRole.COACH)
    page = CoachesPage(app_context)
    qtbot.addWidget(page)
    page.activate()
    assert not page.view.add_coach_button.isEnabled()
    assert page.view.add_coach_button.toolTip().startswith("For admins")


def test_a_half_typed_contact_comes_back(app_context, qtbot) -> None:
    center = small_center(app_context)
    maria = person(app_context, "María", "Pérez")
    assign(app_context.database, app_context.actor, maria, center.rosa)
    first = LogContactDialog(app_context, maria, "María P.")
    qtbot.addWidget(first)
    type_text(first.note, "Fuimos juntas al RMV")
    first.draft.save_now()
    first.close()  # the window closed (or the station crashed) before saving
    again = LogContactDialog(app_context, maria, "María P.")
    qtbot.addWidget(again)
    assert again.note.toPlainText() == "Fuimos juntas al RMV"
    assert again.banner.text == "What you typed before was kept."
