"""A center's hand-kept list with every case at once (tests/data/sheets/messy-resources.xlsx):
guessed, repaired and noted, imported on each engine, and read back from both exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.directory.cards import load_cards
from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import guess_mapping, notes_like_column, unused_columns
from desk.directory.sheet_read import read_sheet
from desk.hsds.exporter import export_hsds
from desk.hsds.importer import import_hsds
from desk.models import Address, Language, Phone, Schedule, Service, ServiceArea
from desk.services.actor import Actor
from desk.services.sheet_services import load_sheet_services
from tests.staff import admin_actor

MESSY = Path(__file__).resolve().parents[2] / "data" / "sheets" / "messy-resources.xlsx"


@pytest.fixture
def sheet():
    return read_sheet(MESSY)


def test_the_guess_leaves_the_id_column_and_the_notes_alone(sheet) -> None:
    mapping = guess_mapping(sheet.header)
    assert mapping["address"] == "Street Address" and "location_id" not in mapping.values()
    assert "notes" not in mapping and "state" not in mapping
    assert [c.heading for c in unused_columns(sheet, mapping)] == [
        "location_id",
        "Notes",
        "Contact person",
    ]
    notes = notes_like_column(sheet, mapping)
    assert notes is not None and notes.heading == "Notes"
    assert notes.samples[0] == "Call ahead after 10 pm so the night nurse can meet you"


def test_every_case_is_repaired_or_noted_and_nothing_refused(database: Database, sheet) -> None:
    with database.session() as session:
        preview = preview_resources(session, sheet, guess_mapping(sheet.header))
    report = preview.report
    assert report.ok and len(preview.resources) == 11
    repairs = [str(r) for r in report.repairs]
    notes = [str(n) for n in report.notes]
    assert "row 3: ZIP code “1604” had lost its leading zero" in repairs[0]
    assert any("row 3: phone “508-555-0101 x4385”: extension 4385" in r for r in repairs)
    assert any("row 4: phone “(774) 555-0140 ext. 12”: extension 12" in r for r in repairs)
    assert any("“123-456-7890” is a placeholder" in r for r in repairs)
    assert any("“000-000-0000” is a placeholder" in r for r in repairs)
    assert any("no street address: imported as serving Worcester, MA 01610" in n for n in notes)
    assert any("“noon-4” names no days" in n for n in notes)
    assert any("“closed Sundays” kept as written" in n for n in notes)
    assert any("would be open overnight, 18 hours" in n for n in notes)
    assert any("“Legal aid” is not one of the center's categories" in n for n in notes)
    said_once = [n for n in notes if "no State column" in n]
    assert len(said_once) == 1 and "given MA, the center's state" in said_once[0]
    assert [str(column) for column in report.not_imported] == [
        "“location_id” (9 rows)",
        "“Notes” (5 rows)",
        "“Contact person” (2 rows)",
    ]
    by_name = {r.name: r for r in preview.resources}
    assert by_name["Lincoln Square Recovery Center"].postal_code == "01608-1234"
    assert by_name["Lincoln Square Recovery Center"].categories == ["treatment"]
    assert by_name["Harbor Intake Line"].categories == ["treatment", "detox"]
    assert by_name["Legal Help Desk"].categories == []
    assert by_name["Grove Street Sober House"].categories == ["sober_housing"]


def test_imported_on_each_engine_then_read_back_from_both_exports(
    database: Database, fresh_database: Database, actor: Actor, sheet, tmp_path: Path
) -> None:
    mapping = {**guess_mapping(sheet.header), "notes": "Notes"}
    with database.transaction() as session:
        import_resources(session, actor, preview_resources(session, sheet, mapping))
    with database.session() as session:
        languages = {
            (row.code, row.name)
            for row in session.scalars(select(Language).join(Service).where(
                Service.name == "Lincoln Square Recovery Center"
            ))
        }  # fmt: skip
        harbor = session.scalars(select(Service).where(Service.name == "Harbor Street Detox")).one()
        phone = session.scalars(select(Phone).where(Phone.service_id == harbor.id)).one()
        address = session.scalars(select(Address).where(Address.postal_code == "01608-1234")).one()
        van = session.scalars(select(Service).where(Service.name.like("Recovery on Wheels%"))).one()
        area = session.scalars(select(ServiceArea).where(ServiceArea.service_id == van.id)).one()
        notes = session.scalars(select(Schedule.description).where(Schedule.opens_at.is_(None)))
        cards = {card.name: card for card in load_cards(session)}
        printed = load_sheet_services(session, [harbor.id, van.id], "en")
    assert languages == {
        ("en", "English"),
        ("kea", "Cape Verdean Creole"),
        ("pt-BR", "Brazilian Portuguese"),
    }
    assert (phone.number, phone.extension) == ("+15085550101", "4385")
    assert address.state_province == "MA" and address.city == "Worcester"
    assert (area.name, area.description) == ("Worcester", "Worcester, MA 01610")
    assert "Mon 9am-03:00" in set(notes)
    assert harbor.description == "Call ahead after 10 pm so the night nurse can meet you"
    assert cards["Recovery on Wheels (mobile van)"].towns == ("Worcester",)
    assert cards["Lincoln Square Recovery Center"].languages == ("en", "kea", "pt")
    assert "(508) 555-0101 ext. 4385" in printed[harbor.id].phones
    assert printed[van.id].area == "Worcester, MA 01610"
    for fmt, name in (("csv", "package.zip"), ("json", "services.json")):
        with database.transaction() as session:
            export_hsds(session, actor, tmp_path / name, fmt)
    with fresh_database.session() as session:
        fresh_actor = admin_actor(session)
    for name in ("package.zip", "services.json"):
        with fresh_database.transaction() as session:
            report = import_hsds(session, fresh_actor, tmp_path / name)
        assert report.committed, report.text()
    with fresh_database.session() as session:
        back = {card.name: card for card in load_cards(session)}
    assert back.keys() == cards.keys()
    assert back["Lincoln Square Recovery Center"].languages == ("en", "kea", "pt")
