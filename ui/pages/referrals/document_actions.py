"""Printing or saving documents that already exist: a past referral's sheet (a reprint,
from its snapshot) and a consent form. Each print or saved copy is recorded."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desk.errors import DeskError
from desk.services.handouts import consent_form, record_document_output
from desk.services.referrals import (
    local_today,
    record_print_failure,
    record_sheet_output,
    referral_sheet,
)
from ui.context import AppContext
from ui.printing.output import DocumentOutput, Target
from ui.printing.printer_output import PrintFailed

Report = Callable[[str, str], None]  # (message, level: ok, error, info)

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
        self.output = DocumentOutput(context.tasks, widget)
        self.report = report

    def _target(self, how: str, suggested_name: str) -> Target | None:
        try:
            return choose_target(self.output, how, suggested_name)
        except PrintFailed as error:
            self.report(str(error), "error")
            return None

    def reprint(self, referral_id: int, how: str) -> None:
        target = self._target(how, f"referral-{referral_id}.pdf")
        if target is None:
            return
        self.context.tasks.submit(
            lambda session: referral_sheet(session, referral_id)[1],
            lambda pdf: self._send_referral(referral_id, pdf, target),
            lambda error: self.report(str(error), "error"),
        )

    def _send_referral(self, referral_id: int, pdf: bytes, target: Target) -> None:
        actor = self.context.actor

        def sent(done: Target) -> None:
            self.context.tasks.submit(
                lambda session: record_sheet_output(
                    session,
                    actor,
                    referral_id,
                    saved_as_pdf=done.saves_file,
                    destination=done.label,
                ),
                lambda _count: self.report(
                    self.tr("Referral #%1 sent to %2, the same sheet as given.")
                    .replace("%1", str(referral_id))
                    .replace("%2", done.label),
                    "ok",
                ),
                lambda error: self.report(str(error), "error"),
            )

        def failed(error: DeskError) -> None:
            if not target.saves_file:
                self.context.tasks.submit(
                    lambda session: record_print_failure(
                        session, actor, referral_id, printer=target.label, reason=error.message
                    )
                )
            self.report(str(error), "error")

        self.output.send(pdf, target, f"Referral sheet {referral_id}", sent, failed)

    def consent_form(self, consent_id: int, person_id: int, language: str, how: str) -> None:
        target = self._target(how, f"consent-{consent_id}.pdf")
        if target is None:
            return
        actor = self.context.actor

        def render(session) -> bytes:
            return consent_form(session, consent_id, language, False, local_today(session))[1]

        def sent(done: Target) -> None:
            self.context.tasks.submit(
                lambda session: record_document_output(
                    session,
                    actor,
                    "consent_form",
                    consent_id,
                    printed=not done.saves_file,
                    destination=done.label,
                    person_id=person_id,
                ),
                lambda _none: self.report(
                    self.tr(
                        "Consent form #%1 sent to %2. When it comes back signed, record the "
                        "signature on the person's record."
                    )
                    .replace("%1", str(consent_id))
                    .replace("%2", done.label),
                    "ok",
                ),
                lambda error: self.report(str(error), "error"),
            )

        self.context.tasks.submit(
            render,
            lambda pdf: self.output.send(
                pdf,
                target,
                f"Consent form {consent_id}",
                sent,
                lambda error: self.report(str(error), "error"),
            ),
            lambda error: self.report(str(error), "error"),
        )
