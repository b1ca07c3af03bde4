"""The admin command line: `recovery-desk SUBCOMMAND`. A thin layer over the services.

Scripts and scheduled tasks at the center call these subcommands; keep their names and
options stable. With no subcommand, `recovery-desk` opens the app (see ui/launcher.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from desk.cli.parsers import register_all
from desk.errors import DeskError

Handler = Callable[[argparse.Namespace], int]


class _VersionAction(argparse.Action):
    """`--version`, reading the version only when asked (reading it costs a scan of the
    installed packages, at every start otherwise)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        kwargs.setdefault("help", "show the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from desk import __version__

        parser.exit(message=f"recovery-desk {__version__}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recovery-desk",
        description="Recovery Desk: front-desk software for a peer recovery center. "
        "Without a subcommand, opens the app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy database URL (sqlite:///file.sqlite3 or "
        "postgresql+psycopg://user:pass@host/db); default: RECOVERY_DESK_DATABASE_URL, "
        "else a SQLite file in the per-user data folder",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a fresh demo database with sample data"
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="open the self sign-in kiosk for the door (full screen; an admin's password "
        "leaves it) instead of the app",
    )
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="sign in as this staff member, for commands that change records or show a "
        "person's information (the password is asked at the terminal, or read from "
        "RECOVERY_DESK_PASSWORD)",
    )
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    register_all(commands)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen subcommand; expected failures print a plain message, never a traceback."""
    handler: Handler = args.handler
    try:
        return handler(args)
    except DeskError as error:
        print(f"recovery-desk: {error.message}", file=sys.stderr)
        if error.hint:
            print(error.hint, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("recovery-desk: interrupted; nothing was saved.", file=sys.stderr)
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        print(
            "recovery-desk: no subcommand given (the app itself starts from ui.launcher).",
            file=sys.stderr,
        )
        return 2
    return run_command(args)
