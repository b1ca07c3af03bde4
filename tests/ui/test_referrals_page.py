"""The Referrals page as staff use it: build, preview, print (a jam included), save, consent,
follow up. Printers are Qt's own PDF printer or one the system does not have."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QCheckBox
from sqlalchemy import func, select, update

from desk.demo.seed_directory import seed_directory
from desk.models import AuditEvent, Consent, Referral, ReferralOutcome, Service
from desk.services.consents import ConsentStatus, person_consents, revoke_consent
from desk.services.referral_log import record_outcome
from desk.services.settings import center_today
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import pdf_text, signed_consent
from tests.ui.task_queues import QueuedTaskRunner
from tests.ui.typing_helpers import type_text
from ui.context import AppContext
from ui.models.basket_table import BasketTableModel
from ui.models.consents_table import ConsentsTableModel
from ui.pages.referrals import ReferralsPage
from ui.pages.referrals.consent_dialog import ConsentDialog, SignedFormDialog
from ui.pages.referrals.document_actions import DocumentActions
from ui.printing import output as output_module
from ui.printing.output import DocumentOutput, Target
from ui.printing.printer_output import PrintFailed, print_pdf


def center_date(context: AppContext) -> date:
    """Today where the center is (its time zone, from settings): the date the app works by."""
    with context.database.session() as session:
        return center_today(session)


@pytest.fixture
def services(app_context: AppContext) -> list[tuple[str, str]]:
    with app_context.database.transaction() as session:
        seed_directory(
            session,
            services=50,
            today=center_today(session),
            now=datetime.now(UTC),
            rng=random.Random(5),
        )
    with app_context.database.session() as session:
        return [tuple(row) for row in session.execute(select(Service.id, Service.name).limit(5))]


@pytest.fixture
def page(app_context: AppContext, services, qtbot) -> ReferralsPage:
    page = ReferralsPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


class Printers:
    """Stands in for the dialogs: which printer or file the person would have chosen."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        self.monkeypatch = monkeypatch
        self.tmp_path = tmp_path
        self.next: Target | None = None
        self.printed = 0
        monkeypatch.setattr(DocumentOutput, "choose_printer", lambda _self: self.next)
        monkeypatch.setattr(DocumentOutput, "default_printer", lambda _self: self.next)
        monkeypatch.setattr(DocumentOutput, "choose_file", lambda _self, _name: self.next)

    def pdf_printer(self) -> Path:
        """Qt's PDF printer: the whole print path (render, paint, text layer) into a file."""
        self.printed += 1
        path = self.tmp_path / f"printed-{self.printed}.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self.next = Target(printer=printer)
        return path

    def jammed_printer(self) -> None:
        """A printer that reports itself stopped, as CUPS does for a jam (the real thing is in
        test_real_printing)."""
        self.pdf_printer()

        def stopped(pdf: bytes, printer: QPrinter, name: str) -> int:
            self.monkeypatch.setattr(output_module, "print_pdf", print_pdf)  # once only
            raise PrintFailed("The printer “Front desk” is stopped: it may be jammed.")

        self.monkeypatch.setattr(output_module, "print_pdf", stopped)

    def file(self, name: str) -> Path:
        self.next = Target(path=self.tmp_path / name)
        return self.next.path


@pytest.fixture
def printers(monkeypatch, tmp_path) -> Printers:
    return Printers(monkeypatch, tmp_path)


def fill_basket(context: AppContext, services) -> None:
    for service_id, name in services[:3]:
        context.basket.add(service_id, name)


def count(context: AppContext, model, **where) -> int:
    query = select(func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    with context.database.session() as session:
        return session.scalar(query)


def test_the_basket_table_edits_notes_and_passes_the_model_tester(
    page: ReferralsPage, app_context: AppContext, services, qtmodeltester
) -> None:
    fill_basket(app_context, services)
    model = page.builder.view.table_model
    assert model.rowCount() == 3
    assert model.setData(model.index(1, BasketTableModel.NOTE), "Ask for Ana")
    assert app_context.basket.items[1].note == "Ask for Ana"
    qtmodeltester.check(model)
    page.builder.view.table.selectRow(2)
    page.builder.move_selected(-2)
    assert app_context.basket.items[0].service_id == services[2][0]
    page.builder.view.table.selectRow(0)
    page.builder.remove_selected()
    assert [i.service_id for i in app_context.basket.items] == [services[0][0], services[1][0]]


def test_preview_shows_the_real_pages_and_typing_reaches_the_sheet(
    page: ReferralsPage, app_context: AppContext, services
) -> None:
    builder = page.builder
    assert builder.view.preview.page_count == 0
    fill_basket(app_context, services)
    type_text(builder.view.next_steps, "Llame mañana a las 8 — pregunte por Łukasz")
    builder.refresh_preview()
    assert builder.view.preview.page_count >= 1
    text = pdf_text(builder.view.preview.pdf_bytes)
    assert "pregunte por Łukasz" in text
    assert all(name.split()[0] in text for _, name in services[:3])


def test_a_jammed_printer_then_print_again_logs_the_referral_once(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers
) -> None:
    person = add_person(app_context.database, app_context.actor, "Łukasz", "Nguyễn Pérez")
    builder = page.builder
    builder.set_person(person.id, "Łukasz")
    fill_basket(app_context, services)
    type_text(builder.view.next_steps, "Call tomorrow at 8")
    printers.jammed_printer()
    builder.give_and_send("dialog")
    banner = builder.view.banner.text
    assert "is stopped" in banner and "logged (#1), once" in banner
    assert "Print referral #1 again" in banner
    assert count(app_context, Referral) == 1
    assert count(app_context, AuditEvent, action="print.failed") == 1
    # Given: the builder is ready for the next person; the referral can be printed again.
    assert not app_context.basket.items and app_context.basket.person_id is None
    assert builder.view.next_steps.toPlainText() == ""
    assert builder.view.again_button.isVisibleTo(page)

    path = printers.pdf_printer()
    builder.print_again()
    assert path.exists()
    printed_text = pdf_text(path.read_bytes())
    assert all(name in printed_text for _, name in services[:3]), (printed_text[:3000], services)
    assert "Call tomorrow at 8" in printed_text
    assert count(app_context, Referral) == 1  # the same referral, printed now
    with app_context.database.session() as session:
        referral = session.scalars(select(Referral)).one()
        assert referral.print_count == 1 and referral.person_id == person.id
    assert count(app_context, AuditEvent, action="print.referral_sheet") == 1
    assert "the same sheet as given" in builder.view.status.text()

    saved = printers.file("sheet.pdf")
    builder.given_how = "pdf"
    builder.print_again()
    assert saved.read_bytes() == builder.given.pdf
    assert count(app_context, Referral) == 1
    assert count(app_context, AuditEvent, action="export.referral_sheet_pdf") == 1

    builder.new_referral()
    assert not builder.view.again_button.isVisibleTo(page)
    assert not app_context.basket.items and app_context.basket.person_id is None


def test_cancelling_the_dialog_logs_nothing(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers
) -> None:
    fill_basket(app_context, services)
    printers.next = None
    page.builder.give_and_send("dialog")
    assert count(app_context, Referral) == 0


def test_a_named_sheet_asks_for_consent_and_offers_the_form(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers, qtmodeltester
) -> None:
    person = add_person(app_context.database, app_context.actor, "Farah", "Haddad")
    builder = page.builder
    builder.set_person(person.id, "Farah")
    app_context.basket.add(*services[0])
    builder.view.shows_name.setChecked(True)
    builder.refresh_preview()
    assert builder.view.consent_button.isVisibleTo(page)
    assert "no consent on file" in builder.view.consent_line.text()
    printers.file("refused.pdf")
    builder.give_and_send("pdf")
    assert "42 CFR Part 2" in builder.view.banner.text
    assert count(app_context, Referral) == 0

    builder.prepare_consent()
    dialog = builder.findChild(ConsentDialog)
    assert dialog is not None and dialog.recipient.text()
    assert dialog.findChild(QCheckBox, "consentSignedNow") is None  # signed only later
    form = printers.file("consent.pdf")
    dialog.save(print_form=True)
    assert count(app_context, Consent, person_id=person.id) == 1
    form_text = " ".join(pdf_text(form.read_bytes()).split())
    assert "Farah Haddad" in form_text and "Valid through" in form_text
    assert count(app_context, AuditEvent, action="export.consent_form") == 1
    today = center_date(app_context)
    with app_context.database.session() as session:
        [consent] = person_consents(session, app_context.actor, person.id, today)
    assert consent.status is ConsentStatus.AWAITING_SIGNATURE
    builder.refresh_preview()
    assert "consent awaiting signature" in builder.view.consent_line.text()

    # The signed form is back: staff enter the date written on it.
    signed = SignedFormDialog(app_context, consent, today, builder)
    assert signed.signed_on.maximumDate().toPython() == today
    assert signed.signed_on.minimumDate().toPython() == consent.created_on
    signed.record()
    with app_context.database.session() as session:
        consents = person_consents(session, app_context.actor, person.id, today)
    model = ConsentsTableModel()
    model.set_consents(consents)
    assert model.index(0, ConsentsTableModel.STATUS).data() == "Active"
    qtmodeltester.check(model)
    builder.refresh_preview()
    assert not builder.view.consent_button.isVisibleTo(page)
    assert "Prepared for: Farah" in pdf_text(builder.view.preview.pdf_bytes)


def test_a_named_sheet_is_not_printed_again_once_the_consent_is_revoked(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers, monkeypatch
) -> None:
    person = add_person(app_context.database, app_context.actor, "Farah", "Haddad")
    today = center_date(app_context)
    with app_context.database.transaction() as session:
        consent = signed_consent(
            session, app_context.actor, person.id, services[0][0], today, now=datetime.now(UTC)
        )
    builder = page.builder
    builder.set_person(person.id, "Farah")
    app_context.basket.add(*services[0])
    builder.view.shows_name.setChecked(True)
    printers.file("given.pdf")
    builder.give_and_send("pdf")
    assert "Prepared for: Farah" in pdf_text((printers.tmp_path / "given.pdf").read_bytes())
    with app_context.database.transaction() as session:
        revoke_consent(
            session,
            app_context.actor,
            consent.id,
            consent.version,
            revoked_on=today,
            note="Told us today",
            today=today,
        )

    asked: list[str] = []
    answers = iter([False, True])

    def ask(_self, error) -> bool:
        asked.append(str(error))
        return next(answers)

    monkeypatch.setattr(DocumentActions, "ask_without_name", ask)
    again = printers.file("again.pdf")
    builder.print_again()  # declined: nothing printed
    assert "no longer active" in asked[0] and not again.exists()
    assert "no longer active" in builder.view.banner.text
    assert not builder.giving
    page.show_follow_up()
    page.follow_up.scope.setCurrentIndex(2)
    page.follow_up.refresh()
    page.follow_up._reprint("pdf")  # accepted: the same sheet without the name and notice
    text = pdf_text(again.read_bytes())
    assert "Farah" not in text and "42 CFR" not in text
    assert services[0][1].split()[0] in text
    with app_context.database.session() as session:
        [event] = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export.referral_sheet_pdf")
        ).all()[-1:]
    assert event.detail["named"] is False


