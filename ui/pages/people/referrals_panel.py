"""On a person's record: their referrals and consents, and a way to start a referral.

"Start a referral" puts them in the station's basket and opens the Referrals page; "Refer
again" adds a past referral's services (those still in the directory) to the basket, after
making it theirs (a basket built for someone else is emptied first).
Consents are added here; when the signed form comes back, staff record the date written on
it (only then does the consent count); a consent can be revoked, and its form printed again
in the language it was written in.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.consents import (
    ConsentRecord,
    ConsentStatus,
    person_consents,
    revoke_consent,
)
from desk.services.referral_log import (
    ReferralEntry,
    person_referrals,
    referred_services,
)
from desk.services.referrals import sheet_language
from desk.services.settings import center_today
from ui.context import AppContext
from ui.error_words import in_words
from ui.models.consents_table import ConsentsTableModel
from ui.models.referral_log_table import ReferralLogTableModel
from ui.pages.referrals.consent_dialog import ConsentDialog, SignedFormDialog
from ui.pages.referrals.document_actions import DIALOG, DocumentActions
from ui.widgets.flow_layout import button_row
from ui.widgets.keys import bind_key
from ui.widgets.row_table_view import row_table_view


def _table(model, name: str, stretch: int) -> QTableView:
    table = row_table_view(model, name, stretch=stretch)
    table.setMinimumHeight(120)
    return table


class PersonReferralsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id: int | None = None
        self.person_label = ""
        self.preferred_language: str | None = None
        self.today: date | None = None
        heading = QLabel(self.tr("Referrals"))
        heading.setObjectName("sectionHeading")
        self.start_button = QPushButton(self.tr("Start a referral for them"))
        self.start_button.setObjectName("startReferral")
        self.again_button = QPushButton(self.tr("Refer again"))
        self.again_button.setObjectName("referAgain")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.again_button)
        top.addWidget(self.start_button)
        self.referrals_model = ReferralLogTableModel(self, context.center_time)
        self.referrals = _table(
            self.referrals_model, "personReferrals", ReferralLogTableModel.SERVICES
        )
        self.referrals.setAccessibleName(self.tr("Their referrals"))
        self.referrals.setColumnHidden(ReferralLogTableModel.PERSON, True)

        consent_heading = QLabel(self.tr("Consents to share (42 CFR Part 2)"))
        consent_heading.setObjectName("sectionHeading")
        self.new_consent_button = QPushButton(self.tr("New consent…"))
        self.new_consent_button.setObjectName("newConsent")
        self.sign_button = QPushButton(self.tr("Signed form is back"))
        self.sign_button.setObjectName("recordSignature")
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.setObjectName("revokeConsent")
        self.form_button = QPushButton(self.tr("Print form…"))
        self.form_button.setObjectName("printConsentForm")
        # Under the heading, at the right; wrapping onto a second line in a narrow record.
        consent_top = button_row(
            None,
            self.form_button,
            self.revoke_button,
            self.sign_button,
            self.new_consent_button,
            right_from=0,
        )
        for keys, what, button in (
            (
                "Ctrl+Shift+R",
                self.tr("Refer again"),
                self.again_button,
            ),
            ("Ctrl+Shift+N", self.tr("New consent"), self.new_consent_button),
            ("Ctrl+Shift+K", self.tr("The signed consent form is back"), self.sign_button),
            ("Ctrl+Shift+V", self.tr("Revoke the chosen consent"), self.revoke_button),
            ("Ctrl+Shift+F", self.tr("Print the chosen consent's form"), self.form_button),
        ):
            bind_key(self, keys, what, button)
        self.consents_model = ConsentsTableModel(self)
        self.consents = _table(self.consents_model, "personConsents", ConsentsTableModel.RECIPIENT)
        self.consents.setAccessibleName(self.tr("Their consents"))
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        self.warning = QLabel()  # stays until the next consent action: it matters
        self.warning.setObjectName("hintLine")
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.referrals)
        layout.addWidget(consent_heading)
        layout.addWidget(consent_top)
        layout.addWidget(self.consents)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        self.documents = DocumentActions(context, self, self.report)
        self.start_button.clicked.connect(self.start_referral)
        self.again_button.clicked.connect(self.refer_again)
        self.new_consent_button.clicked.connect(self.new_consent)
        self.sign_button.clicked.connect(self.record_signature)
        self.revoke_button.clicked.connect(self.revoke)
        self.form_button.clicked.connect(self.print_form)
        context.changes.changed.connect(self._on_changes)
        self.setEnabled(False)

    def _on_changes(self, _topics: object) -> None:
        if self.isVisible():
            self.refresh()

    def show_person(self, person_id: int, label: str, preferred_language: str | None) -> None:
        if person_id != self.person_id:  # nothing of the last person stays on screen
            self.referrals_model.set_entries([], self.context.center_time.today())
            self.consents_model.set_consents([])
            self.report("", "ok")
            self._warn("")
        self.person_id, self.person_label = person_id, label
        self.preferred_language = preferred_language
        self.setEnabled(True)
        self.refresh()

    def refresh(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return

        actor = self.context.actor

        def load(session) -> tuple[list[ReferralEntry], list[ConsentRecord], date]:
            today = center_today(session)
            return (
                person_referrals(session, actor, person_id, today=today),
                person_consents(session, actor, person_id, today),
                today,
            )

        self.context.tasks.submit(load, lambda loaded: self._show(person_id, loaded), self._failed)

    def _show(self, person_id: int, loaded) -> None:
        if person_id != self.person_id:
            return  # another person's record was opened while this one loaded
        referrals, consents, self.today = loaded
        self.referrals_model.set_entries(referrals, self.today)
        self.consents_model.set_consents(consents)

    # Referrals ----------------------------------------------------------------------------

    def start_referral(self) -> None:
        if self.person_id is not None:
            self.context.navigator.start_referral.emit(self.person_id, self.person_label)

    def refer_again(self) -> None:
        entry = self.referrals_model.entry(self.referrals.currentIndex().row())
        if entry is None:
            self.report(self.tr("Choose one of their referrals first."), "error")
            return
        person_id = self.person_id
        self.context.tasks.submit(
            lambda session: referred_services(session, entry.id),
            lambda items: self._add_to_basket(person_id, items),
            self._failed,
        )

    def _add_to_basket(self, person_id: int | None, items: list[tuple[str, str]]) -> None:
        if person_id is None or person_id != self.person_id:
            return  # another person's record was opened meanwhile
        # Theirs first (a basket built for someone else is emptied), then their services.
        self.context.basket.set_person(self.person_id, self.person_label)
        added = sum(self.context.basket.add(service_id, name) for service_id, name in items)
        self.start_referral()
        self.report(
            self.tr("%n service(s) added to the referral.", "", added),
            "ok",
        )

    # Consents -----------------------------------------------------------------------------

    def _consent(self) -> ConsentRecord | None:
        consent = self.consents_model.consent(self.consents.currentIndex().row())
        if consent is None:
            self.report(self.tr("Choose a consent first."), "error")
        return consent

    def new_consent(self) -> None:
        if self.person_id is None:
            return
        services = [(item.service_id, item.service_name) for item in self.context.basket.items]
        dialog = ConsentDialog(
            self.context,
            self.person_id,
            self.person_label,
            services,
            language=sheet_language(self.preferred_language),
            parent=self,
        )
        dialog.saved.connect(lambda record: self._consent_saved(dialog, record))
        dialog.open()

    def _consent_saved(self, dialog: ConsentDialog, record: ConsentRecord) -> None:
        self.refresh()
        self.report(dialog.saved_message(record), "ok")
        self._warn("" if record.is_linked else dialog.not_linked_text())
        if dialog.print_after_save:
            self.documents.consent_form(record.id, record.person_id, DIALOG)

    def print_form(self) -> None:
        """The form again, in the language it was written in (what the person read)."""
        consent = self._consent()
        if consent is not None:
            self.documents.consent_form(consent.id, consent.person_id, DIALOG)

    def record_signature(self) -> None:
        """The signed form is back: staff enter the date written on it."""
        consent = self._consent()
        if consent is None:
            return
        if consent.status is not ConsentStatus.AWAITING_SIGNATURE or consent.signed_on:
            self.report(
                self.tr("Only a consent awaiting its signature can have one recorded."), "error"
            )
            return
        # Today as of now, not as of the last refresh: the app may have stayed open overnight.
        dialog = SignedFormDialog(self.context, consent, self.context.center_time.today(), self)
        dialog.recorded.connect(lambda _record: self._changed(self.tr("Signature recorded.")))
        dialog.open()

    def revoke(self) -> None:
        consent = self._consent()
        if consent is None:
            return
        note, accepted = QInputDialog.getText(
            self,
            self.tr("Revoke consent"),
            self.tr("How and when did they revoke it (or what ended it)?"),
        )
        if not accepted:
            return
        actor = self.context.actor

        def work(session) -> ConsentRecord:
            today = center_today(session)
            return revoke_consent(
                session,
                actor,
                consent.id,
                consent.version,
                revoked_on=today,
                note=note,
                today=today,
            )

        self.context.tasks.submit(
            work, lambda _r: self._changed(self.tr("Consent revoked.")), self._failed
        )

    def _changed(self, message: str) -> None:
        self.report(message, "ok")
        self.refresh()

    def report(self, message: str, level: str) -> None:
        self.status.setText(message)
        self.status.setProperty("invalid", level == "error")

    def _warn(self, message: str) -> None:
        self.warning.setText(message)
        self.warning.setVisible(bool(message))

    def _failed(self, error: DeskError) -> None:
        self.report(in_words(error), "error")
