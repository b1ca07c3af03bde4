"""A new consent to disclose (42 CFR §2.31): filled in with the person, then printed for
their signature. It counts only once the signature date is recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError, ValidationError
from desk.services.consents import (
    ConsentDraft,
    ConsentRecord,
    create_consent,
    default_consent_draft,
)
from desk.services.referrals import local_today
from ui.context import AppContext


class ConsentDialog(QDialog):
    saved = Signal(object, str)  # the ConsentRecord, and the form's language

    def __init__(
        self,
        context: AppContext,
        person_id: int,
        person_label: str,
        services: list[tuple[str, str]],
        *,
        service_id: str | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.setWindowTitle(self.tr("Consent to share: %1").replace("%1", person_label))
        self.draft: ConsentDraft | None = None
        self.print_after_save = True

        self.service = QComboBox()
        self.service.setObjectName("consentService")
        self.service.addItem(self.tr("(another recipient: type below)"), None)
        for choice_id, name in services:
            self.service.addItem(name, choice_id)
        self.recipient = QLineEdit()
        self.recipient.setObjectName("consentRecipient")
        self.discloser = QLineEdit()
        self.discloser.setObjectName("consentDiscloser")
        self.information = QPlainTextEdit()
        self.information.setObjectName("consentInformation")
        self.information.setMaximumHeight(70)
        self.purpose = QPlainTextEdit()
        self.purpose.setObjectName("consentPurpose")
        self.purpose.setMaximumHeight(60)
        self.has_end_date = QCheckBox(self.tr("Ends on"))
        self.has_end_date.setChecked(True)
        self.ends_on = QDateEdit()
        self.ends_on.setObjectName("consentEndsOn")
        self.ends_on.setCalendarPopup(True)
        self.ends_on.setDisplayFormat("yyyy-MM-dd")
        self.event = QLineEdit()
        self.event.setObjectName("consentEvent")
        self.event.setPlaceholderText(self.tr("or when: “I finish this program”"))
        self.language = QComboBox()
        self.language.setObjectName("consentLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish (Español)"), "es")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.signed_now = QCheckBox(self.tr("Signed now: the signed form is in my hand"))
        self.signed_now.setObjectName("consentSignedNow")
        ends = QHBoxLayout()
        ends.addWidget(self.has_end_date)
        ends.addWidget(self.ends_on)
        ends.addWidget(self.event, 1)
        form = QFormLayout()
        form.addRow(self.tr("Provider:"), self.service)
        form.addRow(self.tr("Who may receive it:"), self.recipient)
        form.addRow(self.tr("Who may share it:"), self.discloser)
        form.addRow(self.tr("What information:"), self.information)
        form.addRow(self.tr("Why:"), self.purpose)
        form.addRow(self.tr("When it ends:"), ends)
        form.addRow(self.tr("Form language:"), self.language)
        form.addRow("", self.signed_now)
        self.error = QLabel()
        self.error.setObjectName("statusLine")
        self.error.setWordWrap(True)
        self.save_print_button = QPushButton(self.tr("Save and print the form…"))
        self.save_print_button.setObjectName("saveAndPrintConsent")
        self.save_print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveConsent")
        cancel = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_print_button)
        note = QLabel(
            self.tr(
                "42 CFR Part 2 §2.31: the printed form carries every element; it counts once "
                "it is signed and its signature date recorded. Signing is the person's choice."
            )
        )
        note.setObjectName("hintLine")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(620, 520)
        cancel.clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save(print_form=False))
        self.save_print_button.clicked.connect(lambda: self.save(print_form=True))
        self.service.currentIndexChanged.connect(self._fill_defaults)
        self.language.currentIndexChanged.connect(self._fill_defaults)
        self.has_end_date.toggled.connect(self.ends_on.setEnabled)
        if service_id is not None:
            self.service.setCurrentIndex(max(0, self.service.findData(service_id)))
        self._fill_defaults()

    def _fill_defaults(self, *_args) -> None:
        service_id, language = self.service.currentData(), self.language.currentData()
        self.context.tasks.submit(
            lambda session: default_consent_draft(
                session, service_id, language, local_today(session)
            ),
            self._show_draft,
            self._failed,
        )

    def _show_draft(self, draft: ConsentDraft) -> None:
        self.draft = draft
        self.recipient.setText(draft.recipient_name)
        if not self.discloser.text():
            self.discloser.setText(draft.disclosing_party)
        self.information.setPlainText(draft.information)
        self.purpose.setPlainText(draft.purpose)
        if draft.expires_on is not None:
            day = draft.expires_on
            self.ends_on.setDate(QDate(day.year, day.month, day.day))

    def entered(self) -> ConsentDraft:
        """What the form holds (read on the GUI thread; the signature date is set on save)."""
        chosen = self.service.currentData()
        ends = self.ends_on.date()
        base = self.draft
        same_recipient = base is not None and self.recipient.text().strip() == base.recipient_name
        return ConsentDraft(
            recipient_name=self.recipient.text(),
            disclosing_party=self.discloser.text(),
            information=self.information.toPlainText(),
            purpose=self.purpose.toPlainText(),
            expires_on=date(ends.year(), ends.month(), ends.day())
            if self.has_end_date.isChecked()
            else None,
            expiry_event=self.event.text(),
            recipient_service_id=chosen if same_recipient else None,
            recipient_organization_id=base.recipient_organization_id
            if same_recipient and base
            else None,
        )

    def save(self, *, print_form: bool) -> None:
        self.print_after_save = print_form
        actor, person_id, language = self.context.actor, self.person_id, self.language.currentData()
        draft, signed = self.entered(), self.signed_now.isChecked()

        def work(session) -> ConsentRecord:
            today = local_today(session)
            final = replace(draft, signed_on=today if signed else None)
            return create_consent(session, actor, person_id, final, today)

        self.error.setText("")
        self.context.tasks.submit(work, lambda record: self._saved(record, language), self._failed)

    def _saved(self, record: ConsentRecord, language: str) -> None:
        self.saved.emit(record, language)
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.error.setText(str(error))  # what was typed stays in the form
        if isinstance(error, ValidationError):
            self.error.setProperty("invalid", True)
