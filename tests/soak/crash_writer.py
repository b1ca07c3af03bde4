"""The writer that crash_safety kills: sign-ins, intakes and imports, for ever.

    python -m tests.soak.crash_writer DATABASE_URL ACK_FILE WORK_FOLDER SEED
    python -m tests.soak.crash_writer --migrate DATABASE_URL

Each write is one transaction through the desk's own services; only once it has committed
is it acknowledged (a line in ACK_FILE, fsynced), as the app tells the person at the desk
only once the commit has answered. "READY" on stdout once the first write is done.
"""

from __future__ import annotations

import csv
import random
import sys
import uuid
from pathlib import Path

from sqlalchemy import select

from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import check_mapping, guess_mapping
from desk.directory.sheet_read import read_sheet
from desk.models import Visit, VisitStatus
from desk.services.actor import command_line_actor
from desk.services.checkin import PurposeChoice, check_out, sign_in
from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from tests.soak.common import AckLog

IMPORT_ROWS = 12
NAMES = ["Ana", "Bo", "Chidi", "Dana", "Émile", "Farah", "Gus", "Hana", "Jun", "Łukasz"]


def import_batch(database: Database, folder: Path, batch: str) -> None:
    path = folder / f"{batch}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Address", "City", "ZIP", "Phone", "Category"])
        for row in range(IMPORT_ROWS):
            writer.writerow(
                [f"{batch} program {row}", f"{row + 1} Main St", "Worcester", "01608", "", "Food"]
            )
    sheet = read_sheet(path)
    mapping = check_mapping(guess_mapping(sheet.header), sheet.header)
    with database.transaction() as session:
        preview = preview_resources(session, sheet, mapping)
        import_resources(session, command_line_actor(session), preview)


def migrate() -> None:
    """`python -m tests.soak.crash_writer --migrate URL`: the start-up upgrade, as the app
    and `db upgrade` run it; "READY" just before it begins."""
    database = Database.open(sys.argv[2])
    print("READY", flush=True)
    upgrade_database(database)
    print("DONE", flush=True)


def main() -> None:
    if sys.argv[1] == "--migrate":
        migrate()
        return
    url, ack_path, folder, seed = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    database = Database.open(url)
    acks = AckLog(ack_path)
    with database.session() as session:
        actor = command_line_actor(session)
    ready = False
    while True:
        kind = rng.choices(["sign_in", "intake", "import", "check_out"], [5, 3, 1, 2])[0]
        key = uuid.uuid4().hex
        if kind == "intake":
            with database.transaction() as session:
                name = rng.choice(NAMES)
                person = create_person(
                    session, actor, PersonDetails(first_name=name), idempotency_key=key
                )
                visit = sign_in(
                    session, actor, person_id=person.id, purposes=[PurposeChoice("drop_in")]
                )
            acks.ack(kind="person", id=person.id, key=key, visit=visit)
        elif kind == "sign_in":
            with database.transaction() as session:
                visit = sign_in(
                    session,
                    actor,
                    person_id=None,
                    purposes=[PurposeChoice("drop_in")],
                    anonymous_initials=rng.choice(["J.D.", "A.B.", None]),
                    idempotency_key=key,
                )
            acks.ack(kind="visit", id=visit, key=key)
        elif kind == "check_out":
            with database.transaction() as session:
                waiting = select(Visit).where(Visit.status == VisitStatus.WAITING).limit(1)
                open_visit = session.scalars(waiting).first()
                if open_visit is None:
                    continue
                check_out(session, actor, open_visit.id, open_visit.version)
                visit_id = open_visit.id
            acks.ack(kind="check_out", id=visit_id)
        else:
            batch = f"b{uuid.uuid4().hex[:10]}"
            import_batch(database, folder, batch)
            acks.ack(kind="import", batch=batch, rows=IMPORT_ROWS)
        if not ready:
            print("READY", flush=True)
            ready = True


if __name__ == "__main__":
    main()
