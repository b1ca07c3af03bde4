"""Printing or saving documents that already exist or need no referral: a given referral's
sheet (printed again, from its snapshot), a consent form and a category handout. Each print,
saved copy and failed print is recorded in the activity log.

A sheet that shows the person's name is checked against their consents before every print:
if one is no longer active, staff are told so and offered the same sheet without the name
and the §2.32 notice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.categories import CATEGORY_BY_CODE
from desk.errors import DeskError
from desk.services.handouts import (
    category_handout,
    consent_form,
)
from desk.services.print_records import REFERRAL_SHEET, ActorData, PrintFailure, PrintRecorded
from desk.services.referrals import (
    ConsentLapsed,
    sheet_for_output,
)
from desk.services.settings import center_today
from desk.services.week_handout import week_schedule
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_text
from ui.printing.output import DocumentOutput, Target
from ui.printing.printer_output import PrintFailed
from ui.words import fill

Report = Callable[[str, str], None]  # (message, level: ok, error, info)
Finished = Callable[[bool], None]  # whether the document went out

DIALOG, DEFAULT_PRINTER, PDF_FILE = "dialog", "default", "pdf"


def choose_target(output: DocumentOutput, how: str, suggested_name: str) -> Target | None:
    """The target for `how`; None when cancelled. PrintFailed when there is no default."""
    if how == DIALOG:
        return output.choose_printer()
    if how == DEFAULT_PRINTER:
        return output.default_printer()
    return output.choose_file(suggested_name)


class DocumentActions(QObject):
    def __init__(self, context: AppContext, widget: QWidget, report: Report) -> None:
        super().__init__(widget)
        self.context = context
        self.widget = widget
        self.output = DocumentOutput(context.tasks, widget)
        self.report = report

    def _target(self, how: str, suggested_name: str) -> Target | None:
        try:
            return choose_target(self.output, how, suggested_name)
        except PrintFailed as error:
            self.report(in_words(error), "error")
            return None

    def ask_without_name(self, error: ConsentLapsed) -> bool:
        """Whether to print the sheet without their name (tests replace this question)."""
        answer = QMessageBox.question(
            self.widget,
            self.tr("Consent no longer active"),
            in_words(error) + "\n\n" + self.tr("Print the same sheet without their name?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # A given referral, again ------------------------------------------------------------------

    def reprint(
        self,
        referral_id: int,
        how: str,
        finished: Finished | None = None,
        *,
        without_name: bool = False,
    ) -> None:
        """Check it (a named sheet: its consents, today), then ask where to, send, record."""
        done = finished or (lambda _sent: None)

        def checked(pdf: bytes) -> None:
            target = self._target(how, f"referral-{referral_id}.pdf")
            if target is None:
                done(False)
                return
            named = False if without_name else None
            self._send_referral(referral_id, pdf, target, named, done)

        def refused(error: DeskError) -> None:
            if (
                isinstance(error, ConsentLapsed)
                and not without_name
                and self.ask_without_name(error)
            ):
                self.reprint(referral_id, how, finished, without_name=True)
                return
            self.report(in_words(error), "error")
            done(False)

        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: sheet_for_output(
                session, actor, referral_id, center_today(session), without_name=without_name
            )[1],
            checked,
            refused,
            owner=self,
        )

    def _send_referral(
        self, referral_id: int, pdf: bytes, target: Target, named: bool | None, done: Finished
    ) -> None:
        actor = self.context.actor
        if named is None:
            message = self.tr("Referral #%1 sent to %2, the same sheet as given.")
        else:
            message = self.tr("Referral #%1 sent to %2, without their name and the notice.")

        def recorded(_count: int) -> None:
            self.report(fill(message, str(referral_id), target.label), "ok")
            done(True)

        def not_recorded(error: DeskError) -> None:
            self.report(in_words(error), "error")
            done(True)

        def sent(_target: Target) -> None:
            self.context.tasks.submit_record(
                PrintRecorded(
                    ActorData.of(actor),
                    REFERRAL_SHEET,
                    referral_id,
                    printed=not target.saves_file,
                    destination=target.label,
                    named=named,
                ),
                recorded,
                not_recorded,
                owner=self,
            )

        def failed(error: DeskError) -> None:
            if not target.saves_file:
                self.context.tasks.submit_record(
                    PrintFailure(
                        ActorData.of(actor),
                        REFERRAL_SHEET,
                        referral_id,
                        printer=target.label,
                        reason=error.message,
                    ),
                    owner=self,
                )
            self.report(in_words(error), "error")
            done(False)

        self.output.send(pdf, target, f"Referral sheet {referral_id}", sent, failed)

    # Documents that are not referrals -----------------------------------------------------------

    def consent_form(self, consent_id: int, person_id: int, how: str) -> None:
        """The consent's form, in the language it was written in."""
        target = self._target(how, f"consent-{consent_id}.pdf")
        if target is None:
            return

        actor = self.context.actor

        def render(session) -> bytes:
            return consent_form(session, actor, consent_id, None, False, center_today(session))[1]

        self._render_and_send(
            render,
            target,
            f"Consent form {consent_id}",
            "consent_form",
            consent_id,
            person_id,
            lambda where: fill(
                self.tr(
                    "Consent form #%1 sent to %2. When it comes back signed, press “Signed form is "
                    "back” on their record and enter the date written on it."
                ),
                str(consent_id),
                where,
            ),
        )

    def category_handout(
        self, category_code: str, language: str, large_print: bool, how: str
    ) -> None:
        """Every current service of one category, for the rack by the door (no person)."""
        category = CATEGORY_BY_CODE[category_code]
        target = self._target(how, f"handout-{category.code}-{language}.pdf")
        if target is None:
            return

        def render(session) -> bytes:
            return category_handout(
                session, category, language, large_print, center_today(session)
            )[1]

        self._render_and_send(
            render,
            target,
            f"Handout: {category.name}",
            "category_handout",
            category.code,
            None,
            lambda where: fill(
                self.tr("The “%3” handout was sent to %2."), "", where, category.name
            ),
        )

    def week_schedule(self, monday: date, language: str, large_print: bool, how: str) -> None:
        """The handout "This week at the center" (no person)."""
        target = self._target(how, f"week-{monday:%Y-%m-%d}-{language}.pdf")  # sorts by date
        if target is None:
            return
        self._render_and_send(
            lambda session: week_schedule(session, monday, language, large_print)[1],
            target,
            f"This week at the center: {date_text(monday)}",
            "week_schedule",
            f"{monday:%Y-%m-%d}",  # the activity log names the week by its Monday
            None,
            lambda where: fill(
                self.tr("The week's handout (%3) was sent to %2."), "", where, date_text(monday)
            ),
        )

    def _render_and_send(
        self,
        render: Callable,
        target: Target,
        document_name: str,
        document: str,
        entity_id: object,
        person_id: int | None,
        message: Callable[[str], str],
    ) -> None:
        """`message(where)`: what staff are told once it is sent to `where`."""
        actor = self.context.actor

        def sent(done: Target) -> None:
            self.context.tasks.submit_record(
                PrintRecorded(
                    ActorData.of(actor),
                    document,
                    entity_id,
                    printed=not done.saves_file,
                    destination=done.label,
                    person_id=person_id,
                ),
                lambda _none: self.report(message(done.label), "ok"),
                lambda error: self.report(in_words(error), "error"),
                owner=self,
            )

        def failed(error: DeskError) -> None:
            if not target.saves_file:
                self.context.tasks.submit_record(
                    PrintFailure(
                        ActorData.of(actor),
                        document,
                        entity_id,
                        printer=target.label,
                        reason=error.message,
                        person_id=person_id,
                    ),
                    owner=self,
                )
            self.report(in_words(error), "error")

        self.context.tasks.submit(
            render,
            lambda pdf: self.output.send(pdf, target, document_name, sent, failed),
            lambda error: self.report(in_words(error), "error"),
            owner=self,
        )
