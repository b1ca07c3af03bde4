"""Every control a person can use has a name a screen reader says: its own text, its label
(a buddy) or an accessible name set for it. Walked on every page, as Qt's accessibility
reports it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

from ui.app import PAGES, build_pages
from ui.context import AppContext
from ui.main_window import MainWindow

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
)


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed(window: QWidget) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parentWidget(), (QComboBox, QAbstractSpinBox)
        ):
            continue  # an editable combo's or a spin box's own line: it carries the name
        if isinstance(widget, QHeaderView):
            continue  # a table's headers: the table carries the name, each column its title
        if widget.parentWidget() is not None and type(widget.parentWidget()).__name__ in (
            "QScrollBar",
            "QTabBar",
            "QHeaderView",
        ):
            continue
        if not spoken_name(widget):
            found.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return found


@pytest.mark.parametrize("page_id", [spec[0] for spec in PAGES])
def test_every_control_on_the_page_has_a_spoken_name(
    app_context: AppContext, qtbot, page_id: str
) -> None:
    window = MainWindow(app_context, build_pages(app_context))
    qtbot.addWidget(window)
    window.resize(1366, 698)
    window.show()
    window.show_page([spec[0] for spec in PAGES].index(page_id))
    qtbot.wait(20)
    problems = unnamed(window)
    assert problems == [], "\n".join(problems)


def _journey_dialogs(context: AppContext) -> dict[str, QWidget]:
    """The dialogs of the walk-in journey: an intake, assigning a coach, logging a contact,
    a new group, one's own account."""
    from desk.services.checkin import PurposeChoice
    from tests.ui.coaching_fixtures import person
    from ui.pages.coaches.assign_dialog import AssignCoachDialog
    from ui.pages.coaches.contact_dialog import LogContactDialog
    from ui.pages.front_desk.intake_dialog import IntakeDialog
    from ui.pages.groups.group_dialog import GroupDialog
    from ui.staff.account_dialog import AccountDialog

    maria = person(context, "María", "Pérez")
    return {
        "intake": IntakeDialog(context, context.people_index, [PurposeChoice("drop_in")], "Ana"),
        "assign": AssignCoachDialog(context, maria),
        "contact": LogContactDialog(context, maria, "María P."),
        "group": GroupDialog(context, None, None),
        "account": AccountDialog(context),
    }


def other_dialogs(context: AppContext) -> dict[str, QWidget]:
    """The dialogs outside the walk-in journey: coaching's goals and BARC-10, a coach and the
    specialty tags, a sign-in card, handouts, a consent, staff accounts, a purpose, backups."""
    from tests.ui.coaching_fixtures import person
    from ui.pages.center_settings.backup_dialogs import PassphraseDialog
    from ui.pages.center_settings.purposes_editor import PurposeDialog
    from ui.pages.coaches.barc10_dialog import Barc10Dialog
    from ui.pages.coaches.coach_dialog import CoachDialog
    from ui.pages.coaches.goal_dialog import GoalDialog
    from ui.pages.coaches.tags_dialog import SpecialtyTagsDialog
    from ui.pages.groups.week_dialog import WeekHandoutDialog
    from ui.pages.people.card_dialog import CardDialog
    from ui.pages.referrals.handout_dialog import HandoutDialog
    from ui.pages.referrals.person_picker import PersonPickerDialog
    from ui.pages.resources.queue_dialog import ReverifyQueueDialog
    from ui.pages.staff.account_dialog import StaffAccountDialog

    ana = person(context, "Ana", "Souza")
    return {
        "goal": GoalDialog(context, ana, "Ana S."),
        "barc10": Barc10Dialog(context, ana, "Ana S."),
        "coach": CoachDialog(context, None, []),
        "tags": SpecialtyTagsDialog(context),
        "card": CardDialog(context, ana, "Ana S."),
        "handout": HandoutDialog(context),
        "person picker": PersonPickerDialog(context),
        "week handout": WeekHandoutDialog(context),
        "reverify": ReverifyQueueDialog(),
        "staff account": StaffAccountDialog(context, None),
        "purpose": PurposeDialog(context, None),
        "passphrase": PassphraseDialog(context),
    }


@pytest.mark.parametrize("which", ["journey", "others"])
def test_every_control_in_the_dialogs_has_a_spoken_name(
    app_context: AppContext, qtbot, which: str
) -> None:
    dialogs = _journey_dialogs if which == "journey" else other_dialogs
    problems = []
    for name, dialog in dialogs(app_context).items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(10)
        problems += [f"{name}: {found}" for found in unnamed(dialog)]
    assert problems == [], "\n".join(problems)
