"""The Reports page: figures with the previous period and the change, charts, the list
behind a figure, the front desk's view, and the previous figures kept until new ones come."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.access import Permission
from desk.models import AuditEvent, StaffRole
from desk.reports.periods import RangeKind
from desk.services.checkin import PurposeChoice, sign_in
from tests.desk.people_helpers import add_person
from tests.staff import add_staff
from ui.context import AppContext
from ui.models.report_table import ValuesTableModel
from ui.pages.reports import ReportsPage
from ui.pages.reports.list_dialog import FigureListDialog
from ui.pages.reports.sections import FigureCard


def _sign_in_some(context: AppContext, count: int = 3) -> None:
    for n in range(count):
        person = add_person(context.database, context.actor, f"Visitor{n}", "Zed")
        with context.database.transaction() as session:
            sign_in(
                session,
                context.actor,
                person_id=person.id,
                purposes=[PurposeChoice("harm_reduction", 2)],
            )
    with context.database.transaction() as session:
        sign_in(session, context.actor, person_id=None, purposes=[PurposeChoice("drop_in")])


def _cards(page: ReportsPage) -> dict[str, FigureCard]:
    return {card.figure.key: card for section in page.sections for card in section.cards}


def _choose(page: ReportsPage, kind: RangeKind) -> None:
    page.view.range_choice.setCurrentIndex(page.view.range_choice.findData(str(kind)))


def test_shows_each_figure_with_the_previous_period_and_charts(
    app_context: AppContext, qtbot
) -> None:
    _sign_in_some(app_context)
    page = ReportsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    cards = _cards(page)
    assert cards["visits"].value_label.text() == "4"
    assert cards["people"].value_label.text() == "3"
    assert cards["visits:anonymous"].value_label.text() == "1"
    assert cards["supplies:harm_reduction"].value_label.text() == "6"
    assert cards["visits"].previous_label.text() == "Previous: 0 · change +4"
    assert "compared with" in page.view.status.text()
    charts = page.findChildren(QChartView)
    assert {c.objectName() for c in charts} >= {
        "visitsPerDayChart",
        "referralsChart",
        "caseloadsChart",
    }
    assert page.findChild(object, "busyHoursChart") is not None
    _choose(page, RangeKind.THIS_YEAR)
    assert page.report.period.first.month == 1
    _choose(page, RangeKind.CUSTOM)
    assert page.view.first_day.isVisible() and page.view.show_button.isVisible()


def test_a_figure_opens_the_list_behind_it_and_the_opening_is_logged(
    app_context: AppContext, qtbot
) -> None:
    _sign_in_some(app_context)
    page = ReportsPage(app_context)
    qtbot.addWidget(page)
    page.activate()
    dialog = FigureListDialog(
        app_context, page.report.period, "people", "Unique people", private=True
    )
    qtbot.addWidget(dialog)
    model: ValuesTableModel = dialog.model
    assert model.rowCount() == 3
    names = {model.data(model.index(row, 0)) for row in range(3)}
    assert names == {"Visitor0 Z.", "Visitor1 Z.", "Visitor2 Z."}
    assert "Unique people" in dialog.heading.text()
    with app_context.database.session() as session:
        logged = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "report.list_viewed")
        ).all()
    assert len(logged) == 1 and len(logged[0].detail["person_ids"]) == 3
    clicked = []
    card = _cards(page)["people"]
    page.sections[0].list_wanted.disconnect()
    page.sections[0].list_wanted.connect(lambda key, title: clicked.append(key))
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert clicked == ["people"]


def test_the_front_desk_sees_todays_counts_only(app_context: AppContext, qtbot) -> None:
    _sign_in_some(app_context, 2)
    with app_context.database.session() as session:
        desk = add_staff(session, role=StaffRole.FRONT_DESK, name="Desk", login="desk2")
    app_context.actor = desk
    assert not app_context.may(Permission.VIEW_REPORTS)
    page = ReportsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.title == "Today's counts"
    assert not page.view.range_choice.isVisible() and not page.view.export_button.isVisible()
    assert {s.section.key for s in page.sections} <= {"visits", "purposes", "busy", "languages"}
    assert _cards(page)["visits"].value_label.text() == "3"
    assert not any(card.clickable for card in _cards(page).values())


def test_the_figures_stay_until_the_newest_answer_arrives(
    app_context: AppContext, queued_tasks, qtbot
) -> None:
    _sign_in_some(app_context, 2)
    page = ReportsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    queued_tasks.run_all()
    assert _cards(page)["visits"].value_label.text() == "3"
    _choose(page, RangeKind.THIS_YEAR)  # asked first ...
    _choose(page, RangeKind.TODAY)  # ... then this
    assert "Updating" in page.view.status.text()
    assert _cards(page)["visits"].value_label.text() == "3"  # still the month's
    queued_tasks.run_next()  # the year's answer: no longer wanted
    assert page.report.period.kind is RangeKind.THIS_MONTH
    queued_tasks.run_all()
    assert page.report.period.kind is RangeKind.TODAY
    assert page.report.previous.period.first == page.report.period.first - timedelta(days=7)


def test_the_table_model_passes_the_model_tester(qapp, qtmodeltester) -> None:
    from datetime import date

    model = ValuesTableModel()
    model.set_table(("Date", "Visits", "Share"), ((date(2026, 3, 8), 12, 0.5), (None, 0, None)))
    assert model.data(model.index(0, 0)) == "Sun, Mar 8, 2026"
    qtmodeltester.check(model, force_py=True)
