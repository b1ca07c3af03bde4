"""Writing files so that a failed write never destroys the file it was replacing.

A PDF saved over yesterday's, an export to a nearly full USB stick, a settings file written
as the power goes: written in place, each of these can leave a truncated file where a good
one was. Here every output goes to a temporary file in the same folder, is flushed and
fsynced, and only then renamed over the target (a rename within one folder is atomic on
every file system the app runs on). On any failure the temporary file is removed and the
old file is left as it was.

Permissions: a file replaced keeps its mode; a new one gets the mode an ordinary new file
would (0666 less the umask), or `mode` when the caller asks for one (0600 for what lives in
the data folder).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from desk.errors import DeskError
from desk.messages.core import COULD_NOT_BE_WRITTEN, NOTHING_WAS_CHANGED_CHECK_THAT

TEMP_PREFIX = ".rd-tmp-"  # temporary files start with this; left-overs are safe to delete


def _read_umask() -> int:
    """The process umask, read once at import (os.umask can only be read by setting it)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


_UMASK = _read_umask()


def _mode_for(path: Path, mode: int | None) -> int:
    if mode is not None:
        return mode
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no handle for a folder."""
    if os.name == "nt":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems (network shares) refuse fsync on a folder: nothing to do
    finally:
        os.close(handle)


def _temporary_beside(path: Path) -> tuple[int, Path]:
    handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", dir=path.parent)
    return handle, Path(name)


@contextmanager
def atomic_write(path: Path, *, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into; it replaces `path` only when the
    block ends without an error, after flush and fsync. On an error nothing is changed."""
    path = Path(path)
    permissions = _mode_for(path, mode)
    handle, temporary = _temporary_beside(path)
    try:
        with os.fdopen(handle, "wb") as output:
            yield output
            output.flush()
            os.fsync(output.fileno())
        os.chmod(temporary, permissions)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_folder(path.parent)


def write_bytes_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    with atomic_write(path, mode=mode) as output:
        output.write(data)


def write_text_atomically(
    path: Path, text: str, *, encoding: str = "utf-8", mode: int | None = None
) -> None:
    write_bytes_atomically(path, text.encode(encoding), mode=mode)


def replace_files_atomically(
    folder: Path, files: Mapping[str, bytes], *, mode: int | None = None
) -> None:
    """Write several files into `folder` (created if needed): every one is written and
    fsynced under a temporary name first, and only when all are on disk are they renamed
    into place, one by one. A failure while writing leaves every old file as it was; other
    files in the folder are never touched."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            permissions = _mode_for(target, mode)
            handle, temporary = _temporary_beside(target)
            staged.append((temporary, target))
            with os.fdopen(handle, "wb") as output:
                output.write(data)
                output.flush()
                os.fsync(output.fileno())
            os.chmod(temporary, permissions)
        for temporary, target in staged:
            os.replace(temporary, target)
    except BaseException:
        for temporary, _target in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    for parent in {target.parent for _temporary, target in staged}:
        fsync_folder(parent)


def copy_file_atomically(source: Path, target: Path, *, mode: int | None = None) -> None:
    """Copy `source` to `target` the same way: the old `target` survives a failed copy."""
    with open(source, "rb") as reading, atomic_write(target, mode=mode) as output:
        shutil.copyfileobj(reading, output, 1024 * 1024)


def remove_leftovers(folder: Path) -> int:
    """Delete temporary files a killed process left in `folder`; returns how many."""
    gone = 0
    for leftover in Path(folder).glob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            gone += 1
    return gone


class OutputNotWritten(DeskError):
    """A file the person asked for could not be written; any file already there is kept."""


def write_file_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """`write_bytes_atomically` for a file a person chose: a failure says so in words (a
    DeskError), with what was there before kept."""
    try:
        write_bytes_atomically(Path(path), data, mode=mode)
    except OSError as exc:
        raise OutputNotWritten(
            COULD_NOT_BE_WRITTEN.with_(path=path, value=exc.strerror or exc),
            hint=NOTHING_WAS_CHANGED_CHECK_THAT,
        ) from None
