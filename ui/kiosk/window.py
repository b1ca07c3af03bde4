"""The kiosk's one window: "Scan your card" or "First time / no card", why they came, done.

Touch-friendly (big buttons, nothing to type but a scan). It shows no one's name but the
first name printed on the card just scanned, and the same words for a card that is unknown
or stopped, so it never tells whether anyone is on file. Trying to leave it (closing the
window, Escape, Alt+F4) locks it, as the desk's idle lock does; only an admin's username and
password unlock it or end kiosk mode. After a sign-in, or a minute without a touch, it goes
back to the start, forgetting the scan.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desk.cards.reading import CardRefused
from desk.cards.signing import CardSignIn
from desk.cards.tokens import card_at_end
from desk.errors import DeskError
from desk.groups.attending import SUPPORT_MEETING
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice
from desk.services.kiosk import (
    KioskChoices,
    KioskGreeting,
    admin_at_kiosk,
    ask_for_greeting,
    kiosk_choices,
    kiosk_read_card,
    kiosk_sign_in,
    record_kiosk_locked,
)
from ui.error_words import in_words
from ui.formatting import time_span_text
from ui.kiosk.lock import KioskLock
from ui.tasks import TaskRunner
from ui.words import fill

DONE_MS = 6_000  # the thank-you stays this long
IDLE_MS = 60_000  # a half-finished sign-in is forgotten after this
REFUSAL_WORDS = {
    "partial": "The card could not be read. Please scan it again.",
    "misread": "The card could not be read. Please scan it again.",
    "foreign": "That is not a sign-in card. Please scan your sign-in card.",
    "here": "You are signed in already today. Welcome back!",
}
NOT_WORKING = "This card does not work here. Please see the front desk: they will help you."
# Big, for a touch screen across the room; the app's own style sheet sizes everything else.
STYLE = """
QWidget#kiosk { background: #f4f7fa; }
#kiosk QLabel { font-size: 20pt; color: #1b1f24; }
#kiosk QLabel#kioskTitle { font-size: 40pt; font-weight: bold; color: #1f5c8a; }
#kiosk QLabel#kioskDone { font-size: 30pt; font-weight: bold; color: #1f5c8a; }
#kiosk QPushButton { font-size: 22pt; padding: 14px; border: 2px solid #1f5c8a;
    border-radius: 12px; background: white; color: #1f5c8a; }
