"""`recovery-desk import-hsds`, `export-hsds` and `import-resources`: the directory's data.

Each import is all or nothing: on any problem it prints the full report, exits 1 and leaves
the database as it was (the refused attempt is noted in the audit trail).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.access import Permission
from desk.cli.common import open_and_upgrade
from desk.cli.rights import signed_in_actor
from desk.db.engine import Database
from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import check_mapping, guess_mapping, load_mapping_file
from desk.directory.sheet_read import read_sheet
from desk.hsds.exporter import FORMATS, export_hsds
from desk.hsds.files import UnreadableFile
from desk.hsds.importer import import_hsds, record_refused_import
from desk.hsds.report import ImportRefused, ImportReport
from desk.services.actor import Actor, command_line_actor


def register(commands: argparse._SubParsersAction) -> None:
    hsds_in = commands.add_parser(
        "import-hsds",
        help="import an Open Referral HSDS 3.0 package (folder or .zip with datapackage.json) "
        "or JSON file into the directory, all or nothing",
    )
    hsds_in.add_argument("path", metavar="PATH", type=Path)
    hsds_in.set_defaults(handler=import_hsds_command)
    hsds_out = commands.add_parser(
        "export-hsds", help="export the directory as HSDS 3.0 (a CSV package or JSON)"
    )
    hsds_out.add_argument(
        "path", metavar="PATH", type=Path, help="a folder or a .zip for csv; a .json file for json"
    )
    hsds_out.add_argument("--format", choices=FORMATS, default="csv")
    hsds_out.set_defaults(handler=export_hsds_command)
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
    sheet.set_defaults(handler=import_resources_command)


def _refused(database: Database, actor: Actor, report: ImportReport, kind: str) -> int:
    print(report.text(), file=sys.stderr)
    with database.transaction() as session:
        record_refused_import(session, actor, report, kind)
    return 1


def import_hsds_command(args: argparse.Namespace) -> int:
    database, _ = open_and_upgrade(args)
    try:
        actor = signed_in_actor(database, args, Permission.IMPORT_EXPORT, "Importing a directory")
        try:
            with database.transaction() as session:
                report = import_hsds(session, actor, args.path)
        except ImportRefused as refused:
            return _refused(database, actor, refused.report, "hsds")
        print(report.text())
        return 0
    finally:
        database.dispose()


def export_hsds_command(args: argparse.Namespace) -> int:
    database, _ = open_and_upgrade(args)
    try:
        with database.transaction() as session:
            summary = export_hsds(session, command_line_actor(session), args.path, args.format)
        print(f"Exported {summary.services:,} services as HSDS 3.0 {args.format} to {summary.path}")
        return 0
    finally:
        database.dispose()


def import_resources_command(args: argparse.Namespace) -> int:
    database, _ = open_and_upgrade(args)
    try:
        actor = signed_in_actor(
            database, args, Permission.IMPORT_EXPORT, "Importing a list of resources"
        )
        try:
            sheet = read_sheet(args.file)
        except UnreadableFile as error:
            report = ImportReport(source=args.file.name)
            report.reject(args.file.name, str(error))
            return _refused(database, actor, report, "resources")
        if args.mapping:
            mapping = check_mapping(load_mapping_file(args.mapping), sheet.header)
        else:
            mapping = check_mapping(guess_mapping(sheet.header), sheet.header)
            print("Columns: " + ", ".join(f"{k} = “{v}”" for k, v in mapping.items()))
        try:
            with database.transaction() as session:
                preview = preview_resources(session, sheet, mapping)
                report = import_resources(session, actor, preview)
        except ImportRefused as refused:
            return _refused(database, actor, refused.report, "resources")
        print(report.text())
        return 0
    finally:
        database.dispose()