def test_a_consent_takes_its_provider_from_the_draft_shown_and_saves_once(
    app_context: AppContext, services, qtbot, queued_tasks: QueuedTaskRunner
) -> None:
    person = add_person(app_context.database, app_context.actor, "Farah", "Haddad")
    queued = queued_tasks
    dialog = ConsentDialog(app_context, person.id, "Farah", services[:2], service_id=services[0][0])
    qtbot.addWidget(dialog)
    queued.run_all()
    first_recipient = dialog.recipient.text()
    assert services[0][1] in first_recipient and dialog.save_button.isEnabled()
    dialog.service.setCurrentIndex(dialog.service.findData(services[1][0]))  # a fast change
    assert not dialog.save_button.isEnabled()  # the new provider's draft is not here yet
    dialog.save(print_form=False)
    assert len(queued.queue) == 1  # only the draft: nothing saved with one name, another's id
    queued.run_all()
    assert services[1][1] in dialog.recipient.text()
    dialog.save(print_form=False)
    dialog.save(print_form=False)  # a second press while saving
    queued.run_all()
    with app_context.database.session() as session:
        [consent] = session.scalars(select(Consent)).all()
    assert consent.recipient_service_id == services[1][0]
    assert services[1][1] in consent.recipient_name


def test_a_consent_to_someone_outside_the_directory_says_it_cannot_name_them(
    app_context: AppContext, services, qtbot
) -> None:
    from ui.pages.people import PeoplePage

    person = add_person(app_context.database, app_context.actor, "Farah", "Haddad")
    people = PeoplePage(app_context)
    qtbot.addWidget(people)
    people.show()
    people.open_record(person.id)
    panel = people.referrals_panel
    panel.new_consent()
    dialog = panel.findChild(ConsentDialog)
    assert dialog.service.currentData() is None  # the basket is empty: no provider to choose
    type_text(dialog.recipient, "Dr. Lee, family doctor")
    assert "cannot let a referral sheet show their name" in dialog.link_note.text()
    dialog.save(print_form=False)
    assert "cannot let a referral sheet show their name" in panel.warning.text()
    assert panel.warning.isVisibleTo(people)


