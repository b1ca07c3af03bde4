"""A PostgreSQL server of the harness's own, to stop and start at will.

Other engineers' tests use the machine's PostgreSQL server; stopping it under them is not an
option. This makes a throw-away cluster (initdb into a temp folder, run as the `postgres`
OS user, trust authentication on 127.0.0.1 only) on a port of its own. It needs root (to
run the server as `postgres`) and the PostgreSQL server binaries; without them the caller
is told why, and the tests that need it are skipped with that reason.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


class Unavailable(RuntimeError):
    """Why no private PostgreSQL server can be made here."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivatePostgres:
    def __init__(self) -> None:
        if os.name != "posix" or os.geteuid() != 0:
            raise Unavailable("a private PostgreSQL server is run as the postgres user: needs root")
        bins = [d for d in BIN_DIRS if (d / "initdb").exists() and (d / "pg_ctl").exists()]
        if not bins:
            raise Unavailable("no PostgreSQL server binaries (initdb, pg_ctl) found")
        if shutil.which("runuser") is None:
            raise Unavailable("runuser is missing")
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("there is no postgres OS user") from None
        self.bin = bins[0]
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="rd-private-pg-"))
        self.data = self.folder / "data"
        shutil.chown(self.folder, "postgres", "postgres")
        self._as_postgres(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync"
        )
        self.running = False

    def _as_postgres(self, tool: str, *args: str) -> None:
        command = ["runuser", "-u", "postgres", "--", str(self.bin / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise Unavailable(f"{tool} failed: {(result.stderr or result.stdout).strip()}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._as_postgres(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
            "-w", "start",
        )  # fmt: skip
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` ends sessions and shuts down cleanly, `immediate` is a
        crash (recovery at the next start)."""
        self._as_postgres("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")
        self.running = False

    def remove(self) -> None:
        with contextlib.suppress(Unavailable):
            if self.running:
                self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def private_postgres():
    """A started private server, removed afterwards; raises Unavailable with the reason."""
    server = PrivatePostgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()
