"""Behaviour of the referral builder: the basket, options, live preview, and giving the sheet.

Giving is done once per sheet: the first print (or saved PDF) logs the referral with a
snapshot of the sheet, and from then on the builder starts afresh for the next person: the
basket, notes, next steps, "show their name" and the options are cleared. What is needed to
print that referral again (after a jammed printer, say) is kept: **Print referral #N again**
sends the same sheet and records another print of the same referral, after checking again
that any consent it names the person under is still active.

While a sheet is being given, the buttons that print wait: a double click gives one referral.
The person's coach is kept until the list of coaches has arrived, and chosen then. Nothing
typed is cleared by a failure.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk.errors import DeskError, ValidationError
from desk.services.consents import ConsentNeeded, ConsentRecord, MissingConsent
from desk.services.print_records import REFERRAL_SHEET, ActorData, PrintFailure, PrintRecorded
from desk.services.referrals import (
    GivenReferral,
    PreparedSheet,
    ReferralDefaults,
    ReferralRequest,
    give_referral,
    referral_defaults,
)
from desk.services.settings import center_today
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_text
from ui.pages.referrals.builder_view import BuilderView
from ui.pages.referrals.coach_choice import CoachChoice
from ui.pages.referrals.consent_dialog import ConsentDialog
from ui.pages.referrals.document_actions import (
    DEFAULT_PRINTER,
    DIALOG,
    PDF_FILE,
    DocumentActions,
    choose_target,
)
from ui.pages.referrals.live_preview import LivePreview
from ui.pages.referrals.person_picker import PersonPickerDialog
from ui.printing.output import Target
from ui.printing.printer_output import PrintFailed
from ui.retry_keys import RetryKeys
from ui.widgets.keys import bind_key
from ui.words import fill


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
        self._give_keys = RetryKeys()
        self.given: GivenReferral | None = None  # the referral given last: to print again
        self.given_how = DIALOG
        self.giving = False  # from a press of Print until the sheet is out (or refused)
        self.missing: list[MissingConsent] = []
        # Why the sheet as it stands would be refused (a name in a note, a consent missing):
        # Print and Save wait, and say why, rather than refusing after a file is chosen.
        self.refusal: DeskError | None = None
        self.live = LivePreview(context.tasks, context.actor, self.view.preview, self.request, self)
        self.live.shown.connect(self._preview_shown)
        self.live.refused.connect(self._preview_refused)
        self.live.due.connect(self.refresh_preview)
        v = self.view
        self.coach = CoachChoice(context.tasks, v.coach, self._failed)
        self.coach.changed.connect(self.schedule_preview)
        self.basket.changed.connect(self._basket_changed)
        v.choose_person_button.clicked.connect(self.choose_person)
        v.anonymous_button.clicked.connect(lambda: self.basket.set_person(None))
        for combo in (v.language, v.coach):
            combo.currentIndexChanged.connect(self.schedule_preview)
        v.large_print.toggled.connect(self.schedule_preview)
        v.shows_name.toggled.connect(self.basket.set_shows_name)
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
        v.again_button.clicked.connect(self.print_again)
        v.new_button.clicked.connect(self.new_referral)
        v.consent_button.clicked.connect(self.prepare_consent)
        self._bind_keys()
        self._basket_changed()

    def _bind_keys(self) -> None:
        v = self.view
        for keys, what, target in (
            ("Ctrl+Shift+F", self.tr("Choose whom the sheet is for"), v.choose_person_button),
            ("Ctrl+Shift+A", self.tr("Make the sheet anonymous"), v.anonymous_button),
            ("Ctrl+Shift+E", self.tr("English or Spanish"), self.toggle_language),
            ("Ctrl+Shift+L", self.tr("Large print, or not"), v.large_print),
            ("Ctrl+Shift+C", self.tr("The coach on the sheet"), lambda: v.coach.setFocus()),
            ("Ctrl+Shift+N", self.tr("Show their name, or not"), v.shows_name),
            ("Ctrl+Shift+R", self.tr("Add from Resources"), v.add_button),
            ("Ctrl+Up", self.tr("Move the chosen service up"), v.up_button),
            ("Ctrl+Down", self.tr("Move the chosen service down"), v.down_button),
            ("Ctrl+Delete", self.tr("Remove the chosen service"), v.remove_button),
            ("Ctrl+Shift+T", self.tr("Write the next steps"), lambda: v.next_steps.setFocus()),
            ("Ctrl+Shift+K", self.tr("Prepare the consent form"), v.consent_button),
            ("Ctrl+P", self.tr("Print…"), v.print_button),
            ("Ctrl+Shift+P", self.tr("Print to the default printer"), v.quick_print_button),
            ("Ctrl+S", self.tr("Save as PDF"), v.save_button),
            ("Ctrl+Shift+G", self.tr("Print the last referral again"), v.again_button),
            ("Ctrl+N", self.tr("New referral"), v.new_button),
        ):
            bind_key(self, keys, what, target)
        v.language.setToolTip(self.tr("The sheet's language (Ctrl+Shift+E)"))
        v.coach.setToolTip(self.tr("The coach printed on the sheet (Ctrl+Shift+C)"))
        v.next_steps.setToolTip(self.tr("Next steps, in their words (Ctrl+Shift+T)"))

    def toggle_language(self) -> None:
        language = self.view.language
        language.setCurrentIndex((language.currentIndex() + 1) % language.count())

    # Whom, how, and the coaches ----------------------------------------------------------

    def activate(self) -> None:
        self.load_coaches()
        self.schedule_preview()

    def load_coaches(self) -> None:
        self.coach.load()

    def choose_person(self) -> None:
        dialog = PersonPickerDialog(self.context, self)
        chosen = dialog.exec() and dialog.chosen is not None
        # The window takes the keyboard back (not every desktop gives it back by itself).
        self.window().activateWindow()
        self.view.table.setFocus()
        if chosen:
            self.set_person(dialog.chosen.person_id, dialog.chosen_label)

    def set_person(self, person_id: int, label: str) -> None:
        """Start (or continue) the referral for this person: their language and coach. A
        different person than before starts from an empty basket (see ui.basket)."""
        if self.basket.set_person(person_id, label):
            self.view.large_print.setChecked(False)
        self.coach.forget_wanted()
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: referral_defaults(session, actor, person_id),
            lambda defaults: self._apply_defaults(person_id, defaults),
            self._failed,
        )

    def _apply_defaults(self, person_id: int, defaults: ReferralDefaults) -> None:
        if self.basket.person_id != person_id:
            return  # another person was chosen since
        v = self.view
        v.language.setCurrentIndex(max(0, v.language.findData(defaults.language)))
        self.coach.want(defaults.coach_id)

    def _basket_changed(self) -> None:
        v, basket = self.view, self.basket
        if basket.person_id is None:
            v.person_label.setText(self.tr("Anonymous: no name on the sheet or in the log"))
        else:
            v.person_label.setText(
                fill(self.tr("%1 (#%2)"), basket.person_label, str(basket.person_id))
            )
        v.shows_name.blockSignals(True)
        v.shows_name.setChecked(basket.shows_name)
        v.shows_name.blockSignals(False)
        v.shows_name.setEnabled(basket.person_id is not None)
        if v.next_steps.toPlainText() != basket.basket.next_steps:
            v.next_steps.setPlainText(basket.basket.next_steps)
        self._update_buttons()
        self.schedule_preview()

    def _update_buttons(self) -> None:
        v = self.view
        has_items = bool(self.basket.items)
        ready = has_items and not self.giving and self.refusal is None
        for button in (v.print_button, v.quick_print_button, v.save_button):
            button.setEnabled(ready)
        v.again_button.setEnabled(not self.giving)
        v.new_button.setEnabled(not self.giving)
        if self.refusal is not None and has_items:
            v.status.setText(fill(self.tr("Print and Save wait: %1"), str(self.refusal)))
        elif v.status.text().startswith(self.tr("Print and Save wait:")):
            v.status.setText("")

    def request(self) -> ReferralRequest:
        v, basket = self.view, self.basket
        return ReferralRequest(
            service_ids=tuple(item.service_id for item in basket.items),
            notes={item.service_id: item.note for item in basket.items if item.note},
            person_id=basket.person_id,
            language=v.language.currentData(),
            large_print=v.large_print.isChecked(),
            shows_name=basket.shows_name and basket.person_id is not None,
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
        self.live.schedule()

    def refresh_preview(self) -> None:
        if self.basket.items:
            self.live.refresh()
            return
        self.live.cancel()
        self._show_consent([])
        self._refused_as(None)
        self.view.preview.show_message(
            self.tr("Add services from Resources (Alt+3) or from a person's record.")
        )

    def _preview_shown(self, _prepared: PreparedSheet) -> None:
        self._show_consent([])
        self._refused_as(None)

    def _preview_refused(self, error: DeskError) -> None:
        self._show_consent(error.missing if isinstance(error, ConsentNeeded) else [])
        # A refusal of the sheet itself; a database that is away is not the sheet's fault.
        self._refused_as(error if isinstance(error, ValidationError | ConsentNeeded) else None)

    def _refused_as(self, error: DeskError | None) -> None:
        self.refusal = error
        self._update_buttons()

    def _show_consent(self, missing: list[MissingConsent]) -> None:
        self.missing = missing
        v = self.view
        if missing:
            names = ", ".join(f"{m.service_name} ({m.reason})" for m in missing)
            v.consent_line.setText(
                fill(self.tr("Their name can go on the sheet once they consent for: %1"), names)
            )
        v.consent_line.setVisible(bool(missing))
        v.consent_button.setVisible(bool(missing))

    # Giving and printing ------------------------------------------------------------------

    def _set_giving(self, busy: bool) -> None:
        self.giving = busy
        self._update_buttons()

    def give_and_send(self, how: str) -> None:
        """Give the sheet (log the referral, once) and send it; the buttons wait meanwhile."""
        if self.giving:
            return  # a second press while the first is under way
        if not self.basket.items:
            self.report(self.tr("Add at least one service first."), "error")
            return
        if self.refusal is not None:  # said before any printer or file is chosen
            self.report(str(self.refusal), "error")
            return
        self._set_giving(True)
        try:
            target = choose_target(self.output, how, "referral-sheet.pdf")
        except PrintFailed as error:
            self._set_giving(False)
            self.report(in_words(error), "error")
            return
        if target is None:
            self._set_giving(False)
            return  # cancelled: nothing logged
        request, actor = self.request(), self.context.actor
        # The same sheet given again after no answer carries the first attempt's key, so it
        # is logged once (ui/retry_keys.py); any change to the basket makes it a new one.
        thing = repr(request)
        key = self._give_keys.key_for(thing)

        def given(result: GivenReferral) -> None:
            self._give_keys.done(thing)
            self.given, self.given_how = result, how
            self._start_afresh()  # nothing of this sheet reaches the next person's
            self._show_print_again()
            self._send(result, target)

        def refused(error: DeskError) -> None:
            self._give_keys.failed(thing, key, error)
            self._set_giving(False)
            if isinstance(error, ConsentNeeded):
                self._show_consent(error.missing)
            self.report(in_words(error), "error")

        self.view.status.setText(self.tr("Preparing the sheet…"))
        self.context.tasks.submit(
            lambda session: give_referral(
                session, actor, request, center_today(session), idempotency_key=key
            ),
            given,
            refused,
        )

    def _send(self, referral: GivenReferral, target: Target) -> None:
        self.view.status.setText(fill(self.tr("Sending to %1…"), target.label))
        self.output.send(
            referral.pdf,
            target,
            f"Referral sheet {referral.referral_id}",
            lambda done: self._sent(referral, done),
            lambda error: self._send_failed(referral, target, error),
        )

    def _sent(self, referral: GivenReferral, target: Target) -> None:
        actor = self.context.actor
        follow_up = date_text(referral.follow_up_on)
        verb = self.tr("Saved to %1.") if target.saves_file else self.tr("Printed on %1.")
        message = (
            fill(verb, target.label)
            + " "
            + fill(
                self.tr("Referral #%1 is logged; follow up on %2. Ready for the next person."),
                str(referral.referral_id),
                follow_up,
            )
        )

        def recorded(_count: int) -> None:
            self._set_giving(False)
            self.report(message, "ok")

        def not_recorded(error: DeskError) -> None:
            self._set_giving(False)
            self._failed(error)

        self.context.tasks.submit_record(
            PrintRecorded(
                ActorData.of(actor),
                REFERRAL_SHEET,
                referral.referral_id,
                printed=not target.saves_file,
                destination=target.label,
            ),
            recorded,
            not_recorded,
        )

    def _send_failed(self, referral: GivenReferral, target: Target, error: DeskError) -> None:
        actor = self.context.actor
        if not target.saves_file:
            self.context.tasks.submit_record(
                PrintFailure(
                    ActorData.of(actor),
                    REFERRAL_SHEET,
                    referral.referral_id,
                    printer=target.label,
                    reason=error.message,
                )
            )
        self._set_giving(False)
        self.report(
            f"{error} "
            + fill(
                self.tr(
                    "The referral is logged (#%1), once: press “%2” when the printer is ready; "
                    "it will not be logged twice."
                ),
                str(referral.referral_id),
                self.view.again_button.text(),
            ),
            "error",
        )

    def _show_print_again(self) -> None:
        button = self.view.again_button
        if self.given is None:
            button.hide()
            return
        number = str(self.given.referral_id)
        if self.given_how == PDF_FILE:
            button.setText(fill(self.tr("Save referral #%1 again…"), number))
        else:
            button.setText(fill(self.tr("Print referral #%1 again"), number))
        button.show()

    def print_again(self) -> None:
        """The referral given last, once more: the same sheet, after its consents are checked
        again (a named sheet); recorded as another print of the same referral."""
        if self.giving or self.given is None:
            return
        self._set_giving(True)
        self.documents.reprint(
            self.given.referral_id, self.given_how, lambda _sent: self._set_giving(False)
        )

    def _start_afresh(self) -> None:
        """An empty basket and the default options: for the next walk-in."""
        v = self.view
        self.basket.clear()  # services, notes, next steps, the person, "show their name"
        v.large_print.setChecked(False)
        v.language.setCurrentIndex(0)
        self.coach.reset()

    def new_referral(self) -> None:
        if self.giving:
            return
        self.given = None
        self._show_print_again()
        self._start_afresh()
        self.view.status.setText("")
        self.view.banner.hide()

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
        dialog.saved.connect(lambda record: self._consent_saved(dialog, record))
        dialog.open()

    def _consent_saved(self, dialog: ConsentDialog, record: ConsentRecord) -> None:
        self.schedule_preview()
        self.report(dialog.saved_message(record), "ok" if record.is_linked else "warning")
        if dialog.print_after_save:
            self.documents.consent_form(record.id, record.person_id, DIALOG)

    # Messages -----------------------------------------------------------------------------

    def report(self, message: str, level: str) -> None:
        """A message: errors and warnings in the banner (they stay), the rest underneath."""
        if level in ("error", "warning"):
            self.view.status.setText("")
            self.view.banner.show_message(message, level)
        else:
            self.view.status.setText(message)
            self.view.banner.hide()

    def _failed(self, error: DeskError) -> None:
        self.report(in_words(error), "error")
