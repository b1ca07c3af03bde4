"""Sign-in cards: printed, replaced, stopped, and scanned at the desk, on both engines."""

from __future__ import annotations

import io
import re
import threading
from datetime import time, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desk.cards.signing import AlreadyHere
from desk.cards.tokens import new_token, token_hash
from desk.db.engine import Database
from desk.models import AuditEvent, SignInCard, StaffRole, Visit
from desk.services.actor import Actor
from desk.services.attendance import meeting_attendance
from desk.services.cards import card_status, issue_card, prepare_card, revoke_card, sign_in_by_card
from desk.services.checkin import PurposeChoice, check_out, sign_in
from desk.services.people import merge_people, open_person
from desk.services.person_data import remove_person
from desk.services.todays_queue import today_queue
from tests.desk.cards.helpers import print_card
from tests.desk.groups.helpers import TUESDAY, add_group, at
from tests.desk.people_helpers import add_person
from tests.staff import add_staff

NOON = at(TUESDAY, 12, 5)


def _pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(page.extract_text() for page in reader.pages) + str(reader.metadata)


def test_a_card_names_the_center_and_only_the_first_name_they_chose(
    database: Database, actor: Actor
) -> None:
    ana = add_person(database, actor, "Ana", "Silvestre", phone="508-555-0100")
    with database.session() as session:
        named = prepare_card(session, actor, ana.id, shows_first_name=True)
        plain = prepare_card(session, actor, ana.id, shows_first_name=False)
        status = card_status(session, actor, ana.id)
    assert status is None  # nothing is kept until the card is printed
    for prepared in (named, plain):
        text = _pdf_text(prepared.pdf)
        assert "Community Program for Addiction Recovery" in text and "(774) 214-6440" in text
        assert "Silvestre" not in text and "555-0100" not in text
        assert not re.search(rf"(?<![\d-]){ana.id}(?![\d-])", text)  # no record number
        assert prepared.token not in text and prepared.token[2:] not in text
    assert "Ana" in _pdf_text(named.pdf) and "Ana" not in _pdf_text(plain.pdf)
    assert named.token != plain.token


def test_only_the_hash_is_kept_and_a_new_card_stops_the_old(
    database: Database, actor: Actor
) -> None:
    ana = add_person(database, actor, "Ana", "Silva")
    old = print_card(database, actor, ana.id)
    new = print_card(database, actor, ana.id, shows_first_name=True)
    with database.session() as session:
        cards = session.scalars(select(SignInCard).order_by(SignInCard.id)).all()
        status = card_status(session, actor, ana.id)
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert [c.token_hash for c in cards] == [token_hash(old.token), token_hash(new.token)]
    assert [c.revoke_reason for c in cards] == ["replaced", None]
    assert status is not None and status.shows_first_name
    assert actions.count("card.issued") == 2 and actions.count("print.sign_in_card") == 2
    with database.transaction() as session:
        refused = sign_in_by_card(session, actor, old.token, now=NOON)
    assert refused.visit_id is None and refused.refusal is not None
    assert refused.refusal.kind == "revoked" and "replaced by a new one" in str(refused.refusal)
    with database.session() as session:
        logged = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "card.refused")
        ).one()
    assert logged.person_id == ana.id


def test_a_scan_signs_the_holder_in_with_their_usual_purposes(
    database: Database, actor: Actor
) -> None:
    ana = add_person(database, actor, "Ana", "Silva")
    earlier = NOON - timedelta(days=2)
    with database.transaction() as session:
        visit = sign_in(
            session,
            actor,
            person_id=ana.id,
            purposes=[PurposeChoice("phone_computer")],
            now=earlier,
        )
    with database.transaction() as session:
        version = today_queue(session, actor, now=earlier).entries[0].version
        check_out(session, actor, visit, version, now=earlier)
    card = print_card(database, actor, ana.id)
    with database.transaction() as session:
        done = sign_in_by_card(session, actor, card.token.lower(), now=NOON)
    assert done.refusal is None and done.first_name == "Ana"
    assert done.purposes == ("phone_computer",)
    with database.session() as session:
        entry = today_queue(session, actor, now=NOON).entries[0]
        used = session.scalars(select(SignInCard)).one().last_used_at
        created = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "visit.created")
            .order_by(AuditEvent.id.desc())
        ).first()
    assert entry.person_id == ana.id and entry.way_in == "card"
    assert used is not None
    assert created is not None and created.detail["way_in"] == "card"
    with database.transaction() as session, pytest.raises(AlreadyHere, match="already signed in"):
        sign_in_by_card(session, actor, card.token, now=NOON + timedelta(minutes=1))


