"""`recovery-desk referral-sheet` and `handout`: the printed documents, as PDF files.

`referral-sheet` renders exactly what the app prints for the same services, person, language
and print size (the same content builder and renderer), without a name on it, as the app's
default is. Writing the file is an export, recorded in the activity log; it does not log a
referral given to a person (the app does that when a sheet is printed for them).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from desk.access import Permission
from desk.atomic_files import atomic_write
from desk.cli.common import open_and_upgrade
from desk.cli.rights import read_only_actor, signed_in_actor
from desk.errors import DeskError
from desk.services.actor import command_line_actor
from desk.services.handouts import category_handout, find_category, record_document_output
from desk.services.referrals import ReferralRequest, prepare_sheet, referral_defaults
from desk.services.settings import center_today


@contextmanager
def _output(path: Path) -> Iterator[BinaryIO]:
    """The PDF file, written atomically: it takes its place only once the activity log has
    recorded the export (committed), so no sheet leaves the desk unrecorded, and a failed
    write (a full disk) leaves the file that was there."""
    if not path.parent.is_dir():
        raise DeskError(
            f"Cannot write {path}: the folder {path.parent} does not exist.",
            hint="Create the folder first, or choose another --out.",
        )
    try:
        with atomic_write(path) as output:
            yield output
    except OSError as error:
        raise DeskError(
            f"Cannot write {path}: {error.strerror}.", hint="Choose another --out."
        ) from None


def referral_sheet_command(args: argparse.Namespace) -> int:
    database, _ = open_and_upgrade(args)
    try:
        actor = (
            signed_in_actor(
                database, args, Permission.PRINT_SHEETS, "A referral sheet for a person"
            )
            if args.person is not None
            else read_only_actor(database)
        )
        with _output(args.out) as output, database.transaction() as session:
            defaults = referral_defaults(session, actor, args.person)
            request = ReferralRequest(
                service_ids=tuple(args.service),
                person_id=args.person,
                language=args.lang or defaults.language,
                large_print=args.large_print,
                coach_id=defaults.coach_id,
            )
            prepared = prepare_sheet(session, actor, request, center_today(session))
            output.write(prepared.pdf)
            record_document_output(
                session,
                actor,
                "referral_sheet",
                None,
                printed=False,
                destination=str(args.out),
                person_id=args.person,
            )
        count = len(prepared.content.services)
        print(f"Wrote a referral sheet for {count} service(s) to {args.out}")
        return 0
    finally:
        database.dispose()


def handout_command(args: argparse.Namespace) -> int:
    category = find_category(args.category)
    database, _ = open_and_upgrade(args)
    try:
        with _output(args.out) as output, database.transaction() as session:
            actor = command_line_actor(session)
            content, pdf = category_handout(
                session, category, args.lang, False, center_today(session)
            )
            output.write(pdf)
            record_document_output(
                session,
                actor,
                "category_handout",
                category.code,
                printed=False,
                destination=str(args.out),
            )
        print(
            f"Wrote the “{content.category_name}” handout ({len(content.services)} services) "
            f"to {args.out}"
        )
        return 0
    finally:
        database.dispose()
