"""Staff accounts as a table: who, their username and role, and whether they can sign in."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QBrush

from desk.services.staff_accounts import StaffAccount
from ui.formatting import CenterTime
from ui.models.record_table import RecordTableModel
from ui.staff.role_words import role_words
from ui.state_colours import State, state_colour


class StaffTableModel(RecordTableModel):
    NAME, LOGIN, ROLE, STATE, LAST_SIGN_IN = range(5)

    def __init__(self, center_time: CenterTime, parent=None) -> None:
        super().__init__(
            [
                self.tr("Name"),
                self.tr("Username"),
                self.tr("Role"),
                self.tr("Can sign in?"),
                self.tr("Last signed in"),
            ],
            parent,
        )
        self._time = center_time

    def row_of(self, staff_id: int) -> int:
        return next((n for n, account in enumerate(self._rows) if account.id == staff_id), -1)

    def state(self, account: StaffAccount) -> str:
        if not account.active:
            return self.tr("No: switched off")
        if not account.can_sign_in:
            return self.tr("No: no password yet")
        if account.locked_until is not None and account.locked_until > datetime.now(UTC):
            return self.tr("Locked after wrong passwords")
        if account.must_change_password:
            return self.tr("Yes (chooses a new password at sign-in)")
        return self.tr("Yes")

    def display(self, account: StaffAccount, column: int) -> str:
        if column == self.NAME:
            extra = self.tr(" (coach roster)") if account.is_coach else ""
            return account.display_name + extra
        if column == self.LOGIN:
            return account.login
        if column == self.ROLE:
            role = role_words(account.role)
            if account.sees_all_coaching_notes:
                role += self.tr(", sees every caseload's notes")
            return role
        if column == self.STATE:
            return self.state(account)
        if column == self.LAST_SIGN_IN:
            return self._time.datetime_text(account.last_sign_in_at)
        return ""

    def foreground(self, account: StaffAccount, column: int):
        return None if account.active else QBrush(state_colour(State.MUTED))