#kiosk QPushButton:checked { background: #1f5c8a; color: white; }
#kiosk QPushButton#kioskGo { background: #1f7a4a; border-color: #1f7a4a; color: white; }
#kiosk QLineEdit { font-size: 20pt; padding: 8px; }
"""


def _big(widget: QWidget, size: int, bold: bool = False) -> QWidget:
    font = QFont(widget.font())
    font.setPointSize(size)
    font.setBold(bold)
    widget.setFont(font)
    return widget


class KioskWindow(QWidget):
    def __init__(self, tasks: TaskRunner, actor: Actor, *, full_screen: bool = True) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Welcome"))
        self.tasks, self.actor, self.full_screen = tasks, actor, full_screen
        self.choices: KioskChoices | None = None
        self.token: str | None = None  # the card scanned, until signed in or forgotten
        self.may_close = False
        self.stack = QStackedLayout(self)
        self._build_welcome()
        self._build_purposes()
        self._build_done()
        self.lock_panel = KioskLock()
        self.lock_panel.unlock.connect(lambda login, pw: self._admin(login, pw, leaving=False))
        self.lock_panel.leave.connect(lambda login, pw: self._admin(login, pw, leaving=True))
        self.stack.addWidget(self.lock_panel)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.back_to_start)

    # -- pages -------------------------------------------------------------------------------
    def _build_welcome(self) -> None:
        page = QWidget()
        self.title = _big(QLabel(self.tr("Welcome")), 40, True)
        self.title.setObjectName("kioskTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scan = _big(QLabel(self.tr("Scan your card")), 30)
        scan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("kioskScan")
        self.scan_box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan_box.setEchoMode(QLineEdit.EchoMode.Password)  # a card's code is not shown
        _big(self.scan_box, 18)
        self.scan_box.textChanged.connect(self._scanned_text)
        self.scan_box.returnPressed.connect(lambda: self._scanned(self.scan_box.text().strip()))
        self.first_time = _big(
            QPushButton(self.tr("First time, or no card?\nPress here and someone will greet you")),
            22,
        )
        self.first_time.setObjectName("kioskFirstTime")
        self.first_time.setMinimumHeight(160)
        self.first_time.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.first_time.clicked.connect(self.no_card)
        self.welcome_line = _big(QLabel(), 16)
        self.welcome_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_line.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(scan)
        layout.addWidget(self.scan_box)
        layout.addStretch(1)
        layout.addWidget(self.first_time)
        layout.addWidget(self.welcome_line)
        self.welcome = page
        self.stack.addWidget(page)

    def _build_purposes(self) -> None:
        page = QWidget()
        self.greeting = _big(QLabel(), 32, True)
        self.greeting.setObjectName("kioskTitle")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ask = _big(QLabel(self.tr("Why did you come today? Touch all that apply.")), 20)
        ask.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.purpose_grid = QGridLayout()
        self.purpose_buttons: dict[str, QPushButton] = {}
        self.meeting_line = _big(QLabel(self.tr("Which meeting?")), 18)
        self.meeting_row = QHBoxLayout()
        self.meeting_buttons: list[tuple[QPushButton, tuple[int, date]]] = []
        self.go_button = _big(QPushButton(self.tr("Sign me in")), 24, True)
        self.go_button.setObjectName("kioskGo")
        self.go_button.setMinimumHeight(110)
        self.go_button.clicked.connect(self.go)
        cancel = _big(QPushButton(self.tr("Start again")), 18)
        cancel.setMinimumHeight(110)
        cancel.clicked.connect(self.back_to_start)
        for button in (self.go_button, cancel):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions = QHBoxLayout()
        actions.addWidget(cancel, 1)
        actions.addWidget(self.go_button, 2)
        self.purpose_message = _big(QLabel(), 16)
        self.purpose_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.addWidget(self.greeting)
        layout.addWidget(ask)
        layout.addLayout(self.purpose_grid)
        layout.addWidget(self.meeting_line)
        layout.addLayout(self.meeting_row)
        layout.addStretch(1)
        layout.addWidget(self.purpose_message)
        layout.addLayout(actions)
        self.purposes_page = page
        self.stack.addWidget(page)

    def _build_done(self) -> None:
        page = QWidget()
        self.done_text = _big(QLabel(), 32, True)
        self.done_text.setObjectName("kioskDone")
        self.done_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_text.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.addStretch(1)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        self.done_page = page
        self.stack.addWidget(page)

    # -- running -----------------------------------------------------------------------------
    def start(self) -> None:
        if self.full_screen:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            screen = QGuiApplication.primaryScreen()
            if screen is not None:  # without a window manager, full screen is its size
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.show()
        self.back_to_start()

    def on_changes(self, _topics: set[str]) -> None:
        if self.stack.currentWidget() is self.welcome:
            self._load_choices()

    def _load_choices(self) -> None:
        actor = self.actor
        self.tasks.submit(
            lambda session: kiosk_choices(session, actor),
            self._show_choices,
            lambda _error: None,
            owner=self,
        )

    def _show_choices(self, choices: KioskChoices) -> None:
        self.choices = choices
        for button in self.purpose_buttons.values():
            button.deleteLater()
        self.purpose_buttons = {}
        for number, option in enumerate(choices.purposes):
            button = _big(QPushButton(option.label), 20)
            button.setCheckable(True)
            button.setMinimumHeight(90)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setObjectName("kioskPurpose")
            button.toggled.connect(lambda _on: self._purposes_changed())
            self.purpose_buttons[option.code] = button
            self.purpose_grid.addWidget(button, number // 3, number % 3)
        for button, _ in self.meeting_buttons:
            button.deleteLater()
        self.meeting_buttons = []
        for meeting in choices.meetings:
            text = f"{meeting.name}\n{time_span_text(meeting.starts_at, meeting.ends_at)}"
            button = _big(QPushButton(text), 16)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setMinimumHeight(80)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.meeting_row.addWidget(button)
            self.meeting_buttons.append((button, (meeting.group_id, meeting.day)))
        self._purposes_changed()

    def back_to_start(self) -> None:
        """The start screen, nothing of the last person kept."""
        self.idle.stop()
        self.token = None
        self.scan_box.clear()
        self.welcome_line.setText("")
        self.stack.setCurrentWidget(self.welcome)
        self.scan_box.setFocus()
        self._load_choices()

    def _scanned_text(self, text: str) -> None:
        token = card_at_end(text)
        if token is not None:
            self._scanned(token)

    def _scanned(self, scanned: str) -> None:
        self.scan_box.clear()
        if not scanned:
            return
        actor = self.actor
        self.tasks.submit(
            lambda session: kiosk_read_card(session, actor, scanned),
            lambda greeting: self._greet(scanned, greeting),
            self._refused,
            owner=self,
        )

    def _greet(self, token: str, greeting: KioskGreeting) -> None:
        if greeting.already_here:
            self._show_done(self.tr(REFUSAL_WORDS["here"]))
            return
        self.token = token
        hello = (
            fill(self.tr("Hello, %1!"), greeting.first_name)
            if greeting.first_name
            else self.tr("Hello!")
        )
        self.greeting.setText(hello)
        self._choose(list(greeting.usual))

    def no_card(self) -> None:
        self.token = None
        self.greeting.setText(self.tr("Welcome! We are glad you came."))
        self._choose([])

    def _choose(self, codes: list[str]) -> None:
        for code, button in self.purpose_buttons.items():
            button.setChecked(code in codes)
        preselected = self.choices.preselected if self.choices else None
        for button, key in self.meeting_buttons:
            wanted = preselected is not None and key == (preselected.group_id, preselected.day)
            button.setChecked(wanted)
        self.go_button.setText(
            self.tr("Sign me in") if self.token else self.tr("Ask someone to greet me")
        )
        self.purpose_message.setText("")
        self._purposes_changed()
        self.stack.setCurrentWidget(self.purposes_page)
        self.idle.start(IDLE_MS)

    def _purposes_changed(self) -> None:
        wanted = SUPPORT_MEETING in self.chosen_codes() and bool(self.meeting_buttons)
        self.meeting_line.setVisible(wanted)
        for button, _ in self.meeting_buttons:
            button.setVisible(wanted)
        if self.stack.currentWidget() is self.purposes_page:
            self.idle.start(IDLE_MS)

    def chosen_codes(self) -> list[str]:
        return [code for code, button in self.purpose_buttons.items() if button.isChecked()]

    def chosen_meeting(self) -> tuple[int, date] | None:
        if SUPPORT_MEETING not in self.chosen_codes():
            return None
        return next((key for button, key in self.meeting_buttons if button.isChecked()), None)

    def go(self) -> None:
        codes, actor, token = self.chosen_codes(), self.actor, self.token
        if token is None:
            self.tasks.submit(
                lambda session: ask_for_greeting(session, actor, codes),
                lambda _id: self._show_done(
                    self.tr("Thank you! Please have a seat: someone will come to greet you.")
                ),
                self._refused,
                owner=self,
            )
            return
        if not codes:
            self.purpose_message.setText(self.tr("Touch at least one reason, then Sign me in."))
            return
        purposes = [PurposeChoice(code) for code in codes]
        meeting = self.chosen_meeting()
        self.tasks.submit(
            lambda session: kiosk_sign_in(session, actor, token, purposes, meeting=meeting),
            self._signed_in,
            self._refused,
            owner=self,
        )

    def _signed_in(self, result: CardSignIn) -> None:
        if result.refusal is not None:
            self._refused(result.refusal)
            return
        where = (
            fill(self.tr(" The meeting “%1” is about to start or on now."), result.meeting)
            if result.meeting
            else ""
        )
        self._show_done(self.tr("You are signed in. Welcome!") + where)

    def _refused(self, error: DeskError) -> None:
        if isinstance(error, CardRefused):
            words = REFUSAL_WORDS.get(error.kind, NOT_WORKING)
        else:
            words = self.tr("Something went wrong. Please see the front desk.")
        self._show_done(self.tr(words))

    def _show_done(self, text: str) -> None:
        self.token = None
        self.idle.stop()
        self.done_text.setText(text)
        self.stack.setCurrentWidget(self.done_page)
        QTimer.singleShot(DONE_MS, self, self._after_done)

    def _after_done(self) -> None:
        if self.stack.currentWidget() is self.done_page:
            self.back_to_start()

    # -- locking -----------------------------------------------------------------------------
    def lock(self, why: str) -> None:
        if self.stack.currentWidget() is self.lock_panel:
            return
        self.idle.stop()
        self.token = None
        self.lock_panel.reset()
        self.stack.setCurrentWidget(self.lock_panel)
        actor = self.actor
        self.tasks.submit(
            lambda session: record_kiosk_locked(session, actor, why),
            None,
            lambda _error: None,
            owner=self,
        )

    def _admin(self, login: str, password: str, *, leaving: bool) -> None:
        def checked(outcome) -> None:
            if outcome.actor is None:
                refusal = outcome.refusal
                self.lock_panel.refused(str(refusal) if refusal else self.tr("Not allowed."))
                return
            if leaving:
                self.may_close = True
                self.close()
            else:
                self.back_to_start()

        self.tasks.submit(
            lambda session: admin_at_kiosk(session, login, password, leaving=leaving),
            checked,
            lambda error: self.lock_panel.refused(in_words(error)),
            owner=self,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape or (
            event.key() == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.lock("a key to leave was pressed")
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close:
            event.accept()
            return
        event.ignore()
        self.lock("the window was asked to close")
