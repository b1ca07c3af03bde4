"""A real, nearly full disk for tests: a small tmpfs mounted in the test's temp folder.

Mounting needs root (CI runs as root on a fresh Debian machine); elsewhere the tests that
need it are skipped and say why. The unit tests of desk.atomic_files cover the same
behaviour with injected failures, so nothing is left untested on an ordinary account.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def free_bytes(self) -> int:
        stats = os.statvfs(self.folder)
        return stats.f_bavail * stats.f_frsize

    def fill(self, leave: int = 0) -> None:
        """Fill the disk, leaving about `leave` bytes free."""
        filler = self.folder / "filler"
        with open(filler, "ab") as handle:
            while (free := self.free_bytes()) > leave:
                handle.write(b"\0" * min(free - leave, 64 * 1024))
                handle.flush()


def mount_small_disk(folder: Path, size_kb: int) -> Iterator[SmallDisk]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("a full disk is simulated with a tmpfs mount, which needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 512 KB disk of its own in the test's temp folder."""
    yield from mount_small_disk(tmp_path / "small-disk", 512)
