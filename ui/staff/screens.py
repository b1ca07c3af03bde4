"""The screens of the station's gate: sign in, make the first admin, unlock, choose a password.

Each is a small form whose work runs in the background (password hashing takes a noticeable
fraction of a second on purpose); what the desk refuses is said under the form, in words.
Passwords are never kept beyond the form that asked for them, and never logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desk.errors import DeskError, ValidationError
from ui.error_words import in_words
from ui.staff.role_words import role_words
from ui.words import fill

# The desk's services are imported where a screen uses them, not here: the sign-in screen is
# shown at start before the database and its models are loaded (ui/start.py).
if TYPE_CHECKING:
    from desk.services.actor import Actor
    from desk.services.staff_sessions import SignInOutcome
    from ui.tasks import TaskRunner


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    return field


class GateScreen(QFrame):
    """A heading, a few words, a form, a message line and one button, centred on the gate."""

    def __init__(self, tasks: TaskRunner | None, heading: str, button: str) -> None:
        super().__init__()
        self.tasks = tasks  # None until the database is open (see attach)
        self._waiting: tuple[Callable[[Any], Any], Callable[[Any], None]] | None = None
        self.setObjectName("gateCard")
        self.heading = QLabel(heading)
        self.heading.setObjectName("gateHeading")
        self.heading.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("hintLine")
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("gateMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.button = QPushButton(button)
        self.button.setDefault(True)
        self._label = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMaximumWidth(520)
        self._busy = False

    def say(self, text: str, level: str = "error") -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def attach(self, tasks: TaskRunner) -> None:
        """The database is open: work asked for before now runs."""
        self.tasks = tasks
        if self._waiting is not None:
            work, done = self._waiting
            self._waiting = None
            self._busy = False
            self.run(work, done)

    def run(self, work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        """Run `work` in the background with the button waiting; refusals are said."""
        if self._busy:
            return
        self._busy = True
        self.button.setEnabled(False)
        self.button.setText(self.tr("Checking…"))
        if self.tasks is None:  # pressed while the database is still being opened
            self._waiting = (work, done)
            return

        def finish() -> None:
            self._busy = False
            self.button.setEnabled(True)
            self.button.setText(self._label)

        def succeeded(result: Any) -> None:
            finish()
            done(result)

        def failed(error: DeskError) -> None:
            finish()
            self.refused(error)

        self.tasks.submit(work, succeeded, failed, owner=self)

    def refused(self, error: DeskError) -> None:
        self.say(in_words(error))


class SignInScreen(GateScreen):
    """Username and password. A match signs the staff member in."""

    signed_in = Signal(object, bool, str)  # Actor, must change password, the password typed
    back = Signal()

    def __init__(self, tasks: TaskRunner) -> None:
        super().__init__(tasks, self.tr("Sign in"), self.tr("Sign in"))
        self.button.clicked.connect(self.submit)
        self.intro.setText(self.tr("Each staff member signs in with their own username."))
        self.login = QLineEdit()
        self.login.setObjectName("staffLogin")
        self.login.setMaxLength(200)
        self.login.setAccessibleName(self.tr("Username"))
        self.password = _secret_field("staffPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.form.addRow(self.tr("&Username"), self.login)
        self.form.addRow(self.tr("&Password"), self.password)
        self.login.returnPressed.connect(self._login_entered)
        self.password.returnPressed.connect(self.submit)
        self._demo: tuple[str, str] | None = None
        self.back_button = QPushButton(self.tr("&Back to the lock screen"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back)
        self.back_button.hide()
        self.layout().addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)

    def offer_demo(self, login: str, front_desk_login: str, password: str) -> None:
        """On a demo: say which accounts there are, and fill in the demo admin's, so that
        Enter signs in (the username chosen, to be typed over for another account)."""
        self._demo = (login, password)
        self.intro.setText(
            fill(
                self.tr(
                    "A demo with sample data only. Sign in as %1 (an admin), %2 (the front "
                    "desk) or as one of the sample coaches; every demo account's password "
                    "is “%3”."
                ),
                login,
                front_desk_login,
                password,
            )
        )
        self._fill_demo()

    def _fill_demo(self) -> None:
        if self._demo is not None:
            login, password = self._demo
            self.login.setText(login)
            self.login.selectAll()
            self.password.setText(password)

    def _login_entered(self) -> None:
        if self.password.text():  # filled in already (a demo): sign in
            self.submit()
        else:
            self.password.setFocus()

    def start(self, message: str = "", *, from_lock: bool = False) -> None:
        self.login.clear()
        self.password.clear()
        self._fill_demo()
        self.say(message, "info")
        self.back_button.setVisible(from_lock)
        self.login.setFocus()

    def submit(self) -> None:
        login, password = self.login.text(), self.password.text()
        if not login.strip() or not password:
            self.say(self.tr("Type your username and password."))
            (self.login if not login.strip() else self.password).setFocus()
            return
        from desk.services.actor import station_name
        from desk.services.staff_sessions import sign_in_staff

        station = station_name()

        def done(outcome: SignInOutcome) -> None:
            if outcome.actor is None:
                assert outcome.refusal is not None
                self.refused(outcome.refusal)
                return
            self.password.clear()
            self.say("")
            self.signed_in.emit(outcome.actor, outcome.must_change_password, password)

        self.run(lambda session: sign_in_staff(session, login, password, station=station), done)

    def refused(self, error: DeskError) -> None:
        self.say(in_words(error))
        self.password.clear()
        self.password.setFocus()


class FirstAdminScreen(GateScreen):
    """A new database: the first admin, who then makes everyone else's accounts."""

    made = Signal(object)  # the admin's Actor, signed in

    def __init__(self, tasks: TaskRunner) -> None:
        super().__init__(
            tasks, self.tr("Welcome to Recovery Desk"), self.tr("Make the admin account")
        )
        self.button.clicked.connect(self.submit)
        self.intro.setText(
            self.tr(
                "Nobody can sign in to this database yet. Make the first admin account: its "
                "owner makes the accounts of the rest of the staff (front desk, coaches, "
                "admins) on the Staff page."
            )
        )
        self.name = QLineEdit()
        self.name.setObjectName("adminName")
        self.name.setMaxLength(200)
        self.login = QLineEdit()
        self.login.setObjectName("adminLogin")
        self.login.setMaxLength(200)
        self.password = _secret_field("adminPassword")
        self.again = _secret_field("adminPasswordAgain")
        for label, field, name in (
            (self.tr("Your &name"), self.name, self.tr("Your name")),
            (self.tr("&Username"), self.login, self.tr("Username")),
            (self.tr("&Password"), self.password, self.tr("Password")),
            (self.tr("Password &again"), self.again, self.tr("Password again")),
        ):
            field.setAccessibleName(name)
            self.form.addRow(label, field)
            field.returnPressed.connect(self.submit)

    def start(self) -> None:
        self.say("")
        self.name.setFocus()

    def submit(self) -> None:
        if self.password.text() != self.again.text():
            self.say(self.tr("The two passwords differ. Type the same one twice."))
            self.again.clear()
            self.again.setFocus()
            return
        name, login, password = self.name.text(), self.login.text(), self.password.text()
        from desk.services.actor import station_name
        from desk.services.staff_accounts import create_first_admin

        station = station_name()
        self.run(
            lambda session: create_first_admin(session, name, login, password, station=station),
            self._made,
        )

    def _made(self, actor: Actor) -> None:
        self.password.clear()
        self.again.clear()
        self.made.emit(actor)

    def refused(self, error: DeskError) -> None:
        self.say(in_words(error))
        fields = {"display_name": self.name, "login": self.login, "password": self.password}
        if isinstance(error, ValidationError) and error.field in fields:
            fields[error.field].setFocus()


