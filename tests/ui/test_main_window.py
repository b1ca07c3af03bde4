"""The main window: navigation, the status bar, remembered geometry, the database banner."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from desk.errors import DatabaseUnavailable
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.activity import ActivityPage
from ui.pages.center_settings import CenterSettingsPage


def _window(context: AppContext, qtbot) -> MainWindow:
    window = MainWindow(context, [CenterSettingsPage(context), ActivityPage(context)])
    qtbot.addWidget(window)
    return window


def test_navigation_lists_the_pages_and_alt_number_switches(app_context: AppContext, qtbot) -> None:
    window = _window(app_context, qtbot)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["Center settings", "Activity"]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.current_page().page_id == "activity"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_page().page_id == "settings"


def test_status_bar_names_the_database_in_use(app_context: AppContext, qtbot) -> None:
    window = _window(app_context, qtbot)
    assert window.database_label.text() == f"Database: {app_context.database.description}"
    assert "SQLite file" in window.database_label.text()
    assert window.actor_label.text() == "Signed in: Robin Admin (admin)"


def test_geometry_is_remembered_and_work_starts_on_the_first_page(
    app_context: AppContext, qtbot
) -> None:
    first = _window(app_context, qtbot)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(QRect(20, 30, 700, 500))
    first.show_page("activity")
    first.close()
    second = _window(app_context, qtbot)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.current_page().page_id == "settings"


def test_a_database_outage_shows_a_banner_until_it_is_back(app_context: AppContext, qtbot) -> None:
    window = _window(app_context, qtbot)
    window.show()
    app_context.tasks.database_unavailable.emit(
        DatabaseUnavailable("The database cannot be reached: connection refused.")
    )
    assert window.banner.isVisible()
    assert "connection refused" in window.banner.text
    assert "Nothing you typed is lost" in window.banner.text
    window.context.tasks.database_available.emit()
    assert "back" in window.banner.text
