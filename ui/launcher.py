"""The `recovery-desk` entry point: a subcommand runs the admin CLI, otherwise the app opens.

Qt is imported only when the app opens, so admin commands work on a machine without a screen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    from desk.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is not None:
        sys.exit(run_command(args))
    from ui.pyside_import_hook import stop_keeping_module_sources

    stop_keeping_module_sources()
    from ui.start import run

    sys.exit(run(args))
