"""Run the installed `recovery-desk` command as a script at the center would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

COMMAND = Path(sys.executable).with_name("recovery-desk")


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    user: str | None = None,
    timeout: float = 120,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """`input` (even "") gives the command a pipe, not a terminal, as a scheduled task has."""
    command = [str(COMMAND), *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        input=input,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )
