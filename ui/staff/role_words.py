"""A staff role in the words of the screens ("front desk", "recepción").

Imports nothing from the database code: the sign-in gate uses it before that is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from desk.models import StaffRole

# By StaffRole value; the English is desk.access.ROLE_WORDS' (a test keeps them the same).
ROLE_NAMES = {
    "front_desk": QT_TRANSLATE_NOOP("Role", "front desk"),
    "coach": QT_TRANSLATE_NOOP("Role", "coach"),
    "admin": QT_TRANSLATE_NOOP("Role", "admin"),
    "kiosk": QT_TRANSLATE_NOOP("Role", "kiosk"),
}


def role_words(role: StaffRole) -> str:
    return QCoreApplication.translate("Role", ROLE_NAMES.get(role.value, role.value))
