"""A new consent to disclose (42 CFR §2.31): filled in with the person, then printed for
their signature. It counts only once the signed form is back and the date written on it is
recorded (`SignedFormDialog`, from the person's record): never at the moment it is made.

The provider it names comes from the draft the dialog shows, never from the combo box alone:
the recipient's words and the directory link always belong to the same program. While a new
draft loads, saving waits for it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
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
    record_signature,
)
from desk.services.settings import center_today
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_edit_format
from ui.words import fill


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ConsentDialog(QDialog):
    saved = Signal(object)  # the ConsentRecord (its form's language is record.language)

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
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept all day by its page
        self.context = context
        self.person_id = person_id
        self.setWindowTitle(fill(self.tr("Consent to share: %1"), person_label))
        self.draft: ConsentDraft | None = None
        self.print_after_save = True
        self._draft_serial = 0  # the latest draft asked for
        self._shown_serial = 0  # the draft on screen
        self._saving = False

        self.service = QComboBox()
        self.service.setObjectName("consentService")
        self.service.addItem(self.tr("(another recipient: type below)"), None)
        for choice_id, name in services:
            self.service.addItem(name, choice_id)
        self.scope = QComboBox()
        self.scope.setObjectName("consentScope")
        self.scope.addItem(self.tr("This program only"), False)
        self.scope.addItem(self.tr("Every program of its organization"), True)
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
        self.has_end_date = QCheckBox(self.tr("Valid through"))
        self.has_end_date.setChecked(True)
        self.has_end_date.setToolTip(
            self.tr("Active to the end of that day, in the center's time zone.")
        )
        self.ends_on = QDateEdit()
        self.ends_on.setObjectName("consentEndsOn")
        self.ends_on.setCalendarPopup(True)
        self.ends_on.setDisplayFormat(date_edit_format())
        self.event = QLineEdit()
        self.event.setObjectName("consentEvent")
        self.event.setPlaceholderText(self.tr("or until: “I finish this program”"))
        self.language = QComboBox()
        self.language.setObjectName("consentLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish (Español)"), "es")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        ends = QHBoxLayout()
        ends.addWidget(self.has_end_date)
        ends.addWidget(self.ends_on)
        ends.addWidget(self.event, 1)
        form = QFormLayout()
        form.addRow(self.tr("Provider:"), self.service)
        form.addRow(self.tr("Covers:"), self.scope)
        form.addRow(self.tr("Who may receive it:"), self.recipient)
        form.addRow(self.tr("Who may share it:"), self.discloser)
        form.addRow(self.tr("What information:"), self.information)
        form.addRow(self.tr("Why:"), self.purpose)
        form.addRow(self.tr("When it ends:"), ends)
        form.addRow(self.tr("Form language:"), self.language)
        self.link_note = QLabel()
        self.link_note.setObjectName("hintLine")
        self.link_note.setWordWrap(True)
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
                "42 CFR Part 2 §2.31: the printed form carries every element. The consent "
                "counts only once the signed form is back: then press “Signed form is back” "
                "on their record and enter the date written on it. Signing is the person's "
                "choice."
            )
        )
        note.setObjectName("hintLine")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.link_note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(640, 540)
        cancel.clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save(print_form=False))
        self.save_print_button.clicked.connect(lambda: self.save(print_form=True))
        self.service.currentIndexChanged.connect(self._fill_defaults)
        self.scope.currentIndexChanged.connect(self._fill_defaults)
        self.language.currentIndexChanged.connect(self._fill_defaults)
        self.has_end_date.toggled.connect(self.ends_on.setEnabled)
        self.recipient.textEdited.connect(lambda _text: self._show_link())
        if service_id is not None:
            self.service.setCurrentIndex(max(0, self.service.findData(service_id)))
        self._fill_defaults()

    # The draft ------------------------------------------------------------------------------

    def _fill_defaults(self, *_args) -> None:
        """A new draft for the chosen provider, scope and language; saving waits for it."""
        self._draft_serial += 1
        serial = self._draft_serial
        service_id = self.service.currentData()
        whole = bool(self.scope.currentData()) and service_id is not None
        language = self.language.currentData()
        self.scope.setEnabled(service_id is not None)
        self._update_buttons()
        self.context.tasks.submit(
            lambda session: default_consent_draft(
                session, service_id, language, center_today(session), whole_organization=whole
            ),
            lambda draft: self._show_draft(serial, draft),
            lambda error: self._draft_failed(serial, error),
            owner=self,
        )

    def _loading(self) -> bool:
        return self.draft is None or self._shown_serial != self._draft_serial

    def _show_draft(self, serial: int, draft: ConsentDraft) -> None:
        if serial != self._draft_serial:
            return  # the provider or language changed again since: a newer draft is coming
        self.draft, self._shown_serial = draft, serial
        self.recipient.setText(draft.recipient_name)
        if not self.discloser.text():
            self.discloser.setText(draft.disclosing_party)
        self.information.setPlainText(draft.information)
        self.purpose.setPlainText(draft.purpose)
        if draft.expires_on is not None:
            self.ends_on.setDate(_qdate(draft.expires_on))
        self._show_link()
        self._update_buttons()

    def _draft_failed(self, serial: int, error: DeskError) -> None:
        if serial == self._draft_serial:
            self._failed(error)

    def _links_kept(self) -> bool:
        """The typed recipient is still the draft's: its directory link still holds."""
        draft = self.draft
        return draft is not None and self.recipient.text().strip() == draft.recipient_name

    def _show_link(self) -> None:
        draft = self.draft
        linked = (
            self._links_kept()
            and draft is not None
            and (
                draft.recipient_service_id is not None
                or draft.recipient_organization_id is not None
            )
        )
        self.link_note.setText("" if linked else self.not_linked_text())
        self.link_note.setVisible(not linked)

    def not_linked_text(self) -> str:
        return self.tr(
            "This recipient is not a program or organization in the directory, so this "
            "consent cannot let a referral sheet show their name; it is kept as a record of "
            "what they agreed to."
        )

    def saved_message(self, record: ConsentRecord) -> str:
        """What staff are told once it is saved: and, when so, that it can never name them."""
        message = fill(
            self.tr("Consent #%1 saved; it counts once the signed form is back."), str(record.id)
        )
        if not record.is_linked:
            message += " " + self.not_linked_text()
        return message

    def _update_buttons(self) -> None:
        ready = not self._saving and not self._loading()
        self.save_button.setEnabled(ready)
        self.save_print_button.setEnabled(ready)

    def entered(self) -> ConsentDraft:
        """What the form holds (read on the GUI thread). The provider's ids and the language
        are the shown draft's, so that they always match the recipient's words."""
        base = self.draft
        assert base is not None
        ends = self.ends_on.date()
        kept = self._links_kept()
        return ConsentDraft(
            recipient_name=self.recipient.text(),
            disclosing_party=self.discloser.text(),
            information=self.information.toPlainText(),
            purpose=self.purpose.toPlainText(),
            expires_on=_pydate(ends) if self.has_end_date.isChecked() else None,
            expiry_event=self.event.text(),
            recipient_service_id=base.recipient_service_id if kept else None,
            recipient_organization_id=base.recipient_organization_id if kept else None,
            language=base.language,
        )

    # Saving ---------------------------------------------------------------------------------

    def save(self, *, print_form: bool) -> None:
        """Save once: the buttons wait until the consent is saved or refused."""
        if self._saving or self._loading():
            return
        self.print_after_save = print_form
        actor, person_id, draft = self.context.actor, self.person_id, self.entered()
        self._saving = True
        self._update_buttons()
        self.error.setText("")
        self.context.tasks.submit(
            lambda session: create_consent(session, actor, person_id, draft, center_today(session)),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, record: ConsentRecord) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self._saving = False
        self._update_buttons()
        self.error.setText(in_words(error))  # what was typed stays in the form
        if isinstance(error, ValidationError):
            self.error.setProperty("invalid", True)


class SignedFormDialog(QDialog):
    """The signed form is back: the date written on it, neither in the future nor before the
    consent was prepared."""

    recorded = Signal(object)  # the ConsentRecord, now active

    def __init__(
        self, context: AppContext, consent: ConsentRecord, today: date, parent=None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept all day by its page
        self.context = context
        self.consent = consent
        self.setWindowTitle(self.tr("Signed form is back"))
        self.signed_on = QDateEdit()
        self.signed_on.setObjectName("consentSignedOn")
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat(date_edit_format())
        self.signed_on.setDateRange(_qdate(consent.created_on), _qdate(today))
        self.signed_on.setDate(_qdate(today))
        intro = QLabel(
            fill(
                self.tr(
                    "Consent #%1 to %2. Enter the date the person wrote next to their signature."
                ),
                str(consent.id),
                consent.recipient_name,
            )
        )
        intro.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("statusLine")
        self.error.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record the signature"))
        self.record_button.setObjectName("recordSignatureDate")
        self.record_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        form = QFormLayout()
        form.addRow(self.tr("Date on the signed form:"), self.signed_on)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        cancel.clicked.connect(self.reject)
        self.record_button.clicked.connect(self.record)

    def record(self) -> None:
        if not self.record_button.isEnabled():
            return
        actor, consent = self.context.actor, self.consent
        signed_on = _pydate(self.signed_on.date())
        self.record_button.setEnabled(False)
        self.error.setText("")

        def work(session) -> ConsentRecord:
            today = center_today(session)
            return record_signature(session, actor, consent.id, consent.version, signed_on, today)

        self.context.tasks.submit(work, self._recorded, self._failed, owner=self)

    def _recorded(self, record: ConsentRecord) -> None:
        self.recorded.emit(record)
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.record_button.setEnabled(True)
        self.error.setText(in_words(error))