def test_follow_up_records_an_outcome_a_week_later_and_refuses_a_stale_one(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers
) -> None:
    fill_basket(app_context, services)
    printers.file("given.pdf")
    page.builder.give_and_send("pdf")
    follow_up = page.follow_up
    page.show_follow_up()
    assert follow_up.model.rowCount() == 0  # not due for a week
    with app_context.database.transaction() as session:
        yesterday = center_date(app_context) - timedelta(days=1)
        session.execute(update(Referral).values(follow_up_on=yesterday))
    follow_up.refresh()
    assert follow_up.model.rowCount() == 1
    entry = follow_up.current()
    with app_context.database.transaction() as session:  # another station, first
        record_outcome(
            session, app_context.actor, entry.id, entry.version, ReferralOutcome.UNKNOWN, ""
        )
    follow_up.outcome.setCurrentIndex(follow_up.outcome.findData(ReferralOutcome.CONNECTED))
    type_text(follow_up.note, "Empezó el lunes")
    follow_up.save_outcome()
    assert "another station" in follow_up.banner.text
    assert follow_up.note.toPlainText() == "Empezó el lunes"
    follow_up.scope.setCurrentIndex(follow_up.scope.findData(follow_up.scope.itemData(2)))
    follow_up.refresh()
    follow_up.table.selectRow(0)  # shows the other station's outcome; staff choose theirs
    follow_up.outcome.setCurrentIndex(follow_up.outcome.findData(ReferralOutcome.CONNECTED))
    follow_up.save_outcome()
    with app_context.database.session() as session:
        referral = session.scalars(select(Referral)).one()
    assert referral.outcome is ReferralOutcome.CONNECTED
    assert referral.outcome_note == "Empezó el lunes"

    reprinted = printers.file("again.pdf")
    follow_up._reprint("pdf")  # printing again leaves the outcome alone, and vice versa
    assert reprinted.read_bytes() == (printers.tmp_path / "given.pdf").read_bytes()
    follow_up.refresh()
    follow_up.table.selectRow(0)
    follow_up.outcome.setCurrentIndex(follow_up.outcome.findData(ReferralOutcome.NOT_CONNECTED))
    follow_up.save_outcome()
    assert follow_up.banner.isHidden(), follow_up.banner.text
    with app_context.database.session() as session:
        assert session.scalars(select(Referral)).one().outcome is ReferralOutcome.NOT_CONNECTED


def test_not_reached_yet_keeps_the_follow_up_open_for_a_later_day(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers
) -> None:
    from ui.pages.referrals.follow_up import NOT_REACHED

    fill_basket(app_context, services)
    printers.file("given.pdf")
    page.builder.give_and_send("pdf")
    today = center_date(app_context)
    with app_context.database.transaction() as session:
        session.execute(update(Referral).values(follow_up_on=today - timedelta(days=1)))
    follow_up = page.follow_up
    page.show_follow_up()
    follow_up.refresh()
    follow_up.table.selectRow(0)
    assert follow_up.outcome.currentData() is ReferralOutcome.CONNECTED
    assert follow_up.again_on.isHidden()
    follow_up.outcome.setCurrentIndex(follow_up.outcome.findData(NOT_REACHED))
    assert not follow_up.again_on.isHidden()
    assert follow_up.again_on.date().toPython() == today + timedelta(days=3)
    type_text(follow_up.note, "Called twice, no answer")
    follow_up.save_outcome()
    assert "comes due again on" in follow_up.status.text()
    assert follow_up.model.rowCount() == 0  # not due until then
    with app_context.database.session() as session:
        referral = session.scalars(select(Referral)).one()
    assert referral.outcome is ReferralOutcome.PENDING
    assert referral.follow_up_on == today + timedelta(days=3)
    assert referral.outcome_note == f"{today:%Y-%m-%d}: Called twice, no answer"


