"""Report speed at scale: a month's and a year's report, the funder's PDF of a month, and
today's counts, on five years of data (100,000 people, about a million visits).

Fill a database first (about a minute on SQLite), then measure:

    uv run recovery-desk --database sqlite:////tmp/bench5.sqlite3 \
        seed-demo --people 100000 --years 5
    uv run python benchmarks/bench_reports.py --database sqlite:////tmp/bench5.sqlite3

A postgresql+psycopg:// URL measures PostgreSQL. Each report is timed as the Reports page
asks for it: a short session that builds the period's figures and the previous period's
(both are in every report). How the times grow with the years of data: seed databases with
--years 1 to 5 and pass each with --growth YEARS=URL.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from benchmarks.timing import Figure, load, measure, report
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.models import Visit
from desk.reports.day_cache import keep_every_day
from desk.reports.periods import RangeKind, add_months, month_end
from desk.services.actor import command_line_actor
from desk.services.referrals import center_header
from desk.services.report_exports import report_bytes
from desk.services.reports import figure_list, period_report, todays_counts
from desk.services.settings import center_today, load_settings

MONTH_TARGET_MS = 200
YEAR_TARGET_MS = 1000
PDF_TARGET_MS = 1500


def _report(database: Database, first: date, last: date, pdf: bool = False):
    def run():
        with database.session() as session:
            actor = command_line_actor(session)
            made = period_report(session, actor, RangeKind.CUSTOM, first, last)
            if pdf:
                report_bytes(made, "pdf", center_header(load_settings(session)))

    return run


def months_back(today: date, count: int, rng: random.Random, span_months: int) -> list:
    """`count` whole months chosen among the last `span_months` (not the current one)."""
    latest = add_months(today.replace(day=1), -1)
    choices = [add_months(latest, -n) for n in range(max(1, span_months - 1))]
    return [(first, month_end(first)) for first in (rng.choice(choices) for _ in range(count))]


def measure_database(database: Database, runs: int, rng: random.Random, years: int) -> list:
    with database.session() as session:
        today = center_today(session)
    months = months_back(today, runs, rng, years * 12)
    whole_years = [
        (date(today.year - n, 1, 1), date(today.year - n, 12, 31)) for n in range(1, years)
    ] or [(date(today.year, 1, 1), today)]
    year_runs = [rng.choice(whole_years) for _ in range(max(3, runs // 2))]
    year_runs.append((date(today.year, 1, 1), today))  # this year so far
    with database.session() as session:
        oldest = session.scalar(select(func.min(Visit.local_day))) or today
    started = time.perf_counter()
    with database.session() as session:
        keep_every_day(session, oldest, today)
    first_count = round((time.perf_counter() - started) * 1000, 2)
    _report(database, *months[0])()  # the first run reads the indexes into the cache
    figures = [
        Figure(
            "counting every day once (first use; kept after)",
            1,
            first_count,
            first_count,
            first_count,
        ),
        measure(
            "a month's report (and the month before)",
            [_report(database, *m) for m in months],
            MONTH_TARGET_MS,
        ),
        measure(
            "a year's report (and the year before)",
            [_report(database, *y) for y in year_runs],
            YEAR_TARGET_MS,
        ),
        measure(
            "a month's PDF for funders (report + render)",
            [_report(database, *m, pdf=True) for m in months[: max(3, runs // 2)]],
            PDF_TARGET_MS,
        ),
    ]

    def today_counts():
        with database.session() as session:
            todays_counts(session, command_line_actor(session))

    def month_list():
        with database.transaction() as session:
            actor = command_line_actor(session)
            first, last = months[0]
            from desk.reports.periods import Period

            figure_list(session, actor, Period(first, last), "visits")
            session.rollback()  # the benchmark leaves no trace in the activity log

    figures.append(measure("today's counts (front desk)", [today_counts] * runs))
    figures.append(measure("the list behind a month's visits", [month_list] * 5))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--years", type=int, default=5, help="years of data in --database")
    parser.add_argument(
        "--growth",
        action="append",
        default=[],
        metavar="YEARS=URL",
        help="also time a month and a year on a database holding YEARS years of data",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    load_before = load()
    rng = random.Random(5)
    database = Database.open(args.database)
    upgrade_database(database)
    engine = database.engine.dialect.name
    figures = measure_database(database, args.runs, rng, args.years)
    database.dispose()
    for item in args.growth:
        years, _, url = item.partition("=")
        grown = Database.open(url)
        upgrade_database(grown)
        found = measure_database(grown, max(5, args.runs // 2), random.Random(5), int(years))
        grown.dispose()
        figures += [
            Figure(f"{years} year(s) of data: {f.name}", *list(vars(f).values())[1:])
            for f in found[1:3]  # a month's and a year's report
        ]
    report("Reports", engine, figures, args.json, load_before=load_before)


if __name__ == "__main__":
    main()
