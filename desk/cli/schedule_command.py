"""`recovery-desk schedule`: the handout "This week at the center" as a PDF file (its
arguments are declared in desk.cli.parsers).

`--week` takes any date of the week (Monday to Sunday) and `--lang`/`--large-print` choose the
handout as the Groups page does; keep these names: scheduled tasks call them ("print next
week's sheet every Friday"). Writing the file is recorded in the activity log.
"""

from __future__ import annotations

import argparse

from desk.cli.common import open_and_upgrade
from desk.cli.referral_commands import _output
from desk.services.actor import command_line_actor
from desk.services.handouts import record_document_output
from desk.services.week_handout import week_schedule


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
