"""Run the installed `recovery-desk` command as a script at the center would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

COMMAND = Path(sys.executable).with_name("recovery-desk")


# Root reads and writes whatever the permission bits say. Without these capabilities it is
# held to them like anyone else, while it can still reach the checkout wherever it is (a
# clone under /root, or in a `mktemp -d` folder that no other user may enter).
ROOT_POWERS_OVER_FILES = "-dac_override,-dac_read_search,-fowner"


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    as_ordinary_user: bool = False,
    timeout: float = 120,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `recovery-desk ARGS`. `as_ordinary_user`: held to files' permission bits even
    when the tests run as root (as CI does). `input` (even "") gives the command a pipe, not
    a terminal, as a scheduled task has."""
    command = [str(COMMAND), *args]
    if as_ordinary_user and os.geteuid() == 0:
        command = ["setpriv", f"--bounding-set={ROOT_POWERS_OVER_FILES}", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        input=input,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )
