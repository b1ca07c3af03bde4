"""A staff role in the words of the screens ("front desk", "recepción")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desk.access import ROLE_WORDS
from desk.models import StaffRole

# The same English words as desk.access.ROLE_WORDS, marked so that lupdate finds them.
_MARKED = (
    QT_TRANSLATE_NOOP("Role", "front desk"),
    QT_TRANSLATE_NOOP("Role", "coach"),
    QT_TRANSLATE_NOOP("Role", "admin"),
    QT_TRANSLATE_NOOP("Role", "kiosk"),
)


def role_words(role: StaffRole) -> str:
    return QCoreApplication.translate("Role", ROLE_WORDS[role])
