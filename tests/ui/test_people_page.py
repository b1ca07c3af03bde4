"""The People page: find anyone, open the record (audited), edit with the version check,
see visits, and merge two records of one person."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desk.models import AuditEvent, Person
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.people import create_person, update_person
from desk.services.person_details import PersonDetails
from tests.ui.typing_helpers import type_text
from ui.context import AppContext
from ui.pages.people import PeoplePage
from ui.pages.people.merge_dialog import MergeDialog


def _person(context: AppContext, first: str, last: str = "", **fields) -> int:
    with context.database.transaction() as session:
        return create_person(
            session, context.actor, PersonDetails(first_name=first, last_name=last, **fields)
        ).id


def _page(context: AppContext, qtbot) -> PeoplePage:
    page = PeoplePage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activate()
    return page


def test_find_and_open_a_record_is_audited(app_context, qtbot) -> None:
    person_id = _person(app_context, "Seán", "O'Brien", phone="508 555 0142", town="Worcester")
    with app_context.database.transaction() as session:
        sign_in(
            session, app_context.actor, person_id=person_id, purposes=[PurposeChoice("coaching")]
        )
    page = _page(app_context, qtbot)
    qtbot.keyClicks(page.view.search, "obrien")
    qtbot.keyClick(page.view.search, Qt.Key.Key_Return)
    assert page.view.record_heading.text() == "Seán O'Brien"
    assert page.view.form.phone.text() == "(508) 555-0142"
    assert page.view.visits_model.rowCount() == 1
    with app_context.database.session() as session:
        viewed = session.scalars(
            select(AuditEvent.person_id).where(AuditEvent.action == "person.viewed")
        ).all()
    assert viewed == [person_id]


def test_edit_and_save_then_a_stale_save_is_refused(app_context, qtbot) -> None:
    person_id = _person(app_context, "Ana", "Silva")
    page = _page(app_context, qtbot)
    page.open_record(person_id)
    type_text(page.view.form.town, "Shrewsbury")
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    assert page.view.status.text() == "Saved."
    with app_context.database.transaction() as session:  # another station saves meanwhile
        other = PersonDetails(first_name="Ana", last_name="Silva", town="Auburn")
        update_person(session, app_context.actor, person_id, page.record.version, other)
    page.view.form.nickname.setText("Aninha")
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    assert "changed on another station" in page.view.banner.text
    assert page.view.form.nickname.text() == "Aninha"
    with app_context.database.session() as session:
        person = session.get(Person, person_id)
    assert (person.town, person.nickname) == ("Auburn", None)

    # Reload: the record as it is now, with what was typed here on top; then it saves.
    qtbot.mouseClick(page.view.reload_button, Qt.MouseButton.LeftButton)
    assert page.view.form.town.text() == "Auburn"  # theirs
    assert page.view.form.nickname.text() == "Aninha"  # ours, kept
    assert "saved elsewhere since" in page.view.status.text()
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    assert page.view.status.text() == "Saved."
    with app_context.database.session() as session:
        person = session.get(Person, person_id)
    assert (person.town, person.nickname) == ("Auburn", "Aninha")

    # Reload otherwise drops unsaved edits: it is how staff throw them away.
    page.view.form.nickname.setText("Ana S.")
    qtbot.mouseClick(page.view.reload_button, Qt.MouseButton.LeftButton)
    assert page.view.form.nickname.text() == "Aninha"


def test_the_queue_opens_a_record_on_the_people_page(app_context, qtbot) -> None:
    person_id = _person(app_context, "Kwame", "Mensah")
    page = _page(app_context, qtbot)
    app_context.navigator.open_person.emit(person_id)
    assert page.record is not None and page.record.id == person_id


def test_merge_two_records_of_one_person(app_context, qtbot) -> None:
    keep_id = _person(app_context, "José", "Hernández", birth="1979")
    other_id = _person(app_context, "Jose", "Hernandez", phone="508 555 0111")
    with app_context.database.transaction() as session:
        sign_in(session, app_context.actor, person_id=other_id, purposes=[PurposeChoice("drop_in")])
    page = _page(app_context, qtbot)
    page.open_record(keep_id)

    def choose_and_merge() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MergeDialog) and w.isVisible()
        )
        type_text(dialog.search, "jose hernandez")
        dialog._choose()
        assert dialog.other is not None and dialog.other.id == other_id
        qtbot.wait(50)  # let deferred deletions run, as they would while staff read
        dialog.keep_current.setChecked(True)
        dialog.merge()

    QTimer.singleShot(0, choose_and_merge)
    page.merge()
    assert page.record.id == keep_id and page.record.phone == "+15085550111"
    assert page.view.visits_model.rowCount() == 1
    with app_context.database.session() as session:
        assert session.get(Person, other_id).merged_into_id == keep_id


def test_the_visits_model_passes_the_model_tester(app_context, qtmodeltester) -> None:
    from desk.services.people import person_visits
    from ui.models.visits_table import VisitsTableModel

    person_id = _person(app_context, "Ama", "Boateng")
    with app_context.database.transaction() as session:
        sign_in(
            session,
            app_context.actor,
            person_id=person_id,
            purposes=[PurposeChoice("support_meeting"), PurposeChoice("harm_reduction", 3)],
        )
    with app_context.database.session() as session:
        visits = person_visits(session, app_context.actor, person_id)
    model = VisitsTableModel()
    model.set_visits(visits)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, VisitsTableModel.PURPOSE)) == (
        "Support meeting, Naloxone or harm-reduction supplies ×3"
    )


def test_a_kept_draft_never_undoes_another_stations_save(app_context, qtbot) -> None:
    first = _person(app_context, "Ana", "Silva", phone="508 555 0101")
    second = _person(app_context, "Kwame", "Mensah")
    page = _page(app_context, qtbot)
    page.open_record(first)
    type_text(page.view.form.town, "Auburn")
    page.draft.save_now()
    page.open_record(second)  # left without saving: the typing is kept for Ana
    with app_context.database.transaction() as session:  # another station corrects the phone
        other = PersonDetails(first_name="Ana", last_name="Silva", phone="508 555 0199")
        update_person(session, app_context.actor, first, 1, other)
    page.open_record(first)
    assert page.view.form.town.text() == "Auburn"
    assert page.view.form.phone.text() == "(508) 555-0199"
    assert "saved elsewhere since" in page.view.status.text()
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    with app_context.database.session() as session:
        person = session.get(Person, first)
    assert (person.town, person.phone) == ("Auburn", "+15085550199")


def test_saving_the_form_keeps_what_it_does_not_show(app_context, qtbot) -> None:
    from desk.models import StaffMember

    with app_context.database.transaction() as session:
        coach = StaffMember(
            display_name="Rosa Delgado", login="rosa", role="coach", is_coach=True, active=True
        )
        session.add(coach)
        session.flush()
        coach_id = coach.id
    person_id = _person(
        app_context, "María", "Pérez", wished_coach_id=coach_id, wished_coach_gender="woman"
    )
    page = _page(app_context, qtbot)
    page.open_record(person_id)
    type_text(page.view.form.town, "Worcester")
    qtbot.mouseClick(page.view.save_button, Qt.MouseButton.LeftButton)
    with app_context.database.session() as session:
        person = session.get(Person, person_id)
    assert (person.town, person.wished_coach_id, person.wished_coach_gender) == (
        "Worcester",
        coach_id,
        "woman",
    )


def test_an_open_record_follows_another_stations_save_unless_edits_wait(app_context, qtbot) -> None:
    person_id = _person(app_context, "Ana", "Silva")
    page = _page(app_context, qtbot)
    page.open_record(person_id)

    def saved_elsewhere(town: str) -> None:
        with app_context.database.transaction() as session:
            other = PersonDetails(first_name="Ana", last_name="Silva", town=town)
            update_person(session, app_context.actor, person_id, page.record.version, other)
        app_context.changes.changed.emit({"people"})

    saved_elsewhere("Auburn")
    assert page.view.form.town.text() == "Auburn"  # nothing typed here: theirs is shown

    page.view.form.nickname.setText("Aninha")
    page.draft.save_now()
    saved_elsewhere("Leicester")
    assert page.view.form.nickname.text() == "Aninha"  # typed here: kept, and told
    assert "changed on another station" in page.view.status.text()
