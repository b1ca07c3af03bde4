"""A sheet without the name refuses notes that identify the person (issue 16, defect 6)."""

from __future__ import annotations

from datetime import date

import pytest

from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.referrals import NameInTypedText, ReferralRequest, prepare_sheet
from tests.desk.people_helpers import add_person
from tests.desk.referrals.test_referral_service import _service_ids


def test_possessives_nicknames_phones_and_birth_dates_are_refused(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(
        directory,
        actor,
        "Farah",
        "Haddad",
        nickname="Fifi",
        phone="508-555-0142",
        birth="1990-03-14",
        email="farah.h@example.org",
    )
    [service_id] = _service_ids(directory, 1)
    for note, what in (
        ("Intake for Farah's sister", "their name (“Farah”)"),
        ("Ask for fifi", "their name (“Fifi”)"),
        ("Call her back on (508) 555-0142 ext. 4", "their phone number"),
        ("DOB March 14, 1990", "their birth date"),
        ("Send the form to Farah.H@example.org", "their email address"),
    ):
        request = ReferralRequest((service_id,), person_id=person.id, notes={service_id: note})
        with directory.session() as session, pytest.raises(NameInTypedText) as refused:
            prepare_sheet(session, actor, request, today)
        assert what in refused.value.message, note
    # The provider's own phone and an ordinary date are not the person's.
    fine = "Call the intake line 508-555-0199 before 3/20/2026"
    request = ReferralRequest((service_id,), person_id=person.id, notes={service_id: fine})
    with directory.session() as session:
        prepare_sheet(session, actor, request, today)
