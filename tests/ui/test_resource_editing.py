"""The edit form gives back what it was shown; the detail pane says which lines take calls."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import delete, select

from desk.demo.seed_directory import seed_directory
from desk.directory.editing import HoursInput, PhoneInput, ServiceEdit
from desk.models import Phone, Schedule, Service
from desk.models.base import utc_now
from ui.context import AppContext
from ui.models.directory_table import DirectoryTableModel
from ui.pages.resources import ResourcesPage
from ui.pages.resources.edit_dialog import ServiceEditDialog
from ui.pages.resources.edit_lines import hours_from_text, phones_from_text

PHONES = (
    PhoneInput("+15085550101", "", "voice", "Front desk", "phone-main"),
    PhoneInput("+15085550109", "", "fax", "Referrals", "phone-fax"),
    PhoneInput("+15085550110", "", "text", "", "phone-text"),
    PhoneInput("+15085550111", "12", "textphone", "", "phone-tty"),
    PhoneInput("+15085550112", "", "", "", "phone-untyped"),
    PhoneInput("(508) 555-0113", "", "Main Line", "", "phone-odd"),
)
HOURS = (
    HoursInput("mo, tu, we", "08:00", "16:00", "", "hours-weekdays"),
    HoursInput("TU", "18:00", "20:00", "Women only", "hours-women"),
    HoursInput("", "", "", "By appointment only – call first", "hours-note"),
    HoursInput("", "", "", "Closed on\nholidays", "hours-holidays"),
)


def test_untouched_lines_come_back_exactly_as_shown(qapp) -> None:
    dialog = ServiceEditDialog(ServiceEdit(name="Canal Clinic", phones=PHONES, hours=HOURS))
    edit = dialog.edit()
    assert edit.phones == PHONES
    assert edit.hours == HOURS
    assert "Fax: (508) 555-0109; ; Referrals" in dialog.phones.toPlainText()  # as people read it
    assert "TTY: (508) 555-0111; 12" in dialog.phones.toPlainText()
    assert "TU 18:00-20:00; Women only" in dialog.hours.toPlainText()
    assert "By appointment only – call first" in dialog.hours_notes.toPlainText()
    dialog.deleteLater()


def test_a_deleted_line_takes_no_other_lines_record_with_it() -> None:
    text = "\n".join(
        ["TTY: +15085550111; 12", "+15085550112", "Cell: +15085550110", "508 555 0199; ; new"]
    )
    phones = phones_from_text(text, PHONES)
    assert [(p.id, p.type) for p in phones] == [
        ("phone-tty", "textphone"),  # the first lines were deleted: ids follow the numbers
        ("phone-untyped", ""),
        ("phone-text", "cell"),
        ("phone-main", "voice"),  # a changed line keeps a record that is free, by order
    ]
    hours = hours_from_text("TU 18:00-21:00; Women only", "Call first", HOURS)
    assert [(h.id, h.days, h.closes, h.description) for h in hours] == [
        ("hours-weekdays", "TU", "21:00", "Women only"),
        ("hours-note", "", "", "Call first"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Fax: 508 555 0120", ("508 555 0120", "fax")),
        ("tty: 508 555 0120", ("508 555 0120", "textphone")),
        ("SMS : 508 555 0120", ("508 555 0120", "text")),
        ("508 555 0120", ("508 555 0120", "voice")),
        ("+1 508 555 0120", ("+1 508 555 0120", "voice")),
    ],
)
def test_a_type_is_written_before_the_number(line: str, expected: tuple[str, str]) -> None:
    (phone,) = phones_from_text(line, ())
    assert (phone.number, phone.type) == expected


def test_taking_the_fax_mark_off_makes_a_voice_line() -> None:
    (phone,) = phones_from_text("+15085550109; ; Referrals", PHONES[1:2])
    assert (phone.id, phone.type) == ("phone-fax", "voice")


@pytest.fixture
def page(app_context: AppContext, qtbot) -> ResourcesPage:
    with app_context.database.transaction() as session:
        seed_directory(
            session, services=50, today=date.today(), now=datetime.now(UTC), rng=random.Random(5)
        )
        service_id = session.scalar(
            select(Service.id).where(Service.name.like("Harbor Street%")).limit(1)
        )
        session.execute(delete(Phone).where(Phone.service_id == service_id))
        session.add_all(
            [
                Phone(id="a-fax", service_id=service_id, number="+15085550109", type="fax"),
                Phone(id="b-voice", service_id=service_id, number="+15085550101", type="voice"),
                Phone(id="c-tty", service_id=service_id, number="+15085550111", type="textphone"),
                Schedule(
                    id="hours-note",
                    service_id=service_id,
                    description="By appointment only – call first",
                ),
                Schedule(
                    id="hours-monthly",
                    service_id=service_id,
                    freq="MONTHLY",
                    byday="1MO",
                    opens_at=time(18, 0),
                    closes_at=time(20, 0),
                ),
            ]
        )
    page = ResourcesPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.view.search.setText("harbor street")
    return page


def test_the_detail_pane_marks_fax_and_tty_lines_and_lists_the_line_to_call_first(
    page: ResourcesPage,
) -> None:
    text = page.view.detail.toPlainText()
    assert "(508) 555-0101" in text
    assert "Fax: (508) 555-0109" in text and "TTY: (508) 555-0111" in text
    assert text.index("(508) 555-0101") < text.index("Fax:")
    row = page.view.model.row_of(page.detail.id)
    assert page.view.model.index(row, DirectoryTableModel.PHONE).data() == "(508) 555-0101"


def test_a_service_with_only_a_fax_says_so_in_the_results(
    page: ResourcesPage, app_context: AppContext
) -> None:
    with app_context.database.transaction() as session:
        session.execute(delete(Phone).where(Phone.id.in_(["b-voice", "c-tty"])))
        session.get(Service, page.detail.id).updated_at = utc_now()
    app_context.changes.changed.emit({"directory"})
    row = page.view.model.row_of(page.detail.id)
    assert page.view.model.index(row, DirectoryTableModel.PHONE).data() == "Fax: (508) 555-0109"


def test_saving_a_new_website_keeps_the_hours_note_and_the_phone_types(
    page: ResourcesPage, app_context: AppContext
) -> None:
    page.view.edit_button.click()
    dialog = page.edit_dialog
    assert dialog.hours_notes.toPlainText() == "By appointment only – call first"
    assert dialog.kept_hours.isVisibleTo(dialog)
    assert "1st Mon of the month 6 pm–8 pm" in dialog.kept_hours.text()
    dialog.url.setText("https://example.org/harbor")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible(), dialog.banner.text
    with app_context.database.session() as session:
        kinds = dict(
            session.execute(
                select(Phone.id, Phone.type).where(Phone.service_id == page.detail.id)
            ).all()
        )
        notes = session.scalars(
            select(Schedule.id).where(Schedule.service_id == page.detail.id)
        ).all()
    assert kinds == {"a-fax": "fax", "b-voice": "voice", "c-tty": "textphone"}
    assert {"hours-note", "hours-monthly"} <= set(notes)
    assert "example.org/harbor" in page.view.detail.toPlainText()