def test_a_regular_of_a_meeting_is_recorded_at_the_one_on_now(
    database: Database, actor: Actor
) -> None:
    group = add_group(database, actor, "All-recovery meeting", starts_at=time(12), ends_at=time(13))
    ben = add_person(database, actor, "Ben", "Okafor")
    with database.transaction() as session:
        sign_in(
            session,
            actor,
            person_id=ben.id,
            purposes=[PurposeChoice("support_meeting")],
            now=NOON - timedelta(days=7),
        )
    card = print_card(database, actor, ben.id)
    with database.transaction() as session:
        done = sign_in_by_card(session, actor, card.token, now=NOON)
    assert done.meeting == "All-recovery meeting"
    with database.session() as session:
        assert meeting_attendance(session, actor, group.id, TUESDAY).attending == 1


@pytest.mark.parametrize(
    ("scan", "kind", "says"),
    [
        ("012000161155", "foreign", "not a Recovery Desk card"),
        ("RD1234567", "partial", "not read completely"),
        ("RD12345678901234567X", "foreign", "not a Recovery Desk card"),
    ],
)
def test_scans_that_sign_no_one_in(
    database: Database, actor: Actor, scan: str, kind: str, says: str
) -> None:
    with database.transaction() as session:
        result = sign_in_by_card(session, actor, scan, now=NOON)
    assert result.visit_id is None and result.refusal is not None
    assert result.refusal.kind == kind and says in str(result.refusal)


def test_a_misread_and_an_unknown_card(database: Database, actor: Actor) -> None:
    token = new_token()
    misread = token[:-1] + str((int(token[-1]) + 1) % 10)
    with database.transaction() as session:
        assert sign_in_by_card(session, actor, misread, now=NOON).refusal.kind == "misread"
        unknown = sign_in_by_card(session, actor, token, now=NOON).refusal
    assert unknown is not None and unknown.kind == "unknown" and "not known here" in str(unknown)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0


def test_a_lost_card_is_stopped(database: Database, actor: Actor) -> None:
    ana = add_person(database, actor, "Ana", "Silva")
    card = print_card(database, actor, ana.id)
    with database.transaction() as session:
        assert revoke_card(session, actor, ana.id, now=NOON)
        assert not revoke_card(session, actor, ana.id, now=NOON)
    with database.transaction() as session:
        refusal = sign_in_by_card(session, actor, card.token, now=NOON).refusal
    assert refusal is not None and "reported lost" in str(refusal)


def test_a_merged_record_keeps_the_card_and_a_removed_one_does_not(
    database: Database, actor: Actor
) -> None:
    ana = add_person(database, actor, "Ana", "Silva")
    twin = add_person(database, actor, "Ana", "Silva")
    card = print_card(database, actor, twin.id)
    with database.transaction() as session:
        merge_people(
            session, actor, keep_id=ana.id, keep_version=1, merge_id=twin.id, merge_version=1
        )
    with database.transaction() as session:
        assert sign_in_by_card(session, actor, card.token, now=NOON).person_id == ana.id
    with database.transaction() as session:
        version = open_person(session, actor, ana.id).version
    with database.transaction() as session:
        remove_person(session, actor, ana.id, version, typed_name="Ana")
    with database.transaction() as session:
        refusal = sign_in_by_card(session, actor, card.token, now=NOON + timedelta(days=1)).refusal
    assert refusal is not None and refusal.kind == "unknown"


def test_who_may_print_cards_and_scan_them(database: Database, actor: Actor) -> None:
    from desk.errors import PermissionDenied

    ana = add_person(database, actor, "Ana", "Silva")
    card = print_card(database, actor, ana.id)
    with database.session() as session:
        front_desk = add_staff(session, role=StaffRole.FRONT_DESK, name="Frankie", login="frankie")
        kiosk = add_staff(session, role=StaffRole.KIOSK, name="Door", login="door")
    with database.session() as session:
        prepare_card(session, front_desk, ana.id, shows_first_name=False)
    with database.transaction() as session, pytest.raises(PermissionDenied):
        sign_in_by_card(session, kiosk, card.token, now=NOON)


def test_a_card_replaced_during_a_scan_signs_no_one_in_with_the_old_token(
    database: Database, actor: Actor
) -> None:
    """The replacement holds the card's row until it commits; the scan then finds the old
    card stopped. Neither half of each: no sign-in with a card already replaced."""
    ana = add_person(database, actor, "Ana", "Silva")
    old = print_card(database, actor, ana.id)
    with database.session() as session:
        new = prepare_card(session, actor, ana.id, shows_first_name=False)
    replacing, scanned = threading.Event(), []

    def scan() -> None:
        replacing.wait(5)
        with database.transaction() as session:
            scanned.append(sign_in_by_card(session, actor, old.token, now=NOON))

    scanner = threading.Thread(target=scan)
    scanner.start()
    with database.transaction() as session:
        issue_card(session, actor, new, printed=True, destination="printer")
        replacing.set()
        threading.Event().wait(0.3)  # the scan is waiting for the row meanwhile
    scanner.join(10)
    assert scanned and scanned[0].refusal is not None and scanned[0].refusal.kind == "revoked"
    with database.transaction() as session:
        assert sign_in_by_card(session, actor, new.token, now=NOON).visit_id is not None
