"""The Resources page as staff use it: type, filter, read, verify, edit, add to the referral."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from sqlalchemy import select

from desk.demo.seed_directory import seed_directory
from desk.directory.detail import load_service_detail
from desk.directory.editing import ServiceEdit, update_service
from desk.directory.search_index import When
from desk.models import AuditEvent, Service
from tests.desk.hsds.schemas import EXAMPLE_PACKAGE
from tests.ui.typing_helpers import type_text
from ui.context import AppContext
from ui.models.directory_table import DirectoryTableModel
from ui.pages.resources import ResourcesPage


@pytest.fixture
def page(app_context: AppContext, qtbot) -> ResourcesPage:
    with app_context.database.transaction() as session:
        seed_directory(
            session, services=50, today=date.today(), now=datetime.now(UTC), rng=random.Random(5)
        )
    page = ResourcesPage(app_context)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def shown_names(page: ResourcesPage) -> list[str]:
    model = page.view.model
    return [model.index(row, DirectoryTableModel.NAME).data() for row in range(model.rowCount())]


def test_the_results_model_passes_qtmodeltester(page: ResourcesPage, qtmodeltester) -> None:
    assert page.view.model.rowCount() == 50
    qtmodeltester.check(page.view.model)


def test_typing_detox_narrows_and_shows_the_best_match(page: ResourcesPage, qtbot) -> None:
    QTest.keyClicks(page.view.search, "detox")
    names = shown_names(page)
    assert 0 < len(names) < 50 and "Detox" in names[0]
    assert page.detail is not None and page.detail.name in names[0]
    assert page.detail.name in page.view.detail.toPlainText()
    assert page.view.count.text().endswith("of 50 resources")


def test_accented_typing_finds_the_spanish_category(page: ResourcesPage) -> None:
    type_text(page.view.search, "Desintoxicación")
    assert shown_names(page) and all(
        "detox" in page.view.model.index(r, 0).data(DirectoryTableModel.CardRole).category_codes
        for r in range(page.view.model.rowCount())
    )


def test_open_now_and_spanish(page: ResourcesPage) -> None:
    view = page.view
    view.when.setCurrentIndex(view.when.findData(When.OPEN_NOW))
    view.language.setCurrentIndex(view.language.findData("es"))
    cards = [
        view.model.index(r, 0).data(DirectoryTableModel.CardRole)
        for r in range(view.model.rowCount())
    ]
    assert cards and all("es" in card.languages for card in cards)
    now = page.now_local()
    assert set(c.id for c in cards) <= page.index.open_now_ids(now)
    for row in range(view.model.rowCount()):
        assert (
            view.model.index(row, DirectoryTableModel.OPEN).data().lstrip("⚠ ").startswith("Open")
        )


def test_verified_today_records_who_and_when(page: ResourcesPage, app_context: AppContext) -> None:
    page.view.search.setText("harbor street")
    page.view.verify_button.click()
    assert "Verified today by Robin Admin" in page.view.detail_status.text()
    with app_context.database.session() as session:
        service = session.get(Service, page.detail.id)
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "directory.verified")
        ).one()
    assert service.assured_date == datetime.now(page.zone).date()
    assert event.entity_id == service.id
    row = page.view.model.row_of(service.id)
    assert page.view.model.index(row, DirectoryTableModel.VERIFIED).data() == "today"


def test_add_to_referral_fills_the_basket(page: ResourcesPage, app_context: AppContext) -> None:
    page.view.search.setText("food pantry")
    page.view.add_button.click()
    page.view.add_button.click()
    assert [item.service_name for item in app_context.basket.items] == [page.detail.name]
    assert "Already in the referral (1 in all)" in page.view.detail_status.text()


def test_an_edit_refused_as_stale_keeps_what_was_typed(
    page: ResourcesPage, app_context: AppContext, qtbot
) -> None:
    page.view.search.setText("harbor street")
    page.view.edit_button.click()
    dialog = page.edit_dialog
    assert dialog is not None and dialog.isVisible()
    with app_context.database.transaction() as session:  # another station saves first
        seen = load_service_detail(session, page.detail.id)
        beds = replace(ServiceEdit.from_detail(seen), capacity_available="9")
        update_service(
            session, app_context.actor, page.detail.id, beds, read_version=page.detail.version
        )
    dialog.alert.setText("Closed Thursday for training")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "changed on another station" in dialog.banner.text
    assert dialog.alert.text() == "Closed Thursday for training"


def test_a_bad_phone_is_refused_in_the_dialog(page: ResourcesPage) -> None:
    page.view.search.setText("harbor street")
    page.view.edit_button.click()
    dialog = page.edit_dialog
    dialog.phones.setPlainText("555-01")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "not a phone number" in dialog.banner.text
    dialog.phones.setPlainText("508 555 0111; 22; intake")
    dialog.hours.setPlainText("MO,TU,WE,TH,FR 08:00-16:00\nSA 22:00-06:00")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert "Mon–Fri 8 am–4 pm; Sat 10 pm–6 am" in page.view.detail.toPlainText()


def test_the_queue_lists_the_stalest_first(page: ResourcesPage) -> None:
    page.view.queue_button.click()
    dialog = page.queue_dialog
    assert dialog is not None and dialog.entries
    ages = [entry.days_since for entry in dialog.entries]
    assert ages == sorted(ages, reverse=True)
    dialog.open_button.click()
    assert page.detail.id == dialog.entries[0].service_id


def test_hsds_import_and_export_from_the_page(page: ResourcesPage, tmp_path: Path) -> None:
    page.exchange.import_hsds(EXAMPLE_PACKAGE)
    assert "Imported csv: 1 new and 0 updated resources" in page.view.banner.text
    assert page.index.card("ac148810-d857-441c-9679-408f346de14b") is not None
    page.exchange.export(tmp_path / "out.zip", "csv")
    assert (tmp_path / "out.zip").is_file() and "Exported 51 resources" in page.view.banner.text


def test_a_refused_import_shows_the_report(page: ResourcesPage, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"name": "no id", "status": "active"}]', encoding="utf-8")
    page.exchange.import_hsds(bad)
    dialog = page.exchange.report_dialog
    assert dialog is not None and "has no id" in dialog.text.toPlainText()
    assert "Nothing was imported" in page.view.banner.text


def test_a_list_is_previewed_then_imported(page: ResourcesPage, tmp_path: Path) -> None:
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        "Program,Town,Phone,Hours\nDrop-in Café,Worcester,508 555 0190,Mon-Fri 9-5\n",
        encoding="utf-8",
    )
    page.exchange.open_list(sheet)
    dialog = page.exchange.mapping_dialog
    assert dialog.mapping() == {
        "name": "Program",
        "city": "Town",
        "phone": "Phone",
        "hours": "Hours",
    }
    model = dialog.preview_model
    assert model.rowCount() == 1 and dialog.import_button.isEnabled()
    assert model.index(0, model.HOURS).data() == "Mon–Fri 9 am–5 pm"
    dialog.import_button.click()
    assert not dialog.isVisible()
    page.view.search.setText("drop-in café")
    assert shown_names(page)[0] == "Drop-in Café"


def test_another_stations_change_appears_without_a_click(
    page: ResourcesPage, app_context: AppContext
) -> None:
    page.view.search.setText("harbor street")
    service_id = page.detail.id
    with app_context.database.transaction() as session:
        session.get(Service, service_id).name = "Harbor Street Withdrawal Center"
    app_context.changes.changed.emit({"directory"})
    page.view.search.setText("withdrawal center")
    assert "Harbor Street Withdrawal Center" in shown_names(page)[0]
