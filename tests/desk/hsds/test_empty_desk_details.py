"""An attribute of the desk's own taxonomy with an empty value (found by the fuzzing in
tests/soak/test_fuzzing.py): "sample data" empty means not sample data, never a crash."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from desk.db.engine import Database
from desk.demo.seed_directory import seed_directory
from desk.hsds.desk_details import TERMS
from desk.hsds.export_tabular import export_tabular
from desk.hsds.importer import import_hsds
from desk.models import Service
from tests.staff import admin_actor


def test_an_empty_sample_flag_imports_as_not_sample(
    sqlite_database: Database, tmp_path: Path
) -> None:
    with sqlite_database.transaction() as session:
        seed_directory(
            session, services=5, today=date(2026, 11, 23), now=datetime.now(UTC),
            rng=random.Random(3),
        )  # fmt: skip
        export_tabular(session, tmp_path / "package")
    sample_term = next(term.term_id for term in TERMS if term.column == "is_sample")
    path = tmp_path / "package" / "attributes.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    flagged = [row for row in rows if row["taxonomy_term_id"] == sample_term]
    assert flagged, "the demo's services are marked as sample data"
    for row in flagged:
        row["value"] = ""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(output.getvalue(), encoding="utf-8")
    with sqlite_database.transaction() as session:
        import_hsds(session, admin_actor(session), tmp_path / "package")
    with sqlite_database.session() as session:
        assert set(session.scalars(select(Service.is_sample))) == {False}
