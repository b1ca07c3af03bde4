"""The Referrals page: build and print a referral sheet; follow up on those given."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desk.access import Permission
from ui.context import AppContext
from ui.pages.referrals.builder import ReferralBuilder
from ui.pages.referrals.follow_up import FollowUpTab
from ui.pages.referrals.handout_dialog import HandoutDialog
from ui.widgets.keys import bind_key, note_key
from ui.widgets.page import Page


class ReferralsPage(Page):
    page_id = "referrals"
    required_permission = Permission.PRINT_SHEETS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        heading = QLabel(self.tr("Referrals"))
        heading.setObjectName("pageHeading")
        self.handout_button = QPushButton(self.tr("Print a category handout…"))
        self.handout_button.setObjectName("printCategoryHandout")
        self.handout_button.setToolTip(
            self.tr("Every current service of one category, for the rack by the door")
        )
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.handout_button)
        self.builder = ReferralBuilder(context)
        self.follow_up = FollowUpTab(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("referralTabs")
        self.tabs.addTab(self.builder, self.tr("Referral sheet"))
        if context.may(Permission.FOLLOW_UP_REFERRALS):
            self.tabs.addTab(self.follow_up, self.tr("Follow-up"))
        else:
            self.follow_up.hide()  # names who was referred where: for those who follow up
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self.activate())
        context.changes.changed.connect(self._on_changes)
        context.navigator.start_referral.connect(self.start_for_person)
        self.handout_button.clicked.connect(self.open_handout)
        bind_key(self, "Ctrl+Shift+H", self.tr("Print a category handout"), self.handout_button)
        note_key(self, "Ctrl+Tab", self.tr("The referral sheet, or the follow-up"))

    @property
    def title(self) -> str:
        return self.tr("Referrals")

    def activate(self) -> None:
        if self.tabs.currentWidget() is self.follow_up:
            self.follow_up.show_list()
        else:
            self.builder.activate()

    def start_for_person(self, person_id: int, label: str) -> None:
        self.builder.set_person(person_id, label)
        self.tabs.setCurrentWidget(self.builder)
        self.context.navigator.show_page.emit(self.page_id)

    def open_handout(self) -> HandoutDialog:
        dialog = HandoutDialog(self.context, self)
        dialog.open()
        return dialog

    def show_follow_up(self) -> None:
        if self.tabs.indexOf(self.follow_up) >= 0:
            self.tabs.setCurrentWidget(self.follow_up)

    def _on_changes(self, _topics: object) -> None:
        if self.isVisible() and self.tabs.currentWidget() is self.follow_up:
            self.follow_up.refresh()