class LockScreen(GateScreen):
    """The station is locked: only the person signed in unlocks it (password or PIN); anyone
    else signs in as themselves instead, and the first person's work waits for them."""

    unlocked = Signal()
    someone_else = Signal()

    def __init__(self, tasks: TaskRunner) -> None:
        super().__init__(tasks, self.tr("Recovery Desk is locked"), self.tr("Unlock"))
        self.button.clicked.connect(self.submit)
        self.secret = _secret_field("unlockSecret")
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        self.form.addRow(self.tr("&Password or PIN"), self.secret)
        self.secret.returnPressed.connect(self.submit)
        self.other_button = QPushButton(self.tr("&Sign in as someone else"))
        self.other_button.setObjectName("someoneElseButton")
        self.other_button.clicked.connect(self.someone_else)
        self.layout().addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.actor: Actor | None = None

    def start(self, actor: Actor, message: str = "") -> None:

        self.actor = actor
        self.intro.setText(
            fill(
                self.tr("%1 (%2) is signed in. Everything on screen is hidden until they unlock."),
                actor.display_name,
                role_words(actor.role),
            )
        )
        self.secret.clear()
        self.say(message, "info")
        self.secret.setFocus()

    def submit(self) -> None:
        actor, secret = self.actor, self.secret.text()
        if actor is None or not secret:
            self.say(self.tr("Type your password or PIN."))
            return

        def done(outcome: SignInOutcome) -> None:
            if outcome.actor is None:
                assert outcome.refusal is not None
                self.refused(outcome.refusal)
                return
            self.secret.clear()
            self.say("")
            self.unlocked.emit()

        from desk.services.staff_sessions import unlock_screen

        self.run(lambda session: unlock_screen(session, actor, secret), done)

    def refused(self, error: DeskError) -> None:
        self.say(in_words(error))
        self.secret.clear()
        self.secret.setFocus()


class ChoosePasswordScreen(GateScreen):
    """After an admin set or reset the password: the staff member chooses their own."""

    chosen = Signal(object)  # the Actor, now free to work

    def __init__(self, tasks: TaskRunner) -> None:
        super().__init__(tasks, self.tr("Choose your own password"), self.tr("Save and go on"))
        self.button.clicked.connect(self.submit)
        self.intro.setText(
            self.tr(
                "An admin gave you this password. Choose one only you know: at least as long "
                "as the center asks, not a common one, not your name."
            )
        )
        self.password = _secret_field("newPassword")
        self.again = _secret_field("newPasswordAgain")
        self.password.setAccessibleName(self.tr("New password"))
        self.again.setAccessibleName(self.tr("New password again"))
        self.form.addRow(self.tr("&New password"), self.password)
        self.form.addRow(self.tr("New password &again"), self.again)
        self.password.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self.submit)
        self.actor: Actor | None = None
        self._given = ""

    def start(self, actor: Actor, given_password: str) -> None:
        self.actor, self._given = actor, given_password
        self.password.clear()
        self.again.clear()
        self.say("")
        self.password.setFocus()

    def submit(self) -> None:
        actor, given, new = self.actor, self._given, self.password.text()
        if actor is None:
            return
        if new != self.again.text():
            self.say(self.tr("The two passwords differ. Type the same one twice."))
            self.again.clear()
            self.again.setFocus()
            return

        def done(_result: object) -> None:
            self._given = ""
            self.password.clear()
            self.again.clear()
            self.chosen.emit(actor)

        from desk.services.staff_accounts import change_own_password

        self.run(lambda session: change_own_password(session, actor, given, new), done)

    def refused(self, error: DeskError) -> None:
        self.say(in_words(error))
        self.again.clear()
        self.password.setFocus()
        self.password.selectAll()
