"""How the app looks, whatever the station has: the bundled fonts and the style sheet.

Kept apart from ui/app.py so that the start can dress the first window before the database
code is loaded (ui/start.py)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desk.paths import fonts_dir, resources_dir


def install_bundled_fonts(app: QApplication) -> None:
    """Noto Sans for every name on screen, whatever fonts the station has."""
    for path in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont("Noto Sans")
    font.setPointSizeF(10.5)
    app.setFont(font)


def apply_style(app: QApplication) -> None:
    style = resources_dir() / "style.qss"
    if style.is_file():
        icons = (resources_dir() / "icons").as_posix()
        app.setStyleSheet(style.read_text(encoding="utf-8").replace("@icons/", f"{icons}/"))
    icon = resources_dir() / "icons" / "recovery-desk.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