def test_the_log_models_pass_the_model_tester(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers, qtmodeltester
) -> None:
    fill_basket(app_context, services)
    printers.file("given.pdf")
    page.builder.give_and_send("pdf")
    page.show_follow_up()
    page.follow_up.scope.setCurrentIndex(2)
    assert page.follow_up.model.rowCount() == 1
    qtmodeltester.check(page.follow_up.model)


def test_a_referral_starts_from_the_persons_record(
    app_context: AppContext, services, printers: Printers, qtbot, qtmodeltester
) -> None:
    from ui.pages.people import PeoplePage

    person = add_person(
        app_context.database, app_context.actor, "María", "Pérez", preferred_language="es"
    )
    referrals = ReferralsPage(app_context)
    people = PeoplePage(app_context)
    for widget in (referrals, people):
        qtbot.addWidget(widget)
    people.show()
    people.open_record(person.id)
    panel = people.referrals_panel
    assert panel.isEnabled()
    panel.start_referral()
    assert app_context.basket.person_id == person.id
    assert referrals.builder.view.language.currentData() == "es"
    fill_basket(app_context, services)
    printers.file("given.pdf")
    referrals.builder.give_and_send("pdf")
    panel.refresh()
    assert panel.referrals_model.rowCount() == 1
    qtmodeltester.check(panel.referrals_model)
    referrals.builder.new_referral()
    panel.referrals.selectRow(0)
    panel.refer_again()
    assert [i.service_id for i in app_context.basket.items] == [s for s, _ in services[:3]]
    QApplication.processEvents()


def test_seeing_the_follow_up_list_is_recorded_once_per_look(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers
) -> None:
    """Who was referred to detox or treatment is Part 2 information (issue 16, item 14)."""

    def views() -> list[AuditEvent]:
        with app_context.database.session() as session:
            return list(
                session.scalars(
                    select(AuditEvent)
                    .where(AuditEvent.action == "referral.follow_ups_viewed")
                    .order_by(AuditEvent.id)
                )
            )

    fill_basket(app_context, services)
    printers.file("given.pdf")
    page.builder.give_and_send("pdf")
    assert views() == []  # the builder's tab shows no one's referrals
    page.show_follow_up()
    assert len(views()) == 1 and views()[0].detail["scope"] == "due"
    app_context.changes.changed.emit({"referrals"})  # another station's change: a refresh
    assert len(views()) == 1
    page.follow_up.scope.setCurrentIndex(2)  # all referrals: a new look
    [_, everything] = views()
    assert everything.detail["scope"] == "all" and everything.detail["referrals"] == 1


def test_print_and_save_wait_with_the_reason_while_the_sheet_would_be_refused(
    page: ReferralsPage, app_context: AppContext, services, printers: Printers
) -> None:
    """A name in the next steps of a sheet without the name: Print, Print to default printer
    and Save as PDF are off and the line under them says why, before any file is chosen."""
    person = add_person(app_context.database, app_context.actor, "Farah", "Haddad")
    builder, view = page.builder, page.builder.view
    builder.set_person(person.id, "Farah")
    app_context.basket.add(*services[0])
    type_text(view.next_steps, "Farah calls them at 8")
    builder.refresh_preview()
    buttons = (view.print_button, view.quick_print_button, view.save_button)
    assert not any(button.isEnabled() for button in buttons)
    assert view.status.text().startswith("Print and Save wait:")
    assert "Farah" in view.status.text()
    chose_a_file = []
    printers.monkeypatch.setattr(
        DocumentOutput, "choose_file", lambda _self, _name: chose_a_file.append(1)
    )
    builder.give_and_send("pdf")
    assert chose_a_file == []  # refused before asking for a file

    view.next_steps.clear()
    type_text(view.next_steps, "Call them at 8")
    builder.refresh_preview()
    assert all(button.isEnabled() for button in buttons)
    assert not view.status.text().startswith("Print and Save wait:")

    view.shows_name.setChecked(True)  # no consent on file for this provider
    builder.refresh_preview()
    assert not view.save_button.isEnabled()
    assert "consent" in view.status.text()
