"""The referral builder between people and under real timing: nothing of one person's sheet
reaches the next, a double click gives one referral (on the real thread pool), the person's
coach survives a slow list of coaches, and the preview draws only what it shows."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from shiboken6 import Shiboken
from sqlalchemy import func, select

from desk.demo.seed_directory import seed_directory
from desk.models import Assignment, AuditEvent, Consent, Referral, Service, StaffMember, StaffRole
from desk.printing.referral_sheet import render_referral_sheet
from desk.printing.sheet_content import ReferralSheetContent
from desk.services.settings import center_today
from tests.conftest import CrashRecorder
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import pdf_text, signed_consent
from tests.desk.referrals.test_sheet_rendering import service, sheet
from tests.staff import admin_actor
from tests.ui.task_queues import QueuedTaskRunner
from tests.ui.typing_helpers import type_text
from ui.context import AppContext, ChangeSignals
from ui.models.basket_table import BasketTableModel
from ui.pages.referrals import ReferralsPage
from ui.pages.referrals.consent_dialog import ConsentDialog
from ui.printing import output as output_module
from ui.printing import preview as preview_module
from ui.printing.output import DocumentOutput, Target
from ui.printing.preview import PdfPreview, render_first_pages
from ui.printing.printer_output import PrintFailed
from ui.tasks import TaskRunner


def _seed(context: AppContext, count: int = 20) -> list[tuple[str, str]]:
    with context.database.transaction() as session:
        seed_directory(
            session,
            services=count,
            today=center_today(session),
            now=datetime.now(UTC),
            rng=random.Random(11),
        )
    with context.database.session() as session:
        return [
            tuple(row)
            for row in session.execute(select(Service.id, Service.name).order_by(Service.name))
        ]


def _count(context: AppContext, model, **where) -> int:
    query = select(func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    with context.database.session() as session:
        return session.scalar(query)


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(DocumentOutput, "choose_file", lambda _self, _name: Target(path=path))


@pytest.fixture
def page(app_context: AppContext, qtbot) -> ReferralsPage:
    page = ReferralsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def test_the_next_persons_sheet_carries_nothing_of_the_one_before(
    page: ReferralsPage, app_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    services = _seed(app_context)
    builder, view, basket = page.builder, page.builder.view, app_context.basket
    first = add_person(app_context.database, app_context.actor, "Ana", "Ruiz")
    second = add_person(app_context.database, app_context.actor, "Marek", "Nowak")

    # Chosen for Ana, not given; then the desk turns to Marek.
    builder.set_person(first.id, "Ana")
    for service_id, name in services[:3]:
        basket.add(service_id, name)
    basket.set_note(services[0][0], "Ask for the nurse on duty")
    type_text(view.next_steps, "Call Harbor Street at 8")
    view.shows_name.setChecked(True)
    view.large_print.setChecked(True)
    builder.set_person(second.id, "Marek")
    assert basket.items == () and view.next_steps.toPlainText() == ""
    assert not view.shows_name.isChecked() and not basket.shows_name
    assert not view.large_print.isChecked()

    # Chosen for Ana, made anonymous, then Marek: Ana's services and notes do not pass on.
    builder.set_person(first.id, "Ana")
    for service_id, name in services[:2]:
        basket.add(service_id, name)
    basket.set_note(services[0][0], "Ana needs a bed")
    type_text(view.next_steps, "Call for Ana")
    view.anonymous_button.click()
    assert basket.person_id is None and len(basket.items) == 2  # still Ana's, without name
    builder.set_person(second.id, "Marek")
    assert basket.items == () and view.next_steps.toPlainText() == ""

    # A sheet given to Ana, then Marek's: the builder starts afresh after each one given.
    builder.set_person(first.id, "Ana")
    for service_id, name in services[:3]:
        basket.add(service_id, name)
    basket.set_note(services[0][0], "Ask for the nurse on duty")
    type_text(view.next_steps, "Call Harbor Street at 8")
    _save_to(monkeypatch, tmp_path / "ana.pdf")
    builder.give_and_send("pdf")
    assert basket.items == () and basket.person_id is None
    assert view.table_model.rowCount() == 0
    assert view.next_steps.toPlainText() == "" and not view.shows_name.isChecked()

    builder.set_person(second.id, "Marek")
    basket.add(*services[5])
    _save_to(monkeypatch, tmp_path / "marek.pdf")
    builder.give_and_send("pdf")
    with app_context.database.session() as session:
        marek = session.scalars(select(Referral).where(Referral.person_id == second.id)).one()
        content = ReferralSheetContent.from_json(marek.document)
    assert [s.id for s in content.services] == [services[5][0]]
    assert content.next_steps == "" and all(not s.note for s in content.services)
    assert content.prepared_for is None
    text = pdf_text((tmp_path / "marek.pdf").read_bytes())
    assert "Harbor Street at 8" not in text and "nurse on duty" not in text
    assert not any(name in text for _, name in services[:3])


def test_refer_again_for_another_person_starts_from_their_services(
    app_context: AppContext, qtbot, monkeypatch, tmp_path: Path
) -> None:
    from ui.pages.people import PeoplePage

    services = _seed(app_context)
    first = add_person(app_context.database, app_context.actor, "Ana", "Ruiz")
    second = add_person(app_context.database, app_context.actor, "Marek", "Nowak")
    referrals, people = ReferralsPage(app_context), PeoplePage(app_context)
    for widget in (referrals, people):
        qtbot.addWidget(widget)
    people.show()
    referrals.builder.set_person(second.id, "Marek")
    app_context.basket.add(*services[7])
    _save_to(monkeypatch, tmp_path / "marek.pdf")
    referrals.builder.give_and_send("pdf")
    referrals.builder.set_person(first.id, "Ana")  # the desk starts on Ana's sheet
    app_context.basket.add(*services[1])
    people.open_record(second.id)  # then Marek's earlier referral, again
    panel = people.referrals_panel
    panel.refresh()
    panel.referrals.selectRow(0)
    panel.refer_again()
    assert app_context.basket.person_id == second.id
    assert [i.service_id for i in app_context.basket.items] == [services[7][0]]


@pytest.fixture
def threaded_context(qapp, sqlite_database, qsettings, crashes: CrashRecorder):
    with sqlite_database.session() as session:
        actor = admin_actor(session)
    tasks = TaskRunner(sqlite_database, crashes)
    context = AppContext(sqlite_database, actor, tasks, ChangeSignals(), qsettings)
    yield context
    tasks.wait_for_done()


def test_a_double_click_on_print_gives_one_referral_on_the_real_thread_pool(
    threaded_context: AppContext, qtbot, monkeypatch, tmp_path: Path
) -> None:
    context = threaded_context
    services = _seed(context)
    page = ReferralsPage(context)
    qtbot.addWidget(page)
    page.show()
    for service_id, name in services[:2]:
        context.basket.add(service_id, name)

    def pdf_printer(_self) -> Target:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return Target(printer=printer)

    monkeypatch.setattr(DocumentOutput, "default_printer", pdf_printer)
    button = page.builder.view.quick_print_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page.builder.give_and_send("default")  # and the keyboard, for good measure
    qtbot.waitUntil(lambda: "Printed on" in page.builder.view.status.text(), timeout=20000)
    context.tasks.wait_for_done()
    qtbot.wait(50)
    assert _count(context, Referral) == 1
    assert _count(context, AuditEvent, action="print.referral_sheet") == 1
    assert not page.builder.giving and page.builder.view.again_button.isEnabled()


def test_a_double_click_on_reprint_prints_once_on_the_real_thread_pool(
    threaded_context: AppContext, qtbot, monkeypatch, tmp_path: Path
) -> None:
    context = threaded_context
    services = _seed(context)
    page = ReferralsPage(context)
    qtbot.addWidget(page)
    page.show()
    context.basket.add(*services[0])
    _save_to(monkeypatch, tmp_path / "given.pdf")
    page.builder.give_and_send("pdf")
    qtbot.waitUntil(lambda: _count(context, Referral) == 1, timeout=20000)
    context.tasks.wait_for_done()
    qtbot.wait(50)
    follow_up = page.follow_up
    follow_up.scope.setCurrentIndex(follow_up.scope.count() - 1)  # all referrals
    follow_up.refresh()
    qtbot.waitUntil(lambda: follow_up.model.rowCount() == 1, timeout=20000)
    follow_up.table.selectRow(0)
    _save_to(monkeypatch, tmp_path / "again.pdf")
    button = follow_up.save_pdf_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "the same sheet as given" in follow_up.status.text(), timeout=20000)
    context.tasks.wait_for_done()
    qtbot.wait(50)
    assert _count(context, AuditEvent, action="export.referral_sheet_pdf") == 2  # given, then once
    assert button.isEnabled()


def test_a_double_click_on_save_in_the_consent_dialog_saves_one_consent(
    threaded_context: AppContext, qtbot
) -> None:
    context = threaded_context
    services = _seed(context, 5)
    person = add_person(context.database, context.actor, "Ana", "Ruiz")
    dialog = ConsentDialog(context, person.id, "Ana", services[:1], service_id=services[0][0])
    saved = []
    dialog.saved.connect(saved.append)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not Shiboken.isValid(dialog), timeout=10000)  # closed, deleted
    context.tasks.wait_for_done()
    assert len(saved) == 1
    assert _count(context, Consent) == 1


def test_the_persons_coach_is_chosen_when_the_list_of_coaches_arrives_later(
    app_context: AppContext, qtbot, queued_tasks: QueuedTaskRunner
) -> None:
    services = _seed(app_context, 5)
    person = add_person(app_context.database, app_context.actor, "Ana", "Ruiz")
    with app_context.database.transaction() as session:
        coach = StaffMember(
            display_name="Rosa Delgado",
            login="rosa",
            role=StaffRole.COACH,
            is_coach=True,
            phone="+15085550123",
        )
        session.add(coach)
        session.flush()
        session.add(
            Assignment(
                person_id=person.id, coach_id=coach.id, assigned_by_id=app_context.actor.staff_id
            )
        )
        coach_id = coach.id
    queued = queued_tasks
    page = ReferralsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    builder = page.builder
    builder.set_person(person.id, "Ana")  # from their record, before the page ever loaded
    app_context.basket.add(*services[0])
    queued.run_next()  # their defaults come back first: the list of coaches is not here yet
    assert builder.view.coach.findData(coach_id) < 0
    page.activate()  # and the page asks for the list meanwhile
    queued.run_all()
    assert builder.view.coach.currentData() == coach_id
    builder.refresh_preview()
    queued.run_all()
    assert "Rosa Delgado" in pdf_text(builder.view.preview.pdf_bytes)

    # Staff's own choice stands, even if another list arrives after it.
    builder.view.coach.setCurrentIndex(0)
    builder.view.coach.activated.emit(0)
    builder.load_coaches()
    queued.run_all()
    assert builder.view.coach.currentData() is None


def test_the_preview_skips_runs_already_out_of_date(
    app_context: AppContext, qtbot, monkeypatch, queued_tasks: QueuedTaskRunner
) -> None:
    services = _seed(app_context, 5)
    queued = queued_tasks
    page = ReferralsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    rendered: list[int] = []
    from ui.pages.referrals import live_preview

    real = live_preview.prepare_sheet
    monkeypatch.setattr(
        live_preview,
        "prepare_sheet",
        lambda session, actor, request, today: (
            rendered.append(len(request.service_ids)) or real(session, actor, request, today)
        ),
    )
    basket = app_context.basket
    for service_id, name in services[:3]:
        basket.add(service_id, name)
        page.builder.refresh_preview()  # typed faster than the worker keeps up
    queued.run_all()
    assert rendered == [3]  # only the last: the two before were out of date when they ran
    assert page.builder.view.preview.page_count >= 1


def test_the_preview_draws_only_the_pages_in_view_and_lays_out_once_a_resize_settles(
    qapp, qtbot
) -> None:
    pdf = render_referral_sheet(sheet(services=tuple(service(n) for n in range(1, 66))))
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(520, 700)
    preview.show()
    qtbot.waitExposed(preview)
    preview.show_pages(pdf, render_first_pages(pdf, preview.first_pages_width()))
    assert preview.page_count >= 16
    assert preview.rasterised <= 2  # the first page came from the worker; at most one more
    bar = preview.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out: the person scrolls to the end
    bar.setValue(bar.maximum())
    assert preview.rasterised <= 4
    last = preview.findChild(type(preview.pages), f"previewPage{preview.page_count}")
    assert last is not None and not last.pixmap().isNull()

    layouts = preview.layouts
    for width in range(530, 830, 30):  # a window being dragged wider
        preview.resize(width, 700)
        qapp.processEvents()
    assert preview.layouts == layouts
    qtbot.waitUntil(lambda: preview.layouts == layouts + 1, timeout=2000)
    qtbot.wait(preview_module.RESIZE_SETTLE_MS * 2)
    assert preview.layouts == layouts + 1
    assert preview.rasterised <= 7
    assert preview.findChild(type(preview.pages), "previewPage1").width() == preview.page_width()


def test_a_category_handout_prints_from_the_referrals_page(
    page: ReferralsPage, app_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    _seed(app_context, 40)
    dialog = page.open_handout()
    dialog.category.setCurrentIndex(dialog.category.findData("food"))
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.large_print.setChecked(True)
    dialog.refresh_preview()
    assert dialog.preview.page_count >= 1
    assert "Comida" in pdf_text(dialog.preview.pdf_bytes)
    _save_to(monkeypatch, tmp_path / "food.pdf")
    dialog.send("pdf")
    assert "Comida" in pdf_text((tmp_path / "food.pdf").read_bytes())
    assert "was sent to" in dialog.status.text()
    with app_context.database.session() as session:
        [event] = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.category_handout")
        ).all()
    assert event.entity_id == "food"


def test_a_refused_print_of_a_handout_or_consent_form_is_in_the_activity_log(
    page: ReferralsPage, app_context: AppContext, monkeypatch, tmp_path: Path
) -> None:
    services = _seed(app_context, 5)
    person = add_person(app_context.database, app_context.actor, "Ana", "Ruiz")

    def pdf_printer(_self) -> Target:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "never.pdf"))
        return Target(printer=printer)

    def jammed(pdf: bytes, printer: QPrinter, name: str) -> int:
        raise PrintFailed("The printer “Front desk” is stopped: it may be jammed.")

    monkeypatch.setattr(DocumentOutput, "choose_printer", pdf_printer)
    monkeypatch.setattr(output_module, "print_pdf", jammed)
    dialog = page.open_handout()
    dialog.send("dialog")
    assert "is stopped" in dialog.status.text()
    builder = page.builder
    builder.set_person(person.id, "Ana")
    app_context.basket.add(*services[0])
    builder.prepare_consent()
    consent_dialog = builder.findChild(ConsentDialog)
    consent_dialog.service.setCurrentIndex(consent_dialog.service.findData(services[0][0]))
    consent_dialog.save(print_form=True)
    assert _count(app_context, Consent) == 1
    with app_context.database.session() as session:
        failed = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "print.failed")
        ).all()
    assert sorted(e.entity_type for e in failed) == ["category_handout", "consent_form"]
    assert [e.person_id for e in failed if e.entity_type == "consent_form"] == [person.id]
    assert "is stopped" in builder.view.banner.text
    assert not (tmp_path / "never.pdf").exists()


def test_the_basket_table_still_passes_the_model_tester_after_a_person_change(
    page: ReferralsPage, app_context: AppContext, qtmodeltester
) -> None:
    services = _seed(app_context, 5)
    first = add_person(app_context.database, app_context.actor, "Ana", "Ruiz")
    second = add_person(app_context.database, app_context.actor, "Marek", "Nowak")
    page.builder.set_person(first.id, "Ana")
    for service_id, name in services[:3]:
        app_context.basket.add(service_id, name)
    model: BasketTableModel = page.builder.view.table_model
    qtmodeltester.check(model)
    page.builder.set_person(second.id, "Marek")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_a_persons_record_never_shows_the_consents_of_the_one_opened_before(
    app_context: AppContext, qtbot, queued_tasks: QueuedTaskRunner
) -> None:
    from ui.pages.people.referrals_panel import PersonReferralsPanel

    services = _seed(app_context, 2)
    first = add_person(app_context.database, app_context.actor, "Ana", "Ruiz")
    second = add_person(app_context.database, app_context.actor, "Marek", "Nowak")
    with app_context.database.transaction() as session:
        signed_consent(session, app_context.actor, first.id, services[0][0], center_today(session))
    panel = PersonReferralsPanel(app_context)
    qtbot.addWidget(panel)
    panel.show_person(first.id, "Ana", None)
    panel.show_person(second.id, "Marek", None)  # before Ana's record has loaded
    queued_tasks.queue.pop(1).run()  # Marek's load, answered first
    queued_tasks.run_next()  # Ana's, late: it must not land on Marek's record
    assert panel.person_id == second.id
    assert panel.consents_model.rowCount() == 0


def test_an_emptied_basket_shows_where_to_add_services_once_the_pause_is_over(
    page: ReferralsPage, app_context: AppContext, qtbot
) -> None:
    services = _seed(app_context, 3)
    builder, basket = page.builder, app_context.basket
    basket.add(*services[0])
    qtbot.waitUntil(lambda: builder.view.preview.pdf_bytes is not None, timeout=10000)
    basket.remove(services[0][0])  # the live preview's own timer, as in the app
    qtbot.waitUntil(
        lambda: "Add services from Resources" in builder.view.preview.message.text(),
        timeout=10000,
    )
