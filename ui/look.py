"""How the app looks, whatever the station has: the bundled fonts and the style sheet, at
the text size and contrast each staff member chose (My account: 100%, 125% or 150%, and a
high-contrast theme, resources/high-contrast.qss).

Kept apart from ui/app.py so that the start can dress the first window before the database
code is loaded (ui/start.py)."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from desk.paths import fonts_dir, resources_dir


def install_bundled_fonts(app: QApplication) -> None:
    """Noto Sans for every name on screen, whatever fonts the station has."""
    for path in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont("Noto Sans")
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)


BASE_POINT_SIZE = 10.5
_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)pt")


def style_sheet(*, text_scale: int = 100, high_contrast: bool = False) -> str:
    """The app's style sheet: every font size times `text_scale` percent, and the
    high-contrast theme after it when chosen."""
    parts = ["style.qss", *(["high-contrast.qss"] if high_contrast else [])]
    sheet = "\n".join(
        (resources_dir() / name).read_text(encoding="utf-8")
        for name in parts
        if (resources_dir() / name).is_file()
    )
    icons = (resources_dir() / "icons").as_posix()
    sheet = sheet.replace("@icons/", f"{icons}/")
    return _FONT_SIZE.sub(
        lambda size: f"font-size: {float(size.group(1)) * text_scale / 100:g}pt", sheet
    )


def palette(*, high_contrast: bool = False) -> QPalette:
    """The style's palette, with the app's blue for what is chosen (white on it reads at
    5.6:1; Qt's lighter default blue does not reach 4.5:1), or the high-contrast one."""
    chosen = QPalette(QApplication.style().standardPalette())
    if not high_contrast:
        chosen.setColor(QPalette.ColorRole.Highlight, QColor("#2f6f8f"))
        chosen.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        return chosen
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, color in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white),
        (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0")),
        (QPalette.ColorRole.Mid, QColor("#c0c0c0")),
    ):
        chosen.setColor(role, color)
    return chosen


def apply_style(app: QApplication, *, text_scale: int = 100, high_contrast: bool = False) -> None:
    """Dress the application; called again when a staff member with other choices signs in
    (or changes theirs), so every window follows at once."""
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE * text_scale / 100)
    app.setFont(font)
    app.setPalette(palette(high_contrast=high_contrast))
    app.setStyleSheet(style_sheet(text_scale=text_scale, high_contrast=high_contrast))
    icon = resources_dir() / "icons" / "recovery-desk.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
