"""Bad input makes a correct sheet or a plain message: never a crash or clipped text."""

from __future__ import annotations

from datetime import date

from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.referrals import ReferralRequest, prepare_sheet
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import (
    add_service,
    assert_all_text_inside_margins,
    page_count,
    pdf_text,
)

LONG = ("Peer-led support with a long story to tell, in plain words. " * 40)[:2000]


def test_a_service_with_no_address_or_phone_says_to_call_or_go(
    database: Database, actor: Actor, today: date
) -> None:
    with database.transaction() as session:
        bare = add_service(session, "Mobile outreach van", street=None, phone=None)
    with database.session() as session:
        for language, expected in (
            ("en", ("No street address listed", "No phone listed", "Call for hours")),
            ("es", ("No tenemos la dirección", "No tenemos el teléfono", "Llame para saber")),
        ):
            prepared = prepare_sheet(
                session, actor, ReferralRequest((bare,), language=language), today
            )
            text = pdf_text(prepared.pdf)
            assert all(words in text for words in expected), (language, text)
            assert "Scan" not in text and "Escanee" not in text  # nothing to point a code at
            assert_all_text_inside_margins(prepared.pdf)


def test_a_2000_character_description_and_note_flow_onto_more_pages(
    database: Database, actor: Actor, today: date
) -> None:
    with database.transaction() as session:
        wordy = add_service(session, "Wordy program", description=LONG, url="https://example.org")
    request = ReferralRequest((wordy,), notes={wordy: LONG}, next_steps=LONG)
    with database.session() as session:
        for large in (False, True):
            prepared = prepare_sheet(
                session, actor, ReferralRequest(**{**request.__dict__, "large_print": large}), today
            )
            text = " ".join(pdf_text(prepared.pdf).split())
            assert text.count("long story to tell") >= 3 * 30  # nothing dropped
            assert_all_text_inside_margins(prepared.pdf)
            if large:
                assert page_count(prepared.pdf) >= 3


def test_vietnamese_and_arabic_names_print(database: Database, actor: Actor, today: date) -> None:
    person = add_person(database, actor, "Nguyễn Thị Minh", "Khai", preferred_name="Minh Khai")
    with database.transaction() as session:
        vietnamese = add_service(
            session, "Trung tâm Phục hồi Đức Hạnh", organization="Hội Đồng Hương"
        )
        arabic = add_service(session, "مركز الأمل للتعافي", organization="جمعية الأمل")
    with database.session() as session:
        prepared = prepare_sheet(
            session, actor, ReferralRequest((vietnamese, arabic), person_id=person.id), today
        )
    text = pdf_text(prepared.pdf)
    assert "Trung tâm Phục hồi Đức Hạnh" in text and "Hội Đồng Hương" in text
    assert_all_text_inside_margins(prepared.pdf)
    assert b"NotoSansArabic" in prepared.pdf or "ا" in text or "ﺍ" in text


def test_sixty_services_in_one_basket(database: Database, actor: Actor, today: date) -> None:
    with database.transaction() as session:
        ids = tuple(
            add_service(session, f"Program {n:02d}", url=f"https://example.org/{n}")
            for n in range(60)
        )
    with database.session() as session:
        prepared = prepare_sheet(session, actor, ReferralRequest(ids), today)
    text = pdf_text(prepared.pdf)
    assert all(f"Program {n:02d}" in text for n in range(60))
    pages = page_count(prepared.pdf)
    assert pages >= 8 and f"Page {pages} of {pages}" in text
    assert_all_text_inside_margins(prepared.pdf)
