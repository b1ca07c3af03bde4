"""One front-desk station for the stations harness, as a process of its own.

    python -m tests.soak.station_worker DATABASE_URL START_AT SECONDS SEED OUT_JSON

From START_AT (a wall-clock time, so all stations begin together) for SECONDS: sign people
in (a person, or an anonymous visitor), start visits with a coach, check visitors out and
edit people's records, each in its own transaction through the desk's services, as fast as
it can. What it was told was saved (acknowledged), what was refused and why, and each
commit's time go to OUT_JSON.
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from desk.db.engine import Database
from desk.db.failures import explain_database_error
from desk.errors import ConflictError, DatabaseUnavailable, StaleEdit
from desk.models import Person, StaffMember, StaffRole, Visit, VisitStatus
from desk.services.actor import command_line_actor
from desk.services.checkin import PurposeChoice, check_out, sign_in, start_with_coach
from desk.services.people import update_person
from desk.services.person_details import PersonDetails

TOWNS = ["Worcester", "Auburn", "Shrewsbury", "Leicester", "Millbury", "Holden"]


def main() -> None:
    url, start_at, seconds, seed, out = sys.argv[1:6]
    rng = random.Random(seed)
    database = Database.open(url)
    with database.session() as session:
        actor = command_line_actor(session)  # read only: stations start at once
        people = list(session.scalars(select(Person.id)))
        coaches = list(
            session.scalars(select(StaffMember.id).where(StaffMember.role == StaffRole.COACH))
        )
    acked: list[dict] = []
    refused: Counter[str] = Counter()
    latencies: list[float] = []
    errors: list[str] = []
    time.sleep(max(0.0, float(start_at) - time.time()))
    end = time.monotonic() + float(seconds)
    while time.monotonic() < end:
        kind = rng.choices(["sign_in", "anonymous", "coach", "check_out", "edit"], [5, 1, 2, 3, 2])[
            0
        ]
        started = time.monotonic()
        try:
            with database.transaction() as session:
                if kind in ("sign_in", "anonymous"):
                    key = uuid.uuid4().hex
                    person = rng.choice(people) if kind == "sign_in" else None
                    visit = sign_in(
                        session,
                        actor,
                        person_id=person,
                        purposes=[PurposeChoice("drop_in")],
                        idempotency_key=key,
                    )
                    done = {"kind": "visit", "id": visit, "key": key}
                elif kind == "edit":
                    person = session.get(Person, rng.choice(people))
                    version = person.version
                    if rng.random() < 0.3:
                        time.sleep(0.02)  # read, think, save: another station may save first
                    town = rng.choice(TOWNS)
                    saved = update_person(
                        session,
                        actor,
                        person.id,
                        version,
                        PersonDetails(first_name=person.first_name, town=town),
                        only=("town",),
                    )
                    done = {"kind": "edit", "id": person.id, "version": saved.version}
                else:
                    wanted = VisitStatus.WAITING if kind == "coach" else None
                    query = select(Visit.id, Visit.version).where(
                        Visit.status.in_([VisitStatus.WAITING, VisitStatus.WITH_COACH])
                    )
                    if wanted is not None:
                        query = query.where(Visit.status == wanted)
                    rows = session.execute(query.limit(20)).all()
                    if not rows:
                        continue
                    visit_id, version = rng.choice(rows)
                    if kind == "coach" and coaches:
                        start_with_coach(session, actor, visit_id, version, rng.choice(coaches))
                    else:
                        check_out(session, actor, visit_id, version)
                    done = {"kind": kind, "id": visit_id}
            latencies.append(time.monotonic() - started)
            acked.append(done)
        except Exception as exc:  # sorted as the app sorts them (ui/tasks.py)
            explained = explain_database_error(exc)
            if isinstance(explained, StaleEdit):
                refused["stale"] += 1
            elif isinstance(explained, ConflictError):
                refused["already here" if kind == "sign_in" else "conflict"] += 1
            elif isinstance(explained, DatabaseUnavailable):
                refused["busy"] += 1
                errors.append(explained.message)
            elif explained is not None:
                refused["other"] += 1
                errors.append(explained.message)
            else:
                refused["bug"] += 1
                errors.append(repr(exc))
    Path(out).write_text(
        json.dumps(
            {"acked": acked, "refused": refused, "latencies": latencies, "errors": errors[:20]}
        )
    )
    database.dispose()


if __name__ == "__main__":
    main()
