"""Sign-in cards at the desk: printed from a person's record (and stopped when lost), and a
scan typed into the sign-in box as a scanner types it: signed in at once, no Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desk.models import AuditEvent, SignInCard
from desk.services.cards import prepare_card
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from tests.desk.referrals.builders import pdf_text
from ui.context import AppContext
from ui.models.queue_table import QueueTableModel
from ui.pages.front_desk import FrontDeskPage
from ui.pages.people.card_dialog import CardDialog
from ui.printing.output import DocumentOutput, Target


def _person(context: AppContext, first: str, last: str) -> int:
    with context.database.transaction() as session:
        return create_person(
            session, context.actor, PersonDetails(first_name=first, last_name=last)
        ).id


def _print(context: AppContext, qtbot, person_id: int, monkeypatch, path: Path, first=False):
    dialog = CardDialog(context, person_id, "Ana", None)
    qtbot.addWidget(dialog)
    dialog.first_name.setChecked(first)
    assert dialog.prepared is not None and dialog.preview.page_count == 1
    monkeypatch.setattr(DocumentOutput, "choose_file", lambda _self, _name: Target(path=path))
    token = dialog.prepared.token
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "it works from now on" in dialog.status.text())
    return dialog, token


def test_a_card_printed_from_the_record_and_stopped(
    app_context: AppContext, qtbot, monkeypatch, tmp_path: Path
) -> None:
    ana = _person(app_context, "Ana", "Silvestre")
    dialog, token = _print(app_context, qtbot, ana, monkeypatch, tmp_path / "c.pdf", first=True)
    text = pdf_text((tmp_path / "c.pdf").read_bytes())
    assert "Ana" in text and "Silvestre" not in text
    assert "printed" in dialog.state.text() and dialog.lost_button.isEnabled()
    assert dialog.prepared is not None and dialog.prepared.token != token  # a new one next
    monkeypatch.setattr(dialog, "ask_stop", lambda: True)
    dialog.stop_lost_card()
    assert "Their card is stopped" in dialog.status.text()
    assert dialog.state.text() == "They have no card that works."
    with app_context.database.session() as session:
        card = session.scalars(select(SignInCard)).one()
        actions = set(session.scalars(select(AuditEvent.action)))
    assert card.revoke_reason == "lost"
    assert {"card.issued", "export.sign_in_card", "card.revoked"} <= actions


@pytest.fixture
def desk(app_context: AppContext, qtbot) -> FrontDeskPage:
    page = FrontDeskPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.activate()
    return page


def test_a_scan_signs_the_holder_in_without_enter(
    app_context: AppContext, desk: FrontDeskPage, qtbot, monkeypatch, tmp_path: Path
) -> None:
    ana = _person(app_context, "Ana", "Silva")
    _dialog, token = _print(app_context, qtbot, ana, monkeypatch, tmp_path / "c.pdf")
    box = desk.view.sign_in_box
    qtbot.keyClicks(box, token)
    assert box.text() == ""
    assert not desk.view.results.isVisible()  # no list of names under a scan
    model = desk.view.queue_model
    assert model.data(model.index(0, QueueTableModel.NAME)) == "Ana S."
    assert desk.view.hint.text().startswith("Card: signed in Ana S. at")
    qtbot.keyClicks(box, token)  # scanned twice
    assert "already signed in" in desk.view.banner.text


@pytest.mark.parametrize(
    ("scan", "says"),
    [
        ("012000161155", "not a Recovery Desk card"),  # a soda can
        ("RD1234567", "not read completely"),  # cut short
    ],
)
def test_scans_that_sign_no_one_in_say_why(desk: FrontDeskPage, qtbot, scan: str, says: str):
    box = desk.view.sign_in_box
    qtbot.keyClicks(box, scan)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert says in desk.view.banner.text and box.text() == ""
    assert desk.view.queue_model.rowCount() == 0


def test_a_replaced_card_signs_no_one_in(
    app_context: AppContext, desk: FrontDeskPage, qtbot, monkeypatch, tmp_path: Path
) -> None:
    ana = _person(app_context, "Ana", "Silva")
    _dialog, old = _print(app_context, qtbot, ana, monkeypatch, tmp_path / "a.pdf")
    _print(app_context, qtbot, ana, monkeypatch, tmp_path / "b.pdf")
    qtbot.keyClicks(desk.view.sign_in_box, old)
    assert "replaced by a new one" in desk.view.banner.text
    assert desk.view.queue_model.rowCount() == 0
    with app_context.database.session() as session:
        assert prepare_card(session, app_context.actor, ana, shows_first_name=False).token != old
