"""Writing a file so that it is either wholly the new one or still the old one.

The bytes go to a temporary file in the same folder, are flushed and fsynced, then renamed
over the target (an atomic step on every file system we run on). A full disk or a crash
half-way leaves the old file untouched and no stray temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from desk.errors import DeskError


class OutputNotWritten(DeskError):
    """A file the person asked for could not be written; any file already there is kept."""


def write_file_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputNotWritten(
            f"{path} could not be written: {exc.strerror or exc}.",
            hint="Choose a folder that exists and can be written to.",
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputNotWritten(
            f"{path} could not be written: {exc.strerror or exc}.",
            hint="Nothing was changed. Check the disk has room and the folder can be written to.",
        ) from None
