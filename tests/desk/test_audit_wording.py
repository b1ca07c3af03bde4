"""The activity log in words: every event the app records has its wording, and real events
read as sentences a person understands (no codes, no Python quoting)."""

from __future__ import annotations

import ast
import pathlib

import pytest

from desk.audit.actions import AuditAction
from desk.audit.wording import WORDING
from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.audit import EventFilter, export_events_csv, list_events
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.people import create_person, open_person
from desk.services.person_details import PersonDetails
from desk.services.settings import load_settings, update_settings

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_every_action_has_its_wording() -> None:
    missing = [action.value for action in AuditAction if action not in WORDING]
    assert missing == []


def _recorded_literals() -> set[str]:
    """Every action written as a literal string in a record_event or record_change call."""
    found: set[str] = set()
    for path in (ROOT / "desk").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if (
                    "." in value
                    and value.split(".")[0]
                    in {
                        "person",
                        "visit",
                        "coaching",
                        "coach",
                        "referral",
                        "consent",
                        "print",
                        "export",
                        "directory",
                        "import",
                        "settings",
                        "staff",
                        "audit",
                        "demo",
                    }
                    and value.replace(".", "").replace("_", "").isalnum()
                    and " " not in value
                ):
                    found.add(value)
    return found


def test_no_event_is_recorded_outside_the_declared_actions() -> None:
    declared = {action.value for action in AuditAction}
    strays = {value for value in _recorded_literals() if value not in declared}
    # Strings such as "person.id" or "staff.recovery-desk.invalid" are not actions.
    assert not {s for s in strays if s.split(".")[1] in {"created", "viewed", "updated"}}


def test_events_read_as_sentences(database: Database, actor: Actor) -> None:
    with database.transaction() as session:
        person = create_person(session, actor, PersonDetails(first_name="María", last_name="Pérez"))
    with database.transaction() as session:
        open_person(session, actor, person.id)
        sign_in(session, actor, person_id=person.id, purposes=[PurposeChoice("drop_in")])
        sign_in(session, actor, person_id=None, purposes=[PurposeChoice("coaching")])
        update_settings(
            session,
            actor,
            {"center.email": "info@cpar.example.org"},
            read_versions=load_settings(session).versions,
        )
    with database.session() as session:
        entries = list_events(session, actor)
    sentences = [entry.sentence for entry in entries]
    assert sentences[:5] == [
        "Robin Admin changed the center's email from (empty) to “info@cpar.example.org”",
        "Robin Admin signed in an anonymous visitor (Coaching)",
        "Robin Admin signed in María P. (Drop-in)",
        "Robin Admin opened María P.'s record",
        "Robin Admin added María P. as a new person",
    ]
    assert {entry.person_label for entry in entries[2:5]} == {"María P."}


def test_filters_and_the_csv_export(database: Database, actor: Actor) -> None:
    with database.transaction() as session:
        person = create_person(session, actor, PersonDetails(first_name="Ana"))
        open_person(session, actor, person.id)
    with database.session() as session:
        opened = list_events(session, actor, EventFilter(actions=(AuditAction.PERSON_VIEWED,)))
        theirs = list_events(session, actor, EventFilter(person_id=person.id))
        nobody = list_events(session, actor, EventFilter(staff_id=actor.staff_id + 999))
    assert [e.description for e in opened] == ["Opened Ana's record"]
    assert len(theirs) == 2 and nobody == []
    with database.transaction() as session:
        data = export_events_csv(session, actor, EventFilter(person_id=person.id))
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "when,who,what,person,station,action,record"
    assert "Opened Ana's record" in lines[2] and len(lines) == 3
    with database.session() as session:
        exported = list_events(session, actor, EventFilter(actions=(AuditAction.EXPORT_AUDIT_LOG,)))
    assert exported[0].description == "Exported the activity log (2 events)"


@pytest.mark.parametrize("action", list(AuditAction))
def test_wording_survives_an_event_with_no_details(action: AuditAction) -> None:
    from datetime import UTC, datetime

    from desk.audit.entry import AuditEntry
    from desk.audit.facts import EventFacts
    from desk.audit.wording import describe

    entry = AuditEntry(1, datetime.now(UTC), 1, "Robin", action.value, "person", "7", 7, None, {})
    words = describe(entry, EventFacts()).english
    assert words and action.value not in words and "None" not in words
