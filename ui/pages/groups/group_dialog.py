"""A group, new or changed: what it is, who leads it, where, in what language, and when.

"When" is chosen as staff say it (every Tuesday; the first Monday of the month; once) and
kept as an iCalendar rule; any other rule can be typed as RRULE text. The rule in words is
shown as it is chosen, and an impossible one is refused in words when saving.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError, ValidationError
from desk.groups.recurrence import DAY_CODES, monthly_rule, parse_rule, weekly_rule
from desk.groups.rule_words import rule_words
from desk.services.groups import (
    LANGUAGE_CODES,
    GroupDetails,
    GroupRecord,
    create_group,
    update_group,
)
from desk.services.staff_accounts import list_staff_accounts
from ui.context import AppContext
from ui.error_words import in_words, word
from ui.formatting import date_edit_format
from ui.widgets.banner import Banner
from ui.words import fill

WEEKLY, MONTHLY, ONCE, TYPED = "weekly", "monthly", "once", "typed"
NTH = (
    (1, QT_TRANSLATE_NOOP("GroupDialog", "first")),
    (2, QT_TRANSLATE_NOOP("GroupDialog", "second")),
    (3, QT_TRANSLATE_NOOP("GroupDialog", "third")),
    (4, QT_TRANSLATE_NOOP("GroupDialog", "fourth")),
    (-1, QT_TRANSLATE_NOOP("GroupDialog", "last")),
)
VOLUNTEER = -1


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class GroupDialog(QDialog):
    """`group` None: a new group."""

    def __init__(
        self, context: AppContext, group: GroupRecord | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.group = group
        self.saved: GroupRecord | None = None
        details = group.details if group else None
        self.setWindowTitle(
            self.tr("New group") if group is None else fill(self.tr("Group: %1"), group.name)
        )
        self.setMinimumWidth(620)
        self.banner = Banner()
        self.name = QLineEdit(details.name if details else "")
        self.name.setObjectName("groupName")
        self.name_es = QLineEdit((details.name_es or "") if details else "")
        self.name_es.setObjectName("groupNameEs")
        self.description = QPlainTextEdit((details.description or "") if details else "")
        self.description.setObjectName("groupDescription")
        self.description.setFixedHeight(54)
        self.description_es = QPlainTextEdit((details.description_es or "") if details else "")
        self.description_es.setFixedHeight(54)
        for text in (self.description, self.description_es):
            text.setTabChangesFocus(True)
        self.facilitator = QComboBox()
        self.facilitator.setObjectName("groupFacilitator")
        self.facilitator.addItem(self.tr("No one named"), None)
        self.facilitator.addItem(self.tr("A volunteer (type the name)"), VOLUNTEER)
        self.volunteer = QLineEdit((details.facilitator_name or "") if details else "")
        self.volunteer.setObjectName("groupVolunteer")
        self.volunteer.setPlaceholderText(self.tr("The volunteer's name"))
        self.room = QLineEdit((details.room or "") if details else "")
        self.room.setObjectName("groupRoom")
        self.language = QComboBox()
        self.language.setObjectName("groupLanguage")
        for code in LANGUAGE_CODES:
            self.language.addItem(code, code)
        self.language.setCurrentIndex(self.language.findData(details.language if details else "en"))
        self.starts_on = QDateEdit(_qdate(details.starts_on if details else self.context_today()))
        self.starts_on.setObjectName("groupStartsOn")
        self.starts_on.setCalendarPopup(True)
        self.starts_on.setDisplayFormat(date_edit_format())
        self.starts_at = QTimeEdit(
            QTime(details.starts_at.hour, details.starts_at.minute) if details else QTime(18, 0)
        )
        self.starts_at.setObjectName("groupStartsAt")
        self.starts_at.setAccessibleName(self.tr("Starts at"))
        self.ends_at = QTimeEdit(
            QTime(details.ends_at.hour, details.ends_at.minute) if details else QTime(19, 30)
        )
        self.ends_at.setObjectName("groupEndsAt")
        self.ends_at.setAccessibleName(self.tr("Ends at"))
        for edit in (self.starts_at, self.ends_at):
            edit.setDisplayFormat("HH:mm")
        self.repeats = QComboBox()
        self.repeats.setObjectName("groupRepeats")
        self.repeats.addItem(self.tr("Every week, on…"), WEEKLY)
        self.repeats.addItem(self.tr("Once a month, on the…"), MONTHLY)
        self.repeats.addItem(self.tr("Once only"), ONCE)
        self.repeats.addItem(self.tr("Another rule (RRULE)"), TYPED)
        locale = QLocale()  # the days in the screens' language: Mon / lun
        self.days = [
            QCheckBox(locale.dayName(n + 1, QLocale.FormatType.ShortFormat)) for n in range(7)
        ]
        for number, box in enumerate(self.days):
            box.setObjectName(f"groupDay{number}")
            box.setAccessibleName(locale.dayName(number + 1))
        self.every_other = QCheckBox(self.tr("every other week"))
        self.nth = QComboBox()
        self.nth.setObjectName("groupNth")
        for number, ordinal in NTH:
            self.nth.addItem(self.tr(ordinal), number)
        self.month_day = QComboBox()
        self.month_day.setObjectName("groupMonthDay")
        for number in range(len(DAY_CODES)):
            self.month_day.addItem(locale.dayName(number + 1), number)
        self.typed = QLineEdit()
        self.typed.setObjectName("groupRule")
        self.typed.setPlaceholderText("FREQ=MONTHLY;BYDAY=1MO,3MO")
        self.rule_line = QLabel()
        self.rule_line.setObjectName("hintLine")
        self.active = QCheckBox(self.tr("On the schedule (switch off when it stops meeting)"))
        self.active.setObjectName("groupActive")
        self.active.setChecked(details.active if details else True)

        weekly = QHBoxLayout()
        for box in self.days:
            weekly.addWidget(box)
        weekly.addWidget(self.every_other)
        weekly.addStretch(1)
        self.weekly_row = QWidget()
        self.weekly_row.setLayout(weekly)
        monthly = QHBoxLayout()
        monthly.addWidget(self.nth)
        monthly.addWidget(self.month_day)
        monthly.addWidget(QLabel(self.tr("of the month")))
        monthly.addStretch(1)
        self.monthly_row = QWidget()
        self.monthly_row.setLayout(monthly)
        for row in (weekly, monthly):
            row.setContentsMargins(0, 0, 0, 0)
        times = QHBoxLayout()
        times.addWidget(self.starts_at)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.ends_at)
        times.addStretch(1)
        leader = QHBoxLayout()
        leader.addWidget(self.facilitator, 1)
        leader.addWidget(self.volunteer, 1)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("Name in Spanish"), self.name_es)
        form.addRow(self.tr("What it is"), self.description)
        form.addRow(self.tr("In Spanish"), self.description_es)
        form.addRow(self.tr("Led by"), leader)
        form.addRow(self.tr("&Room"), self.room)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("First date"), self.starts_on)
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("Re&peats"), self.repeats)
        form.addRow("", self.weekly_row)
        form.addRow("", self.monthly_row)
        form.addRow("", self.typed)
        form.addRow("", self.rule_line)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self._show_rule(details.rule if details else "", details.starts_on if details else None)
        for signal in (
            self.repeats.currentIndexChanged,
            self.nth.currentIndexChanged,
            self.month_day.currentIndexChanged,
            self.starts_on.dateChanged,
            self.typed.textChanged,
        ):
            signal.connect(self._rule_changed)
        for box in (*self.days, self.every_other):
            box.toggled.connect(self._rule_changed)
        self.facilitator.currentIndexChanged.connect(self._leader_changed)
        self._rule_changed()
        self._load_staff(details.facilitator_id if details else None, bool(self.volunteer.text()))
        self.name.setFocus()

    def context_today(self) -> date:
        return self.context.center_time.today()

    # -- who leads it -----------------------------------------------------------------------
    def _load_staff(self, chosen_id: int | None, volunteer: bool) -> None:
        actor = self.context.actor

        def loaded(accounts) -> None:
            for account in accounts:
                if account.active or account.id == chosen_id:
                    self.facilitator.addItem(account.display_name, account.id)
            if chosen_id is not None:
                self.facilitator.setCurrentIndex(max(self.facilitator.findData(chosen_id), 0))
            elif volunteer:
                self.facilitator.setCurrentIndex(self.facilitator.findData(VOLUNTEER))
            self._leader_changed()

        self.context.tasks.submit(
            lambda session: list_staff_accounts(session, actor),
            loaded,
            lambda error: self.banner.show_message(in_words(error), "error"),
            owner=self,
        )

    def _leader_changed(self) -> None:
        self.volunteer.setVisible(self.facilitator.currentData() == VOLUNTEER)

    # -- when -------------------------------------------------------------------------------
    def _show_rule(self, rule: str, starts_on: date | None) -> None:
        """Set the "Repeats" controls from a kept rule."""
        parsed = parse_rule(rule) if rule else None
        if parsed is None:
            new = starts_on is None
            self.repeats.setCurrentIndex(self.repeats.findData(WEEKLY if new else ONCE))
            if starts_on is None:
                self.days[self.context_today().weekday()].setChecked(True)
            return
        text = parsed.text
        found_weekly = self._as_weekly(text)
        if found_weekly is not None:
            days, every = found_weekly
            self.repeats.setCurrentIndex(self.repeats.findData(WEEKLY))
            for number in days:
                self.days[number].setChecked(True)
            self.every_other.setChecked(every == 2)
            return
        found_monthly = self._as_monthly(text)
        if found_monthly is not None:
            nth, weekday = found_monthly
            self.repeats.setCurrentIndex(self.repeats.findData(MONTHLY))
            self.nth.setCurrentIndex(self.nth.findData(nth))
            self.month_day.setCurrentIndex(weekday)
            return
        self.repeats.setCurrentIndex(self.repeats.findData(TYPED))
        self.typed.setText(text)

    @staticmethod
    def _as_weekly(text: str) -> tuple[list[int], int] | None:
        codes = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
        for every in (1, 2):
            prefix = "FREQ=WEEKLY;INTERVAL=2;BYDAY=" if every == 2 else "FREQ=WEEKLY;BYDAY="
            if text.startswith(prefix):
                days = text[len(prefix) :].split(",")
                if (
                    all(day in codes for day in days)
                    and weekly_rule([codes.index(d) for d in days], every) == text
                ):
                    return [codes.index(d) for d in days], every
        return None

    @staticmethod
    def _as_monthly(text: str) -> tuple[int, int] | None:
        codes = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
        prefix = "FREQ=MONTHLY;BYDAY="
        if not text.startswith(prefix) or "," in text:
            return None
        part = text[len(prefix) :]
        nth, code = part[:-2], part[-2:]
        if code in codes and nth in ("1", "2", "3", "4", "-1"):
            return int(nth), codes.index(code)
        return None

    def chosen_rule(self) -> str:
        how = self.repeats.currentData()
        if how == WEEKLY:
            days = [n for n, box in enumerate(self.days) if box.isChecked()]
            return weekly_rule(days, 2 if self.every_other.isChecked() else 1)
        if how == MONTHLY:
            return monthly_rule([self.nth.currentData()], self.month_day.currentData())
        if how == ONCE:
            return ""
        return self.typed.text().strip()

    def _starts_on(self) -> date:
        return self.starts_on.date().toPython()

    def _rule_changed(self) -> None:
        how = self.repeats.currentData()
        self.weekly_row.setVisible(how == WEEKLY)
        self.monthly_row.setVisible(how == MONTHLY)
        self.typed.setVisible(how == TYPED)
        try:
            words = word(rule_words(self.chosen_rule(), self._starts_on()))
        except ValidationError as error:
            words = in_words(error)
        self.rule_line.setText(words)

    # -- saving -----------------------------------------------------------------------------
    def details(self) -> GroupDetails:
        leader = self.facilitator.currentData()
        return GroupDetails(
            name=self.name.text(),
            name_es=self.name_es.text(),
            description=self.description.toPlainText(),
            description_es=self.description_es.toPlainText(),
            facilitator_id=leader if isinstance(leader, int) and leader != VOLUNTEER else None,
            facilitator_name=self.volunteer.text() if leader == VOLUNTEER else None,
            room=self.room.text(),
            language=self.language.currentData(),
            starts_on=self._starts_on(),
            starts_at=self.starts_at.time().toPython(),
            ends_at=self.ends_at.time().toPython(),
            rule=self.chosen_rule(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        actor, group = self.context.actor, self.group
        try:
            details = self.details()
        except ValidationError as error:
            self.banner.show_message(in_words(error), "error")
            return
        self.save_button.setEnabled(False)
        if group is None:
            work = lambda session: create_group(session, actor, details)  # noqa: E731
        else:
            work = lambda session: update_group(  # noqa: E731
                session, actor, group.id, group.version, details
            )
        self.context.tasks.submit(work, self._saved, self._failed, owner=self)

    def _saved(self, group: GroupRecord) -> None:
        self.saved = group
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_message(in_words(error), "error")
        fields = {"name": self.name, "ends_at": self.ends_at, "rule": self.typed}
        if isinstance(error, ValidationError):
            for name in error.fields:
                if name in fields:
                    fields[name].setProperty("invalid", True)
                    fields[name].style().polish(fields[name])
