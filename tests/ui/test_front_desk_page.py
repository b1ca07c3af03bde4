"""The Front desk page driven as staff drive it: type, arrow, Enter, and see the queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from desk.models import StaffMember, VisitStatus
from desk.services.checkin import PurposeChoice, check_out, sign_in
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from desk.services.todays_queue import today_queue
from ui.context import AppContext
from ui.models.lookup_results import LookupResultsModel
from ui.models.queue_table import QueueTableModel
from ui.pages.front_desk import FrontDeskPage
from ui.pages.front_desk.coach_picker import CoachPicker


def _person(context: AppContext, first: str, last: str = "", **fields) -> int:
    with context.database.transaction() as session:
        return create_person(
            session, context.actor, PersonDetails(first_name=first, last_name=last, **fields)
        ).id


@pytest.fixture
def page(app_context: AppContext, qtbot) -> FrontDeskPage:
    page = FrontDeskPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.activate()
    return page


def _queue_names(page: FrontDeskPage) -> list[str]:
    model = page.view.queue_model
    return [model.data(model.index(row, QueueTableModel.NAME)) for row in range(model.rowCount())]


def _queue_cell(page: FrontDeskPage, row: int, column: int) -> str:
    model = page.view.queue_model
    return model.data(model.index(row, column))


def test_a_returning_visitor_signs_in_with_the_keyboard_alone(app_context, page, qtbot) -> None:
    _person(app_context, "John", "Smith")
    _person(app_context, "Johanna", "Smithers")
    box = page.view.sign_in_box
    assert box.hasFocus()
    qtbot.keyClicks(box, "jon smth")
    assert page.highlighted() is not None and page.highlighted().first_name == "John"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _queue_names(page) == ["John S."]
    assert _queue_cell(page, 0, QueueTableModel.PURPOSE) == "Drop-in"
    assert _queue_cell(page, 0, QueueTableModel.STATUS) == "Waiting"
    assert box.text() == "" and "Signed in John S." in page.view.hint.text()


def test_arrows_choose_among_matches_and_accents_are_optional(app_context, page, qtbot) -> None:
    _person(app_context, "Łukasz", "Nowak")
    _person(app_context, "Łukasz", "Wójcik")
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "lukasz")
    first = page.highlighted()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    second = page.highlighted()
    assert {first.last_name, second.last_name} == {"Nowak", "Wójcik"}
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert page.highlighted() == first
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _queue_names(page) == [f"Łukasz {second.last_name[0]}."]


def test_the_usual_purpose_is_chosen_and_ctrl_numbers_change_it(app_context, page, qtbot) -> None:
    person_id = _person(app_context, "Kwame", "Mensah")
    earlier = datetime.now(UTC) - timedelta(days=3)
    with app_context.database.transaction() as session:
        visit = sign_in(
            session,
            app_context.actor,
            person_id=person_id,
            now=earlier,
            purposes=[PurposeChoice("phone_computer")],
        )
    with app_context.database.transaction() as session:
        version = today_queue(session, app_context.actor, now=earlier).entries[0].version
        check_out(session, app_context.actor, visit, version, now=earlier)
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "kwame")
    assert page.view.purposes.checked_codes() == ["phone_computer"]
    qtbot.keyClick(box, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert page.view.purposes.checked_codes() == ["harm_reduction", "phone_computer"]
    assert page.view.purposes.count.value() == 2
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _queue_cell(page, 0, QueueTableModel.PURPOSE) == (
        "Naloxone or harm-reduction supplies ×2, Phone or computer use"
    )


def test_an_anonymous_visit_with_initials_in_one_action(page, qtbot) -> None:
    qtbot.keyClicks(page.view.sign_in_box, "J.D.")
    assert "J.D." in page.view.anonymous_button.text()
    qtbot.keyClick(
        page.view.sign_in_box,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _queue_names(page) == ["Anonymous (J.D.)"]
    qtbot.keyClick(
        page.view.sign_in_box,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _queue_names(page) == ["Anonymous (J.D.)", "Anonymous"]
    assert "2 anonymous" in page.view.counts.text()


def test_privacy_is_on_by_default_and_can_be_switched_off(app_context, page, qtbot) -> None:
    _person(app_context, "María", "Pérez")
    qtbot.keyClicks(page.view.sign_in_box, "perez")
    assert page.view.results_model.data(page.view.results_model.index(0)).startswith("María P.")
    qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_Return)
    assert _queue_names(page) == ["María P."]
    page.view.privacy.setChecked(False)
    assert _queue_names(page) == ["María Pérez"]


def test_queue_actions_start_check_out_and_undo(app_context, page, qtbot, monkeypatch) -> None:
    with app_context.database.transaction() as session:
        session.add(
            StaffMember(
                display_name="Rosa Delgado", login="rosa", role="coach", is_coach=True, active=True
            )
        )
    _person(app_context, "Ana", "Silva")
    _person(app_context, "Joel", "Ortiz")
    for name in ("ana silva", "joel"):
        qtbot.keyClicks(page.view.sign_in_box, name)
        qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_Return)
    page.view.queue.selectRow(0)

    def choose_first_coach() -> None:
        picker = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CoachPicker) and w.isVisible()
        )
        picker.accept()

    QTimer.singleShot(0, choose_first_coach)
    page.queue.start_with_coach()
    assert _queue_cell(page, 0, QueueTableModel.STATUS) == "With coach"
    assert _queue_cell(page, 0, QueueTableModel.COACH) == "Rosa Delgado"
    page.view.queue.selectRow(0)
    page.queue.check_out()
    assert [page.view.queue_model.entry(r).status for r in range(2)] == [
        VisitStatus.WAITING,
        VisitStatus.DONE,
    ]
    page.view.queue.selectRow(0)
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *args, **kwargs: ("Wrong Joel", True))
    )
    page.queue.undo()
    assert _queue_names(page) == ["Ana S."]
    assert "Visits today: 1" in page.view.counts.text()


def test_ctrl_o_checks_the_selected_visitor_out(page, qtbot) -> None:
    qtbot.keyClick(
        page.view.sign_in_box,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page.view.queue.selectRow(0)
    qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert _queue_cell(page, 0, QueueTableModel.STATUS) == "Done"
    assert "Here now: 0" in page.view.counts.text()


def test_no_match_explains_what_to_do(page, qtbot) -> None:
    qtbot.keyClicks(page.view.sign_in_box, "zzqx")
    assert "No match" in page.view.hint.text() and "Ctrl+N" in page.view.hint.text()
    qtbot.keyClick(page.view.sign_in_box, Qt.Key.Key_Return)
    assert _queue_names(page) == []


def test_minutes_waiting_move_on_by_themselves(app_context) -> None:
    now = [datetime(2026, 11, 27, 15, 0, tzinfo=UTC)]
    model = QueueTableModel(clock=lambda: now[0])
    with app_context.database.transaction() as session:
        sign_in(
            session,
            app_context.actor,
            person_id=None,
            now=now[0],
            purposes=[PurposeChoice("drop_in")],
        )
    with app_context.database.session() as session:
        model.set_entries(today_queue(session, app_context.actor, now=now[0]).entries)
    assert model.data(model.index(0, QueueTableModel.WAITING)) == "0 min"
    now[0] += timedelta(minutes=17)
    model.tick()
    assert model.data(model.index(0, QueueTableModel.WAITING)) == "17 min"


def test_table_models_pass_the_model_tester(app_context, qtmodeltester) -> None:
    _person(app_context, "Seán", "O'Brien", phone="508 555 0142", birth="1980")
    from desk.lookup.person_index import PersonIndex
    from desk.services.lookup import lookup_people

    with app_context.database.transaction() as session:
        sign_in(session, app_context.actor, person_id=None, purposes=[PurposeChoice("drop_in")])
        entries = today_queue(session, app_context.actor).entries
        matches = lookup_people(session, app_context.actor, PersonIndex(), "sean")
    queue = QueueTableModel()
    queue.set_entries(entries)
    qtmodeltester.check(queue, force_py=True)
    results = LookupResultsModel()
    results.set_matches(matches)
    qtmodeltester.check(results, force_py=True)
    assert "☎ ··42" in results.data(results.index(0))


def test_a_bug_in_one_lookup_does_not_stop_the_next(
    app_context, page, qtbot, monkeypatch, crashes
) -> None:
    """The crash dialog is shown, and the page is told too: the next keystroke looks up."""
    from ui.pages.front_desk import controller

    _person(app_context, "John", "Smith")
    real_lookup = controller.lookup_people
    calls = []

    def broken_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return real_lookup(*args)

    monkeypatch.setattr(controller, "lookup_people", broken_once)
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "j")
    assert [type(error) for error in crashes.errors] == [RuntimeError]
    assert "did not expect" in page.view.banner.text
    qtbot.keyClicks(box, "ohn")
    assert page.highlighted() is not None and page.highlighted().first_name == "John"
    crashes.errors.clear()  # the one bug this test made on purpose


def test_a_sign_in_that_does_not_go_through_keeps_the_name_and_the_purposes(
    app_context, page, qtbot, monkeypatch
) -> None:
    from desk.errors import DatabaseUnavailable
    from ui.pages.front_desk import controller

    _person(app_context, "Kwame", "Mensah")

    def unreachable(*_args, **_kwargs):
        raise DatabaseUnavailable("The database cannot be reached.", hint="Try again.")

    monkeypatch.setattr(controller, "sign_in", unreachable)
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "kwame")
    qtbot.keyClick(box, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    chosen = page.view.purposes.checked_codes()
    assert "harm_reduction" in chosen and page.view.purposes.count.value() == 2
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "kwame"
    assert page.view.purposes.checked_codes() == chosen
    assert page.view.purposes.count.value() == 2
    assert "cannot be reached" in page.view.banner.text


def test_a_persons_usual_purposes_do_not_pass_to_an_anonymous_visitor(
    app_context, page, qtbot
) -> None:
    person_id = _person(app_context, "Zoë", "Carter")
    with app_context.database.transaction() as session:
        visit = sign_in(
            session,
            app_context.actor,
            person_id=person_id,
            now=datetime.now(UTC) - timedelta(days=3),
            purposes=[PurposeChoice("support_meeting")],
        )
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "zo")
    assert page.view.purposes.checked_codes() == ["support_meeting"]  # Zoë's usual
    qtbot.keyClicks(box, "qqq")  # no one matches now
    assert page.view.purposes.checked_codes() == ["drop_in"]
    qtbot.keyClick(
        box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _queue_cell(page, 0, QueueTableModel.PURPOSE) == "Drop-in"
    assert visit is not None


def test_a_match_already_in_the_queue_says_so(app_context, page, qtbot) -> None:
    _person(app_context, "John", "Smith")
    box = page.view.sign_in_box
    qtbot.keyClicks(box, "john smith")
    model = page.view.results_model
    assert "here now" not in model.data(model.index(0))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "john smith")
    assert "here now, in today's queue" in model.data(model.index(0))
