"""A failed write never destroys the file it was replacing (issue 16, defect 1)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from desk import atomic_files
from desk.atomic_files import (
    TEMP_PREFIX,
    atomic_write,
    remove_leftovers,
    replace_files_atomically,
    write_bytes_atomically,
)
from tests.small_disk import SmallDisk


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob(f"{TEMP_PREFIX}*"))


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_failure_while_writing_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"the good one")
    with pytest.raises(OSError), atomic_write(target) as output:
        output.write(b"half of the new")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_bytes() == b"the good one"
    assert leftovers(tmp_path) == []


def test_a_failing_fsync_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Delayed allocation and network shares report a full disk only at flush or fsync."""
    target = tmp_path / "export.json"
    target.write_text("old")

    def full(_handle: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_files.os, "fsync", full)
    with pytest.raises(OSError):
        write_bytes_atomically(target, b"new")
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_modes_new_replaced_and_asked_for(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pdf"
    write_bytes_atomically(fresh, b"x")
    assert mode_of(fresh) == 0o666 & ~atomic_files._UMASK  # as an ordinary new file

    shared = tmp_path / "shared.pdf"
    shared.write_bytes(b"old")
    shared.chmod(0o640)
    write_bytes_atomically(shared, b"new")
    assert shared.read_bytes() == b"new" and mode_of(shared) == 0o640

    private = tmp_path / "private.ini"
    write_bytes_atomically(private, b"x", mode=0o600)
    assert mode_of(private) == 0o600


def test_a_folder_package_is_replaced_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "service.csv").write_text("old services")
    (folder / "notes.txt").write_text("someone else's file")
    calls = []
    real_fsync = os.fsync

    def fails_on_the_third(handle: int) -> None:
        calls.append(handle)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(handle)

    monkeypatch.setattr(atomic_files.os, "fsync", fails_on_the_third)
    files = {"datapackage.json": b"{}", "service.csv": b"new services", "phone.csv": b"p"}
    with pytest.raises(OSError):
        replace_files_atomically(folder, files)
    assert (folder / "service.csv").read_text() == "old services"
    assert not (folder / "datapackage.json").exists()
    assert leftovers(folder) == []

    monkeypatch.setattr(atomic_files.os, "fsync", real_fsync)
    replace_files_atomically(folder, files)
    assert (folder / "service.csv").read_bytes() == b"new services"
    assert (folder / "notes.txt").read_text() == "someone else's file"  # never touched


def test_leftovers_of_a_killed_process_are_removed(tmp_path: Path) -> None:
    (tmp_path / f"{TEMP_PREFIX}sheet.pdf.abc123").write_bytes(b"partial")
    (tmp_path / "sheet.pdf").write_bytes(b"good")
    assert remove_leftovers(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_on_a_really_full_disk(small_disk: SmallDisk) -> None:
    target = small_disk.folder / "sheet.pdf"
    good = os.urandom(100_000)
    target.write_bytes(good)
    small_disk.fill(leave=20_000)
    with pytest.raises(OSError) as raised:
        write_bytes_atomically(target, os.urandom(200_000))
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == good
    assert leftovers(small_disk.folder) == []
