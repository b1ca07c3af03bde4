"""Referral sheet and handout rendering speed.

    uv run python benchmarks/bench_referrals.py --database sqlite:////tmp/bench-referrals.sqlite3
    uv run python benchmarks/bench_referrals.py \
        --database postgresql+psycopg://desk:desk@localhost/bench_referrals

The database is created or migrated and filled with sample services until one category
holds at least 200 current services. Render figures time the PDF alone (the content built
once, as a reprint or a refreshed preview does); "load + render" figures time what the app
runs for a new sheet: the services read from the database, then the PDF.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import measure, run_tables
from desk.categories import CATEGORIES
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.demo.seed_directory import seed_directory
from desk.models import Service
from desk.printing.category_handout import render_category_handout
from desk.printing.qr import qr_operators, qr_runs
from desk.printing.referral_sheet import render_referral_sheet
from desk.services.actor import command_line_actor
from desk.services.handouts import category_handout, current_service_ids
from desk.services.referrals import ReferralRequest, build_sheet_content, prepare_sheet
from desk.services.sheet_services import load_sheet_services

HANDOUT_SERVICES = 200


def fill(database: Database) -> None:
    with database.session() as session:
        have = session.scalar(select(func.count()).select_from(Service))
    if have < 2500:
        with database.transaction() as session:
            seed_directory(
                session,
                services=2500 - have,
                today=date(2026, 11, 23),
                now=datetime(2026, 11, 23, tzinfo=UTC),
                rng=random.Random(11),
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--runs", type=int, default=60, help="renders timed per figure")
    parser.add_argument("--tables", type=int, default=3, help="times the whole table is run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    database = Database.open(args.database)
    upgrade_database(database)
    fill(database)
    today = date(2026, 11, 28)
    with database.session() as session:
        actor = command_line_actor(session)
        sizes = Counter(
            {category: len(current_service_ids(session, category)) for category in CATEGORIES}
        )
        category, size = sizes.most_common(1)[0]
        ids = current_service_ids(session, category)
        five = [i for i in ids if session.get(Service, i).url][:5]
        request = ReferralRequest(
            tuple(five),
            notes={five[0]: "Ask for Ana at the front desk; she speaks Spanish."},
            next_steps="Call Harbor Street tomorrow at 8 am. Come back Friday for your ID.",
        )
        sheet, _ = build_sheet_content(session, request, today)
        handout, _ = category_handout(session, category, "en", False, today)
    handout_200 = handout.__class__(
        **{**handout.__dict__, "services": handout.services[:HANDOUT_SERVICES]}
    )
    print(
        f"{database.url.get_backend_name()}: category “{category.name}” has {size} current "
        f"services; the sheet has {len(sheet.services)} services, each with a QR code"
    )
    render_referral_sheet(sheet)  # fonts loaded and subset tables built once per process

    def cold_sheet() -> None:
        qr_runs.cache_clear()
        qr_operators.cache_clear()
        render_referral_sheet(sheet)

    def load_and_render() -> None:
        with database.session() as session:
            prepare_sheet(session, actor, request, today)

    def handout_load_and_render() -> None:
        with database.session() as session:
            chosen = ids[:HANDOUT_SERVICES]
            services = load_sheet_services(session, chosen, "en")
            render_category_handout(
                handout.__class__(
                    **{**handout.__dict__, "services": tuple(services[i] for i in chosen)}
                )
            )

    def one_run() -> list:
        return figures(
            sheet,
            handout,
            handout_200,
            args.runs,
            cold_sheet,
            load_and_render,
            handout_load_and_render,
        )

    run_tables(
        "Referral sheets and handouts",
        database.url.get_backend_name(),
        one_run,
        args.tables,
        args.json,
    )
    database.dispose()
    return 0


def figures(sheet, handout, handout_200, runs, cold_sheet, load_and_render, handout_load):
    large = sheet.__class__(**{**sheet.__dict__, "large_print": True})
    return [
        measure(
            "5-service sheet with QR codes: render",
            [lambda: render_referral_sheet(sheet)] * runs,
            target_ms=50,
        ),
        measure("  the same, QR codes encoded afresh each time", [cold_sheet] * runs, 50),
        measure("  the same in large print", [lambda: render_referral_sheet(large)] * runs),
        measure("5-service sheet: load + render (a new sheet)", [load_and_render] * 30),
        measure(
            f"{HANDOUT_SERVICES}-service category handout: render",
            [lambda: render_category_handout(handout_200)] * 5,
            target_ms=2000,
        ),
        measure(
            f"{HANDOUT_SERVICES}-service handout: load + render",
            [handout_load] * 3,
            2000,
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
