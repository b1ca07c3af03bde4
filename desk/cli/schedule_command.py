"""`recovery-desk schedule`: the handout "This week at the center" as a PDF file.

`--week` takes any date of the week (Monday to Sunday) and `--lang`/`--large-print` choose the
handout as the Groups page does; keep these names: scheduled tasks call them ("print next
week's sheet every Friday"). Writing the file is recorded in the activity log.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desk.cli.common import open_and_upgrade
from desk.cli.referral_commands import _output
from desk.printing.catalogue import LANGUAGES
from desk.services.actor import command_line_actor
from desk.services.handouts import record_document_output
from desk.services.week_handout import week_schedule


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not a date: give one as YYYY-MM-DD, e.g. 2026-12-07"
        ) from None


def register(commands: argparse._SubParsersAction) -> None:
    schedule = commands.add_parser(
        "schedule", help="write the handout “This week at the center” (the week's groups) as a PDF"
    )
    schedule.add_argument(
        "--week",
        metavar="YYYY-MM-DD",
        type=_day,
        required=True,
        help="any date of the week (Monday to Sunday) to print",
    )
    schedule.add_argument("--lang", choices=LANGUAGES, default="en", help="en (default) or es")
    schedule.add_argument("--large-print", action="store_true", help="large print (16 pt text)")
    schedule.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    schedule.set_defaults(handler=schedule_command)


def schedule_command(args: argparse.Namespace) -> int:
    database, _ = open_and_upgrade(args)
    try:
        with _output(args.out) as output, database.transaction() as session:
            actor = command_line_actor(session)
            content, pdf = week_schedule(session, args.week, args.lang, args.large_print)
            output.write(pdf)
            record_document_output(
                session,
                actor,
                "week_schedule",
                content.monday.isoformat(),
                printed=False,
                destination=str(args.out),
            )
        held = sum(1 for entry in content.entries if not entry.cancelled)
        print(
            f"Wrote the week of {content.monday:%B} {content.monday.day}, {content.monday.year} "
            f"({held} meeting(s)) to {args.out}"
        )
        return 0
    finally:
        database.dispose()
