"""`recovery-desk backup [--to DIR]` and `recovery-desk restore FILE [--yes]`.

The backup passphrase comes from RECOVERY_DESK_BACKUP_PASSPHRASE or is asked for at a
terminal; it is needed only to set it (the first encrypted backup) and to restore an
encrypted backup. Nothing here replaces a database without asking, unless `--yes` is given;
with no terminal to ask at, it refuses instead.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from desk.access import Permission
from desk.backup.automatic import backup_now, resolve_target
from desk.backup.making import manual_pg_dump_hint, pg_dump_command
from desk.backup.restore import (
    CheckedBackup,
    DatabaseSummary,
    check_backup,
    decrypt_to_private_file,
    encrypted_content,
    file_kind,
    pg_restore_instructions,
    replace_sqlite_database,
    summarise_database,
)
from desk.cli.common import describe_upgrade
from desk.cli.rights import signed_in_actor
from desk.config import parse_database_url, resolve_database_url
from desk.db.engine import open_database
from desk.db.migrate import refuse_if_too_new, schema_status
from desk.db.startup import open_and_upgrade
from desk.errors import BackupFailed, DeskError, NotABackup
from desk.models.base import utc_now
from desk.paths import data_dir
from desk.services.actor import command_line_actor
from desk.services.backups import key_for_passphrase, load_backup_policy, record_restore

PASSPHRASE_ENV = "RECOVERY_DESK_BACKUP_PASSPHRASE"


def register(commands: argparse._SubParsersAction) -> None:
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
    backup.set_defaults(handler=backup_command)
    restore = commands.add_parser(
        "restore", help="replace the database with a backup, after checking it"
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup file")
    restore.add_argument("--yes", action="store_true", help="replace without asking (for scripts)")
    restore.set_defaults(handler=restore_command)


def ask_passphrase(*, confirm: bool) -> str:
    from_environment = os.environ.get(PASSPHRASE_ENV)
    if from_environment:
        return from_environment
    if not sys.stdin.isatty():
        raise DeskError(
            "The backup passphrase is needed, and there is no terminal to ask for it.",
            hint=f"Set {PASSPHRASE_ENV}, or run the command at a terminal.",
        )
    first = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        raise DeskError("The two passphrases differ; nothing was changed.")
    return first


def backup_command(args: argparse.Namespace) -> int:
    # A backup copies the database as it is: it never upgrades it first.
    database = open_database(resolve_database_url(args.database))
    try:
        refuse_if_too_new(schema_status(database), database)
        if database.is_postgresql and pg_dump_command() is None:
            raise BackupFailed(
                "pg_dump, PostgreSQL's backup program, is not on this station's PATH.",
                hint=manual_pg_dump_hint(database),
            )
        with database.session() as session:
            actor = command_line_actor(session)
            policy = load_backup_policy(session)
        key = policy.key
        target = resolve_target(database, args.to, key)
        if not target.is_default and (key is None or os.environ.get(PASSPHRASE_ENV)):
            first = key is None
            passphrase = ask_passphrase(confirm=first)
            with database.transaction() as session:
                key = key_for_passphrase(session, actor, passphrase)
            if first:
                print(
                    "The center's backup passphrase is now set. Keep it somewhere safe: "
                    "without it, the encrypted backups cannot be opened.",
                    file=sys.stderr,
                )
        made = backup_now(database, actor, "manual", folder=args.to, key=key)
        print(made.path)
        return 0
    finally:
        database.dispose()


def _describe(summary: DatabaseSummary) -> str:
    last = f", last activity {summary.last_activity[:16]} UTC" if summary.last_activity else ""
    return f"{summary.people:,} people, {summary.visits:,} visits{last}"


def _confirm(args: argparse.Namespace, question: str) -> None:
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise DeskError(
            "Restoring replaces the database, and there is no terminal to ask first.",
            hint="Add --yes to replace it without asking. Nothing was changed.",
        )
    answer = input(f"{question} [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        raise DeskError("Not restored; nothing was changed.")


def restore_command(args: argparse.Namespace) -> int:
    url_text = resolve_database_url(args.database)
    url = parse_database_url(url_text)
    source: Path = args.file
    if url.get_backend_name() == "postgresql":
        return _explain_postgres_restore(source, url.database or "recovery_desk")
    if url.database in (None, "", ":memory:"):
        raise DeskError("A database held only in memory cannot be restored into.")
    database_path = Path(url.database).expanduser().resolve()
    _refuse_unless_admin(args, database_path)
    kind = file_kind(source)
    passphrase = None
    if kind == "encrypted" and encrypted_content(source) == "sqlite":
        passphrase = ask_passphrase(confirm=False)
    checked = check_backup(source, passphrase, work_folder=database_path.parent)
    try:
        _show_and_confirm(args, checked, database_path)
        aside = replace_sqlite_database(checked, database_path, utc_now().astimezone())
    finally:
        checked.discard()
    database, upgrade = open_and_upgrade(f"sqlite:///{database_path}")
    try:
        with database.transaction() as session:
            record_restore(session, command_line_actor(session), source, checked.made_at, aside)
    finally:
        database.dispose()
    print(f"Restored {database_path} from {source}.")
    if aside is not None:
        print(f"The database it replaced is kept at {aside}.")
    print(f"Schema: {describe_upgrade(upgrade)}.")
    return 0


def _refuse_unless_admin(args: argparse.Namespace, database_path: Path) -> None:
    """Restoring replaces everyone's records: an admin signs in for it (desk.cli.rights).
    A database that cannot be opened at all has no admin to ask: the file is the gate."""
    if summarise_database(database_path) is None:
        return
    current = open_database(f"sqlite:///{database_path}")
    try:
        signed_in_actor(current, args, Permission.MANAGE_BACKUPS, "Restoring a backup")
    finally:
        current.dispose()


def _show_and_confirm(
    args: argparse.Namespace, checked: CheckedBackup, database_path: Path
) -> None:
    made = checked.made_at.strftime("%Y-%m-%d %H:%M") if checked.made_at else "an unknown date"
    holds = _describe(checked.summary)
    print(f"The backup {checked.source.name} (made {made}, center time) holds {holds}.")
    current = summarise_database(database_path)
    if current is None and database_path.exists():
        print(f"It will replace {database_path}, which cannot be read as a database.")
    elif current is None:
        print(f"It will become the database at {database_path} (there is none there now).")
    else:
        print(f"It will replace the database at {database_path}: {_describe(current)}.")
        print("The current database is kept aside, beside it, first.")
    _confirm(args, "Replace it?")


def _explain_postgres_restore(source: Path, database_name: str) -> int:
    kind = file_kind(source)
    if kind == "encrypted" and encrypted_content(source) == "pg_dump":
        # Into this station's private data folder, never beside the file on a drive.
        plain = decrypt_to_private_file(source, ask_passphrase(confirm=False), data_dir())
        dump = plain.with_name(source.name.removesuffix(".encrypted"))
        os.replace(plain, dump)
        print(f"Decrypted to {dump} (readable by you only; delete it once restored).")
        source = dump
    elif kind != "pg_dump":
        raise NotABackup(
            f"{source.name} is not a PostgreSQL backup (pg_dump), and the configured "
            "database is PostgreSQL.",
            hint="A SQLite backup restores into a SQLite database: use "
            "--database sqlite:///path/to/file.sqlite3. Nothing was changed.",
        )
    print(pg_restore_instructions(source, database_name), file=sys.stderr)
    return 1
