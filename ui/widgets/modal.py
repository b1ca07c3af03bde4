"""Running a dialog modally, then letting it go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> bool:
    """Show `dialog` until it closes; True when it was accepted.

    The dialog is deleted as it closes, with its widgets and their connections: dialogs kept
    as children of their page would pile up all day, each still listening for change notices.
    What it produced stays readable in its Python attributes (`dialog.saved`, ...).
    """
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog.exec() == QDialog.DialogCode.Accepted
