"""My account → Your screens: a staff member's language, text size and high contrast are
saved with their account; size and contrast change the screens at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desk.services.staff_preferences import ScreenPreferences, own_preferences
from ui.context import AppContext
from ui.look import BASE_POINT_SIZE, apply_style, style_sheet
from ui.staff.account_dialog import AccountDialog


@pytest.fixture
def restored_look(qapp) -> Iterator[None]:
    font, sheet = qapp.font(), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def test_larger_text_scales_every_font_size_of_the_style() -> None:
    normal, larger = style_sheet(), style_sheet(text_scale=150)
    assert "QLineEdit#signInBox { font-size: 15pt;" in normal
    assert "QLineEdit#signInBox { font-size: 22.5pt;" in larger
    assert "QWidget { font-size: 15.75pt; }" in larger


def test_high_contrast_comes_after_the_usual_style() -> None:
    sheet = style_sheet(high_contrast=True)
    assert sheet.index("QWidget { background: #000000; color: #ffffff; }") > sheet.index(
        "QLabel#pageHeading"
    )
    assert "#000000" not in style_sheet()


def test_saving_my_screens_keeps_them_and_dresses_the_app_at_once(
    app_context: AppContext, qtbot, restored_look
) -> None:
    dialog = AccountDialog(app_context)
    qtbot.addWidget(dialog)
    box = dialog.screens
    assert box.chosen() == ScreenPreferences(None, 100, False)
    box.language.setCurrentIndex(box.language.findData("es"))
    box.text_scale.setCurrentIndex(box.text_scale.findData(150))
    box.high_contrast.setChecked(True)
    box.save_button.click()
    with app_context.database.session() as session:
        saved = own_preferences(session, app_context.actor)
    assert saved == ScreenPreferences("es", 150, True)
    app = QApplication.instance()
    assert app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.5)
    assert "#ffff00" in app.styleSheet()
    assert "next sign-in" in dialog.banner.text
    apply_style(app)
    assert app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE)
