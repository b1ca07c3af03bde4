"""The subcommands' arguments, declared without importing the commands themselves.

Why here and not beside each command: the app starts through the same parser
(`recovery-desk` with no subcommand opens the window), and importing every command to build
it cost about a second before the window could appear (the spreadsheet reader, the PDF
renderer, Alembic). Each handler is named by module and function, and its module (with
everything it needs) is imported only when that subcommand runs.
"""

from __future__ import annotations

import argparse
import importlib
from datetime import date
from pathlib import Path

# The choices of `export-hsds --format` and `--lang`; tests check these against
# desk.hsds.exporter.FORMATS and desk.printing.catalogue.LANGUAGES.
EXPORT_FORMATS = ("csv", "json")
SHEET_LANGUAGES = ("en", "es")
# The choices of `report --format`; a test checks them against
# desk.services.report_exports.REPORT_FORMATS.
REPORT_FORMATS = ("csv", "xlsx", "pdf")


class LazyHandler:
    """A subcommand's handler, imported when called: `module:function`."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __call__(self, args: argparse.Namespace) -> int:
        module_name, function_name = self.target.split(":")
        return getattr(importlib.import_module(module_name), function_name)(args)


def _handler(target: str) -> dict[str, LazyHandler]:
    return {"handler": LazyHandler(f"desk.cli.{target}")}


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return value


def _years(text: str) -> float:
    value = float(text)
    if not 0 < value <= 20:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 20")
    return value


def register_all(commands: argparse._SubParsersAction) -> None:
    _register_self_check(commands)
    _register_db(commands)
    _register_seed(commands)
    _register_directory(commands)
    _register_referrals(commands)
    _register_backups(commands)
    _register_report(commands)
    _register_schedule(commands)


def _register_self_check(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "self-check",
        help="open (or create) and migrate the database, test a write, render a PDF",
    )
    check.set_defaults(**_handler("self_check:self_check_command"))


def _register_db(commands: argparse._SubParsersAction) -> None:
    db = commands.add_parser("db", help="database schema: upgrade it, or show where it stands")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="create or upgrade the schema to the newest")
    upgrade.set_defaults(**_handler("db_commands:upgrade_command"))
    current = actions.add_parser("current", help="show the schema version, changing nothing")
    current.set_defaults(**_handler("db_commands:current_command"))


def _register_seed(commands: argparse._SubParsersAction) -> None:
    seed = commands.add_parser(
        "seed-demo", help="fill the configured database with sample data (demo or scale)"
    )
    seed.add_argument(
        "--people",
        type=_positive_int,
        default=300,
        metavar="N",
        help="people to create (default 300)",
    )
    seed.add_argument(
        "--years",
        type=_years,
        default=0.25,
        metavar="Y",
        help="years of visits, ending today (default 0.25, about 3 months)",
    )
    seed.add_argument(
        "--services",
        type=_positive_int,
        default=None,
        metavar="S",
        help="directory services (default: the sample catalog's 50; more repeats it with "
        "variations)",
    )
    seed.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    seed.set_defaults(**_handler("seed_command:seed_command"))


def _register_directory(commands: argparse._SubParsersAction) -> None:
    hsds_in = commands.add_parser(
        "import-hsds",
        help="import an Open Referral HSDS 3.0 package (folder or .zip with datapackage.json) "
        "or JSON file into the directory, all or nothing",
    )
    hsds_in.add_argument("path", metavar="PATH", type=Path)
    hsds_in.set_defaults(**_handler("directory_commands:import_hsds_command"))
    hsds_out = commands.add_parser(
        "export-hsds", help="export the directory as HSDS 3.0 (a CSV package or JSON)"
    )
    hsds_out.add_argument(
        "path", metavar="PATH", type=Path, help="a folder or a .zip for csv; a .json file for json"
    )
    hsds_out.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    hsds_out.set_defaults(**_handler("directory_commands:export_hsds_command"))
    sheet = commands.add_parser(
        "import-resources",
        help="import a center's own list of resources (CSV or XLSX), all or nothing",
    )
    sheet.add_argument("file", metavar="FILE", type=Path)
    sheet.add_argument(
        "--mapping",
        metavar="MAPPING.json",
        type=Path,
        help='which column holds what, e.g. {"name": "Program"}; '
        "guessed from the headings when not given",
    )
    sheet.add_argument(
        "--map",
        metavar="FIELD=COLUMN",
        action="append",
        default=[],
        help='one field\'s column, over the guess or the mapping file (e.g. --map "notes=Notes" '
        "keeps that column as a paragraph of each description); may be given again",
    )
    sheet.add_argument(
        "--dry-run",
        action="store_true",
        help="show the columns chosen, with sample values, and what the import would do, "
        "repairs included; save nothing",
    )
    sheet.set_defaults(**_handler("directory_commands:import_resources_command"))


def _register_referrals(commands: argparse._SubParsersAction) -> None:
    sheet = commands.add_parser(
        "referral-sheet",
        help="write a referral sheet PDF for one or more services (HSDS service ids)",
    )
    sheet.add_argument(
        "--service",
        metavar="ID",
        action="append",
        required=True,
        help="an HSDS service id, as export-hsds writes it; repeat for each service, in order",
    )
    sheet.add_argument("--person", metavar="ID", type=int, help="the person it is for (number)")
    sheet.add_argument(
        "--lang",
        choices=SHEET_LANGUAGES,
        help="the sheet's language; default: the person's preferred language, else en",
    )
    sheet.add_argument("--large-print", action="store_true", help="large print (16 pt text)")
    sheet.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    sheet.set_defaults(**_handler("referral_commands:referral_sheet_command"))

    handout = commands.add_parser(
        "handout", help="write a handout PDF of every current service in one category"
    )
    handout.add_argument(
        "--category",
        metavar="NAME",
        required=True,
        help="a category's code, English or Spanish name, e.g. detox or “Detox & withdrawal”",
    )
    handout.add_argument("--lang", choices=SHEET_LANGUAGES, default="en")
    handout.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    handout.set_defaults(**_handler("referral_commands:handout_command"))


def _register_backups(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="make a backup now and print its path (encrypted outside the default folder)",
    )
    backup.add_argument(
        "--to",
        metavar="DIR",
        type=Path,
        help="the folder to write it in (default: the backups folder beside the database)",
    )
    backup.set_defaults(**_handler("backup_commands:backup_command"))
    restore = commands.add_parser(
        "restore", help="replace the database with a backup, after checking it"
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup file")
    restore.add_argument("--yes", action="store_true", help="replace without asking (for scripts)")
    restore.set_defaults(**_handler("backup_commands:restore_command"))


def _register_report(commands: argparse._SubParsersAction) -> None:
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
    report.set_defaults(**_handler("report_command:report_command"))


def _week_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” is not a date: give one as YYYY-MM-DD, e.g. 2026-12-07"
        ) from None


def _register_schedule(commands: argparse._SubParsersAction) -> None:
    """`schedule --week YYYY-MM-DD [--lang es] [--large-print] --out FILE.pdf`: keep these
    names, scheduled tasks call them ("print next week's sheet every Friday")."""
    schedule = commands.add_parser(
        "schedule", help="write the handout “This week at the center” (the week's groups) as a PDF"
    )
    schedule.add_argument(
        "--week",
        metavar="YYYY-MM-DD",
        type=_week_day,
        required=True,
        help="any date of the week (Monday to Sunday) to print",
    )
    schedule.add_argument(
        "--lang", choices=SHEET_LANGUAGES, default="en", help="en (default) or es"
    )
    schedule.add_argument("--large-print", action="store_true", help="large print (16 pt text)")
    schedule.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    schedule.set_defaults(**_handler("schedule_command:schedule_command"))
