"""Behaviour of the referral builder: the basket, options, live preview, and giving the sheet.

Giving is done once per sheet: the first print (or saved PDF) logs the referral with a
snapshot of the sheet; printing again, after a jammed printer say, sends the same sheet and
records another print of the same referral. Changing anything on the sheet makes the next
print a new referral. Nothing typed is cleared by a failure.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk.errors import DeskError
from desk.services.consents import ConsentNeeded, MissingConsent
from desk.services.referrals import (
    GivenReferral,
    PreparedSheet,
    ReferralRequest,
    give_referral,
    local_today,
    prepare_sheet,
    record_print_failure,
    record_sheet_output,
    referral_defaults,
)
from desk.services.staff import CoachSummary, list_coaches
from ui.context import AppContext
from ui.pages.referrals.builder_view import BuilderView
from ui.pages.referrals.consent_dialog import ConsentDialog
from ui.pages.referrals.document_actions import (
    DEFAULT_PRINTER,
    DIALOG,
    PDF_FILE,
    DocumentActions,
    choose_target,
)
from ui.pages.referrals.person_picker import PersonPickerDialog
from ui.printing.output import Target
from ui.printing.preview import render_pages
from ui.printing.printer_output import PrintFailed

PREVIEW_DELAY_MS = 350


class ReferralBuilder(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.basket = context.basket
        self.view = BuilderView(context.basket)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.documents = DocumentActions(context, self, self.report)
        self.output = self.documents.output
        self.given: GivenReferral | None = None
        self.given_for: ReferralRequest | None = None
        self.missing: list[MissingConsent] = []
        self.last_preview: PreparedSheet | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._preview_serial = 0
        v = self.view
        self.basket.changed.connect(self._basket_changed)
        v.choose_person_button.clicked.connect(self.choose_person)
        v.anonymous_button.clicked.connect(lambda: self.basket.set_person(None))
        for combo in (v.language, v.coach):
            combo.currentIndexChanged.connect(self.schedule_preview)
        for box in (v.large_print, v.shows_name):
            box.toggled.connect(self.schedule_preview)
        v.next_steps.textChanged.connect(
            lambda: self.basket.set_next_steps(v.next_steps.toPlainText())
        )
        v.add_button.clicked.connect(lambda: context.navigator.show_page.emit("resources"))
        v.up_button.clicked.connect(lambda: self.move_selected(-1))
        v.down_button.clicked.connect(lambda: self.move_selected(1))
        v.remove_button.clicked.connect(self.remove_selected)
        v.print_button.clicked.connect(lambda: self.give_and_send(DIALOG))
        v.quick_print_button.clicked.connect(lambda: self.give_and_send(DEFAULT_PRINTER))
        v.save_button.clicked.connect(lambda: self.give_and_send(PDF_FILE))
        v.new_button.clicked.connect(self.new_referral)
        v.consent_button.clicked.connect(self.prepare_consent)
        self._basket_changed()

    # Whom, how, and the coaches ----------------------------------------------------------

    def activate(self) -> None:
        self.load_coaches()
        self.schedule_preview()

    def load_coaches(self) -> None:
        self.context.tasks.submit(lambda session: list_coaches(session), self._show_coaches)

    def _show_coaches(self, coaches: list[CoachSummary]) -> None:
        combo = self.view.coach
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(none: the center's phone is printed)"), None)
        for coach in sorted(coaches, key=lambda c: c.display_name):
            combo.addItem(coach.display_name, coach.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def choose_person(self) -> None:
        dialog = PersonPickerDialog(self.context, self)
        if dialog.exec() and dialog.chosen is not None:
            self.set_person(dialog.chosen.person_id, dialog.chosen_label)

    def set_person(self, person_id: int, label: str) -> None:
        """Start (or continue) the referral for this person: their language and coach."""
        self.basket.set_person(person_id, label)
        self.context.tasks.submit(
            lambda session: referral_defaults(session, person_id),
            self._apply_defaults,
            self._failed,
        )

    def _apply_defaults(self, defaults) -> None:
        v = self.view
        v.language.setCurrentIndex(max(0, v.language.findData(defaults.language)))
        if v.coach.findData(defaults.coach_id) < 0 and defaults.coach_id is not None:
            self.load_coaches()
        v.coach.setCurrentIndex(max(0, v.coach.findData(defaults.coach_id)))

    def _basket_changed(self) -> None:
        v, basket = self.view, self.basket
        if basket.person_id is None:
            v.person_label.setText(self.tr("Anonymous: no name on the sheet or in the log"))
            v.shows_name.setChecked(False)
        else:
            v.person_label.setText(
                self.tr("%1 (#%2)")
                .replace("%1", basket.person_label)
                .replace("%2", str(basket.person_id))
            )
        v.shows_name.setEnabled(basket.person_id is not None)
        if v.next_steps.toPlainText() != basket.basket.next_steps:
            v.next_steps.setPlainText(basket.basket.next_steps)
        has_items = bool(basket.items)
        for button in (v.print_button, v.quick_print_button, v.save_button):
            button.setEnabled(has_items)
        self.schedule_preview()

    def request(self) -> ReferralRequest:
        v, basket = self.view, self.basket
        return ReferralRequest(
            service_ids=tuple(item.service_id for item in basket.items),
            notes={item.service_id: item.note for item in basket.items if item.note},
            person_id=basket.person_id,
            language=v.language.currentData(),
            large_print=v.large_print.isChecked(),
            shows_name=v.shows_name.isChecked() and basket.person_id is not None,
            coach_id=v.coach.currentData(),
            next_steps=basket.basket.next_steps,
        )

    # The basket ---------------------------------------------------------------------------

    def _selected_id(self) -> str | None:
        return self.view.table_model.service_id(self.view.table.currentIndex().row())

    def move_selected(self, offset: int) -> None:
        service_id = self._selected_id()
        if service_id is None:
            return
        self.basket.move(service_id, offset)
        self.view.table.selectRow(self.view.table_model.row_of(service_id))

    def remove_selected(self) -> None:
        service_id = self._selected_id()
        if service_id is not None:
            self.basket.remove(service_id)

    # The preview --------------------------------------------------------------------------

    def schedule_preview(self, *_args) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        self._preview_timer.stop()
        if not self.basket.items:
            self.last_preview = None
            self._show_consent([])
            self.view.preview.show_message(
                self.tr("Add services from Resources (Alt+3) or from a person's record.")
            )
            return
        self._preview_serial += 1
        serial, request = self._preview_serial, self.request()

        def done(result: tuple[PreparedSheet, list]) -> None:
            prepared, images = result
            if serial == self._preview_serial:
                self.last_preview = prepared
                self._show_consent([])
                self.view.preview.show_pages(prepared.pdf, images)

        def failed(error: DeskError) -> None:
            if serial != self._preview_serial:
                return
            self.last_preview = None
            if isinstance(error, ConsentNeeded):
                self._show_consent(error.missing)
            self.view.preview.show_message(str(error))

        def work(session) -> tuple[PreparedSheet, list]:
            prepared = prepare_sheet(session, request, local_today(session))
            return prepared, render_pages(prepared.pdf)

        self.context.tasks.submit(work, done, failed)

    def _show_consent(self, missing: list[MissingConsent]) -> None:
        self.missing = missing
        v = self.view
        if missing:
            names = ", ".join(f"{m.service_name} ({m.reason})" for m in missing)
            v.consent_line.setText(
                self.tr("Their name can go on the sheet once they consent for: %1").replace(
                    "%1", names
                )
            )
        v.consent_line.setVisible(bool(missing))
        v.consent_button.setVisible(bool(missing))

    # Giving and printing ------------------------------------------------------------------

    def give_and_send(self, how: str) -> None:
        if not self.basket.items:
            self.report(self.tr("Add at least one service first."), "error")
            return
        try:
            target = choose_target(self.output, how, "referral-sheet.pdf")
        except PrintFailed as error:
            self.report(str(error), "error")
            return
        if target is None:
            return  # cancelled: nothing logged
        request = self.request()
        if self.given is not None and self.given_for == request:
            self._send(self.given, target)  # the same sheet again: not a second referral
            return
        actor = self.context.actor

        def given(result: GivenReferral) -> None:
            self.given, self.given_for = result, request
            self._send(result, target)

        def refused(error: DeskError) -> None:
            if isinstance(error, ConsentNeeded):
                self._show_consent(error.missing)
            self.report(str(error), "error")

        self.view.status.setText(self.tr("Preparing the sheet…"))
        self.context.tasks.submit(
            lambda session: give_referral(session, actor, request, local_today(session)),
            given,
            refused,
        )

    def _send(self, referral: GivenReferral, target: Target) -> None:
        self.view.status.setText(self.tr("Sending to %1…").replace("%1", target.label))
        self.output.send(
            referral.pdf,
            target,
            f"Referral sheet {referral.referral_id}",
            lambda done: self._sent(referral, done),
            lambda error: self._send_failed(referral, target, error),
        )

    def _sent(self, referral: GivenReferral, target: Target) -> None:
        actor = self.context.actor
        follow_up = referral.follow_up_on.isoformat() if referral.follow_up_on else ""
        verb = self.tr("Saved to %1.") if target.saves_file else self.tr("Printed on %1.")
        message = (
            verb.replace("%1", target.label)
            + " "
            + self.tr(
                "Referral #%1 is logged; follow up on %2. Press New referral for the next person."
            )
            .replace("%1", str(referral.referral_id))
            .replace("%2", follow_up)
        )
        self.context.tasks.submit(
            lambda session: record_sheet_output(
                session,
                actor,
                referral.referral_id,
                saved_as_pdf=target.saves_file,
                destination=target.label,
            ),
            lambda _count: self.report(message, "ok"),
            self._failed,
        )

    def _send_failed(self, referral: GivenReferral, target: Target, error: DeskError) -> None:
        actor = self.context.actor
        if not target.saves_file:
            self.context.tasks.submit(
                lambda session: record_print_failure(
                    session, actor, referral.referral_id, printer=target.label, reason=error.message
                )
            )
        self.report(
            f"{error} "
            + self.tr(
                "The referral is logged (#%1), once: printing it again will not log it twice."
            ).replace("%1", str(referral.referral_id)),
            "error",
        )

    def new_referral(self) -> None:
        v = self.view
        self.given = self.given_for = None
        self.basket.clear()
        v.shows_name.setChecked(False)
        v.large_print.setChecked(False)
        v.language.setCurrentIndex(0)
        v.coach.setCurrentIndex(0)
        v.status.setText("")
        v.banner.hide()

    # Consent ------------------------------------------------------------------------------

    def prepare_consent(self) -> None:
        if self.basket.person_id is None:
            return
        services = [(item.service_id, item.service_name) for item in self.basket.items]
        first = self.missing[0].service_id if self.missing else None
        dialog = ConsentDialog(
            self.context,
            self.basket.person_id,
            self.basket.person_label,
            services,
            service_id=first,
            language=self.view.language.currentData(),
            parent=self,
        )
        dialog.saved.connect(lambda record, language: self._consent_saved(dialog, record, language))
        dialog.open()

    def _consent_saved(self, dialog: ConsentDialog, record, language: str) -> None:
        self.schedule_preview()
        if dialog.print_after_save:
            self.documents.consent_form(record.id, record.person_id, language, DIALOG)
        else:
            self.report(self.tr("Consent #%1 saved.").replace("%1", str(record.id)), "ok")

    # Messages -----------------------------------------------------------------------------

    def report(self, message: str, level: str) -> None:
        self.view.status.setText(message if level != "error" else "")
        if level == "error":
            self.view.banner.show_message(message, "error")
        else:
            self.view.banner.hide()

    def _failed(self, error: DeskError) -> None:
        self.report(str(error), "error")
