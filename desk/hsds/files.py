"""Reading files that come from outside, safely: size limits, zip paths, text encodings, CSV.

Every failure here is the sender's file, not a bug, so each becomes a plain message (an
`UnreadableFile`) naming the file, the line where it can, and what to do about it.
"""

from __future__ import annotations

import csv
import io
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desk.errors import DeskError

MAX_FILE_BYTES = 40 * 1024 * 1024  # one table or spreadsheet
MAX_PACKAGE_BYTES = 200 * 1024 * 1024  # everything in one package, unpacked
csv.field_size_limit(MAX_FILE_BYTES)


class UnreadableFile(DeskError):
    """A file that cannot be read as given; the message says which, where and why."""


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(name: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(
            f"{name} is {megabytes(size)}; the largest file Recovery Desk imports is "
            f"{megabytes(MAX_FILE_BYTES)}.",
            hint="Split it into smaller files, or remove columns you do not need, and import "
            "each part.",
        )


def safe_member_path(name: str) -> PurePosixPath:
    """A path inside a package, refused if it would point outside the package's folder."""
    normalized = name.replace("\\", "/")
    path = PurePosixPath(normalized)
    if (
        normalized.startswith("/")
        or (len(normalized) > 1 and normalized[1] == ":")
        or any(part == ".." for part in path.parts)
    ):
        raise UnreadableFile(
            f"The package names a file outside its own folder (“{name}”); it was not opened.",
            hint="Ask the sender for a package whose files all sit inside it.",
        )
    return path


class PackageSource:
    """The files of a package: a folder, or a .zip checked before anything is read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._zip_root = PurePosixPath()
        if path.is_dir():
            return
        if not path.exists():
            raise UnreadableFile(f"There is no file or folder {path}.")
        if not zipfile.is_zipfile(path):
            raise UnreadableFile(
                f"{path.name} is neither a folder nor a .zip file.",
                hint="Choose the folder holding datapackage.json, or a .zip of it.",
            )
        self._zip = zipfile.ZipFile(path)
        self._check_zip()

    def _check_zip(self) -> None:
        assert self._zip is not None
        total = 0
        for info in self._zip.infolist():
            safe_member_path(info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise UnreadableFile(
                    f"The zip file holds a link (“{info.filename}”), which could point "
                    "outside it; it was not opened.",
                    hint="Ask the sender for a zip of plain files.",
                )
            check_size(info.filename, info.file_size)
            total += info.file_size
        if total > MAX_PACKAGE_BYTES:
            raise UnreadableFile(
                f"{self.path.name} unpacks to {megabytes(total)}; the most Recovery Desk imports "
                f"at once is {megabytes(MAX_PACKAGE_BYTES)}.",
                hint="Split the package.",
            )
        names = [PurePosixPath(i.filename) for i in self._zip.infolist() if not i.is_dir()]
        if not any(n.name == "datapackage.json" and len(n.parts) == 1 for n in names):
            nested = [n for n in names if n.name == "datapackage.json" and len(n.parts) == 2]
            if len(nested) == 1:  # a zip of the folder rather than of its files
                self._zip_root = nested[0].parent

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def exists(self, name: str) -> bool:
        relative = safe_member_path(name)
        if self._zip is None:
            return (self.path / relative).is_file()
        try:
            self._zip.getinfo(str(self._zip_root / relative))
        except KeyError:
            return False
        return True

    def read_bytes(self, name: str) -> bytes:
        relative = safe_member_path(name)
        if self._zip is None:
            target = (self.path / relative).resolve()
            if not target.is_relative_to(self.path.resolve()):
                raise UnreadableFile(
                    f"“{name}” leads outside the package folder; it was not opened."
                )
            if not target.is_file():
                raise UnreadableFile(f"The package has no file {name}.")
            check_size(name, target.stat().st_size)
            return target.read_bytes()
        member = str(self._zip_root / relative)
        try:
            info = self._zip.getinfo(member)
        except KeyError:
            raise UnreadableFile(f"The package has no file {name}.") from None
        check_size(name, info.file_size)
        with self._zip.open(info) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        check_size(name, len(data))
        return data


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """UTF-8 (with or without a byte-order mark) unless the package says otherwise."""
    chosen = encoding or "utf-8-sig"
    try:
        return data.decode(chosen)
    except LookupError:
        raise UnreadableFile(
            f"{name} declares the encoding “{encoding}”, which is unknown."
        ) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            f"{name} is not UTF-8 text (byte 0x{data[error.start]:02X} on line {line}). It is "
            "probably saved in the Windows-1252 (ANSI) encoding.",
            hint='Save it again as “CSV UTF-8”, or add "encoding": "windows-1252" to its '
            "resource in datapackage.json, then import again.",
        ) from None


@dataclass(frozen=True)
class CsvTable:
    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number, cells)


def read_csv(text: str, name: str) -> CsvTable:
    """Parse strictly: an unclosed quote or a stray NUL is an error with its line number."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise UnreadableFile(
            f"{name} is not a CSV file: it holds binary data (a NUL byte on line {line}).",
            hint="Export the table again as CSV.",
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    try:
        for cells in reader:
            if header is None:
                header = [cell.strip() for cell in cells]
                continue
            if not any(cell.strip() for cell in cells):
                continue
            rows.append((reader.line_num, cells))
    except csv.Error as error:
        raise UnreadableFile(
            f"{name} is not valid CSV near line {reader.line_num}: {error}.",
            hint="Check for a quote that is opened and never closed, then export it again.",
        ) from None
    if not header or not any(header):
        raise UnreadableFile(f"{name} is empty: it has no header row.")
    blanks = [str(i + 1) for i, cell in enumerate(header) if not cell]
    if blanks:
        raise UnreadableFile(f"{name} has a column with no name (column {', '.join(blanks)}).")
    seen: set[str] = set()
    for cell in header:
        if cell in seen:
            raise UnreadableFile(f"{name} has two columns named “{cell}”.")
        seen.add(cell)
    return CsvTable(name, header, rows)


def iter_records(table: CsvTable) -> Iterator[tuple[int, dict[str, str] | None, int]]:
    """(line, cells by column, cell count); the dict is None when the count is wrong."""
    width = len(table.header)
    for line, cells in table.rows:
        if len(cells) != width:
            yield line, None, len(cells)
        else:
            yield line, dict(zip(table.header, cells, strict=True)), width
