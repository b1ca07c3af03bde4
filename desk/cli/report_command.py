"""`recovery-desk report`: a period's report as CSV, XLSX or the funder's PDF, or the
de-identified visits (`--deidentified`), written to a file.

The report itself names nobody, so it runs unattended (a scheduled monthly report); the
de-identified visits are row by row, so they ask for an admin's sign-in. Every mistake in
the command is one line on stderr and a non-zero exit, before any work is done.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from desk.access import Permission
from desk.atomic_files import OutputNotWritten
from desk.cli.common import open_and_upgrade
from desk.cli.rights import read_only_actor, signed_in_actor
from desk.errors import DeskError
from desk.reports.periods import LONGEST_DAYS, Period, RangeKind
from desk.services.report_exports import (
    REPORT_FORMATS,
    export_deidentified_visits,
    export_report,
)


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report",
        help="write the report for a date range (CSV, XLSX or PDF), or de-identified visits",
    )
    report.add_argument("--from", dest="first", metavar="YYYY-MM-DD", required=True)
    report.add_argument("--to", dest="last", metavar="YYYY-MM-DD", required=True)
    report.add_argument("--format", dest="fmt", choices=REPORT_FORMATS, required=True)
    report.add_argument("--out", metavar="FILE", type=Path, required=True)
    report.add_argument(
        "--deidentified",
        action="store_true",
        help="one row per visit with no names, birth dates or notes (csv or xlsx); "
        "needs an admin's sign-in (--as)",
    )
    report.set_defaults(handler=report_command)


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DeskError(f"{option} {text!r} is not a date written YYYY-MM-DD.") from None


def checked_request(args: argparse.Namespace) -> Period:
    first, last = _day(args.first, "--from"), _day(args.last, "--to")
    if last < first:
        raise DeskError(f"--to {last} is before --from {first}: the range ends before it starts.")
    if (last - first).days >= LONGEST_DAYS:
        raise DeskError("A report covers at most ten years: choose a shorter range.")
    if args.deidentified and args.fmt == "pdf":
        raise DeskError("--deidentified writes csv or xlsx, not pdf.")
    out: Path = args.out
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise DeskError(f"Cannot write {out}: it is a folder; give a file name.")
    if not folder.is_dir():
        raise DeskError(f"Cannot write {out}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise DeskError(f"Cannot write {out}: permission denied.")
    return Period(first, last, RangeKind.CUSTOM)


def report_command(args: argparse.Namespace) -> int:
    period = checked_request(args)
    database, _ = open_and_upgrade(args)
    try:
        if args.deidentified:
            actor = signed_in_actor(
                database, args, Permission.EXPORT_VISITS, "The de-identified visit export"
            )
        else:
            actor = read_only_actor(database)
        try:
            done, what = _export(database, actor, period, args)
        except OutputNotWritten as error:  # the disk said no after all: still one line
            reason = error.message.rpartition(": ")[2]
            raise DeskError(f"Cannot write {args.out}: {reason}") from None
        print(f"Wrote {what} to {done.path}")
        return 0
    finally:
        database.dispose()


def _export(database, actor, period: Period, args: argparse.Namespace):
    with database.transaction() as session:
        if args.deidentified:
            done = export_deidentified_visits(session, actor, period, args.out, args.fmt)
            return done, f"{done.rows:,} de-identified visits"
        done = export_report(session, actor, period, args.fmt, args.out)
        return done, f"the report for {period.label()} ({args.fmt})"
