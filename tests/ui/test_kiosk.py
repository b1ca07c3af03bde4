"""The self sign-in kiosk driven as a visitor at the door would: a scan, a touch, done, and
the sign-in in the desk's queue marked "signed in at the door"; no card; leaving it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desk.cards.tokens import new_token
from desk.models import AuditEvent, DoorRequest, StaffRole, Visit
from desk.services.cards import issue_card, prepare_card, revoke_card
from desk.services.kiosk import kiosk_actor
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from desk.services.todays_queue import today_queue
from tests.staff import add_staff
from ui.context import AppContext
from ui.kiosk.window import NOT_WORKING, KioskWindow
from ui.models.queue_table import QueueTableModel


@pytest.fixture
def kiosk(app_context: AppContext, qtbot) -> Iterator[KioskWindow]:
    with app_context.database.session() as session:
        actor = kiosk_actor(session)
    window = KioskWindow(app_context.tasks, actor, full_screen=False)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.start()
    yield window
    window.may_close = True


def _card(context: AppContext, first: str, *, shows_first_name: bool = True) -> tuple[int, str]:
    with context.database.transaction() as session:
        person = create_person(
            session, context.actor, PersonDetails(first_name=first, last_name="Silva")
        )
        prepared = prepare_card(
            session, context.actor, person.id, shows_first_name=shows_first_name
        )
        issue_card(session, context.actor, prepared, printed=True, destination="test")
    return person.id, prepared.token


def test_a_scan_a_touch_and_the_desk_sees_it(app_context, kiosk: KioskWindow, qtbot) -> None:
    _person, token = _card(app_context, "Ana")
    qtbot.keyClicks(kiosk.scan_box, token)  # as a scanner types it: no Enter needed
    assert kiosk.stack.currentWidget() is kiosk.purposes_page
    assert kiosk.greeting.text() == "Hello, Ana!"
    kiosk.purpose_buttons["resource_help"].click()
    kiosk.go_button.click()
    assert kiosk.stack.currentWidget() is kiosk.done_page
    assert "You are signed in" in kiosk.done_text.text()
    with app_context.database.session() as session:
        visit = session.scalars(select(Visit)).one()
        entries = today_queue(session, app_context.actor).entries
    assert visit.way_in == "kiosk"
    model = QueueTableModel()
    model.set_entries(entries)
    assert model.data(model.index(0, QueueTableModel.PURPOSE)) == (
        "Resource help · signed in at the door"
    )
    kiosk.back_to_start()
    qtbot.keyClicks(kiosk.scan_box, token)
    assert "signed in already today" in kiosk.done_text.text()


def test_no_name_unless_on_the_card_and_stopped_cards_say_nothing_more(
    app_context, kiosk: KioskWindow, qtbot
) -> None:
    person, token = _card(app_context, "Ben", shows_first_name=False)
    qtbot.keyClicks(kiosk.scan_box, token)
    assert kiosk.greeting.text() == "Hello!"
    kiosk.back_to_start()
    with app_context.database.transaction() as session:
        revoke_card(session, app_context.actor, person)
    qtbot.keyClicks(kiosk.scan_box, token)
    stopped = kiosk.done_text.text()
    kiosk.back_to_start()
    qtbot.keyClicks(kiosk.scan_box, new_token())  # never issued: the very same words
    assert kiosk.done_text.text() == stopped
    assert stopped == NOT_WORKING and "Ben" not in stopped


def test_first_time_asks_the_desk_to_greet_them(app_context, kiosk: KioskWindow) -> None:
    kiosk.first_time.click()
    assert kiosk.go_button.text() == "Ask someone to greet me"
    kiosk.purpose_buttons["coaching"].click()
    kiosk.go_button.click()
    assert "someone will come to greet you" in kiosk.done_text.text()
    with app_context.database.session() as session:
        request = session.scalars(select(DoorRequest)).one()
    assert request.purposes == ["coaching"]


def test_leaving_locks_it_and_only_an_admin_unlocks(app_context, kiosk: KioskWindow) -> None:
    with app_context.database.session() as session:
        add_staff(
            session, role=StaffRole.ADMIN, name="Alex", login="alex", password="lantern orchard"
        )
        add_staff(
            session, role=StaffRole.FRONT_DESK, name="Frankie", login="frankie", password="harbor"
        )
    kiosk.close()
    assert kiosk.isVisible() and kiosk.stack.currentWidget() is kiosk.lock_panel
    kiosk.lock_panel.unlock.emit("frankie", "harbor")
    assert "Only an admin" in kiosk.lock_panel.message.text()
    kiosk.lock_panel.unlock.emit("alex", "wrong")
    assert kiosk.stack.currentWidget() is kiosk.lock_panel
    kiosk.lock_panel.unlock.emit("alex", "lantern orchard")
    assert kiosk.stack.currentWidget() is kiosk.welcome
    kiosk.lock("test")
    kiosk.lock_panel.leave.emit("alex", "lantern orchard")
    assert not kiosk.isVisible()
    with app_context.database.session() as session:
        actions = list(session.scalars(select(AuditEvent.action)))
    assert actions.count("kiosk.locked") == 2
    assert "kiosk.unlocked" in actions and "kiosk.closed" in actions


def test_the_desk_is_told_someone_at_the_door_waits(app_context, kiosk: KioskWindow, qtbot):
    from ui.pages.front_desk import FrontDeskPage

    page = FrontDeskPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert not page.door.isVisible()
    kiosk.first_time.click()
    kiosk.purpose_buttons["coaching"].click()
    kiosk.go_button.click()
    app_context.changes.changed.emit({"visits"})  # as the change listener tells every station
    assert page.door.isVisible()
    assert "At the door: 1 waiting to be greeted" in page.door.label.text()
    assert "came for: Coaching" in page.door.label.text()
    page.door.greeted.click()
    assert not page.door.isVisible()
    with app_context.database.session() as session:
        assert session.scalars(select(DoorRequest)).one().answered_at is not None
